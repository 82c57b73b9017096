"""Document model → DeckModel: slides, shapes and notes, with no python-pptx import.

Each section of a deck document is one slide. Geometry comes from the product's
boxes, so a deck's look is data; this module only decides which box shows what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefwright.measure import diagrams
from briefwright.model import Block, Document, Run, Section
from briefwright.products import Box, Product


@dataclass
class TextShape:
    name: str
    box: Box
    blocks: list[Block]
    placeholder: str | None = None  # "title" | "subtitle": semantic slots screen readers announce
    alt_text: str = ""
    anchor: str = "top"  # top | bottom: where the text sits in its box


@dataclass
class RectShape:
    name: str
    box: Box
    fill: str  # palette key
    alt_text: str = ""
    kind: str = "rect"  # rect | oval | rounded


@dataclass
class GroupShape:
    """Shapes that belong together (an event, a card, a whole drawing): one alt text for all."""

    name: str
    alt_text: str
    shapes: list[TextShape | RectShape | GroupShape] = field(default_factory=list)


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
    shapes: list[TextShape | RectShape | PictureShape | GroupShape] = field(default_factory=list)
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


def _top_furniture(slide: SlideModel, document: Document, product: Product, logo: Path | None, cover: bool) -> None:
    """The banner above everything and the logo, read after the slide's title."""
    boxes = product.boxes
    if document.banner:
        style = "cover_banner" if cover and "cover_banner" in product.styles else "banner"
        slide.shapes.append(_text("Banner top", boxes["banner_top"], style, document.banner))
    if logo is not None and "logo" in boxes:
        slide.shapes.append(PictureShape("Logo", boxes["logo"], logo, f"{document.author} logo"))


def _bottom_furniture(slide: SlideModel, document: Document, product: Product, cover: bool) -> None:
    if document.banner:
        style = "cover_banner" if cover and "cover_banner" in product.styles else "banner"
        slide.shapes.append(_text("Banner bottom", product.boxes["banner_bottom"], style, document.banner))


def _timeline(section: Section, product: Product) -> GroupShape:
    geometry = diagrams.timeline(product.boxes["body"], len(section.blocks))
    drawing = GroupShape("Timeline", section.alt_text)
    drawing.shapes.append(RectShape("Timeline spine", geometry.spine, "rule"))
    for number, (block, place) in enumerate(zip(section.blocks, geometry.events), start=1):
        event = GroupShape(f"Event {number}", f"{block.marker}: {block.text}")
        event.shapes.append(RectShape("Marker", place.marker, "accent", kind="oval"))
        # Above the spine the text hugs the spine: bottom-anchored; below it, top-anchored.
        anchor = "bottom" if place.above else "top"
        event.shapes.append(TextShape("Date", place.date, [Block("event_date", [Run(block.marker)])], anchor=anchor))
        event.shapes.append(TextShape("Label", place.label, [block], anchor=anchor))
        drawing.shapes.append(event)
    return drawing


def _figures(section: Section, product: Product) -> GroupShape:
    drawing = GroupShape("Key figures", section.alt_text)
    for number, (block, place) in enumerate(zip(section.blocks, diagrams.figure_grid(product.boxes["body"],
                                                                                     len(section.blocks))), start=1):
        card = GroupShape(f"Figure {number}", f"{block.marker}: {block.text}")
        card.shapes.append(RectShape("Card", place.card, "fill", kind="rounded"))
        card.shapes.append(TextShape("Value", place.value, [Block("figure_value", [Run(block.marker)])]))
        card.shapes.append(TextShape("Caption", place.caption, [block]))
        drawing.shapes.append(card)
    return drawing


def build_deck(document: Document, product: Product, logo: Path | None = None) -> DeckModel:
    """One slide a section; shapes listed in reading order (title first, bottom banner last)."""
    boxes = product.boxes
    slides: list[SlideModel] = []
    total = len(document.sections)
    for number, section in enumerate(document.sections, start=1):
        notes = "\n\n".join(section.notes)
        if section.role == "title":
            cover = SlideModel("Title Slide", product.cover_fill, role="title", notes=notes)
            if "cover_band" in boxes:  # a master's own cover decorates itself: no band is derived for it
                cover.shapes.append(RectShape("Accent band", boxes["cover_band"], "accent"))  # decoration, read first
            by_style = {block.style: block for block in section.blocks}
            # The title first in reading order, then the banner and logo, then the rest top to bottom.
            cover.shapes.append(TextShape("Title", boxes["cover_title"], [by_style["cover_title"]], placeholder="title"))
            _top_furniture(cover, document, product, logo, cover=True)
            _cover(cover, by_style, product)
            _bottom_furniture(cover, document, product, cover=True)
            slides.append(cover)
            continue
        slide = SlideModel("Title Only", None, role=section.role, notes=notes)
        # Reading order: the title first, then the rest top to bottom.
        slide.shapes.append(_text("Title", boxes["title"], "title", section.title, placeholder="title"))
        _top_furniture(slide, document, product, logo, cover=False)
        if section.kicker:
            slide.shapes.append(_text("Kicker", boxes["kicker"], "kicker", section.kicker))
        slide.shapes.append(RectShape("Title rule", boxes["title_rule"], "accent"))
        if section.role == "timeline":
            slide.shapes.append(_timeline(section, product))
        elif section.role == "figures":
            slide.shapes.append(_figures(section, product))
        else:
            slide.shapes.append(TextShape("Body", boxes["body"], section.blocks))
        if section.footer:
            slide.shapes.append(_text("Source line", boxes["source_line"], "source_line", section.footer))
        slide.shapes.append(_text("Slide number", boxes["page_number"], "page_number", f"{number} / {total}"))
        _bottom_furniture(slide, document, product, cover=False)
        slides.append(slide)
    return DeckModel(product.slide_size[0], product.slide_size[1], document.title, document.subject,
                     document.author, document.issued, slides)


def _cover(slide: SlideModel, by_style: dict[str, Block], product: Product) -> None:
    """The cover's text below its title: kicker, subtitle and meta."""
    boxes = product.boxes
    slide.shapes.append(TextShape("Kicker", boxes["cover_kicker"], [by_style["cover_kicker"]]))
    slide.shapes.append(TextShape("Subtitle", boxes["cover_subtitle"], [by_style["cover_subtitle"]], placeholder="subtitle"))
    slide.shapes.append(TextShape("Meta", boxes["cover_meta"], [by_style["cover_meta"]]))
