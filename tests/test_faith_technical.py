"""Technical and instructional English (a manual, a textbook): contractions read as their full forms, a
denial restated by a verb that withholds, causes a quote gives in its own connectives, and a manual's
generic "will", "must" and "you can" read as what the text states. Each shape's real distortion is still
reported. Neutral text: a bicycle maintenance manual."""

from __future__ import annotations

from briefwright.content.contractions import expanded
from tests.faith_synthetic import findings

MANUAL = "manual"


class Describe_contractions:
    def it_writes_out_every_common_contraction(self) -> None:
        assert expanded("you can't and won't; it doesn't, they're, we'll, it's, let's") == (
            "you cannot and will not; it does not, they are, we will, it is, let us")
        assert expanded("the rider can not") == "the rider cannot"

    def it_leaves_a_nouns_s_and_d_alone(self) -> None:
        assert expanded("the chain's pins, they'd") == "the chain's pins, they'd"

    def it_reads_cannot_against_a_quotes_cant(self) -> None:
        quote = (MANUAL, "A worn chain can’t be repaired by oiling it.")
        assert "claim-certainty" not in findings("A worn chain cannot be repaired by oiling it.", [quote])

    def it_still_catches_cannot_against_a_quote_that_only_hedges(self) -> None:
        quote = (MANUAL, "A worn chain is hard to repair by oiling it.")
        assert "claim-certainty" in findings("A worn chain cannot be repaired by oiling it.", [quote])


class Describe_withholding_verbs:
    def it_reads_forbids_as_restating_cannot(self) -> None:
        quote = (MANUAL, "You can adjust three screws on a racing frame that you can’t on a touring frame.")
        assert "claim-negation" not in findings(
            "A rider can adjust three screws on a racing frame that a touring frame forbids.", [quote])

    def it_reads_giving_up_as_restating_a_denial(self) -> None:
        quote = (MANUAL, "Aren’t guaranteed to hold their tension")
        assert "claim-negation" not in findings("Cheap spokes give up the tension guarantee.", [quote], "headline")

    def it_still_catches_the_denial_dropped(self) -> None:
        quote = (MANUAL, "You can adjust three screws on a racing frame that you can’t on a touring frame.")
        assert "claim-negation" in findings("A rider can adjust three screws on a touring frame.", [quote])


class Describe_causes_in_a_quotes_own_words:
    def it_reads_which_is_why_as_the_quotes_link(self) -> None:
        quote = (MANUAL, "Salt air corrodes exposed steel, which is why coastal riders replace their chains more often.")
        assert "claim-cause" not in findings(
            "Coastal riders replace their chains more often because salt air corrodes exposed steel.", [quote])

    def it_still_catches_a_link_between_two_separate_quotes(self) -> None:
        quotes = [(MANUAL, "Salt air corrodes exposed steel."),
                  (MANUAL, "Coastal riders replace their chains more often.")]
        assert "claim-cause" in findings(
            "Coastal riders replace their chains more often because salt air corrodes exposed steel.", quotes)

    def it_reads_the_reason_is_that_as_linking_the_sentence_before(self) -> None:
        quote = (MANUAL, "Carbon frames are generally unsafe to clamp in a work stand, so clamps must grip the seat "
                         "post. The reason is that thin walls crack under pressure.")
        assert "claim-cause" not in findings("Carbon frames are generally unsafe to clamp in a work stand, because "
                                             "thin walls crack under pressure.", [quote])

    def it_still_catches_a_cause_set_beside_a_sentence_with_a_link_of_its_own(self) -> None:
        quote = (MANUAL, "Carbon frames are generally unsafe to clamp in a work stand, so clamps must grip the seat "
                         "post. Thin walls crack under pressure.")
        assert "claim-cause" in findings("Carbon frames are generally unsafe to clamp in a work stand, because "
                                         "thin walls crack under pressure.", [quote])

    def it_joins_the_two_sides_of_a_fronted_because(self) -> None:
        quote = (MANUAL, "But because the rear wheel also carries the rider’s weight, instead of being called a "
                         "spare, it’s known as the main wheel.")
        assert "claim-cause" not in findings("The rear hub turns the chain; because the rear wheel carries the "
                                             "rider's weight, it is called the main wheel.", [quote])

    def it_still_catches_a_fronted_because_the_quotes_do_not_state(self) -> None:
        quotes = [(MANUAL, "The rear wheel carries the rider’s weight."),
                  (MANUAL, "The rear hub turns the chain, and the rear wheel is known as the main wheel.")]
        assert "claim-cause" in findings("The rear hub turns the chain; because the rear wheel carries the "
                                         "rider's weight, it is called the main wheel.", quotes)

    def it_reads_explains_that_as_reporting_and_checks_the_cause_after_it(self) -> None:
        quote = (MANUAL, "Disc brakes squeal because the pads are glazed.")
        assert "claim-cause" not in findings("The manual explains that disc brakes squeal because the pads are "
                                             "glazed.", [quote])
        quotes = [(MANUAL, "Disc brakes squeal."), (MANUAL, "Glazed pads are common on old bicycles.")]
        assert "claim-cause" in findings("The manual explains that disc brakes squeal because the pads are "
                                         "glazed.", quotes)

    def it_reads_a_dependence_as_the_quotes_link(self) -> None:
        quote = (MANUAL, "Braking distance isn’t guaranteed: It depends on how wet the rims are.")
        assert "claim-cause" not in findings("Braking distance is not guaranteed because it depends on how wet "
                                             "the rims are.", [quote])


