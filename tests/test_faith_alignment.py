"""The alignment a reporting sentence rests on is recorded in the evidence map and printed by `trace`.

Built from the real example: one product's evidence map is written the way a build writes it, then
read back by the `briefwright trace` command a user runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefwright.build import collect, plan_product, resolve_audiences, resolve_products
from briefwright.evidence import build_evidence_map, to_json
from briefwright.project import load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def evidence() -> dict:
    workspace = collect(load_project(ROOT, explicit=True))
    audience = resolve_audiences(workspace, ["all"])[0]
    assert "brief" in resolve_products(workspace, ["all"])
    plan = plan_product(workspace, "brief", audience)[2]  # shows no-legal-framework's headline, summary and detail
    return build_evidence_map("brief.docx", plan.document, False, workspace.content, workspace.sources)


def _aligned(evidence: dict, field: str) -> dict:
    return next(record for entry in evidence["entries"] for record in entry["aligned"] if record["field"] == field)


def _line_of(path: Path, point: str, field: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if line.strip() == f"- id: {point}")
    return next(number for number, line in enumerate(lines[start:], start) if line.strip().startswith(f"{field}:")) + 1


def test_each_clause_of_a_reporting_field_names_the_quote_clause_it_restates(evidence: dict) -> None:
    record = _aligned(evidence, "no-legal-framework.summary")
    assert record["file"] == "content/legal-constraints.yaml"
    assert record["line"] == _line_of(ROOT / record["file"], "no-legal-framework", "summary")
    pairs = {entry["clause"]: entry["passages"] for entry in record["clauses"]}
    assert pairs["no such law exists in Japan"] == [{"source": "fpri", "clause": "no such law exists for Japan"}]


def test_a_clause_that_restates_no_quote_is_listed_with_none(evidence: dict) -> None:
    record = _aligned(evidence, "no-legal-framework.detail")
    unaligned = [entry["clause"] for entry in record["clauses"] if not entry["passages"]]
    assert "Liao describes the triangle's weak side" in unaligned


def test_trace_prints_the_alignment(evidence: dict, tmp_path: Path) -> None:
    path = tmp_path / "brief.evidence.json"
    path.write_bytes(to_json(evidence))
    assert json.loads(path.read_text(encoding="utf-8"))["entries"][0]["aligned"] is not None
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-m", "briefwright", "trace", str(path)], capture_output=True,
                            text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert "- aligned, `no-legal-framework.summary` (content/legal-constraints.yaml:" in result.stdout
    assert "  - “no such law exists in Japan” ← **fpri** “no such law exists for Japan”" in result.stdout
