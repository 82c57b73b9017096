"""Document model → DeckModel: slides, shapes and notes, with no python-pptx import.

Each section of a deck document is one slide. Geometry comes from the product's
boxes, so a deck's look is data; this module only decides which box shows what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefwright.model import Block, Document, Run, Section
from briefwright.products import Box, Product


@dataclass
class TextShape:
    name: str
    box: Box
    blocks: list[Block]
    placeholder: str | None = None  # "title" | "subtitle": semantic slots screen readers announce
    alt_text: str = ""


@dataclass
class RectShape:
    name: str
    box: Box
    fill: str  # palette key
    alt_text: str = ""


@dataclass
class PictureShape:
    name: str
    box: Box
    path: Path
    alt_text: str


@dataclass
class SlideModel:
    layout: str  # a layout name in the reference presentation
    background: str | None  # palette key, or None for the paper colour
    shapes: list[TextShape | RectShape | PictureShape] = field(default_factory=list)
    notes: str = ""
    role: str = ""


@dataclass
class DeckModel:
    width_in: float
    height_in: float
    title: str
    subject: str
    author: str
    issued: str
    slides: list[SlideModel]


def _text(name: str, box: Box, style: str, text: str, placeholder: str | None = None) -> TextShape:
    return TextShape(name, box, [Block(style, [Run(text)])], placeholder)


def _furniture(slide: SlideModel, document: Document, product: Product, logo: Path | None, cover: bool) -> None:
    """The handling banner at the top and bottom, and the logo, on every slide."""
    boxes = product.boxes
    if document.banner:
        style = "cover_banner" if cover and "cover_banner" in product.styles else "banner"
        slide.shapes.append(_text("Banner top", boxes["banner_top"], style, document.banner))
        slide.shapes.append(_text("Banner bottom", boxes["banner_bottom"], style, document.banner))
    if logo is not None and "logo" in boxes:
        slide.shapes.append(PictureShape("Logo", boxes["logo"], logo, f"{document.author} logo"))


def build_deck(document: Document, product: Product, logo: Path | None = None) -> DeckModel:
    boxes = product.boxes
    slides: list[SlideModel] = []
    total = len(document.sections)
    for number, section in enumerate(document.sections, start=1):
        if section.role == "title":
            slides.append(_cover(section, product))
            _furniture(slides[-1], document, product, logo, cover=True)
            continue
        slide = SlideModel("Title Only", None, role=section.role, notes="\n\n".join(section.notes))
        if section.kicker:
            slide.shapes.append(_text("Kicker", boxes["kicker"], "kicker", section.kicker))
        slide.shapes.append(_text("Title", boxes["title"], "title", section.title, placeholder="title"))
        slide.shapes.append(RectShape("Title rule", boxes["title_rule"], "accent", alt_text=""))
        slide.shapes.append(TextShape("Body", boxes["body"], section.blocks))
        if section.footer:
            slide.shapes.append(_text("Source line", boxes["source_line"], "source_line", section.footer))
        slide.shapes.append(_text("Slide number", boxes["page_number"], "page_number", f"{number} / {total}"))
        _furniture(slide, document, product, logo, cover=False)
        slides.append(slide)
    return DeckModel(product.slide_size[0], product.slide_size[1], document.title, document.subject,
                     document.author, document.issued, slides)


def _cover(section: Section, product: Product) -> SlideModel:
    boxes = product.boxes
    by_style = {block.style: block for block in section.blocks}
    slide = SlideModel("Title Slide", "ink", role="title", notes="\n\n".join(section.notes))
    slide.shapes.append(RectShape("Accent band", boxes["cover_band"], "accent"))
    slide.shapes.append(TextShape("Kicker", boxes["cover_kicker"], [by_style["cover_kicker"]]))
    slide.shapes.append(TextShape("Title", boxes["cover_title"], [by_style["cover_title"]], placeholder="title"))
    slide.shapes.append(TextShape("Subtitle", boxes["cover_subtitle"], [by_style["cover_subtitle"]], placeholder="subtitle"))
    slide.shapes.append(TextShape("Meta", boxes["cover_meta"], [by_style["cover_meta"]]))
    return slide
