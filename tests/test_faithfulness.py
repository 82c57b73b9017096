"""The faithfulness lint: each way prose can say more than its quotes is caught, by a named rule.

Every mutation edits one sentence of the real example content the way a careless
editor would (strengthen a hedge, drop a condition, change a number or a date, name
the wrong source, claim "all sources"), then asserts the lint reports exactly that
rule at that file, line and field. The unmutated content passes with no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.build import collect
from briefwright.content import language
from briefwright.content.coverage import coverage, format_coverage
from briefwright.diagnostics import BriefwrightError, Diagnostic
from briefwright.project import load_project
from tests.conftest import copy_project


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"mutation target not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _findings(project_dir: Path) -> list[Diagnostic]:
    workspace = collect(load_project(project_dir, explicit=True))
    return [d for d in workspace.report.warnings if d.code.startswith(("claim-", "conflict-", "judgment-", "waiver-"))]


def _only(findings: list[Diagnostic], rule: str) -> Diagnostic:
    assert [d.code for d in findings] == [rule], [d.format() for d in findings]
    return findings[0]


@pytest.fixture(scope="module")
def unchanged_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example for the two tests that only check it: the first verifies it and keeps
    the verification in the copy's build folder, as a user's check would; the other replays it."""
    return copy_project(tmp_path_factory.mktemp("faithful") / "project")


class Describe_the_example_content:
    def it_passes_every_rule(self, unchanged_copy: Path) -> None:
        assert _findings(unchanged_copy) == []

    def it_passes_check_strict(self, unchanged_copy: Path) -> None:
        collect(load_project(unchanged_copy, explicit=True), strict=True)  # raises on any warning


class Describe_certainty:
    def it_catches_a_could_printed_as_likely(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "and the bases could become targets of Chinese attacks.",
              "and the bases are a likely target for Chinese strikes.")
        finding = _only(_findings(project_dir), "claim-certainty")
        assert "content/threat-picture.yaml:" in str(finding.where) and "points[5].summary" in str(finding.where)
        assert "'likely'" in finding.message and "'could'" in finding.message

    def it_catches_a_hedge_dropped_from_a_headline(self, project_dir: Path) -> None:
        _edit(project_dir / "content/cooperation-avenues.yaml",
              "headline: Disaster-relief planning could let militaries train together quietly",
              "headline: Disaster-relief planning lets militaries train together quietly")
        finding = _only(_findings(project_dir), "claim-certainty")
        assert "points[5].headline" in str(finding.where) and "'can'" in finding.message

    def it_catches_an_unlikely_printed_as_certain(self, project_dir: Path) -> None:
        _edit(project_dir / "content/legal-constraints.yaml",
              "and Kotani\n      judges it unlikely that Tokyo will drastically change its cautious position.",
              "and Tokyo\n      will certainly not change its cautious position.")
        assert "claim-certainty" in [d.code for d in _findings(project_dir)]

    def it_accepts_the_same_hedge_in_other_words(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "and the bases could become targets of Chinese attacks.",
              "and the bases might become targets of Chinese attacks.")
        assert _findings(project_dir) == []


class Describe_conditions:
    def it_catches_the_third_term_condition_dropped(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "The Foreign Policy Research Institute argues that if Xi Jinping achieves a third\n"
              "      term, the question will likely no longer be whether China invades Taiwan but when.",
              "A Chinese invasion of Taiwan is now only a question of when.")
        codes = [d.code for d in _findings(project_dir)]
        assert "claim-condition" in codes and "claim-certainty" in codes


class Describe_opinions:
    def it_lets_a_recommendation_prescribe_what_a_source_proposes(self, project_dir: Path) -> None:
        # The recommendations module is the briefer's own advice: "should" there is not an opinion stated as fact.
        _edit(project_dir / "content/recommendations.yaml",
              "headline: Start security cooperation with cyber and social-media defence",
              "headline: Cyber cooperation is a good starting point for security ties")
        assert _findings(project_dir) == []

    def it_catches_an_authors_view_stated_as_fact(self, project_dir: Path) -> None:
        _edit(project_dir / "content/cooperation-avenues.yaml",
              "headline: Liao sees cyber defence as a low-threshold place to start",
              "headline: Cyber defence is a low-threshold place to start")
        finding = _only(_findings(project_dir), "claim-opinion")
        assert "[liao]" in finding.message and "Liao argues" in finding.hint


