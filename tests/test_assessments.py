"""What a reader sees of disagreements and assessments, read back from the built files.

A point whose sources disagree shows "Sources differ" wherever it appears — a bullet, a
paragraph, a timeline row, a drawn timeline event — in every product, on the page or
slide itself and not only in the speaker notes. Key judgments and the BLUF are marked
as assessments with their confidence for audiences that ask for it, and only for them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefwright.build import Output, build
from briefwright.evidence import evidence_paths
from briefwright.project import load_project

PRODUCTS = ["memo-analyst.docx", "brief-analyst.docx", "report-analyst.docx", "deck-5-analyst.pptx",
            "deck-10-analyst.pptx", "deck-20-analyst.pptx"]


def _shapes(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _slide_text(data: bytes, number: int) -> str:
    slide = Presentation(io.BytesIO(data)).slides[number - 1]
    return "\n".join(shape.text_frame.text for shape in _shapes(slide.shapes) if shape.has_text_frame)


def _docx_text(data: bytes, location: dict[str, int]) -> str:
    document = docx.Document(io.BytesIO(data))
    if "table" in location:
        row = document.tables[location["table"] - 1].rows[location["row"] - 1]
        return " ".join(cell.text for cell in row.cells)
    return document.paragraphs[location["paragraph"] - 1].text


class Describe_disagreements:
    @pytest.mark.parametrize("name", PRODUCTS)
    def it_shows_sources_differ_wherever_a_disputed_point_appears(self, name: str,
                                                                    outputs: dict[str, Output]) -> None:
        output = outputs[name]
        written = output.path.read_bytes()  # the file as a reader opens it, and its evidence map beside it
        evidence = json.loads(evidence_paths(output.path)[0].read_text(encoding="utf-8"))
        disputed = [entry for entry in evidence["entries"] if entry["conflicts"]]
        assert disputed, f"{name} shows no disputed point; the example's 2022 posting should appear"
        for entry in disputed:
            location = entry["location"]
            if "slide" in location:
                seen = _slide_text(written, location["slide"])
                if "event" in location:
                    assert "†" in entry["text"], f"{name} {entry['where']}: the disputed event has no mark"
            else:
                seen = _docx_text(written, location)
            assert "Sources differ" in seen, f"{name} {entry['where']} hides the disagreement: {seen[:120]!r}"

    def it_cites_every_source_a_conflict_line_names(self, outputs: dict[str, Output]) -> None:
        # Lim is a position in the posting conflict but not in its evidence: the marker must still cite Lim.
        output = outputs["deck-5-analyst.pptx"]
        entry = next(e for e in output.evidence["entries"] if e["point"] == "liaison-posting-2022")
        assert {"kotani", "lim", "fpri"} <= set(entry["sources"])


class Describe_assessments:
    def it_marks_the_bluf_and_judgments_as_assessments_for_analysts(self, outputs: dict[str, Output]) -> None:
        memo = docx.Document(io.BytesIO(outputs["memo-analyst.docx"].data))
        bluf = next(p.text for p in memo.paragraphs if p.text.startswith("Bottom line up front"))
        assert "(assessment, moderate confidence)" in bluf
        judgments = _slide_text(outputs["deck-5-analyst.pptx"].data, 2)
        assert judgments.count("confidence)") == 4  # one per analysis and recommendations module

    def it_shows_no_confidence_to_audiences_that_do_not_ask(self, project_dir: Path) -> None:
        result = build(load_project(project_dir, explicit=True), products=["memo", "deck-5"],
                       audiences=["legislator"], out_dir=project_dir / "out")
        memo, deck = result.outputs
        assert "confidence" not in "\n".join(p.text for p in docx.Document(io.BytesIO(memo.data)).paragraphs)
        assert "confidence" not in _slide_text(deck.data, 2)
        notes = Presentation(io.BytesIO(deck.data)).slides[1].notes_slide.notes_text_frame.text
        assert "Confidence: moderate." in notes  # the notes always keep it for the presenter

    def it_records_the_confidence_in_the_evidence_map(self, outputs: dict[str, Output]) -> None:
        evidence = json.loads(evidence_paths(outputs["report-analyst.docx"].path)[0].read_text(encoding="utf-8"))
        summary = [e for e in evidence["entries"] if e["level"] == "judgment" and "confidence)" in e["text"]]
        assert len(summary) >= 5  # the BLUF and four key judgments in the executive summary
