"""The one thing the planner knows about layout: compose frames, then say how they fill.

A layout engine turns the planner's frames into a document and measures it, the way the
product's writer will draw it: a flow engine composes, then paginates; a slides engine
composes, then fits each slide's boxes. The planner chooses points and levels and asks the
engine whether a choice fits; it never composes or measures itself. Tests plan against a
fake engine that answers from a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from briefwright.compose.selection import Frame

Unit = Literal["page", "slide"]


@dataclass(frozen=True)
class Layout:
    """Frames laid out: how many pages or slides, how full each is, and what does not fit."""

    count: int
    fills: list[float]  # per page (flow) or per slide body (slides), 1.0 = full
    starts: dict[str, int] = field(default_factory=dict)  # section key → first page (flow only)
    overflows: list[str] = field(default_factory=list)  # "slide 3 (module): body needs …" (slides only)


@dataclass(frozen=True)
class FrameFit:
    """One frame laid out alone: whether it fits its page or body box, and how full that is."""

    fits: bool
    fill: float


class LayoutEngine(Protocol):
    unit: Unit
    reserved_slides: int  # slides it adds that no frame asks for: a re-issued deck's "what changed" slide

    def heading(self, role: str) -> str:
        """The heading a part's line in a contents list shows (the product's `<role>_heading`)."""
        ...

    def lay_out(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Layout:
        """The whole document; page_numbers (section key → page) fill a contents list."""
        ...

    def frame_fit(self, frame: Frame) -> FrameFit:
        """One frame on its own: composed from scratch, so the answer depends on the frame alone."""
        ...
