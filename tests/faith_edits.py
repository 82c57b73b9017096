"""What the faithfulness tests share: the example's claims and lint context, collected once per
session, and an edit of one claim linted against them (the real content, one field changed)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefwright.build import Workspace, collect
from briefwright.content.claims import Claim, collect_claims
from briefwright.content.faithfulness import Finding, LintContext, lint_claim, lint_context
from briefwright.project import load_project

ROOT = Path(__file__).resolve().parent.parent
Example = tuple[list[Claim], LintContext]


def lint_example(cache_dir: Path) -> Example:
    """The example's claims and lint context; the verification cache goes to cache_dir."""
    return example_of(collect(load_project(ROOT, explicit=True), cache_dir=cache_dir))


def example_of(workspace: Workspace) -> Example:
    """The claims and lint context of a collected workspace (the example's, collected once per session)."""
    claims = collect_claims(workspace.content)
    return claims, lint_context(workspace.content, workspace.sources, claims)


def claim_at(example: Example, owner: str, field: str, containing: str | None = None) -> Claim:
    """The claim of owner's field (the first one holding `containing`, when given)."""
    return next(c for c in example[0] if c.owner == owner and c.field == field
                and (containing is None or containing in " ".join(c.text.split())))


def edited(claim: Claim, new: str, old: str | None = None, *, once: bool = False) -> Claim:
    """The claim with its text replaced by new, or with old (which it must hold) replaced by new."""
    flat = " ".join(claim.text.split())
    assert old is None or old in flat, flat
    text = new if old is None else flat.replace(old, new, 1 if once else -1)
    return dataclasses.replace(claim, text=text)


def added_findings(example: Example, at: str, old: str | None, new: str) -> list[tuple[str, str]]:
    """(rule, message) of the findings an edit of the field at "owner field" adds to those it had."""
    owner, field = at.split()
    claim = claim_at(example, owner, field)
    before = {finding.message for finding in lint_claim(claim, example[1])}
    return [(f.rule, f.message) for f in lint_claim(edited(claim, new, old, once=True), example[1])
            if f.message not in before]


def findings_of_edit(example: Example, owner: str, field: str, new: str, old: str | None = None) -> dict[str, str]:
    """rule → message of every finding on an edit of a field the content writes faithfully."""
    claim = claim_at(example, owner, field, containing=old)
    assert lint_claim(claim, example[1]) == []  # the content as written is faithful
    found: list[Finding] = lint_claim(edited(claim, new, old), example[1])
    return {finding.rule: finding.message for finding in found}
