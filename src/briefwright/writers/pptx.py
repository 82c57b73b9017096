"""DeckModel → .pptx through python-pptx. Layouts are found by name in the reference deck."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches, Pt

from briefwright.audience import AudienceProfile
from briefwright.diagnostics import Report, Where, fail
from briefwright.output import reproducible_zip
from briefwright.products import Box, Product
from briefwright.writers import docprops, ooxml
from briefwright.writers.deck import DeckModel, GroupShape, PictureShape, RectShape, SlideModel, TextShape, build_deck
from briefwright.writers.registry import Rendered, RenderJob

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_PLACEHOLDER_IDX = {"title": 0, "subtitle": 1}
_SHAPES = {"rect": MSO_SHAPE.RECTANGLE, "oval": MSO_SHAPE.OVAL, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE}


class PptxRenderer:
    def __init__(self, product: Product, audience: AudienceProfile, report: Report | None = None) -> None:
        self.product = product
        self.audience = audience
        self.palette = audience.branding.palette
        self.fonts = audience.branding.fonts
        self.report = report if report is not None else Report()

    def _rgb(self, key: str) -> RGBColor:
        return RGBColor.from_string(self.palette.hex(key))

    def _layout(self, presentation, name: str):
        for layout in presentation.slide_layouts:
            if layout.name == name:
                return layout
        fallback = presentation.slide_layouts[len(presentation.slide_layouts) - 1]
        self.report.warning("layout-missing", Where(field="reference.pptx"),
                            f"layout '{name}' not found in the reference deck; using '{fallback.name}'",
                            "add a layout with that name to the reference presentation")
        return fallback

    @staticmethod
    def _place(shape, box: Box) -> None:
        shape.left, shape.top = Inches(box.x), Inches(box.y)
        shape.width, shape.height = Inches(box.w), Inches(box.h)

    def _fill_text(self, shape, spec: TextShape) -> None:
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM if spec.anchor == "bottom" else MSO_ANCHOR.TOP
        inset = Inches(spec.box.inset)
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset
        frame.clear()
        for position, block in enumerate(spec.blocks):
            style = self.product.styles[block.style]
            paragraph = frame.paragraphs[0] if position == 0 else frame.add_paragraph()
            paragraph.alignment = _ALIGN[style.align]
            ppr = paragraph._p.get_or_add_pPr()
            # Space before the first paragraph is dropped: the box's top inset already separates it.
            ooxml.set_paragraph_spacing(ppr, style.line, style.before if position else 0.0)
            font = self.fonts.heading if style.font == "heading" else self.fonts.body
            ooxml.set_bullet(ppr, style.bullet, font, self.palette.hex("accent"),
                             int(Pt(style.indent)), int(Pt(style.hanging)))
            for run_model in block.runs:
                run = paragraph.add_run()
                run.text = run_model.text
                run.font.size = Pt(style.size)
                run.font.bold = style.bold or run_model.bold
                run.font.italic = style.italic or run_model.italic
                run.font.color.rgb = self._rgb("muted" if run_model.cite else style.color)
                rpr = run._r.get_or_add_rPr()
                if style.caps:
                    rpr.set("cap", "all")
                rpr.set("lang", "en-US")
                ooxml.set_drawing_fonts(rpr, font, self.fonts.east_asian)

    def _add_shapes(self, container, specs, slide, used: set[int]) -> None:
        """Add shapes in list order, which is also the reading order screen readers follow."""
        for spec in specs:
            if isinstance(spec, GroupShape):
                group = container.add_group_shape()
                group.name = spec.name
                self._add_shapes(group.shapes, spec.shapes, None, used)
                # python-pptx sizes a group as children arrive; a nested group arrives empty at (0, 0),
                # so the frame is recomputed once the group is complete (children first, then parents).
                group.shapes._recalculate_extents()
                ooxml.set_alt_text(group._element, spec.alt_text)
                continue
            if isinstance(spec, PictureShape):
                picture = container.add_picture(str(spec.path), Inches(spec.box.x), Inches(spec.box.y),
                                                Inches(spec.box.w), Inches(spec.box.h))
                picture.name = spec.name
                ooxml.set_alt_text(picture._element, spec.alt_text)
                continue
            if isinstance(spec, RectShape):
                shape = container.add_shape(_SHAPES[spec.kind], Inches(spec.box.x), Inches(spec.box.y),
                                            Inches(spec.box.w), Inches(spec.box.h))
                shape.fill.solid()
                shape.fill.fore_color.rgb = self._rgb(spec.fill)
                shape.line.fill.background()
                shape.shadow.inherit = False
                shape.text_frame.auto_size = MSO_AUTO_SIZE.NONE
                shape.name = spec.name
                ooxml.set_alt_text(shape._element, spec.alt_text or "decorative")
                continue
            shape = None
            if spec.placeholder is not None and slide is not None:
                idx = _PLACEHOLDER_IDX[spec.placeholder]
                shape = next((p for p in slide.placeholders if p.placeholder_format.idx == idx), None)
                if shape is not None:
                    used.add(idx)
                    # Move the placeholder to its place in the reading order.
                    tree = shape._element.getparent()
                    tree.remove(shape._element)
                    tree.append(shape._element)
            if shape is None:
                shape = container.add_textbox(Emu(0), Emu(0), Emu(1), Emu(1))
            shape.name = spec.name
            self._place(shape, spec.box)
            self._fill_text(shape, spec)
            if spec.alt_text:
                ooxml.set_alt_text(shape._element, spec.alt_text)

    def _add_slide(self, presentation, model: SlideModel) -> None:
        slide = presentation.slides.add_slide(self._layout(presentation, model.layout))
        if model.background:
            fill = slide.background.fill
            fill.solid()
            fill.fore_color.rgb = self._rgb(model.background)
        used: set[int] = set()
        self._add_shapes(slide.shapes, model.shapes, slide, used)
        for placeholder in list(slide.placeholders):
            if placeholder.placeholder_format.idx not in used:
                placeholder._element.getparent().remove(placeholder._element)
        if model.notes:
            slide.notes_slide.notes_text_frame.text = model.notes

    def _open(self):
        reference = self.audience.branding.reference_pptx
        if reference is None:
            return Presentation()
        try:
            presentation = Presentation(str(reference))
        except Exception as exc:  # python-pptx raises many kinds on a damaged package
            raise fail("reference-unreadable", Where(reference, field="branding.reference_pptx"),
                       f"the reference deck cannot be opened ({type(exc).__name__})",
                       "save it again from PowerPoint as .pptx, or remove reference_pptx from the profile") from None
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
            titles.append(slide.shapes.title.text_frame.text if slide.shapes.title is not None else "")
            for shape in _text_shapes(slide.shapes):
                paragraphs += len(shape.text_frame.paragraphs)
                words += len(shape.text_frame.text.split())
        notes = sum(1 for model in deck.slides if model.notes)
        for rel in presentation.part.package._rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = docprops.presentation_app_properties(
                    titles, deck.author, words, paragraphs, notes, deck.width_in, deck.height_in)

    def render(self, deck: DeckModel) -> bytes:
        presentation = self._open()
        presentation.slide_width = Emu(round(deck.width_in * 914400))
        presentation.slide_height = Emu(round(deck.height_in * 914400))
        for slide in deck.slides:
            self._add_slide(presentation, slide)
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


def _text_shapes(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _text_shapes(shape.shapes)
        elif shape.has_text_frame:
            yield shape


def _all_shapes(shapes):
    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _all_shapes(shape.shapes)


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
        for shape in _all_shapes(slide.shapes):
            if shape.has_text_frame and shape.text_frame._bodyPr.find(ooxml.qn("a:normAutofit")) is not None:
                report.error("output-autofit", where, f"slide {number}, '{shape.name}' asks the viewer to shrink text")


class PptxWriter:
    def render(self, job: RenderJob) -> Rendered:
        deck = build_deck(job.document, job.product, job.audience.branding.logo)
        return Rendered(PptxRenderer(job.product, job.audience, job.report).render(deck), deck)

    def check(self, rendered: Rendered, job: RenderJob, where: Where) -> None:
        check_pptx(rendered.data, rendered.model, job.product, job.report, where)


WRITER = PptxWriter()
