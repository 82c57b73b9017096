"""A recommendation is not a statement of likelihood: a headline that says what someone should do
keeps no hedge from its summary's forecast of what the measure would bring (a new user's topic
was told "The council should add a bus lane" dropped the summary's 'would')."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from briefwright.build import collect
from briefwright.content.claims import collect_claims
from briefwright.content.faithfulness import lint_claim, lint_context
from briefwright.project import load_project

TINY = Path(__file__).parent / "roots" / "tiny"


def _rules(headline: str) -> list[str]:
    with tempfile.TemporaryDirectory() as scratch:  # the verification cache goes there, not into tests/roots
        workspace = collect(load_project(TINY, explicit=True), cache_dir=Path(scratch))
    claims = collect_claims(workspace.content)
    context = lint_context(workspace.content, workspace.sources, claims)
    claim = next(c for c in claims if c.owner == "point:bus-lane" and c.field == "headline")
    return [finding.rule for finding in lint_claim(dataclasses.replace(claim, text=headline), context)]


def test_a_recommending_headline_keeps_no_forecast_hedge() -> None:
    assert "claim-certainty" not in _rules("The council should add a bus lane on Mill Street")
    assert "claim-certainty" not in _rules("The council must add a bus lane on Mill Street")


def test_a_headline_stating_the_forecast_as_fact_is_still_caught() -> None:
    # The summary: "A dedicated lane would keep buses out of queues."
    assert "claim-certainty" in _rules("A dedicated lane keeps buses out of queues")


def test_due_to_before_a_verb_schedules_and_states_no_cause() -> None:
    from briefwright.content.lexicon import causal_terms

    assert causal_terms("the roadworks are due to finish next spring") == []
    assert causal_terms("the treaty is due to be signed in may") == []
    assert causal_terms("the delays are due to roadworks on the bridge") == ["due to"]
