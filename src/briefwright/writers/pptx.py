"""DeckModel → .pptx through python-pptx. Layouts are chosen by role from the reference deck's master."""

from __future__ import annotations

import datetime as dt
import io

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

from briefwright.audience import AudienceProfile
from briefwright.diagnostics import Report, Where, fail
from briefwright.output import reproducible_zip
from briefwright.products import Box, Product
from briefwright.reference import contrast
from briefwright.reference.deck_adapter import layout_choice
from briefwright.reference.load import open_reference_deck
from briefwright.reference.pptx_master import vertical_text
from briefwright.typefaces import role_family
from briefwright.writers import docprops, drawingml, ooxml
from briefwright.writers.deck import DeckModel, GroupShape, PictureShape, RectShape, SlideModel, TextShape, build_deck
from briefwright.writers.job import Rendered, RenderJob
from briefwright.writers.slidetags import anchored_name, tag_slide

_PLACEHOLDER_TYPES = {"title": ("title", "ctrTitle"), "subtitle": ("subTitle", "body", "obj")}
_PLACEHOLDER_IDX = {"title": 0, "subtitle": 1}  # where a placeholder's type does not say


class PptxRenderer:
    def __init__(self, product: Product, audience: AudienceProfile, report: Report | None = None) -> None:
        self.product = product
        self.audience = audience
        self.palette = audience.branding.palette
        self.fonts = audience.branding.fonts
        self.report = report if report is not None else Report()
        self.master, self.choice = layout_choice(audience)
        self._dark_slide = False  # the slide being drawn has a dark background

    def _rgb(self, key: str) -> RGBColor:
        return RGBColor.from_string(self.palette.hex(key))

    def _layout(self, presentation, kind: str):
        """The master's layout for a cover ("Title Slide") or any other slide, chosen by role."""
        chosen = self.choice.title if kind == "Title Slide" else self.choice.slide
        if chosen is None:  # the adapter refuses such a master before planning; a direct caller learns here
            raise fail("template-unusable", Where(self.master.path, field="branding.reference_pptx"),
                       "; ".join(self.choice.errors), f"run 'briefwright template check {self.master.path.name}'")
        return presentation.slide_masters[chosen.master].slide_layouts[chosen.index]

    def _warn_fallbacks(self) -> None:
        for message in self.choice.warnings:
            self.report.warning("layout-fallback", Where(self.master.path, field="branding.layouts"), message,
                                "name the layout to use in the profile as branding.layouts, "
                                "or add the missing layout to the master")

    def _fill_text(self, shape_element, spec: TextShape) -> None:
        body = shape_element.find(ooxml.p_tag("txBody"))
        drawingml.set_body(body.find(ooxml.a_tag("bodyPr")), "b" if spec.anchor == "bottom" else "t",
                           Inches(spec.box.inset))
        paragraph = drawingml.clear_text(body)
        for position, block in enumerate(spec.blocks):
            style = self.product.styles[block.style]
            if position:
                paragraph = etree.SubElement(body, ooxml.a_tag("p"))
            font = role_family(self.fonts, style.font)  # a reference document's own faces are Word's only
            # Space before the first paragraph is dropped: the box's top inset already separates it.
            drawingml.format_paragraph(paragraph, drawingml.ParagraphFormat(
                drawingml.ALIGN[style.align], style.line, style.before if position else 0.0, style.bullet, font,
                self.palette.hex("accent"), style.indent, style.hanging))
            for run_model in block.runs:
                drawingml.add_run(paragraph, run_model.text, drawingml.RunFormat(
                    style.size, style.bold or run_model.bold, style.italic or run_model.italic,
                    self.palette.hex("muted" if run_model.cite else style.color), style.caps, font,
                    self.fonts.east_asian))

    @staticmethod
    def _frame(box: Box) -> drawingml.Frame:
        return drawingml.Frame(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))

    def _add_shapes(self, tree, specs, slide, used: list, ids: drawingml.ShapeIds) -> None:
        """Add shapes in list order, which is also the reading order screen readers follow."""
        for spec in specs:
            if isinstance(spec, GroupShape):
                group = drawingml.add_group(tree, ids.take(), spec.name)
                self._add_shapes(group, spec.shapes, None, used, ids)
                # Sized once complete, members first: a member group is still empty when it arrives.
                drawingml.fit_group(group)
                ooxml.set_alt_text(group, spec.alt_text)
                continue
            if isinstance(spec, PictureShape):
                if self._dark_slide:  # a logo drawn for light paper would vanish: it gets a paper plate
                    self._add_plate(tree, spec.box, ids)
                picture = slide.shapes.add_picture(str(spec.path), Inches(spec.box.x), Inches(spec.box.y),
                                                   Inches(spec.box.w), Inches(spec.box.h))
                ids.saw(picture.shape_id)
                picture.name = spec.name
                ooxml.set_alt_text(picture._element, spec.alt_text)
                continue
            if isinstance(spec, RectShape):
                element = drawingml.add_filled_shape(tree, ids.take(), spec.name, drawingml.PRESET[spec.kind],
                                                     self._frame(spec.box), self.palette.hex(spec.fill))
                if spec.alt_text:
                    ooxml.set_alt_text(element, spec.alt_text)
                else:
                    mark_decorative(element)
                continue
            element = None
            if spec.placeholder is not None and slide is not None:
                element = _placeholder(tree, spec.placeholder)
                if element is not None:
                    used.append(element)  # held, so lxml keeps handing out this same proxy
                    # Move the placeholder to its place in the reading order.
                    tree.remove(element)
                    tree.append(element)
                    drawingml.place(element, anchored_name(spec), self._frame(spec.box))
            if element is None:  # the name carries the shape's anchors, which LibreOffice keeps (slidetags)
                element = drawingml.add_text_box(tree, ids.take(), anchored_name(spec), self._frame(spec.box))
            self._fill_text(element, spec)
            if spec.alt_text:
                ooxml.set_alt_text(element, spec.alt_text)

    def _add_plate(self, tree, box: Box, ids: drawingml.ShapeIds) -> None:
        margin = 0.06
        plate = Box(x=box.x - margin, y=box.y - margin, w=box.w + 2 * margin, h=box.h + 2 * margin, inset=0)
        mark_decorative(drawingml.add_filled_shape(tree, ids.take(), "Logo plate", drawingml.PRESET["rounded"],
                                                   self._frame(plate), self.palette.hex("paper")))

    def _add_slide(self, presentation, model: SlideModel) -> None:
        layout = self.choice.title if model.layout == "Title Slide" else self.choice.slide
        ground = self.palette.hex(model.background) if model.background else (layout.background if layout else "FFFFFF")
        self._dark_slide = contrast.is_dark(ground) and not contrast.is_dark(self.palette.hex("paper"))
        slide = presentation.slides.add_slide(self._layout(presentation, model.layout))
        if model.background:
            fill = slide.background.fill
            fill.solid()
            fill.fore_color.rgb = self._rgb(model.background)
        used: list = []
        tree = slide.shapes._spTree
        self._add_shapes(tree, model.shapes, slide, used, drawingml.ShapeIds(slide._element))
        for shape in list(tree):
            if drawingml.placeholder_index(shape) is not None and not any(shape is kept for kept in used):
                tree.remove(shape)
        if model.notes:
            slide.notes_slide.notes_text_frame.text = model.notes

    def _open(self):
        reference = self.audience.branding.reference_pptx
        if reference is None:
            return Presentation()
        presentation = open_reference_deck(reference, self.report)
        if len(presentation.slides):
            raise fail("reference-has-slides", Where(reference),
                       f"the reference deck has {len(presentation.slides)} slide(s); it may hold only masters and layouts",
                       "delete its slides and keep the layouts")
        return presentation

    @staticmethod
    def _write_app_properties(presentation, deck: DeckModel) -> None:
        """Extended properties true to this deck: its slide titles and counts, not the template's."""
        titles, words, paragraphs = [], 0, 0
        for slide in presentation.slides:
            title, slide_words, slide_paragraphs = _text_statistics(slide._element)
            titles.append(title)
            words, paragraphs = words + slide_words, paragraphs + slide_paragraphs
        notes = sum(1 for model in deck.slides if model.notes)
        for rel in presentation.part.package._rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = docprops.presentation_app_properties(
                    titles, deck.author, words, paragraphs, notes, deck.width_in, deck.height_in)

    def render(self, deck: DeckModel) -> bytes:
        presentation = self._open()
        self._warn_fallbacks()
        presentation.slide_width = Emu(round(deck.width_in * 914400))
        presentation.slide_height = Emu(round(deck.height_in * 914400))
        for number, slide in enumerate(deck.slides, start=1):
            self._add_slide(presentation, slide)
            tag_slide(presentation.slides[-1], slide, number)
        issued = dt.datetime.combine(dt.date.fromisoformat(deck.issued), dt.time(0, 0))
        properties = presentation.core_properties
        properties.title, properties.subject = deck.title, deck.subject
        properties.author = properties.last_modified_by = deck.author
        properties.revision = 1
        properties.created = properties.modified = properties.last_printed = issued
        properties.comments = f"briefwright {self.product.id} for {self.audience.id}"
        properties.language = "en-US"
        self._write_app_properties(presentation, deck)
        buffer = io.BytesIO()
        presentation.save(buffer)
        return reproducible_zip(buffer.getvalue())


_DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def mark_decorative(shape_element) -> None:
    """Office's decorative mark (a16 adec:decorative), which screen readers skip, in place of alt text."""
    c_nv_pr = shape_element.find(f".//{{{ooxml.P_NS}}}cNvPr")
    extensions = etree.SubElement(c_nv_pr, ooxml.a_tag("extLst"))
    extension = etree.SubElement(extensions, ooxml.a_tag("ext"), uri=_DECORATIVE_URI)
    etree.SubElement(extension, f"{{{_DECORATIVE_NS}}}decorative", nsmap={"adec": _DECORATIVE_NS}, val="1")


def _title_like(layout_element, name: str) -> bool:
    """Whether the layout's shape of that name is a title or body placeholder a slide inherits from."""
    for shape in layout_element.iter(ooxml.p_tag("sp")):
        c_nv_pr = shape.find(f"./*/{ooxml.p_tag('cNvPr')}")
        ph = shape.find(f"./*/{ooxml.p_tag('nvPr')}/{ooxml.p_tag('ph')}")
        if c_nv_pr is not None and c_nv_pr.get("name") == name and ph is not None:
            return ph.get("type", "obj") in ("title", "ctrTitle", "subTitle", "body", "obj")
    return False


def _placeholder(tree, kind: str):
    """The slide's title or subtitle placeholder: by its type, else by the index the default deck gives it."""
    for shape in tree:
        if drawingml.placeholder_index(shape) is None:
            continue
        placeholder = shape[0].find(ooxml.p_tag("nvPr")).find(ooxml.p_tag("ph"))
        if placeholder.get("type", "obj") in _PLACEHOLDER_TYPES[kind] and shape.find(ooxml.p_tag("txBody")) is not None:
            return shape
    return next((shape for shape in tree if drawingml.placeholder_index(shape) == _PLACEHOLDER_IDX[kind]
                 and shape.find(ooxml.p_tag("txBody")) is not None), None)


