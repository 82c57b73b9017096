"""Faithfulness rules that must hold for any English text, each shown on neutral sentences that are in no
corpus (a city council, a river authority, a school board): the rule fires on the distortion and stays
silent on a faithful paraphrase of the same quote."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from briefwright.content.alignment import Finding, LintContext, Names
from briefwright.content.breadth import check_breadth
from briefwright.content.claims import Claim
from briefwright.content.conditionality import check_whole_clause_condition
from briefwright.content.force import check_force
from briefwright.content.meaning import check_condition, check_scope
from briefwright.content.polarity import check_polarity
from briefwright.content.sequence import check_sequence
from briefwright.content.speakers import check_speakers
from briefwright.content.stance import check_stance
from briefwright.diagnostics import Where
from briefwright.sources.registry import SourceRegistry

Rule = Callable[[Claim, LintContext], Iterator[Finding]]


def _context() -> LintContext:
    registry = SourceRegistry({}, Path("sources.yaml"))
    return LintContext(registry, Names(registry))


def _findings(rule: Rule, text: str, quotes: list[str], field: str = "summary") -> list[str]:
    claim = Claim("point:test", field, text, tuple(("minutes", quote) for quote in quotes), ("minutes",), Where())
    return [finding.message for finding in rule(claim, _context())]


COUNCIL = ("If the river floods again, the council will close the lower bridge. "
           "If the grant arrives, the school board will hire two teachers.")


def test_a_condition_in_another_sentence_does_not_keep_this_ones() -> None:
    # The first condition is kept, the second dropped: a condition governs its clause, not the next conjunct.
    dropped = ("The chair said that if the river floods again, the council will close the lower bridge, "
               "and the school board will hire two teachers.")
    found = _findings(check_condition, dropped, [COUNCIL])
    assert found and "drops the condition" in found[0] and "grant arrives" in found[0]
    kept = ("The chair said that if the river floods again, the council will close the lower bridge, "
            "and if the grant arrives, the school board will hire two teachers.")
    assert _findings(check_condition, kept, [COUNCIL]) == []


def test_a_time_limit_does_not_keep_a_hypothesis() -> None:
    quote = "If the auditors agree, the authority will keep the reservoir closed until the repairs are paid for."
    found = _findings(check_condition, "The authority will keep the reservoir closed until the repairs are paid "
                      "for.", [quote])
    assert found and "auditors agree" in found[0]
    # "when" for "if" supposes as well: a faithful paraphrase.
    assert _findings(check_condition, "When the auditors agree, the authority will keep the reservoir closed "
                     "until the repairs are paid for.", [quote]) == []


def test_a_restricting_qualifier_is_a_condition() -> None:
    quote = "In a narrow sense, the council cannot repeal the bylaw on parking."
    found = _findings(check_condition, "The council cannot repeal the bylaw on parking.", [quote])
    assert found and "narrow sense" in found[0]
    assert _findings(check_condition, "In a narrow sense the council cannot repeal the parking bylaw.",
                     [quote]) == []


def test_a_clause_of_common_words_restated_whole_keeps_its_condition() -> None:
    # Alignment ignores words common across the quotes; a clause restating a conditional one whole is caught anyway.
    quote = "If the levy passes, no new borrowing would be needed."
    found = _findings(check_whole_clause_condition, "No new borrowing would be needed", [quote], "headline")
    assert found and "levy passes" in found[0]
    assert _findings(check_whole_clause_condition, "If the levy passes, no new borrowing would be needed",
                     [quote], "headline") == []


BOARD = "The board will inspect each school in the northern district, and all the playgrounds of the town."


def test_a_universal_over_another_noun_widens_the_scope() -> None:
    found = _findings(check_breadth, "The board will inspect every public building in the county.", [BOARD])
    assert found and "every public building" in found[0]
    found = _findings(check_breadth, "The board will inspect any building it chooses.", [BOARD])
    assert found and "any building" in found[0]
    assert _findings(check_breadth, "The board will inspect every school in the northern district and all of "
                     "the town's playgrounds.", [BOARD]) == []
    # "any" under a denial or a question reaches no further than the denial.
    assert _findings(check_breadth, "The board lacks any plan for the playgrounds.", [BOARD]) == []


def test_a_partial_quantifier_over_a_universally_quantified_noun_narrows_it() -> None:
    found = _findings(check_breadth, "The board will inspect some schools in the northern district.", [BOARD])
    assert found and "some schools" in found[0] and "each school" in found[0]
    assert _findings(check_breadth, "The board will inspect the schools of the northern district one by one.",
                     [BOARD]) == []


def test_a_phrase_stretching_to_every_case_widens_the_scope() -> None:
    quote = "The river authority asks whether the old weir can hold back a spring flood."
    found = _findings(check_breadth, "The authority asks whether any weir at all can hold back a flood, regardless "
                      "of its age.", [quote])
    assert found and "at all" in found[0]
    assert _findings(check_breadth, "The authority asks whether the old weir could stop a spring flood.",
                     [quote]) == []


def test_words_of_proof_or_insistence_must_be_the_quotes_own() -> None:
    quote = "The council hopes that the new ferry may cut the crossing time, and asks residents to try it."
    for distorted, word in (("The council proves that the new ferry cuts the crossing time.", "proves that"),
                            ("The council insists that the new ferry must cut the crossing time.", "insists"),
                            ("The council assures residents that the ferry will cut the crossing time.", "assures"),
                            ("The council demands that residents try the new ferry.", "demands")):
        found = _findings(check_force, distorted, [quote])
        assert found and f"“{word}”" in found[0], distorted
    assert _findings(check_force, "The council hopes the new ferry may shorten the crossing and asks residents to "
                     "try it.", [quote]) == []
    # "proved" as "turned out" proves nothing; a word the quote uses itself is licensed.
    assert _findings(check_force, "The old ferry proved too slow.", ["The old ferry proved too slow."]) == []
    assert _findings(check_force, "The board insists the pool stays open.", ["The board insisted the pool stay "
                                                                              "open."]) == []


def test_a_speaker_must_be_a_cited_source_or_named_in_the_quotes() -> None:
    quote = "The Water Management Office (WMO) said the dam would be lowered in May, Mayor Okafor told reporters."
    for distorted, name in (("Governor Lindqvist says the dam will be lowered in May.", "Governor Lindqvist"),
                            ("Harbour Master Ilse Brandt, an engineer by training, told reporters the dam would be "
                             "lowered in May.", "Brandt"),
                            ("Mayor Okafor quotes Senator Reyes as saying the dam will be lowered in May.",
                             "Senator Reyes"),
                            ("According to Parliament, the dam will be lowered in May.", "Parliament")):
        found = _findings(check_speakers, distorted, [quote])
        assert [message for message in found if name.split()[-1] in message], distorted
    # Names the quote gives (or their initials), and words that merely open the sentence, are no moved speaker.
    for faithful in ("Mayor Okafor told reporters the dam would be lowered in May.",
                     "The WMO says the dam will be lowered in May.",
                     "Reporters were told the dam would be lowered in May."):
        assert _findings(check_speakers, faithful, [quote]) == [], faithful


def test_a_denial_does_not_carry_into_a_clause_with_its_own_subject_and_verb() -> None:
    quote = ("If the rates rise, no new loan would be required. If the mill closes, neither the old depot nor the "
             "new depot would be kept open.")
    found = _findings(check_polarity, "The treasurer says no new loan would be required if the rates rise, and if "
                      "the mill closes, the old depot and the new depot would still be kept open.", [quote])
    assert found and "the opposite" in found[0] and "depot" in found[0]
    # A clause that continues the denied predicate keeps the denial ("…, not the mayor, has …").
    assert _findings(check_polarity, "The treasurer says no new loan would be required if the rates rise, and if "
                     "the mill closes, neither depot would be kept open.", [quote]) == []


def test_the_only_one_widens_and_not_the_only_one_does_not() -> None:
    quote = "The ferry is the main link to the island; a bridge is also planned."
    found = _findings(check_scope, "The ferry is the main link to the island and the only one.", [quote])
    assert found and "the only" in found[0]
    assert _findings(check_scope, "The ferry is the main link to the island, not the only one.", [quote]) == []


def test_a_rhetorical_question_or_a_first_person_view_restated_as_fact_is_an_opinion() -> None:
    quotes = ["What is a library but the cheapest school a town can keep?",
              "We see the same neglect in every branch office of the water board, where repairs wait for years."]
    found = _findings(check_stance, "A library is the cheapest school a town can keep.", quotes)
    assert found and "rhetorical question" in found[0]
    found = _findings(check_stance, "The same neglect runs through every branch office of the water board.", quotes)
    assert found and "we see" in found[0]
    assert _findings(check_stance, "The essay asks whether a library is not the cheapest school a town can keep, "
                     "and says the same neglect is seen in every branch office of the water board.", quotes) == []


def test_a_sequence_keeps_the_passages_order() -> None:
    quote = ("To reopen the pool the board must first repair the roof; and in the next place it must retrain the "
             "lifeguards.")
    found = _findings(check_sequence, "The board must first retrain the lifeguards and only then repair the roof.",
                      [quote])
    assert found and "reverse of the passage's order" in found[0]
    assert _findings(check_sequence, "The board must first repair the roof and then retrain the lifeguards.",
                     [quote]) == []
