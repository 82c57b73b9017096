"""The flow engine: compose the frames, then paginate them as Word and LibreOffice will."""

from __future__ import annotations

from briefwright.compose.composer import Composer
from briefwright.compose.selection import Frame
from briefwright.measure.layout import Typesetter
from briefwright.measure.pagination import Pagination
from briefwright.model import Document
from briefwright.plan.engine import FrameFit, Layout, Unit


def section_starts(document: Document, pagination: Pagination) -> dict[str, int]:
    """The page each section (a module by its id, another part by its role) starts on."""
    starts: dict[str, int] = {}
    index = 0
    for section in document.sections:
        key = section.module_id or section.role
        if section.blocks and index < len(pagination.block_pages):
            starts.setdefault(key, pagination.block_pages[index])
        index += len(section.blocks)
    return starts


class FlowEngine:
    unit: Unit = "page"
    reserved_slides = 0

    def __init__(self, composer: Composer, typesetter: Typesetter) -> None:
        self.composer = composer
        self.typesetter = typesetter

    def heading(self, role: str) -> str:
        return self.composer.text(f"{role}_heading")

    def lay_out(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Layout:
        document = self.composer.compose(frames, page_numbers)
        pagination = self.typesetter.paginate(document)
        return Layout(pagination.pages, pagination.fills, section_starts(document, pagination))

    def frame_fit(self, frame: Frame) -> FrameFit:
        pagination = self.typesetter.paginate(self.composer.compose([frame]))
        return FrameFit(pagination.pages == 1, pagination.fills[0])
