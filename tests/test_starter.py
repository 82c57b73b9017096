"""A new user's first hour: init, add two sources, write one module of three points, build the defaults."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pptx import Presentation

from briefwright.build import build, collect
from briefwright.diagnostics import BriefwrightError, Report
from briefwright.ingest.register import add_sources
from briefwright.project import load_project
from briefwright.quotes.add import add_quote
from briefwright.quotes.find import find_passages, load_registry
from briefwright.scaffold import init_project
from tests.test_ingest import HTML, minimal_pdf

MODULE = """\
id: drills
title: Joint drills
intro: Both sources describe joint coast guard drills.
key_judgment:
  text: Joint drills are growing and more are expected.
  points: [drills-grew, more-drills]
  confidence: moderate
points:
  - id: drills-grew
    headline: Joint coast guard drills grew in 2023
    summary: Joint coast guard drills between the two countries grew in 2023.
    detail: The web report agrees that cooperation between the coast guards grew that year.
    priority: 1
  - id: more-drills
    headline: Officials expect more drills next year
    summary: Officials expect more joint drills at sea next year.
    detail: The study and the web report both say so.
    priority: 1
  - id: copying
    headline: Exact copying matters
    summary: The web report notes that quotes and dashes matter when a passage is copied.
    detail: Copy passages exactly.
    priority: 2
"""


def _errors(root: Path) -> list[str]:
    try:
        workspace = collect(load_project(root))
    except BriefwrightError as error:
        return [d.format() for d in error.report.errors]
    return [d.format() for d in workspace.report.errors]


@pytest.fixture()
def young(tmp_path: Path) -> Path:
    """init, then add-source a PDF and a web page, then one module of three points quoted with quote add."""
    root = init_project(tmp_path / "young")
    (tmp_path / "study.pdf").write_bytes(minimal_pdf(["Joint coast guard drills between the two countries grew in 2023.",
                                                      "Officials expect more joint drills at sea next year."]))
    (tmp_path / "drill.html").write_text(HTML, encoding="utf-8")
    report = Report()
    add_sources(root / "seeds", [tmp_path / "study.pdf", tmp_path / "drill.html"], report)
    assert not report.items
    (root / "content/drills.yaml").write_text(MODULE, encoding="utf-8")
    topic = root / "content/topic.yaml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("module_order: []", "module_order: [drills]")
                     .replace("points: []", "points: [drills-grew]"), encoding="utf-8")
    project = load_project(root)
    for point, draft in (("drills-grew", "coast guard drills grew in 2023"), ("more-drills", "expect more joint drills"),
                         ("more-drills", "officials expect more drills at sea"), ("copying", "curly quotes and dashes")):
        best = find_passages(load_registry(project), draft)[0].passage
        add_quote(project, point, best.source_id, best.place)
    return root


def test_a_young_project_builds_its_default_products(young: Path, tmp_path: Path) -> None:
    assert _errors(young) == []
    result = build(load_project(young), out_dir=tmp_path / "out")
    names = sorted(output.path.name for output in result.outputs)
    assert names == ["brief-html-reader.html", "deck-5-reader.pptx", "memo-reader.docx"]
    deck = Presentation(str(tmp_path / "out/deck-5-reader.pptx"))
    assert len(deck.slides) == 5
    text = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "Joint coast guard drills grew in 2023" in text and "Officials expect more drills next year" in text
    memo = "\n".join(p.text for p in docx.Document(str(tmp_path / "out/memo-reader.docx")).paragraphs)
    assert "Exact copying matters" in memo


def test_a_deck_too_long_for_the_content_says_what_is_missing(young: Path, tmp_path: Path) -> None:
    with pytest.raises(BriefwrightError) as refused:
        build(load_project(young), products=["deck-10"], out_dir=tmp_path / "out")
    diagnostic = refused.value.report.errors[0]
    assert str(diagnostic.where) == "<built-in>/products/deck-10.yaml:7 [budget.slides]"
    assert "gives 7 slide(s) to the modules of role analysis or recommendations, but their 3 point(s) fill only 3: " \
           "modules 'drills' (3)" in diagnostic.message
    assert diagnostic.hint.startswith("add at least 4 more point(s) to these modules")


def test_the_memo_fill_warning_offers_what_exists(young: Path, tmp_path: Path) -> None:
    result = build(load_project(young), products=["memo"], out_dir=tmp_path / "out")
    warning = next(d for d in result.report.warnings if d.code == "under-filled")
    assert "shorter product" not in warning.hint and "fewer pages" not in warning.hint
    assert warning.hint.startswith("add about ") and "templates/products/memo.yaml" in warning.hint


def test_every_error_on_a_fresh_starter_says_what_to_do(tmp_path: Path) -> None:
    root = init_project(tmp_path / "fresh")
    try:
        collect(load_project(root))
    except BriefwrightError as error:
        diagnostics = error.report.errors
    assert len(diagnostics) == 3
    for diagnostic in diagnostics:
        assert diagnostic.hint, diagnostic.format()
        assert "List should" not in diagnostic.message and "validation" not in diagnostic.message
    assert any("add-source" in d.hint for d in diagnostics)


def test_a_module_missing_its_opening_and_judgment_says_what_to_write(young: Path) -> None:
    module = young / "content/drills.yaml"
    text = module.read_text(encoding="utf-8")
    start, end = text.index("intro:"), text.index("points:\n")
    module.write_text(text[:start] + text[end:], encoding="utf-8")
    hints = {d.where.field: d.hint for d in _diagnostics(young) if d.code == "schema-missing"}
    assert hints["intro"].startswith("add `intro:` — a sentence or two in your own words")
    assert hints["key_judgment"].startswith("add `key_judgment:` — the module's bottom line")
    assert "`text:`, `points:`" in hints["key_judgment"]


def _diagnostics(root: Path) -> list:
    try:
        collect(load_project(root))
    except BriefwrightError as error:
        return error.report.errors
    return []


def test_the_starter_s_placeholder_topic_is_pointed_out_until_replaced(young: Path) -> None:
    placeholders = [d for d in collect(load_project(young)).report.warnings if d.code == "starter-placeholder"]
    assert [d.where.field for d in placeholders] == ["title", "subject", "bluf.text"]
    assert all(str(d.where.file).endswith("topic.yaml") and d.where.line for d in placeholders)
    assert "write the bottom line, in your own words" in placeholders[2].hint
    topic = young / "content/topic.yaml"
    topic.write_text(topic.read_text(encoding="utf-8")
                     .replace("title: New briefing", "title: Coast guard drills")
                     .replace("One line on what the briefing is for", "Where joint drills stand")
                     .replace("Write the bottom line in your own words once the modules exist.",
                              "Joint coast guard drills grew in 2023 and officials expect more."), encoding="utf-8")
    assert not [d for d in collect(load_project(young)).report.warnings if d.code == "starter-placeholder"]
