"""Word knowledge in the faithfulness check (round faith2): lemmas from simplemma, the table of opposites,
reporting verbs of the same force, prescriptions, and what a quote says is absent. Each case edits one field
of the real example content and runs every rule on it, with a faithful twin that must draw nothing new."""

from __future__ import annotations

from briefwright.content import language, lexicon, wordsense
from tests.faith_edits import added_findings as _new


def test_irregular_forms_meet_their_lemma() -> None:
    assert language.content_words("He held it; they struck") == language.content_words("she holds it; they strike")
    # A spelling variant the lemma tables pick arbitrarily stays as written.
    assert language.lemma("defence") == "defence"


def test_the_opposites_table_is_symmetric_and_finds_a_swap() -> None:
    assert all(word in wordsense.OPPOSITES[other] for word, others in wordsense.OPPOSITES.items() for other in others)
    assert wordsense.swapped_opposite("Tokyo accepted the proposal", "Tokyo rejected the proposal") == (
        "accept", "reject")
    assert wordsense.swapped_opposite("Tokyo accepted the proposal", "Tokyo accepted the offer") is None


def test_a_word_swapped_for_its_opposite_reverses_the_passage(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:depends-on-beijing summary"
    found = _new(example, at, "keeps increasing military pressure", "keeps reducing military pressure")
    assert "claim-negation" in [rule for rule, _ in found] and "'reduce' where" in " ".join(m for _, m in found)
    assert _new(example, at, "keeps increasing military pressure", "keeps raising military pressure") == []


def test_a_clause_affirming_what_the_quotes_say_is_absent(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:shared-threat headline", None,
                 "Japan and Taiwan face one military threat with a military channel")
    assert [rule for rule, _ in found] == ["claim-negation"] and "'channel'" in found[0][1]
    assert _new(example, "point:shared-threat headline", None,
                "Japan and Taiwan face one military threat but have no military channel") == []


def test_absence_is_read_from_no_lack_and_without_only() -> None:
    assert "channel" in lexicon.absent_words("Taiwan's armed forces lack a channel of communication")
    assert "tank" not in lexicon.absent_words("It is not difficult for private think tanks to conduct research")
    assert lexicon.absent_words("If so, why could Japan not follow suit?") == frozenset()
    assert "scholar" not in lexicon.absent_words("there is no chance to visit otherwise, except for scholars")


def test_an_attributed_prescription_is_no_certainty_upgrade(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:influence-operations detail"
    assert _new(example, at, None, "Liao argues Taiwan should provide a wealth of experience.") == []
    found = _new(example, at, None, "Liao adds that Taiwan provides a wealth of experience.")
    assert [rule for rule, _ in found] == ["claim-certainty"]


def test_reporting_verbs_of_the_same_force_are_interchangeable(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:alliance-2plus2 detail"
    for verb in ("stressed", "emphasised again", "restated"):
        assert _new(example, at, "reiterated", verb) == [], verb
    assert wordsense.force("stressed") == wordsense.force("reiterating") != wordsense.force("warned")


def test_a_number_word_naming_a_kind_counts_nothing() -> None:
    assert language.quantities("a live two-way exchange").numbers == frozenset()
    assert language.quantities("a two-year plan").numbers == {2.0}


def test_lacking_states_a_condition() -> None:
    assert lexicon.conditions("lacking law or precedent, even an evacuation would be a problem")


def test_a_headline_keeps_the_hedge_of_the_summary_clause_it_compresses(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:rear-area-logistics headline"
    found = _new(example, at, None, "Japan stores US arms bound for Taiwan, Kotani argues")
    assert [rule for rule, _ in found] == ["claim-certainty"] and "summary clause" in found[0][1]
    assert _new(example, at, None, "Japan would probably store US arms bound for Taiwan, Kotani argues") == []
    # A hedge in what follows the compressed part ("… a war Beijing might launch") is not the headline's.
    assert _new(example, "point:okinawa-electronic-warfare headline", None,
                "Japan has reinforced electronic warfare in Okinawa, Yao reports") == []


def test_a_headline_keeps_the_attribution_of_an_estimate(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:balance-shifting headline"
    found = _new(example, at, None, "The military balance is moving in China's favour")
    assert [rule for rule, _ in found] == ["claim-opinion"] and "“judges”" in found[0][1]
    assert _new(example, at, None, "Liao judges the military balance is moving in China's favour") == []


def test_a_different_kind_of_place_widens_the_scope(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:missiles-in-eez summary"
    found = _new(example, at, "fell inside Japan's Exclusive Economic Zone", "fell on Japanese territory")
    assert "claim-scope" in [rule for rule, _ in found] and "territory" in " ".join(m for _, m in found)
    # A synonym of the quote's own kind of place ("coast" for "shore") moves nothing.
    assert _new(example, "point:yonaguni-proximity summary", "off Taiwan's eastern shore",
                "off Taiwan's eastern coast") == []


def test_across_a_place_widens_it_but_across_a_strait_does_not(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:okinawa-electronic-warfare summary", "electronic warfare deployment in Okinawa",
                 "electronic warfare deployment across Japan")
    assert [rule for rule, _ in found] == ["claim-scope"]
    assert lexicon.scope_terms("an invasion across the taiwan strait") == []


def test_what_a_source_urges_others_to_do_is_not_done(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:event-2020-gti-study summary"
    found = _new(example, at, None, "After an October 2020 Global Taiwan Institute study, Taiwan and the United "
                 "States enhanced their sharing of emergency-management information.")
    assert "claim-aspect" in [rule for rule, _ in found]
    assert lexicon.prospective("a study encouraged Taiwan and the United States to share information")


def test_a_reporting_verb_attributes_what_follows_it_not_what_precedes(example) -> None:  # type: ignore[no-untyped-def]
    at = "point:cyber-threshold summary"
    found = _new(example, at, "Liao sees cyber cooperation as easier", "Cyber cooperation is a good deal easier")
    assert "claim-opinion" in [rule for rule, _ in found]
    # A reporting aside attributes the whole sentence.
    assert _new(example, at, "Liao sees cyber cooperation as easier", "Cyber cooperation, Liao says, is easier") == []


def test_a_predicate_denial_denies_its_head_only(example) -> None:  # type: ignore[no-untyped-def]
    assert lexicon.denied_heads("It is not difficult for private think tanks to conduct research") == {"difficult"}
    at = "point:track-dialogue summary"
    found = _new(example, at, "universities and think tanks can already hold",
                 "it is difficult for universities and think tanks to hold")
    assert "claim-negation" in [rule for rule, _ in found] and "'difficult'" in " ".join(m for _, m in found)
    assert _new(example, at, "universities and think tanks can already hold",
                "universities and think tanks would find it easy to hold") == []
