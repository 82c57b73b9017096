"""General rules of the faithfulness check, each shown on invented sentences about no topic the example is
about (a city council, a river authority): one edit it must catch, and a faithful paraphrase it must let be."""

from __future__ import annotations

from briefwright.content import acronyms, language, lexicon
from tests.faith_invented import findings, rules


def test_british_and_american_spellings_share_a_stem() -> None:
    assert language.content_words("recognised the favour, analysed the organisation") == language.content_words(
        "recognized the favor, analyzed the organization")
    assert language.content_words("citizen") != language.content_words("citisen")  # nothing else is rewritten


def test_a_denial_dropped_across_spellings_is_caught() -> None:
    quote = [("minutes", "Since 2010 the councillors have never apologized.")]
    assert "claim-negation" in rules("Since 2010 the councillors have apologised.", quote)
    assert rules("Since 2010 the councillors have never apologised.", quote) == []


def test_swapped_alternatives_of_a_contrast_are_caught() -> None:
    quote = [("minutes", "The new inspector answers to the river authority, not the city council.")]
    assert "claim-negation" in rules("The new inspector answers to the city council, not the river authority.",
                                     quote)
    assert "claim-negation" in rules("The inspector answers not to the river authority but to the council.", quote)
    assert rules("The new inspector answers to the river authority rather than the city council.", quote) == []


def test_an_acronym_is_the_body_it_stands_for() -> None:
    quote = [("minutes", "The new inspector reports to the EPA, not the DOT.")]
    found = rules("The new inspector reports to the transport department, not the protection agency.", quote)
    assert "claim-negation" in found
    assert rules("The new inspector reports to the environmental protection agency, not transport.", quote) == []


def test_an_end_bound_turned_into_a_start_bound_is_caught() -> None:
    quote = [("minutes", "The mayor asked the river authority to keep the weir open until the new bridge is built.")]
    found = rules("The mayor asked the river authority to keep the weir open since the new bridge was built.", quote)
    assert "claim-negation" in found
    assert rules("The mayor asked the river authority to keep the weir open until the new bridge is finished.",
                 quote) == []


def test_an_antonymous_verb_or_adjective_reverses_the_passage() -> None:
    quote = [("minutes", "The council condemned the river authority's plan for the new weir.")]
    assert "claim-negation" in rules("The council welcomed the river authority's plan for the new weir.", quote)
    assert rules("The council denounced the river authority's plan for the new weir.", quote) == []
    quote = [("report", "Flood insurance remains voluntary for households in the valley.")]
    assert "claim-negation" in rules("Flood insurance remains mandatory for households in the valley.", quote)
    assert rules("Flood insurance is still optional for households in the valley.", quote) == []


def test_an_equivalent_the_passage_denies_is_caught() -> None:
    quote = [("report", "While the city has a flood plan, no such plan exists for the villages.")]
    found = rules("The villages have a counterpart to the city's flood plan.", quote)
    assert "claim-negation" in found
    assert rules("The villages have no counterpart to the city's flood plan.", quote) == []


def test_what_the_cited_source_says_does_not_exist_is_not_affirmed() -> None:
    quote = [("minutes", "The two river authorities share a long border.")]
    elsewhere = (("minutes", "There is nothing connecting the two river authorities."),)
    found = rules("A treaty connects the two river authorities.", quote, others=elsewhere)
    assert "claim-negation" in found
    assert rules("Nothing connects the two river authorities but a long border.", quote, others=elsewhere) == []
    assert rules("The two river authorities have a long common border.", quote, others=elsewhere) == []


def test_a_denial_added_to_an_affirmed_passage_is_caught() -> None:
    quotes = [("minutes", "The river authority consults the farmers before it opens the sluice gates."),
              ("report", "The council cannot stop the works.")]  # a denial elsewhere in the quotes
    found = rules("The river authority does not consult the farmers before it opens the sluice gates.", quotes)
    assert "claim-negation" in found
    assert rules("The river authority consults farmers before opening the sluice gates.", quotes) == []
    # A passage that restricts in other words may be restated with a denial.
    quotes = [("minutes", "The council has yet to publish the flood maps for the valley."), *quotes[1:]]
    assert rules("The council has not published the flood maps for the valley.", quotes) == []


