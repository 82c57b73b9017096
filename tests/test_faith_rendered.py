"""Warnings on the text a product prints name the content file and line of the field it shows.

Composed documents are built from the model with runs anchored to real fields of the example content
(as the composer anchors them); the report the build prints is read back as the user sees it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.build import collect
from briefwright.content.rendered import lint_document, report_rendered
from briefwright.diagnostics import Report
from briefwright.model import Block, Document, EvidenceRef, Run, Section
from briefwright.project import load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return collect(load_project(ROOT, explicit=True)).content


def _document(*blocks: Block, notes: list[str] | None = None) -> Document:
    section = Section("module", title="Findings", blocks=list(blocks), notes=notes or [])
    return Document("memo", "public", "T", "S", "1 Jan 2026", "2026-01-01", "Org", [section], [])


def _line(path: Path, point: str, field: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if line.strip() == f"- id: {point}")
    return next(number for number, line in enumerate(lines[start:], start) if line.strip().startswith(f"{field}:")) + 1


def test_a_broken_article_names_the_field_it_prints(content) -> None:  # type: ignore[no-untyped-def]
    block = Block("body", [Run("Japan keeps a unofficial channel.", anchor="no-legal-framework:summary")],
                  trace=EvidenceRef("no-legal-framework", "summary", ("fpri",)))
    [finding] = lint_document(_document(block), content)
    assert finding.rule == "rendered-article" and finding.origin is not None
    assert str(finding.origin.file) == "content/legal-constraints.yaml"
    assert finding.origin.line == _line(ROOT / "content/legal-constraints.yaml", "no-legal-framework", "summary")
    assert finding.origin.field == "no-legal-framework.summary"


def test_the_report_leads_with_file_and_line_and_keeps_the_product_place(content) -> None:  # type: ignore[no-untyped-def]
    block = Block("body", [Run("Japan keeps a unofficial channel.", anchor="no-legal-framework:summary")],
                  trace=EvidenceRef("no-legal-framework", "summary", ("fpri",)))
    report = Report()
    report_rendered(_document(block), content, report)
    [warning] = report.warnings
    line = _line(ROOT / "content/legal-constraints.yaml", "no-legal-framework", "summary")
    text = warning.format()
    assert f"content/legal-constraints.yaml:{line}" in text
    assert "no-legal-framework.summary" in text and "memo-public, section 1 (Findings), block 1" in text


def test_condensed_notes_point_to_the_one_point_their_slide_shows(content) -> None:  # type: ignore[no-untyped-def]
    block = Block("body", [Run("The official will report to MOFA.", anchor="mofa-reporting:headline")],
                  trace=EvidenceRef("mofa-reporting", "headline", ("kotani",)))
    notes = ["The new official will report to the foreign ministry. Otherwise, he adds, officials cannot visit."]
    [finding] = lint_document(_document(block, notes=notes), content)
    assert finding.rule == "rendered-dangling" and finding.origin is not None
    assert str(finding.origin.file) == "content/cooperation-avenues.yaml"
    assert finding.origin.line == _line(ROOT / "content/cooperation-avenues.yaml", "mofa-reporting", "headline")


def test_a_title_names_only_the_product(content) -> None:  # type: ignore[no-untyped-def]
    section = Section("module", title="Position: unknown", blocks=[], notes=[])
    document = Document("memo", "public", "T", "S", "1 Jan 2026", "2026-01-01", "Org", [section], [])
    [finding] = lint_document(document, content)
    assert finding.origin is None and finding.place.startswith("memo-public, section 1")