class Describe_numbers_and_dates:
    def it_catches_a_changed_number(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "Yonaguni sits 111 kilometres off", "Yonaguni sits 110 kilometres off")
        finding = _only(_findings(project_dir), "claim-number")
        assert "110" in finding.message and "points[4].summary" in str(finding.where)

    def it_catches_a_changed_day(self, project_dir: Path) -> None:
        _edit(project_dir / "content/timeline.yaml", 'date: "2022-08-04"', 'date: "2022-08-05"')
        finding = _only(_findings(project_dir), "claim-number")
        assert "5 August" in finding.message and "content/timeline.yaml:" in str(finding.where)

    def it_catches_a_year_the_cited_source_does_not_give(self, project_dir: Path) -> None:
        # The 2019 sortie-data offer is Yao's; a sentence about it that cites only Liao is wrong.
        _edit(project_dir / "content/recommendations.yaml",
              "taking up Taipei's reported offer of live sortie data.",
              "reviving Taipei's 2019 idea of live sortie data.")
        _edit(project_dir / "content/recommendations.yaml",
              "      - source: yao\n        quote: \"Taiwanese officials had contacted the Japanese government through",
              "      - source: liao\n        quote: \"It is not difficult for private think tanks, universities\"\n"
              "      - source: yao\n        quote: \"Taiwanese officials had contacted the Japanese government through")
        _edit(project_dir / "content/recommendations.yaml",
              "      - source: yao\n        quote: \"Taiwanese officials had contacted the Japanese government through "
              "the Japan-Taiwan Exchange Association to propose the establishment of a reciprocal mechanism for the "
              "live exchange of information on Chinese air force sorties\"\n", "")
        finding = _only(_findings(project_dir), "claim-number")
        assert "2019" in finding.message


class Describe_sources:
    def it_catches_a_view_credited_to_an_author_not_cited(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "headline: A blockade could reach Japan's southwestern "
              "islands, Kotani warns", "headline: A blockade could reach Japan's southwestern islands, Liao warns")
        finding = _only(_findings(project_dir), "claim-attribution")
        assert "names Liao" in finding.message and "cites kotani" in finding.message

    def it_refuses_a_quote_moved_to_another_source(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "      - source: kotani\n        quote: \"The transfer of weapons",
              "      - source: liao\n        quote: \"The transfer of weapons")
        with pytest.raises(BriefwrightError) as caught:
            collect(load_project(project_dir, explicit=True))
        assert any(d.code == "quote-not-found" and "source 'liao'" in d.message for d in caught.value.report.errors)

    def it_catches_all_sources_said_of_three(self, project_dir: Path) -> None:
        _edit(project_dir / "content/cooperation-avenues.yaml",
              "headline: Three of the five sources call for a Japan–US–Taiwan framework",
              "headline: All sources call for a Japan–US–Taiwan framework")
        finding = _only(_findings(project_dir), "claim-quantifier")
        assert "“all sources”" in finding.message and "3 of the 5" in finding.message

    def it_catches_a_wrong_count_of_sources(self, project_dir: Path) -> None:
        _edit(project_dir / "content/cooperation-avenues.yaml",
              "headline: Three of the five sources call for", "headline: Four of the five sources call for")
        assert _only(_findings(project_dir), "claim-quantifier")

    def it_catches_both_sources_said_of_three(self, project_dir: Path) -> None:
        _edit(project_dir / "content/cooperation-avenues.yaml",
              "Lim, Liao and Yao each argue for security cooperation", "Both sources argue for security cooperation")
        finding = _only(_findings(project_dir), "claim-quantifier")
        assert "“both sources”" in finding.message

    def it_accepts_most_sources_only_when_most_are_cited(self, project_dir: Path) -> None:
        _edit(project_dir / "content/cooperation-avenues.yaml",
              "Lim, Liao and Yao each argue for security cooperation", "Most sources argue for security cooperation")
        assert _findings(project_dir) == []  # 3 of 5 cited
        _edit(project_dir / "content/threat-picture.yaml", "Yao notes that both face the same military threat",
              "Most sources note that both face the same military threat")
        assert _only(_findings(project_dir), "claim-quantifier")  # 2 of 5 cited

    def it_catches_a_conflict_line_naming_a_source_it_does_not_cite(self, project_dir: Path) -> None:
        _edit(project_dir / "content/recommendations.yaml",
              "Yao holds that cooperation needs a Diet law or motion first;",
              "Yao and Kotani hold that cooperation needs a Diet law or motion first;")
        finding = _only(_findings(project_dir), "conflict-citation")
        assert "names Kotani" in finding.message and "conflicts[0].summary" in str(finding.where)