def test_a_short_invented_sentence_beside_valid_quotes_is_caught() -> None:
    quote = [("minutes", "The river authority hired a contractor for the harbour.")]
    elsewhere = (("minutes", "The harbour works finished late and cost more than planned."),)
    found = rules("The river authority hired a contractor for the harbour. The contractor abandoned the works.",
                  quote, others=elsewhere)
    assert "claim-unsupported" in found
    assert rules("The river authority took on a contractor for the harbour.", quote, others=elsewhere) == []


def test_a_recommendation_may_reason_but_not_invent_a_fact() -> None:
    quote = [("minutes", "The council ought to publish its flood maps before spring.")]
    found = rules("The council should publish the flood maps before spring. Both parishes have already printed "
                  "the maps.", quote, prescriptive=True)
    assert "claim-unsupported" in found
    assert rules("The council should publish the flood maps before spring. Published maps would help residents "
                 "prepare.", quote, prescriptive=True) == []


def test_a_name_spelled_out_is_the_acronym_its_quote_uses() -> None:
    quote = [("minutes", "Inspectors from the EPA visited the weir twice.")]
    assert rules("Inspectors visited the weir twice. The Environmental Protection Agency sent them.", quote) == []
    assert "claim-unsupported" in rules("Inspectors visited the weir twice. The Transport Department sent them.",
                                        quote)
    assert acronyms.named_alike("staff of the Ministry of Defense", "a MOD official") == {"ministry", "defens"}
    assert acronyms.named_alike("a MOD official", "staff of the Ministry of Defense") == {"mod"}


def test_a_prefix_re_keeps_the_word() -> None:
    assert lexicon.word_in("unificat", frozenset({"reunificat"}))
    assert lexicon.word_in("rebuild", frozenset({"build"}))
    assert not lexicon.word_in("record", frozenset({"cordon"}))


def test_an_obligation_is_not_an_act_done() -> None:
    quote = [("minutes", "The authority will drain the lake in spring.")]
    assert "claim-aspect" in rules("The authority drained the lake in spring.", quote)
    assert "claim-aspect" not in rules("The authority is required to drain the lake in spring.", quote)


def test_a_place_or_body_no_quote_names_is_caught() -> None:
    quote = [("minutes", "The river authority dredged the Ouse near the town last spring.")]
    found = findings("The river authority dredged the Ouse near York last spring.", quote)
    assert [rule for rule, _ in found] == ["claim-scope"] and "York" in found[0][1]
    assert rules("The authority dredged the River Ouse near the town last spring.", quote) == []
    # A capital may stand for its country.
    quote = [("report", "France signed the river treaty with its neighbours.")]
    assert rules("Paris signed the river treaty with its neighbours.", quote) == []
    assert "claim-scope" in rules("The government in Berlin signed the river treaty with its neighbours.", quote)


def test_a_postponed_act_may_be_restated_as_not_done() -> None:
    quotes = [("minutes", "The council postponed the vote on the harbour budget."),
              ("report", "The council cannot stop the works.")]
    assert rules("The council did not hold the vote on the harbour budget.", quotes) == []
    assert "claim-negation" in rules("The council did not hold the vote on the harbour budget.",
                                     [("minutes", "The council held the vote on the harbour budget."), quotes[1]])


def test_a_denied_opposite_or_a_not_yet_restates_an_affirmed_passage() -> None:
    quotes = [("minutes", "The old bridge is dangerous for heavy lorries."),
              ("report", "The council cannot stop the works.")]
    assert rules("The old bridge is not safe for heavy lorries.", quotes) == []
    quotes = [("minutes", "The council plans to review the harbour budget next spring."), quotes[1]]
    assert rules("The council has not yet reviewed the harbour budget.", quotes) == []


def test_reported_speech_and_yet_to_keep_their_meaning() -> None:
    quote = [("minutes", "The water board said it would not raise charges this year.")]
    assert rules("The water board says it will not raise charges this year.", quote) == []
    assert "claim-negation" in rules("The water board says it will raise charges this year.", quote)
    quote = [("minutes", "The river authority has not published its flood maps.")]
    assert rules("The authority has yet to publish its flood maps.", quote) == []
    assert "claim-negation" in rules("The authority has published its flood maps.", quote)


