"""Pictures: the timeline and key figures drawn as editable shapes, tables in Word, previews."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from briefwright.build import Output
from briefwright.evidence import evidence_paths
from briefwright.preview import preview
from briefwright.writers.slidetags import model_name
from tests import pdf
from tests.shapes import all_shapes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _slide(outputs: dict[str, Output], name: str, drawing: str):
    """The slide that carries the named drawing ("Timeline" or "Key figures")."""
    deck = Presentation(str(outputs[name].path))
    for number, slide in enumerate(deck.slides, start=1):
        if any(shape.name == drawing for shape in slide.shapes):
            return number, slide
    raise AssertionError(f"no slide with a {drawing!r} drawing in {name}")


def _decorative(shape) -> bool:
    """Office's a16 decorative mark on a shape's cNvPr."""
    return bool(shape._element.xpath("./*[1]/*[local-name()='cNvPr']/*[local-name()='extLst']/*"
                                     "/*[local-name()='decorative'][@val='1']"))


def _descr(shape) -> str:
    return shape._element.find(f".//{P}cNvPr").get("descr") or ""


class Describe_drawn_slides:
    @pytest.mark.parametrize("name", ["deck-10-analyst.pptx", "deck-20-analyst.pptx"])
    def it_draws_the_timeline_as_grouped_shapes_with_alt_text(self, name: str, outputs: dict[str, Output]) -> None:
        _, slide = _slide(outputs, name, "Timeline")
        timeline = next(s for s in slide.shapes if s.name == "Timeline")
        assert timeline.shape_type == MSO_SHAPE_TYPE.GROUP
        assert _descr(timeline).startswith("Timeline of 8 events from 1972 to 4 Aug 2022")
        events = [s for s in timeline.shapes if s.name.startswith("Event ")]
        assert len(events) == 8
        for event in events:
            assert event.shape_type == MSO_SHAPE_TYPE.GROUP
            date, label = (next(s for s in event.shapes if model_name(s.name) == n).text_frame.text
                           for n in ("Date", "Label"))  # a label's name also carries its anchor
            assert _descr(event) == f"{date}: {label}"
            assert any(s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.name == "Marker" for s in event.shapes)

    def it_puts_events_in_date_order_left_to_right(self, outputs: dict[str, Output]) -> None:
        _, slide = _slide(outputs, "deck-10-analyst.pptx", "Timeline")
        events = [s for s in next(s for s in slide.shapes if s.name == "Timeline").shapes if s.name.startswith("Event")]
        markers = [next(s for s in e.shapes if s.name == "Marker").left for e in events]
        assert markers == sorted(markers)
        plan = outputs["deck-10-analyst.pptx"].plan
        content_dates = [block.marker for s in plan.document.sections if s.role == "timeline" for block in s.blocks]
        years = [int(d[-4:]) for d in content_dates]
        assert years == sorted(years)

    def it_traces_every_event_and_figure_to_a_verified_quote(self, outputs: dict[str, Output]) -> None:
        evidence = json.loads(evidence_paths(outputs["deck-10-analyst.pptx"].path)[0].read_text(encoding="utf-8"))
        drawn = [e for e in evidence["entries"] if "event" in e["location"] or "figure" in e["location"]]
        assert len([e for e in drawn if "event" in e["location"]]) == 8
        assert len([e for e in drawn if "figure" in e["location"]]) == 6
        seeds = outputs["deck-10-analyst.pptx"].path.parents[1] / "seeds"
        for entry in drawn:
            assert entry["quotes"]
            for quote in entry["quotes"]:
                text = (seeds / evidence["sources"][quote["source"]]["file"]).read_text(encoding="utf-8")
                assert " ".join(text[quote["start"]:quote["end"]].split()) == quote["quote"]

    def it_draws_key_figures_as_cards_with_alt_text(self, outputs: dict[str, Output]) -> None:
        _, slide = _slide(outputs, "deck-10-analyst.pptx", "Key figures")
        grid = next(s for s in slide.shapes if s.name == "Key figures")
        cards = [s for s in grid.shapes if s.name.startswith("Figure ")]
        assert len(cards) == 6 and _descr(grid).startswith("6 key figures")
        values = [next(s for s in c.shapes if s.name == "Value").text_frame.text for c in cards]
        assert values[:3] == ["111 km", "5", "≈54,000"]  # priority 1 first, in reading order
        assert all(_descr(card).startswith(value + ": ") for card, value in zip(cards, values))

    @pytest.mark.parametrize("name", ["deck-5-analyst.pptx", "deck-10-analyst.pptx", "deck-20-analyst.pptx"])
    def it_reads_the_title_first_then_top_to_bottom(self, name: str, outputs: dict[str, Output]) -> None:
        for number, slide in enumerate(Presentation(str(outputs[name].path)).slides, start=1):
            read = [shape for shape in slide.shapes if not _decorative(shape)]  # screen readers skip decoration
            assert read[0].shape_id == slide.shapes.title.shape_id, f"{name} slide {number}: the title is not read first"
            tops = [shape.top for shape in read[1:]]
            assert tops == sorted(tops), f"{name} slide {number}: reading order is not top to bottom"

    @pytest.mark.parametrize("name", ["deck-5-analyst.pptx", "deck-10-analyst.pptx"])
    def it_marks_decoration_decorative_instead_of_describing_it(self, name: str, outputs: dict[str, Output]) -> None:
        for slide in Presentation(str(outputs[name].path)).slides:
            for shape in all_shapes(slide.shapes):
                if shape.name in ("Accent band", "Title rule", "Timeline spine", "Marker", "Card", "Logo plate"):
                    assert _decorative(shape) and not _descr(shape), shape.name
                elif _decorative(shape):
                    raise AssertionError(f"'{shape.name}' carries meaning but is marked decorative")

    @pytest.mark.parametrize("name", ["deck-10-analyst.pptx", "deck-20-analyst.pptx"])
    def it_keeps_every_drawn_shape_on_the_slide(self, name: str, outputs: dict[str, Output]) -> None:
        deck = Presentation(str(outputs[name].path))
        for slide in deck.slides:
            for shape in all_shapes(slide.shapes):
                assert shape.left >= 0 and shape.top >= 0
                assert shape.left + shape.width <= deck.slide_width and shape.top + shape.height <= deck.slide_height


@pytest.mark.office
class Describe_drawn_slides_as_rendered:
    @pytest.mark.parametrize("name", ["deck-10-analyst.pptx", "deck-20-analyst.pptx"])
    def it_never_draws_the_spine_or_a_marker_over_text(self, name: str, outputs: dict[str, Output],
                                                       rendered: dict[str, Path]) -> None:
        number, slide = _slide(outputs, name, "Timeline")
        timeline = next(s for s in slide.shapes if s.name == "Timeline")
        drawings = [s for s in all_shapes(timeline.shapes) if s.name in ("Timeline spine", "Marker")]
        boxes = [(s.left / 12700, s.top / 12700, (s.left + s.width) / 12700, (s.top + s.height) / 12700)
                 for s in drawings]
        words = [w for w in pdf.words(rendered[name]) if w.page == number]
        assert len(words) > 30
        for word in words:
            for x0, top, x1, bottom in boxes:
                overlaps = word.x0 < x1 and word.x1 > x0 and word.top < bottom and word.bottom > top
                assert not overlaps, f"'{word.text}' is drawn over by a timeline shape"


class Describe_word_tables:
    @pytest.mark.parametrize("name", ["brief-analyst.docx", "report-analyst.docx"])
    def it_adds_timeline_and_figure_tables_with_alt_text_and_a_header_row(self, name: str,
                                                                         built: dict[str, Path]) -> None:
        with zipfile.ZipFile(built[name]) as package:
            body = etree.fromstring(package.read("word/document.xml"))
        tables = body.findall(f".//{W}tbl")
        assert len(tables) == 2
        for table in tables:
            properties = table.find(f"{W}tblPr")
            assert properties.find(f"{W}tblDescription").get(f"{W}val").startswith("Table: ")
            assert properties.find(f"{W}tblCaption") is not None
            assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None

    def it_lists_timeline_rows_oldest_first(self, built: dict[str, Path]) -> None:
        import docx

        document = docx.Document(str(built["report-analyst.docx"]))
        timeline = document.tables[0]
        years = [int(row.cells[0].text[-4:]) for row in timeline.rows[1:]]
        assert years == sorted(years) and len(years) == 8

    def it_uses_real_heading_styles_for_navigation(self, built: dict[str, Path]) -> None:
        import docx

        document = docx.Document(str(built["report-analyst.docx"]))
        levels = {}
        for paragraph in document.paragraphs:
            outline = paragraph.style.element.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                levels.setdefault(paragraph.style.name, outline.get(f"{W}val"))
        assert levels == {"Heading 1": "0", "Heading 2": "1"}


@pytest.mark.office
class Describe_preview:
    def it_writes_a_contact_sheet_with_a_tile_per_page(self, built: dict[str, Path], tmp_path: Path) -> None:
        files = [built["memo-analyst.docx"], built["report-analyst.docx"], built["deck-10-analyst.pptx"]]
        sheets = preview(files, tmp_path / "preview")
        for sheet in sheets:
            assert sheet.pages == pdf.page_count(sheet.pdf)
            recorded = json.loads(sheet.image.with_suffix("").with_suffix(".sheet.json").read_text())
            assert recorded["tiles"] == sheet.pages == len(list((tmp_path / "preview" / sheet.source.stem).glob("*.png")))
            with Image.open(sheet.image) as image:
                tile_width = 320 + 16
                assert (image.width - 16) // tile_width == recorded["columns"]
                rows = math.ceil(recorded["tiles"] / recorded["columns"])
                assert image.height > rows * 100
        assert [s.pages for s in sheets] == [1, 6, 10]
        index = (tmp_path / "preview/index.html").read_text(encoding="utf-8")
        for sheet in sheets:
            assert f'src="{sheet.image.name}"' in index
        assert "memo-analyst.docx <small>1 page ·" in index and "deck-10-analyst.pptx <small>10 slides ·" in index

    @pytest.mark.browser
    def it_shows_an_html_brief_printed_and_on_screen(self, built: dict[str, Path], tmp_path: Path) -> None:
        page = built["brief-html-analyst.html"]
        [sheet] = preview([page], tmp_path / "preview")
        assert sheet.pages == pdf.page_count(sheet.pdf) == 2
        assert sheet.screen is not None
        with Image.open(sheet.screen) as screen:
            assert screen.size == (1200, 1400)
            # Not a blank page: the title's ink and the logo's accent are on it.
            colours = screen.convert("RGB").getcolors(maxcolors=1 << 20) or []
            assert len(colours) > 50
        index = (tmp_path / "preview/index.html").read_text(encoding="utf-8")
        assert f'src="{sheet.screen.name}"' in index and "brief-html-analyst.html <small>2 pages ·" in index

    @pytest.mark.browser
    def it_says_how_to_install_chromium_when_it_is_missing(self, built: dict[str, Path], tmp_path: Path) -> None:
        env = {**os.environ, "PATH": str(tmp_path)}
        result = subprocess.run([sys.executable, "-m", "briefwright", "pdf", str(built["brief-html-analyst.html"]),
                                 "--project", str(built["memo-analyst.docx"].parents[1]), "--out", str(tmp_path / "p")],
                                capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "Chromium is not installed" in result.stderr and "apt-get install chromium" in result.stderr
        assert not (tmp_path / "p").exists()

    def it_says_how_to_install_libreoffice_when_it_is_missing(self, built: dict[str, Path], tmp_path: Path) -> None:
        env = {**os.environ, "PATH": str(tmp_path)}  # no soffice on this PATH
        result = subprocess.run([sys.executable, "-m", "briefwright", "preview", str(built["memo-analyst.docx"]),
                                 "--project", str(built["memo-analyst.docx"].parents[1]), "--out", str(tmp_path / "p")],
                                capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "LibreOffice (soffice) is not installed" in result.stderr and "apt-get install" in result.stderr