class Describe_confidence_and_waivers:
    def it_requires_a_confidence_on_key_judgments(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "  confidence: moderate\n", "")
        finding = _only(_findings(project_dir), "judgment-confidence")
        assert "key_judgment.text" in str(finding.where)

    def it_lets_a_point_waive_a_rule_with_a_reason_listed_in_coverage(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "Yonaguni sits 111 kilometres off", "Yonaguni sits about 110 kilometres off")
        _edit(project_dir / "content/threat-picture.yaml", "    tags: [military, territory, key-figure]\n    evidence:\n"
              "      - source: fpri\n        quote: \"Japan’s westernmost",
              "    tags: [military, territory, key-figure]\n    waive:\n      - rule: claim-number\n"
              "        field: summary\n        reason: rounded for readers; the quote gives 111 kilometres\n"
              "    evidence:\n      - source: fpri\n        quote: \"Japan’s westernmost")
        assert _findings(project_dir) == []
        workspace = collect(load_project(project_dir, explicit=True), strict=True)
        report = format_coverage(coverage(workspace.content, workspace.sources))
        assert "faithfulness waivers (2):" in report
        assert "yonaguni-proximity.summary: claim-number — rounded for readers" in report

    def it_reports_a_waiver_that_matches_nothing(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "    priority: 3\n    tags: [strategic, china]\n",
              "    priority: 3\n    tags: [strategic, china]\n    waive:\n      - rule: claim-opinion\n"
              "        reason: kept from an older edit of this point\n")
        finding = _only(_findings(project_dir), "waiver-unused")
        assert "claim-opinion" in finding.message

    def it_refuses_a_waiver_without_a_reason(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "    priority: 3\n    tags: [strategic, china]\n",
              "    priority: 3\n    tags: [strategic, china]\n    waive:\n      - rule: claim-number\n")
        with pytest.raises(BriefwrightError) as caught:
            collect(load_project(project_dir, explicit=True))
        assert any("waive[0].reason" in d.format() for d in caught.value.report.errors)

    def it_fails_strict_on_any_finding(self, project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml", "Yonaguni sits 111 kilometres off",
              "Yonaguni sits 110 kilometres off")
        with pytest.raises(BriefwrightError):
            collect(load_project(project_dir, explicit=True), strict=True)


class Describe_the_language_helpers:
    def it_ranks_hedges_on_the_icd_203_scale(self) -> None:
        assert language.certainty("could become a target").level == 4
        assert language.certainty("will likely be").level == 5
        assert language.certainty("is highly probable").level == 6
        assert language.certainty("five missiles landed").level == language.ASSERTED

    def it_treats_unlikely_and_expects_not_as_equal_commitment(self) -> None:
        assert language.certainty("it is unlikely Tokyo will change").commitment == \
            language.certainty("Kotani expects no change").commitment

    def it_ignores_phrases_that_hedge_nothing(self) -> None:
        assert not language.certainty("appoint a liaison as soon as possible").hedged
        assert not language.certainty("on whether it would intervene").hedged

    def it_reads_numbers_in_words_and_digits(self) -> None:
        stated = language.quantities("a seventy-year alliance, 54,000 personnel and forty bases on 4 August 2022")
        assert {70.0, 54000.0, 40.0, 2022.0} <= stated.numbers and ("august", 4) in stated.days