def test_a_denial_restated_in_other_words_is_let_be() -> None:
    assert rules("The board did not approve the budget.", [("minutes", "The board rejected the budget.")]) == []
    assert "claim-negation" in rules("The board approved the budget.", [("minutes", "The board rejected the budget.")])
    quote = [("minutes", "The county has not yet received the grant.")]
    assert rules("The county is still waiting for the grant.", quote) == []
    assert "claim-negation" in rules("The county has received the grant.", quote)
    quote = [("minutes", "The mayor was absent from the opening of the new bridge.")]
    assert "claim-negation" not in rules("The mayor did not attend the opening of the new bridge.", quote)


def test_a_capital_stands_for_its_people_and_without_is_not_always_a_condition() -> None:
    quote = [("minutes", "Welsh government officials said the flood scheme went over budget.")]
    assert "claim-scope" not in rules("Officials in Cardiff say the flood scheme went over budget.", quote)
    quote = [("minutes", "The closure of the bridge came without warning to drivers.")]
    assert "claim-condition" not in rules("Drivers were not warned about the closure of the bridge.", quote)
    assert lexicon.conditions("Without a precedent, nothing is done.") == ["without"]
    assert lexicon.conditions("Absent a deal, the plan fails.") == ["absent"]
    assert lexicon.conditions("The mayor was absent from the opening.") == []


def test_the_month_may_hedges_nothing_and_other_denials_reverse() -> None:
    assert language.certainty("The bridge is expected to reopen in May.").terms == ("expected",)
    assert language.certainty("The bridge may reopen.").terms == ("may",)
    quote = [("minutes", "The bridge is expected to reopen in May.")]
    assert "claim-certainty" in rules("The bridge reopened in May.", quote)  # not hedged by the month
    blocked = [("minutes", "The regulator blocked the merger.")]
    assert "claim-negation" in rules("The regulator approved the merger.", blocked)
    assert "claim-negation" in rules("The union accepted the offer.", [("minutes", "The union turned down the offer.")])
    assert "claim-negation" in rules("The water is safe to drink.", [("minutes", "The water is unsafe to drink.")])
    assert rules("The union rejected the offer.", [("minutes", "The union turned down the offer.")]) == []


def test_a_cited_sources_own_name_is_no_new_name() -> None:
    from pathlib import Path
    from typing import cast

    from briefwright.content.claims import Claim
    from briefwright.content.faithfulness import lint_claim, lint_context
    from briefwright.content.modules import Content
    from briefwright.diagnostics import Where
    from briefwright.sources.registry import Source, SourceMeta, SourceRegistry

    meta = SourceMeta(id="bylaw", file="bylaw.txt", sha256="0" * 64, title="Riverton Parking Control Bylaw, 2021",
                      authors="unknown", publisher="unknown", date="2021", translator="none stated", url="unknown")
    registry = SourceRegistry({"bylaw": Source(meta, Path("bylaw.txt"), "", [])}, Path("sources.yaml"))
    quote = ("bylaw", "A resident shall display a permit when parking on a street in the permit zone.")

    def scope(text: str) -> list[str]:
        claim = Claim("point:permits", "summary", text, (quote,), ("bylaw",), Where(field="summary"))
        context = lint_context(cast(Content, None), registry, [claim])
        return [f.message for f in lint_claim(claim, context) if f.rule == "claim-scope"]

    # The source named by its title's words or its initialism ("RPCB") names nothing the quotes do not.
    assert scope("Under the Riverton bylaw, a resident must display a permit when parking in the permit zone.") == []
    assert scope("The RPCB says a resident must display a permit when parking in the permit zone.") == []
    # A place neither the quotes nor the source's name give is still a new name.
    assert "Oakley" in " ".join(scope("In Oakley, a resident must display a permit when parking in the permit zone."))


def test_a_version_glued_to_a_name_states_its_number_and_a_modal_may_is_no_month() -> None:
    from briefwright.content import language

    assert language.quantities("Software not yet ported to Python3 may break.").numbers == frozenset({3.0})
    assert language.quantities("Only s2 frees the memory on x86.").numbers == frozenset()  # labels, not numbers
    assert language.quantities("Python 2 may have to leave the archive.").days == frozenset()
    assert language.quantities("The archive closed on 2 May 2020.").days == frozenset({("may", 2)})
    quote = [("minutes", "Software not yet ported to Python3 may break after the upgrade.")]
    assert "claim-number" not in rules("Software not yet ported to Python 3 may break after the upgrade.", quote)
