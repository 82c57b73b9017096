"""The slides engine: compose the frames, then fit each slide's text into its boxes."""

from __future__ import annotations

from briefwright.compose.changes import changes_slides
from briefwright.compose.composer import Composer
from briefwright.compose.selection import Frame
from briefwright.measure.layout import Typesetter
from briefwright.plan.engine import FrameFit, Layout, Unit


class SlidesEngine:
    unit: Unit = "slide"

    def __init__(self, composer: Composer, typesetter: Typesetter) -> None:
        self.composer = composer
        self.typesetter = typesetter
        self.reserved_slides = changes_slides(composer.context.product, composer.context.previous)

    def heading(self, role: str) -> str:
        return self.composer.text(f"{role}_heading")

    def lay_out(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Layout:
        """Every slide's title, body and source line against its boxes; a deck has no page numbers."""
        document = self.composer.compose(frames)
        fills, overflows = [], []
        for number, section in enumerate(document.sections, start=1):
            fit = self.typesetter.slide_fit(section)
            if not fit.fits:
                overflows.append(f"slide {number} ({section.role}): " + "; ".join(fit.problems))
            fills.append(fit.body_fill)
        return Layout(len(fills), fills, overflows=overflows)

    def frame_fit(self, frame: Frame) -> FrameFit:
        """The frame's body text against the body box (its title and drawing are the deck's check)."""
        blocks = self.composer.compose([frame]).sections[0].blocks
        body = self.typesetter.product.boxes["body"]
        height, capacity = self.typesetter.box_text_height(blocks, body), self.typesetter.box_inner(body)[1]
        return FrameFit(height <= capacity, height / capacity)  # as Typesetter.fits_box decides
