"""The writers' direct XML (drawingml, wordml) against python-pptx and python-docx doing the same.

The Word and PowerPoint writers build paragraphs, runs and shapes straight into the XML tree
for speed, and promise the very bytes the libraries' own API wrote. Each test here makes the
same thing both ways, in fresh documents, and compares the serialised XML.
"""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.text.paragraph import CT_P
from docx.shared import Pt, RGBColor
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor as PptxRGB
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.util import Emu, Inches
from pptx.util import Pt as PptxPt

from briefwright.writers import drawingml, ooxml, wordml


def _xml(element) -> bytes:
    return etree.tostring(element)


def _blank_slide():
    presentation = Presentation()
    return presentation.slides.add_slide(presentation.slide_layouts[6])  # Blank: no placeholders


class Describe_wordml:
    @pytest.mark.parametrize("gap, page_break, style", [(6.0, False, "Heading 1"), (0.0, True, None),
                                                        (13.3, False, "Body Text")])
    def it_writes_the_paragraph_python_docx_writes(self, gap: float, page_break: bool, style: str | None) -> None:
        ours, theirs = docx.Document(), docx.Document()
        expected = theirs.add_paragraph(style=style)
        expected.paragraph_format.space_before = Pt(gap)
        expected.paragraph_format.space_after = Pt(0)
        if page_break:
            expected.paragraph_format.page_break_before = True
        style_id = ours.styles[style].style_id if style else None
        made = wordml.add_paragraph(ours.element.body, style_id, gap, 0.0, page_break)
        assert _xml(made) == _xml(expected._p)
        assert made.getnext().tag == ooxml.qn("w:sectPr") or made.getnext() is None  # before the section
        assert isinstance(made, CT_P)  # python-docx's own class: its proxies still work on it

    @pytest.mark.parametrize("text, bold, italic, color", [
        ("plain", False, False, None), (" leading space", True, False, None), ("trailing ", False, True, "5E6B78"),
        ("tab\tinside\nand a line end", True, True, "B5452B")])
    def it_writes_the_run_python_docx_writes(self, text: str, bold: bool, italic: bool, color: str | None) -> None:
        ours, theirs = docx.Document().add_paragraph(), docx.Document().add_paragraph()
        run = theirs.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        wordml.add_run(ours._p, text, bold, italic, color)
        assert _xml(ours._p) == _xml(theirs._p)

    def it_writes_a_tab_run_and_a_later_space_after_as_python_docx_does(self) -> None:
        ours, theirs = docx.Document(), docx.Document()
        expected = theirs.add_paragraph()
        expected.paragraph_format.space_before = Pt(3)
        expected.paragraph_format.space_after = Pt(0)
        expected.add_run().add_tab()
        expected.paragraph_format.space_after = Pt(7.5)
        made = wordml.add_paragraph(ours.element.body, None, 3, 0, False)
        wordml.add_tab_run(made)
        wordml.set_space_after(made, 7.5)
        assert _xml(made) == _xml(expected._p)

    def it_is_not_fooled_by_a_break_python_docx_would_write_differently(self) -> None:
        """A mutation guard: a page break run is not what add_run makes, so the comparison can fail."""
        ours, theirs = docx.Document().add_paragraph(), docx.Document().add_paragraph()
        theirs.add_run("a").add_break(WD_BREAK.PAGE)
        wordml.add_run(ours._p, "a\n")
        assert _xml(ours._p) != _xml(theirs._p)


