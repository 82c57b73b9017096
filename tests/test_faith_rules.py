"""The faithfulness rules added for issue 19, each on one edited sentence of the real example content.

Every case replaces one field's text, runs every rule on that claim (as `check` does) and asserts the rule
that must answer, with the quote it names; each has a faithful twin that must draw nothing new.
"""

from __future__ import annotations

from pathlib import Path

from briefwright.build import collect
from briefwright.content import lexicon
from briefwright.content.faithfulness import lint
from briefwright.project import load_project
from tests.faith_edits import added_findings as _new

ROOT = Path(__file__).resolve().parent.parent


def _rules(found: list[tuple[str, str]]) -> list[str]:
    return [rule for rule, _ in found]


def test_a_clause_restating_a_quote_across_its_commas_keeps_its_hedge(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:gctf-avenue headline", None, "The GCTF carries quiet military coordination")
    assert _rules(found) == ["claim-certainty"] and "'potential'" in found[0][1]


def test_a_reported_clause_loses_its_hedge_though_another_clause_keeps_one(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:mofa-reporting summary", "but could later become", "but later becomes")
    assert _rules(found) == ["claim-certainty"] and "could become valuable experts" in found[0][1]
    # A clause with no verb of its own goes with the hedged clause that completes it: the example passes.
    assert _new(example, "point:trilateral-framework detail", None,
                "Yao argues that a Japanese Taiwan Relations Act, if passed, would help create a greater "
                "US–Japan–Taiwan alliance.") == []


def test_unlikely_does_not_license_will(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:event-2022-summit detail", None,
                 "Kotani reads this as a reason to say there will be no drastic change in Tokyo's caution.")
    assert _rules(found) == ["claim-certainty"] and "'unlikely'" in found[0][1]


def test_a_clause_inside_the_quotes_denial_affirms_it(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:event-2019-air-data-proposal detail", "Tokyo declined to respond",
                 "Tokyo responded")
    assert _rules(found) == ["claim-negation"] and "rejected the proposa" in found[0][1] and "[yao]" in found[0][1]


def test_a_negative_prefix_dropped_reverses_the_passage(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:no-relations-since-1972 summary", "only non-governmental working relations",
                 "governmental working relations")
    assert "claim-negation" in _rules(found)


def test_a_cause_must_link_what_the_quote_links(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:ait-coordination summary", None,
                 "Active-duty US officers serve at the American Institute in Taiwan because Washington is "
                 "preparing an operational plan for a Chinese invasion.")
    assert "claim-cause" in _rules(found)


def test_a_report_year_is_not_the_year_of_what_was_reported(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:event-2019-air-data-proposal summary", None,
                 "In February 2019 Taiwan proposed a live, reciprocal exchange of data on Chinese air force sorties.")
    assert _rules(found) == ["claim-date"]


def test_a_headline_keeps_its_summarys_plan(example) -> None:  # type: ignore[no-untyped-def]
    found = _new(example, "point:event-2022-posting-decision headline", None,
                 "Japan posted a serving defence official in June 2022")
    assert _rules(found) == ["claim-aspect"] and "decided to send" in found[0][1]


def test_the_second_topic_draws_one_warning_judged_true(tmp_path: Path) -> None:
    workspace = collect(load_project(ROOT / "tests/roots/founding-texts", explicit=True), cache_dir=tmp_path)
    findings = lint(workspace.content, workspace.sources).findings
    # The headline prints Publius's prescription ("must") as the brief's own: a true finding by the same
    # standard as the example's distortions; commentary ("He treats both halves of this task as …"), a
    # denial carried over coordinated verbs and a link two sentences of one quote make draw nothing.
    assert [(f.claim.describe(), f.rule) for f in findings] == [("point 'double-control' headline", "claim-opinion")]


def test_lexicon_reads_negation_scope_prefixes_verbs_and_plans() -> None:
    assert lexicon.denied_words("there are no formal relations since the normalization") == frozenset(
        {"formal", "relation"})
    assert lexicon.prefix_flip("keeps governmental relations", "relations on a nongovernmental basis") == "governmental"
    assert lexicon.prefix_flip("keeps non-governmental relations", "relations on a nongovernmental basis") is None
    assert not lexicon.has_verb("Yao argues that a Japanese Taiwan Relations Act")
    assert lexicon.has_verb("Kotani notes that Xi is extending his tenure")
    assert lexicon.planned_act("Japan decided to send a serving defence official")
    assert not lexicon.planned_act("Xi Jinping has said he will pursue unification by 2049")
    assert lexicon.planned_act("Hamada is said to intend to send a military officer")
