"""The ten-slide deck: reopened with python-pptx, and as LibreOffice renders it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from briefwright.writers.slidetags import model_name
from tests import pdf
from tests.shapes import misplaced_words

DECK = "deck-10-analyst.pptx"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def deck(built: dict[str, Path]):
    return Presentation(str(built[DECK]))


class Describe_deck_structure:
    def it_has_ten_widescreen_slides(self, deck) -> None:
        assert len(deck.slides) == 10
        assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))

    def it_runs_title_judgments_modules_recommendations_sources(self, deck) -> None:
        titles = [slide.shapes.title.text for slide in deck.slides]
        assert titles[0] == "Japan–Taiwan Security and Military Cooperation"
        assert titles[1] == "Key judgments"
        assert titles[-1] == "Sources"
        kickers = [next(s.text_frame.text for s in slide.shapes if s.name == "Kicker") for slide in list(deck.slides)[1:-1]]
        assert kickers[:4] == ["Bottom line", "Timeline", "Key figures", "Threat"]
        assert kickers[-1] == "Recommendations"

    def it_gives_every_content_slide_notes_with_detail_and_quotes(self, deck) -> None:
        for slide in list(deck.slides)[2:-1]:
            notes = slide.notes_slide.notes_text_frame.text
            assert "“" in notes and "[" in notes, slide.shapes.title.text
            body = next((s for s in slide.shapes if model_name(s.name) == "Body"), None)  # name + its anchors
            if body is None:
                continue  # a drawn slide: its notes are checked with the drawings
            headlines = [p.runs[0].text for p in body.text_frame.paragraphs if p.runs and p.runs[0].font.bold]
            assert all(h in notes for h in headlines)

    def it_names_sources_on_each_content_slide(self, deck) -> None:
        for slide in list(deck.slides)[1:-1]:
            line = next(s for s in slide.shapes if s.name == "Source line").text_frame.text
            notes, _, sources = line.rpartition("Sources: [")
            assert sources, line
            if notes:  # "† Sources differ on …": the dagger must mark an item drawn on this slide
                mark = notes.split()[0]
                drawn = [s.text_frame.text for g in slide.shapes if g.shape_type == MSO_SHAPE_TYPE.GROUP
                         for e in g.shapes if e.shape_type == MSO_SHAPE_TYPE.GROUP for s in e.shapes if s.has_text_frame]
                assert any(text.endswith(mark) for text in drawn), line

    def it_leaves_no_autofit_for_the_viewer(self, deck) -> None:
        for slide in deck.slides:
            for shape in slide.shapes:
                if shape.has_text_frame:  # text boxes and decorative shapes alike
                    body_pr = shape.text_frame._txBody.find(A + "bodyPr")
                    assert body_pr.find(A + "normAutofit") is None
                    assert body_pr.find(A + "noAutofit") is not None

    def it_sets_an_east_asian_typeface_on_runs(self, deck) -> None:
        sources = list(deck.slides)[-1]
        body = next(s for s in sources.shapes if s.name == "Body")
        lim = next(r for p in body.text_frame.paragraphs for r in p.runs if "林" in r.text)
        assert lim._r.find(A + "rPr").find(A + "ea").get("typeface") == "Yu Gothic"


@pytest.mark.office
class Describe_deck_as_rendered:
    def it_renders_ten_pages(self, rendered: dict[str, Path]) -> None:
        assert pdf.page_count(rendered[DECK]) == 10

    def it_keeps_every_word_inside_its_own_shape_and_the_slide(self, built: dict[str, Path],
                                                                rendered: dict[str, Path]) -> None:
        assert len(pdf.words(rendered[DECK])) > 500
        assert misplaced_words(built[DECK], rendered[DECK]) == []


class Describe_deck_model:
    """render/deck.py builds the slide model without python-pptx: layouts, shapes, order, notes."""

    def it_maps_each_section_to_one_slide(self, outputs) -> None:
        from briefwright.writers.deck import GroupShape, TextShape, build_deck

        output = outputs["deck-10-analyst.pptx"]
        deck = build_deck(output.plan.document, output.product)
        assert len(deck.slides) == len(output.plan.document.sections) == 10
        assert [s.layout for s in deck.slides[:2]] == ["Title Slide", "Title Only"]
        assert deck.slides[0].background == "ink" and deck.slides[1].background is None
        timeline = next(s for s in deck.slides if s.role == "timeline")
        drawing = next(shape for shape in timeline.shapes if isinstance(shape, GroupShape))
        assert drawing.alt_text.startswith("Timeline of 8 events")
        title = next(shape for shape in deck.slides[1].shapes if isinstance(shape, TextShape) and shape.name == "Title")
        assert title.placeholder == "title"
        for slide, section in zip(deck.slides, output.plan.document.sections):
            assert slide.notes == "\n\n".join(section.notes)

    def it_imports_no_office_library(self) -> None:
        import ast

        import briefwright.model
        import briefwright.writers.deck

        for module in (briefwright.writers.deck, briefwright.model):
            tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
            imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                        for alias in node.names}
            imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                         if isinstance(node, ast.ImportFrom) and node.module}
            assert not imported & {"pptx", "docx"}, module.__name__


class Describe_the_deck_check:
    def it_reports_a_text_box_that_asks_the_viewer_to_shrink_text(self, outputs, built: dict[str, Path]) -> None:
        import io

        from lxml import etree

        from briefwright.diagnostics import Report, Where
        from briefwright.writers.deck import build_deck
        from briefwright.writers.pptx import check_pptx

        output = outputs[DECK]
        model = build_deck(output.plan.document, output.product)
        written = built[DECK].read_bytes()
        clean = Report()
        check_pptx(written, model, output.product, clean, Where())
        assert clean.items == []
        presentation = Presentation(io.BytesIO(written))
        body = presentation.slides[1].shapes.title.text_frame._txBody.find(A + "bodyPr")
        for child in list(body):
            body.remove(child)
        etree.SubElement(body, A + "normAutofit")
        shrinking = io.BytesIO()
        presentation.save(shrinking)
        report = Report()
        check_pptx(shrinking.getvalue(), model, output.product, report, Where())
        assert [item.code for item in report.items] == ["output-autofit"]