def _quantifier_findings(text: str, quote: str, authors: list[str] | None) -> list[str]:
    """claim-quantifier messages on a detail citing the first of two sources, the first written by these
    authors (None: the text does not state them)."""
    from pathlib import Path
    from typing import cast

    from briefwright.content.claims import Claim
    from briefwright.content.faithfulness import lint_claim, lint_context
    from briefwright.content.modules import Content
    from briefwright.diagnostics import Where
    from briefwright.sources.registry import Author, Source, SourceMeta, SourceRegistry

    def meta(source_id: str, names: list[str] | None) -> SourceMeta:
        return SourceMeta(id=source_id, file=f"{source_id}.txt", sha256="0" * 64, title=f"The {source_id} text",
                          authors=[Author(name=name) for name in names] if names else "unknown",
                          publisher="Wheelwright Press", date="2020", translator="none stated", url="unknown")
    registry = SourceRegistry({"manual": Source(meta("manual", authors), Path("manual.txt"), "", []),
                               "review": Source(meta("review", ["Ada Spoke"]), Path("review.txt"), "", [])},
                              Path("sources.yaml"))
    claim = Claim("point:synthetic", "detail", text, ((MANUAL, quote),), (MANUAL,), Where(field="detail"))
    context = lint_context(cast(Content, None), registry, [claim])
    return [finding.message for finding in lint_claim(claim, context) if finding.rule == "claim-quantifier"]


class Describe_the_authors_of_one_text:
    QUOTE = "Keep spare tubes in mind as you plan a long ride."

    def it_reads_the_authors_of_a_single_cited_book_as_its_own(self) -> None:
        assert _quantifier_findings("The authors ask riders to keep spare tubes in mind.", self.QUOTE, None) == []
        assert _quantifier_findings("The authors ask riders to keep spare tubes in mind.", self.QUOTE,
                                    ["Ann Crank", "Bo Gear"]) == []

    def it_still_catches_the_authors_where_the_one_cited_text_has_one_author(self) -> None:
        assert _quantifier_findings("The authors ask riders to keep spare tubes in mind.", self.QUOTE,
                                    ["Ann Crank"])

    def it_still_catches_all_the_authors_and_the_authors_agree(self) -> None:
        assert _quantifier_findings("All the authors ask riders to keep spare tubes in mind.", self.QUOTE, None)
        assert _quantifier_findings("The authors agree that riders should keep spare tubes.", self.QUOTE, None)


# Quotes from a manual that addresses its reader and points to its own parts: read as instructional.
TEACHING = [(MANUAL, "Figure 2 shows your derailleur, and Figure 3 shows your chain."),
            (MANUAL, "As you saw in the previous chapter, your gears need oil.")]
ESSAY = "essay"


