"""Where a rendered deck's words sit against the shapes that hold their text.

Shared by every "each word inside its own shape" test: each slide's text boxes are read once,
not once per word of the PDF (those tests were a quarter of the suite's time)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests import pdf

BULLETS = {"■", "•"}
TOLERANCE = 1.5  # points: LibreOffice's glyph boxes overhang the shape's edge by a hair


@dataclass(frozen=True)
class TextBox:
    left: float
    top: float
    right: float
    bottom: float
    text: str  # the shape's text, whitespace folded

    def holds(self, word: pdf.PdfWord) -> bool:
        return (self.left - TOLERANCE <= word.x0 and word.x1 <= self.right + TOLERANCE
                and self.top - TOLERANCE <= word.top and word.bottom <= self.bottom + TOLERANCE)


def all_shapes(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from all_shapes(shape.shapes)
        else:
            yield shape


def text_boxes(slide) -> list[TextBox]:
    return [TextBox(shape.left / 12700, shape.top / 12700, (shape.left + shape.width) / 12700,
                    (shape.top + shape.height) / 12700, " ".join(shape.text_frame.text.split()))
            for shape in all_shapes(slide.shapes)
            if shape.shape_type != MSO_SHAPE_TYPE.GROUP and shape.has_text_frame and shape.text_frame.text.strip()]


def misplaced_words(deck: Path, rendered: Path, label: str = "") -> list[str]:
    """Every word of the PDF outside the page, or not inside a shape whose text holds it (a bullet,
    drawn by the viewer, must still sit inside some shape). Kickers are drawn in capitals, so the
    comparison ignores case."""
    boxes = [text_boxes(slide) for slide in Presentation(str(deck)).slides]
    width, height = pdf.page_size(rendered)
    problems = []
    for word in pdf.words(rendered):
        where = f"{label} slide {word.page}: '{word.text}' at ({word.x0:.0f},{word.top:.0f})"
        if not (word.x0 >= 0 and word.x1 <= width and word.top >= 0 and word.bottom <= height):
            problems.append(f"{where} is off the slide")
            continue
        holders = [box for box in boxes[word.page - 1] if box.holds(word)]
        if word.text in BULLETS:
            if not holders:
                problems.append(f"{where}: a bullet outside every shape")
        elif not any(word.text.strip("()").lower() in box.text.lower() for box in holders):
            problems.append(f"{where} lies outside its shape")
    return problems
