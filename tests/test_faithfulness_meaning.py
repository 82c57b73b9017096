"""The faithfulness rules that compare what a clause means with the passage it restates.

Each test rewrites one field of the real example content (read, never written) the way a careless
editor would and asserts the named rule reports it, naming the passage; the faithful original draws
nothing. The rendered-text lint is tested on composed documents built from the model directly.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefwright.build import collect
from briefwright.content import language, lexicon
from briefwright.content.claims import Claim
from briefwright.content.faithfulness import LintContext, lint, lint_claim
from briefwright.content.modules import Analysis, Evidence, Point
from briefwright.content.rendered import lint_document
from briefwright.model import Block, Document, EvidenceRef, Run, Section
from briefwright.project import load_project
from tests.faith_edits import findings_of_edit as _rules

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = ROOT / "tests" / "roots" / "founding-texts"


class Describe_meaning_rules:
    def it_catches_a_denial_turned_into_an_affirmation(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:no-arms-sales", "summary",
                       "Japan supports Taiwan's self-defence through arms sales.")
        assert "does not support Taiwanese self-defense" in found["claim-negation"]

    def it_catches_a_plan_reported_as_done(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:liaison-posting-2022", "summary", "In 2022 Tokyo posted an active-duty",
                       old="In 2022 Tokyo decided to post an active-duty")
        assert "plans to station" in found["claim-aspect"]

    def it_catches_an_expectation_reported_as_done(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:reunification-timeline", "detail", "Xi has extended his tenure",
                       old="Xi is expected to extend his tenure")
        assert "claim-aspect" in found

    def it_catches_a_widened_scope(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:japan-contingency", "detail", "shared by every member of",
                       old="widely shared among members of")
        assert "“every”" in found["claim-scope"]

    def it_catches_an_added_cause(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:event-2019-air-data-proposal", "detail",
                       "Tokyo declined to respond because it feared a backlash from Beijing.")
        assert "because" in found["claim-cause"]

    def it_catches_an_invented_sentence_beside_valid_ones(self, example: tuple[list[Claim], LintContext]) -> None:
        claims, context = example
        claim = next(c for c in claims if c.owner == "point:balance-shifting" and c.field == "detail")
        edited = dataclasses.replace(claim, text=claim.text + " Washington has since moved more submarines to Japan.")
        assert [f.rule for f in lint_claim(edited, context)] == ["claim-unsupported"]
        # The same sentence marked as the author's own analysis is not asked to align to a quote.
        assert lint_claim(dataclasses.replace(edited, analysis=True), context) == []

    def it_catches_a_view_credited_to_another_cited_source(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:shared-threat", "summary", "Lim notes", old="Yao notes")
        assert "passage it restates is yao's" in found["claim-attribution"]

    def it_catches_a_number_taken_from_another_passage(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:retired-officer-since-2003", "headline",
                       "A retired flag officer has served in Taipei since 1996")
        assert "gives 2003" in found["claim-number"]

    def it_catches_a_count_backed_only_by_a_day_of_the_month(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:missiles-in-eez", "summary", "Four of the missiles", old="Five of the missiles")
        assert "4" in found["claim-number"]

    def it_catches_a_condition_dropped_from_the_neighbouring_sentence(
            self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:no-military-exchange", "summary",
                       "Yao argues that the two sides cannot exchange even the most basic air-defence information.")
        assert "Otherwise" in found["claim-condition"]

    def it_catches_a_hedge_strengthened_in_an_attributed_sentence(
            self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:blockade-risk", "summary", "China will blockade", old="China is expected to blockade")
        assert "'will'" in found["claim-certainty"] and "'expected'" in found["claim-certainty"]

    def it_catches_a_prediction_stated_as_fact(self, example: tuple[list[Claim], LintContext]) -> None:
        found = _rules(example, "point:depends-on-beijing", "detail",
                       "In the meantime, Tokyo will keep expanding unofficial relations with Taipei.")
        assert "a prediction" in found["claim-opinion"]


class Describe_judgments:
    def it_flags_high_confidence_on_one_source(self, example: tuple[list[Claim], LintContext]) -> None:
        claims, context = example
        claim = next(c for c in claims if c.owner == "threat-picture:key_judgment")
        assert claim.judgment is not None
        high = dataclasses.replace(claim, judgment=claim.judgment.model_copy(update={"confidence": "high"}))
        assert [f.message for f in lint_claim(high, context)] == ["states high confidence on a single source (fpri)"]


class Describe_the_second_topic:
    def it_reads_titles_numbered_names_and_number_phrases_as_no_claims(self, tmp_path: Path) -> None:
        workspace = collect(load_project(FOUNDING, explicit=True), cache_dir=tmp_path)
        rules = {finding.rule for finding in lint(workspace.content, workspace.sources).findings}
        # "The Federalist No. 51", "eighty-seven" for "four score and seven", "two speeches", "can not"
        assert not rules & {"claim-number", "claim-certainty"}


class Describe_language:
    @pytest.mark.parametrize(("text", "value"), [
        ("four score and seven years", 87), ("eighty-seven years", 87), ("half a dozen ships", 6),
        ("two hundred and fifty years", 250), ("a dozen", 12), ("three thousand years", 3000)])
    def it_reads_number_phrases_as_one_value(self, text: str, value: float) -> None:
        assert value in language.quantities(text).numbers

    def it_reads_a_denied_modal_as_no_hedge(self) -> None:
        assert not language.certainty("No man can be a judge beyond sixty.").hedged
        assert not language.certainty("we can not consecrate this ground").hedged
        assert language.certainty("the bases could become targets").hedged

    def it_keeps_contrast_and_continuity_apart_from_denial(self) -> None:
        assert not lexicon.negated("a Taiwan emergency is not just possible, but highly probable")
        assert lexicon.negated("Japan does not support Taiwanese self-defense through arms sales")
        assert lexicon.continuity("Washington has not changed its policy") is True

    def it_counts_no_number_in_a_title_or_an_anaphoric_count(self) -> None:
        stripped = lexicon.without_names_of_things("as the federalist no. 51 says, the two sides differ")
        assert language.quantities(stripped).numbers == frozenset()


def _document(*blocks: Block, notes: list[str] | None = None) -> Document:
    section = Section("module", title="Findings", blocks=list(blocks), notes=notes or [])
    return Document("memo", "public", "T", "S", "1 Jan 2026", "2026-01-01", "Org", [section], [])


class Describe_the_rendered_text_lint:
    def it_catches_an_article_broken_by_a_swap(self) -> None:
        found = lint_document(_document(Block("body", [Run("Tokyo keeps a unofficial channel and an SDF liaison.")])))
        assert [f.message for f in found] == ["prints “a unofficial”: write “an unofficial”"]

    def it_catches_a_pronoun_left_without_its_name_in_condensed_notes(self) -> None:
        notes = ["The new official will report to the foreign ministry. Otherwise, he adds, officials cannot visit."]
        found = lint_document(_document(notes=notes))
        assert [f.rule for f in found] == ["rendered-dangling"] and "“he”" in found[0].message
        named = ["Kotani notes the official will report to the foreign ministry. He adds that officials cannot visit."]
        assert lint_document(_document(notes=named)) == []

    def it_catches_unknown_printed_as_a_value(self) -> None:
        found = lint_document(_document(Block("field", [Run("Position: unknown")], kind="field")))
        assert [f.rule for f in found] == ["rendered-label"]

    def it_catches_a_judgment_whose_number_only_dropped_points_give(self) -> None:
        workspace = collect(load_project(ROOT, explicit=True))
        bluf = workspace.content.topic.bluf
        judgment = Block("bluf", [Run("Five missiles fell in the zone.")],
                         trace=EvidenceRef(None, "judgment", ("fpri",), (), tuple(bluf.points)))
        found = lint_document(_document(judgment), workspace.content)
        assert [f.rule for f in found] == ["rendered-judgment"] and "5" in found[0].message


class Describe_analysis_fields:
    def it_prints_the_authors_own_analysis_marked_with_its_confidence(self) -> None:
        point = Point(id="p", headline="H", summary="S.", detail="D.", priority=1,
                      evidence=[Evidence(source="s", quote="a quote long enough")],
                      analysis=Analysis(fields=["detail"], confidence="moderate"))
        assert point.text("detail") == "S. Assessment (moderate confidence): D."
        assert point.text("summary") == "S."