class Describe_instructional_texts:
    def it_reads_a_text_that_addresses_its_reader_and_points_to_its_parts_as_instructional(self) -> None:
        from briefwright.content.instructional import is_instructional
        assert is_instructional(" ".join(quote for _, quote in TEACHING))
        assert not is_instructional("You must act now, and your country must act with you.")
        assert not is_instructional("Figure 2 shows the trend; Figure 3 shows the forecast.")

    def it_reads_a_manuals_will_as_what_the_system_does(self) -> None:
        quote = (MANUAL, "None of these adjustments will slow your bicycle down while you ride it.")
        found = findings("None of these adjustments slow a bicycle down while it is ridden.", [quote, *TEACHING])
        assert "claim-opinion" not in found and "claim-aspect" not in found

    def it_still_catches_an_essays_forecast_stated_as_fact(self) -> None:
        quote = (ESSAY, "The new tax will slow the economy down next year.")
        assert "claim-aspect" in findings("The new tax slows the economy down next year.", [quote])
        assert "claim-opinion" in findings("The new tax will slow the economy down next year.", [quote])

    def it_reads_a_manuals_must_as_a_requirement_it_states(self) -> None:
        quote = (MANUAL, "All bolts on the stem must be tightened with a torque wrench.")
        assert "claim-opinion" not in findings("Stem bolts must be tightened with a torque wrench.",
                                               [quote, *TEACHING])

    def it_still_catches_an_essays_must_stated_as_fact(self) -> None:
        quote = (ESSAY, "The council must build more bike lanes before the election.")
        assert "claim-opinion" in findings("The council must build more bike lanes before the election.", [quote])

    def it_still_catches_a_manuals_evaluation_stated_as_fact(self) -> None:
        quote = (MANUAL, "It is best to replace the chain and the cassette together.")
        assert "claim-opinion" in findings("The chain and the cassette are replaced together.", [quote, *TEACHING])

    def it_reads_you_can_in_a_manual_as_the_readers_ability(self) -> None:
        quote = (MANUAL, "You can adjust the rear brake without tools.")
        assert "claim-certainty" not in findings("The rear brake adjusts without tools.", [quote, *TEACHING])

    def it_still_catches_we_can_in_an_essay_stated_as_fact(self) -> None:
        quote = (ESSAY, "We can cut traffic deaths without new taxes.")
        assert "claim-certainty" in findings("Traffic deaths are cut without new taxes.", [quote])


class Describe_hedges_that_do_not_hedge_the_claim:
    def it_reads_the_fact_an_evaluation_of_knowing_asserts(self) -> None:
        quote = (ESSAY, "It’s important to understand that the bridge was never closed to cyclists.")
        assert "claim-opinion" not in findings("The bridge was never closed to cyclists.", [quote])

    def it_still_catches_an_evaluation_of_the_fact_itself(self) -> None:
        quote = (ESSAY, "It is important that the bridge stays open to cyclists.")
        assert "claim-opinion" in findings("The bridge stays open to cyclists.", [quote])

    def it_reads_a_fronted_reasons_hedge_as_its_own(self) -> None:
        quote = (ESSAY, "Because tyres can puncture on gravel, riders carry a spare pump.")
        assert "claim-certainty" not in findings("Riders carry a spare pump on gravel.", [quote])

    def it_still_catches_the_main_clauses_hedge_dropped(self) -> None:
        quote = (ESSAY, "Because gravel is rough, riders can carry a spare pump.")
        assert "claim-certainty" in findings("Riders carry a spare pump on gravel.", [quote])

    def it_reads_a_relative_clauses_hedge_as_its_nouns(self) -> None:
        quote = (ESSAY, "Loads with a weight that might change must be strapped to the rack.")
        assert "claim-certainty" not in findings("Loads of changing weight are strapped to the rack.", [quote],
                                                 "headline")

    def it_still_catches_the_hedge_of_the_statement_dropped(self) -> None:
        quote = (ESSAY, "Loads with a changing weight might be strapped to the rack.")
        assert "claim-certainty" in findings("Loads of changing weight are strapped to the rack.", [quote],
                                             "headline")

    def it_reads_the_fact_that_knowing_it_helps_as_asserted(self) -> None:
        quote = (ESSAY, "But knowing that the main job of a derailleur is to move the chain can help explain "
                        "why it is shaped the way it is.")
        assert "claim-certainty" not in findings("The main job of a derailleur is to move the chain.", [quote],
                                                 "headline")

    def it_still_catches_a_hedged_fact_stated_plainly(self) -> None:
        quote = (ESSAY, "The main job of a derailleur may be to move the chain.")
        assert "claim-certainty" in findings("The main job of a derailleur is to move the chain.", [quote],
                                             "headline")