def _paragraph_text(paragraph) -> str:
    """A paragraph's text as python-pptx reads it: runs and fields, a line break as a vertical tab."""
    parts = []
    for child in paragraph:
        if child.tag == ooxml.a_tag("br"):
            parts.append("\v")
        elif child.tag in (ooxml.a_tag("r"), ooxml.a_tag("fld")):
            parts.append("".join(child.itertext(ooxml.a_tag("t"))))
    return "".join(parts)


def _text_statistics(slide_element) -> tuple[str, int, int]:
    """(title, words, paragraphs) of one slide: the title placeholder's text, and the words and
    paragraphs of every text-bearing shape, groups included (what PowerPoint counts in app.xml).
    Read from the XML: walking python-pptx's shape proxies cost a quarter of a deck's render."""
    tree = slide_element.find(ooxml.p_tag("cSld")).find(ooxml.p_tag("spTree"))
    title = None
    words = paragraphs = 0
    for shape in tree:
        if title is None and drawingml.placeholder_index(shape) == 0:  # python-pptx's shapes.title
            body = shape.find(ooxml.p_tag("txBody"))
            title = "\n".join(_paragraph_text(p) for p in body.iterfind(ooxml.a_tag("p"))) if body is not None else ""
    for shape in tree.iter(ooxml.p_tag("sp")):
        body = shape.find(ooxml.p_tag("txBody"))
        if body is None:
            paragraphs += 1  # python-pptx would add an empty body with one paragraph
            continue
        for paragraph in body.iterfind(ooxml.a_tag("p")):
            paragraphs += 1
            words += len(_paragraph_text(paragraph).split())
    return title or "", words, paragraphs


def check_pptx(data: bytes, deck: DeckModel, product: Product, report: Report, where: Where) -> None:
    """Reopen the written bytes: the promised slide count, the notes the model carries, no autofit."""
    presentation = Presentation(io.BytesIO(data))
    slides = list(presentation.slides)
    if len(slides) != product.budget.slides or len(slides) != len(deck.slides):
        report.error("output-slides", where, f"{len(slides)} slides; the product promises {product.budget.slides}")
        return
    for number, (slide, model) in enumerate(zip(slides, deck.slides), start=1):
        written = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if " ".join(written.split()) != " ".join(model.notes.split()):
            report.error("output-notes", where, f"slide {number}: speaker notes differ from the plan")
        crooked = vertical_text(slide._element) + [f"{name} (from layout '{slide.slide_layout.name}')" for name in
                                                   vertical_text(slide.slide_layout._element)
                                                   if _title_like(slide.slide_layout._element, name)]
        if crooked:
            report.error("output-vertical", where, f"slide {number}: text set vertically or rotated in "
                         f"{', '.join(crooked)}")
        for autofit in slide._element.iter(ooxml.a_tag("normAutofit")):
            shape = next(autofit.iterancestors(ooxml.p_tag("sp")), None)
            name = shape.find(f"./*/{ooxml.p_tag('cNvPr')}").get("name") if shape is not None else "?"
            report.error("output-autofit", where, f"slide {number}, '{name}' asks the viewer to shrink text")


class PptxWriter:
    def render(self, job: RenderJob) -> Rendered:
        deck = build_deck(job.document, job.product, job.audience.branding.logo)
        return Rendered(PptxRenderer(job.product, job.audience, job.report).render(deck), deck)

    def check(self, rendered: Rendered, job: RenderJob, where: Where) -> None:
        check_pptx(rendered.data, rendered.model, job.product, job.report, where)


WRITER = PptxWriter()