class Describe_drawingml:
    def it_writes_the_text_box_python_pptx_writes(self) -> None:
        ours, theirs = _blank_slide(), _blank_slide()
        box = theirs.shapes.add_textbox(Emu(0), Emu(0), Emu(1), Emu(1))
        box.name = "Body"
        box.left, box.top, box.width, box.height = Inches(0.5), Inches(1.25), Inches(9), Inches(4.333)
        ids = drawingml.ShapeIds(ours._element)
        made = drawingml.add_text_box(ours.shapes._spTree, ids.take(), "Body",
                                      drawingml.Frame(Inches(0.5), Inches(1.25), Inches(9), Inches(4.333)))
        assert _xml(made) == _xml(box._element)
        assert isinstance(made, CT_Shape)

    @pytest.mark.parametrize("kind, shape", [("rect", MSO_SHAPE.RECTANGLE), ("oval", MSO_SHAPE.OVAL),
                                             ("rounded", MSO_SHAPE.ROUNDED_RECTANGLE)])
    def it_writes_the_filled_shape_python_pptx_writes(self, kind: str, shape) -> None:
        ours, theirs = _blank_slide(), _blank_slide()
        expected = theirs.shapes.add_shape(shape, Inches(1), Inches(2), Inches(3), Inches(0.05))
        expected.fill.solid()
        expected.fill.fore_color.rgb = PptxRGB.from_string("B5452B")
        expected.line.fill.background()
        expected.shadow.inherit = False
        expected.text_frame.auto_size = MSO_AUTO_SIZE.NONE
        expected.name = "Marker"
        made = drawingml.add_filled_shape(ours.shapes._spTree, drawingml.ShapeIds(ours._element).take(), "Marker",
                                          drawingml.PRESET[kind], drawingml.Frame(Inches(1), Inches(2), Inches(3),
                                                                                  Inches(0.05)), "B5452B")
        assert _xml(made) == _xml(expected._element)

    def it_sizes_nested_groups_as_python_pptx_does(self) -> None:
        ours, theirs = _blank_slide(), _blank_slide()
        outer = theirs.shapes.add_group_shape()
        outer.name = "Drawing"
        outer.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1)).name = "A"
        inner = outer.shapes.add_group_shape()
        inner.name = "Card"
        inner.shapes.add_textbox(Inches(4), Inches(0.5), Inches(1), Inches(3)).name = "B"
        inner.shapes._recalculate_extents()
        outer.shapes._recalculate_extents()
        ids = drawingml.ShapeIds(ours._element)
        group = drawingml.add_group(ours.shapes._spTree, ids.take(), "Drawing")
        drawingml.add_text_box(group, ids.take(), "A", drawingml.Frame(Inches(1), Inches(1), Inches(2), Inches(1)))
        member = drawingml.add_group(group, ids.take(), "Card")
        drawingml.add_text_box(member, ids.take(), "B", drawingml.Frame(Inches(4), Inches(0.5), Inches(1), Inches(3)))
        drawingml.fit_group(member)
        drawingml.fit_group(group)
        # python-pptx names a new text box "TextBox N"; the writer renames every shape, so do the same here.
        for element in theirs.shapes._spTree.iter(ooxml.qn("p:cNvPr")):
            element.set("name", {"TextBox 2": "A", "TextBox 4": "B"}.get(element.get("name"), element.get("name")))
        assert _xml(group) == _xml(outer._element)

    @pytest.mark.parametrize("anchor, inset, caps", [("t", 0.05, False), ("b", 0.1, True)])
    def it_fills_text_as_python_pptx_does(self, anchor: str, inset: float, caps: bool) -> None:
        ours, theirs = _blank_slide(), _blank_slide()
        box = theirs.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(2))
        frame = box.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM if anchor == "b" else MSO_ANCHOR.TOP
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Inches(inset)
        frame.clear()
        for position, text in enumerate(["First paragraph", "Second, with a cite [1]"]):
            paragraph = frame.paragraphs[0] if position == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.LEFT
            ppr = paragraph._p.get_or_add_pPr()
            ooxml.set_paragraph_spacing(ppr, 14, 6 if position else 0)
            ooxml.set_bullet(ppr, "•" if position else None, "Arial", "B5452B", int(PptxPt(12)), int(PptxPt(9)))
            run = paragraph.add_run()
            run.text = text
            run.font.size = PptxPt(11.5)
            run.font.bold, run.font.italic = position == 1, False
            run.font.color.rgb = PptxRGB.from_string("1B2A3A")
            rpr = run._r.get_or_add_rPr()
            rpr.set("cap", "all" if caps else "none")  # said either way, against a master's capitals
            rpr.set("lang", "en-US")
            ooxml.set_drawing_fonts(rpr, "Arial", "Yu Gothic")

        made = drawingml.add_text_box(ours.shapes._spTree, drawingml.ShapeIds(ours._element).take(), box.name,
                                      drawingml.Frame(Inches(1), Inches(1), Inches(4), Inches(2)))
        body = made.find(ooxml.qn("p:txBody"))
        drawingml.set_body(body.find(ooxml.a_tag("bodyPr")), anchor, Inches(inset))
        paragraph = drawingml.clear_text(body)
        for position, text in enumerate(["First paragraph", "Second, with a cite [1]"]):
            if position:
                paragraph = etree.SubElement(body, ooxml.a_tag("p"))
            drawingml.format_paragraph(paragraph, drawingml.ParagraphFormat(
                "l", 14, 6 if position else 0, "•" if position else None, "Arial", "B5452B", 12, 9))
            drawingml.add_run(paragraph, text, drawingml.RunFormat(11.5, position == 1, False, "1B2A3A", caps,
                                                                   "Arial", "Yu Gothic"))
        assert _xml(made) == _xml(box._element)

    def it_counts_shape_ids_as_python_pptx_does(self) -> None:
        slide = _blank_slide()
        ids = drawingml.ShapeIds(slide._element)
        drawingml.add_text_box(slide.shapes._spTree, ids.take(), "A", drawingml.Frame(0, 0, 1, 1))
        picture_like = slide.shapes.add_textbox(Emu(0), Emu(0), Emu(1), Emu(1))  # python-pptx counts after ours
        ids.saw(picture_like.shape_id)
        assert picture_like.shape_id == 3 and ids.take() == 4