class Describe_reported_advice_and_denied_absolutes:
    def it_reads_advise_as_reporting_the_advice(self) -> None:
        quote = (ESSAY, "To ride safely at night, it’s best to fit lights front and rear.")
        assert "claim-opinion" not in findings("The author advises fitting lights front and rear to ride safely "
                                               "at night.", [quote], "detail")

    def it_reads_no_guaranteed_as_no_absolute(self) -> None:
        quote = (ESSAY, "There’s no inherent guarantee about the order in which riders finish.")
        assert "claim-certainty" not in findings("Riders finish in no guaranteed order.", [quote], "headline")

    def it_still_catches_an_absolute_the_quotes_do_not_state(self) -> None:
        quote = (ESSAY, "There’s no inherent guarantee about the order in which riders finish.")
        assert "claim-certainty" in findings("The fastest rider is guaranteed to finish first.", [quote],
                                             "headline")


def _headline_findings(headline: str, summary: str, quotes: list[tuple[str, str]]) -> dict[str, str]:
    """rule → message on a point's headline, held to this summary and citing these quotes."""
    from pathlib import Path
    from types import SimpleNamespace
    from typing import cast

    from briefwright.content.claims import Claim
    from briefwright.content.faithfulness import lint_claim, lint_context
    from briefwright.content.modules import Content
    from briefwright.diagnostics import Where
    from briefwright.sources.registry import Source, SourceMeta, SourceRegistry

    cited = tuple(sorted({source for source, _ in quotes}))
    registry = SourceRegistry({source: Source(SourceMeta(
        id=source, file=f"{source}.txt", sha256="0" * 64, title=f"The {source} text", authors="unknown",
        publisher="Wheelwright Press", date="2020", translator="none stated", url="unknown"), Path(f"{source}.txt"),
        "", []) for source in cited}, Path("sources.yaml"))
    content = cast(Content, SimpleNamespace(points={"synthetic": SimpleNamespace(summary=summary)}))
    claim = Claim("point:synthetic", "headline", headline, tuple(quotes), cited, Where(field="headline"))
    context = lint_context(content, registry, [claim])
    return {finding.rule: finding.message for finding in lint_claim(claim, context)}


class Describe_headlines_held_to_their_summary:
    TURNS = (ESSAY, "The gears will probably shift smoothly, but that isn’t guaranteed: It depends on how the "
                    "cable is tensioned.")

    def it_holds_a_headline_clause_to_the_statement_after_but(self) -> None:
        found = _headline_findings("Gears will probably shift smoothly, but cable tension decides",
                                   "The essay says the gears will probably shift smoothly, but that this isn't "
                                   "guaranteed because it depends on how the cable is tensioned.", [self.TURNS])
        assert "claim-certainty" not in found

    def it_still_catches_the_hedge_dropped_from_that_statement(self) -> None:
        found = _headline_findings("Gears shift smoothly, but cable tension decides",
                                   "The essay says the gears will probably shift smoothly, but that this isn't "
                                   "guaranteed because it depends on how the cable is tensioned.", [self.TURNS])
        assert "claim-certainty" in found

    def it_reads_a_summarys_can_as_ability_where_the_manual_states_it_plainly(self) -> None:
        quote = (MANUAL, "You can make three adjustments on a racing frame that you can’t on a touring frame.")
        found = _headline_findings("Racing frames allow three adjustments that touring frames do not",
                                   "On a racing frame a mechanic can make three adjustments that a touring frame "
                                   "forbids.", [quote, *TEACHING])
        assert "claim-certainty" not in found

    def it_still_catches_a_summarys_hedge_dropped_where_the_essay_hedges(self) -> None:
        quote = (ESSAY, "Racing frames might allow three adjustments that touring frames do not.")
        found = _headline_findings("Racing frames allow three adjustments that touring frames do not",
                                   "Racing frames might allow three adjustments that touring frames do not.",
                                   [quote])
        assert "claim-certainty" in found


class Describe_counts_by_listing:
    CHECKS = [(MANUAL, "The brakes grip firmly."), (MANUAL, "The tyres hold their pressure."),
              (MANUAL, "The chain runs quietly.")]
    SUMMARY = ("The manual gives three safety checks: the brakes grip firmly, the tyres hold their pressure, and "
               "the chain runs quietly.")

    def it_reads_a_count_borne_out_by_the_listed_passages(self) -> None:
        assert "claim-number" not in findings(self.SUMMARY, self.CHECKS)
        assert "claim-number" not in _headline_findings("Three safety checks", self.SUMMARY, self.CHECKS)

    def it_still_catches_a_count_the_list_does_not_bear_out(self) -> None:
        assert "claim-number" in findings(self.SUMMARY.replace("three", "four"), self.CHECKS)
        assert "claim-number" in _headline_findings("Four safety checks", self.SUMMARY, self.CHECKS)

    def it_still_catches_a_listed_item_no_quote_gives(self) -> None:
        summary = ("The manual gives three safety checks: the brakes grip firmly, the tyres hold their pressure, "
                   "and the lights shine brightly.")
        assert "claim-number" in findings(summary, self.CHECKS)


