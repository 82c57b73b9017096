"""The page simulation's state: how far down the current page the text has reached, how tall its
footnote area is, and the pages filled so far.

Typesetter.paginate (layout.py) decides where each block goes; this keeps the books.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FOOTNOTE_SEPARATOR_PT = 14.0  # separator line and the gaps around it, as LibreOffice lays out a docx


@dataclass
class Pagination:
    pages: int
    page_heights: list[float]
    content_height: float
    block_pages: list[int] = field(default_factory=list)  # the page each block starts on

    @property
    def fills(self) -> list[float]:
        return [h / self.content_height for h in self.page_heights]


@dataclass
class PageFlow:
    capacity: float  # the page's content height, points
    heights: list[float] = field(default_factory=list)  # of the pages filled so far
    block_pages: list[int] = field(default_factory=list)
    position: float = 0.0  # text height on the current page
    notes: float = 0.0  # footnote area on the current page

    @property
    def page(self) -> int:
        return len(self.heights) + 1

    def new_page(self) -> None:
        self.heights.append(self.position + self.notes)
        self.position, self.notes = 0.0, 0.0

    def with_notes(self, extra: float) -> float:
        """Footnote area after adding `extra` of notes to this page; the first note brings the separator."""
        if extra == 0.0:
            return self.notes
        return self.notes + extra + (0.0 if self.notes else FOOTNOTE_SEPARATOR_PT)

    def fits(self, needed: float, block_notes: float) -> bool:
        return self.position + needed + self.with_notes(block_notes) <= self.capacity

    def place(self, needed: float, block_notes: float) -> None:
        """The whole block on this page."""
        self.block_pages.append(self.page)
        self.position += needed
        self.notes = self.with_notes(block_notes)

    def split(self, gap: float, placed_height: float, rest_height: float, block_notes: float) -> None:
        """The block's first lines on this page, the rest (and its notes) at the top of the next."""
        self.block_pages.append(self.page)
        self.position += gap + placed_height
        self.new_page()
        self.position = rest_height
        self.notes = self.with_notes(block_notes)

    def overflow(self, needed: float, block_notes: float) -> None:
        """A block taller than a page on its own: it fills this page and spills over."""
        self.block_pages.append(self.page)
        self.heights.append(self.capacity)
        self.position, self.notes = needed - self.capacity, self.with_notes(block_notes)

    def finish(self) -> Pagination:
        self.heights.append(min(self.position + self.notes, self.capacity))
        return Pagination(len(self.heights), self.heights, self.capacity, self.block_pages)