class Describe_limits:
    def it_reads_there_can_only_be_as_a_limit_not_a_hedge(self) -> None:
        quote = (MANUAL, "There can only be one rider on the saddle at a time.")
        assert "claim-certainty" not in findings("One rider at a time is on the saddle.", [quote], "headline")

    def it_still_catches_can_be_dropped(self) -> None:
        quote = (MANUAL, "There can be one rider on the saddle at a time.")
        assert "claim-certainty" in findings("One rider at a time is on the saddle.", [quote], "headline")


class Describe_what_a_clause_does_not_restate:
    def it_leaves_the_alternative_set_aside_out_of_the_passages_views(self) -> None:
        quote = (ESSAY, "By fitting a chain guard, we keep the trousers clean rather than letting the rider decide "
                        "that they should roll them up.")
        assert "claim-opinion" not in findings("Fitting a chain guard keeps the trousers clean.", [quote])

    def it_still_catches_a_view_in_the_rest_of_the_sentence(self) -> None:
        quote = (ESSAY, "Riders should fit a chain guard rather than roll their trousers up.")
        assert "claim-opinion" in findings("Riders fit a chain guard.", [quote])

    def it_reads_across_a_plural_the_quote_gives_as_several_as_no_wider_scope(self) -> None:
        quote = (MANUAL, "Spreading the load into multiple panniers can improve balance.")
        assert "claim-scope" not in findings("Spreading the load across panniers can improve balance.", [quote])

    def it_still_catches_across_a_whole_place(self) -> None:
        quote = (ESSAY, "Cycle lanes were built in the city centre.")
        assert "claim-scope" in findings("Cycle lanes were built across the country.", [quote])


class Describe_headlines_of_a_textbook_point:
    NEVER = (MANUAL, "The hub will never automatically tighten your spokes.")

    def it_reads_the_summarys_will_restating_a_textbook_as_no_plan(self) -> None:
        found = _headline_findings("The hub never tightens spokes automatically",
                                   "The hub will never automatically tighten the spokes.", [self.NEVER, *TEACHING])
        assert "claim-aspect" not in found

    def it_still_catches_a_plan_headlined_as_done(self) -> None:
        quote = (ESSAY, "The council will build a new cycle bridge over the river.")
        found = _headline_findings("The council builds a new cycle bridge",
                                   "The council will build a new cycle bridge over the river.", [quote])
        assert "claim-aspect" in found

    def it_reads_a_textbooks_own_verb_of_view_as_describing_the_system_and_an_essays_as_a_view(self) -> None:
        from pathlib import Path

        from briefwright.content.claims import Claim
        from briefwright.content.faithfulness import lint_context
        from briefwright.content.headlines import _textbooks_own_verb
        from briefwright.diagnostics import Where
        from briefwright.sources.registry import Source, SourceMeta, SourceRegistry

        summary = "After the lever is released, the brake considers the cable slack, so the pads open."

        def own_verb(source: str) -> bool:
            quote = (source, "After the lever is released, the brake considers the cable slack.")
            quotes = (quote, *TEACHING) if source == MANUAL else (quote,)
            registry = SourceRegistry({name: Source(SourceMeta(
                id=name, file=f"{name}.txt", sha256="0" * 64, title="A text", authors="unknown", publisher="P",
                date="2020", translator="none stated", url="unknown"), Path(f"{name}.txt"), "", [])
                for name in {source for source, _ in quotes}}, Path("sources.yaml"))
            claim = Claim("point:synthetic", "headline", "Releasing the lever opens the pads", quotes,
                          (source,), Where(field="headline"))
            context = lint_context(None, registry, [claim])  # type: ignore[arg-type]
            return _textbooks_own_verb(summary, summary.split(",")[1], claim, context)
        assert own_verb(MANUAL)
        assert not own_verb(ESSAY)


def test_a_pronouns_s_before_been_is_has() -> None:
    assert expanded("it's been fixed, and it's fine") == "it has been fixed, and it is fine"
