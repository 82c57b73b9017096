"""Predict how the document model lays out: lines per block, pages, slide fill.

The renderers set every paragraph to an exact line pitch and explicit spacing, so
a block's height is before + lines × pitch + after; lines come from real font
metrics (measure.py). The page simulation follows the widow/orphan rule (two
lines) and keeps headings with what follows, as Word and LibreOffice do.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefwright.audience import AudienceProfile
from briefwright.diagnostics import BriefwrightError, fail
from briefwright.measure import diagrams
from briefwright.measure.fonts import FontFace, find_face
from briefwright.measure.pagination import PageFlow, Pagination
from briefwright.measure.text import Segment, wrap
from briefwright.model import Block, Document, Row, Run, Section
from briefwright.page import (
    BORDER_LEFT_PT,
    CELL_PAD_H,
    CELL_PAD_V,
    ROW_RULE,
    RULE_BELOW_PT,
    PageGeometry,
    page_geometry,
    paragraph_gaps,
)
from briefwright.page import PAPER_SIZES_IN as PAPER_SIZES_IN  # where writers/html.py and reference/docx_look.py read it
from briefwright.products import Box, Product, Style
from briefwright.roles import DRAWN_ROLES
from briefwright.typefaces import FONT_ROLES, role_family, style_family

# A footnote reference is a superscript number at the end of its paragraph, set at 58% of the
# text size (LibreOffice's superscript proportion; Word's is close). It takes room on the last
# line: "Taiwan." fits a line that "Taiwan.²⁸" does not, and that one line made report-defence
# one page longer in LibreOffice than the plan.
SUPERSCRIPT_SCALE = 0.58


@dataclass
class _Measured:
    """A document's blocks and, per block, the gap above it, its lines, its height and its notes' height."""

    blocks: list[Block]
    gaps: list[float]
    counts: list[int]
    heights: list[float]
    notes: list[float]


@dataclass
class SlideFit:
    fits: bool
    body_fill: float
    problems: list[str] = field(default_factory=list)


class Typesetter:
    """Measures blocks in the fonts and styles a product and audience prescribe."""

    def _located(self, role: str, find: Callable[..., FontFace], *args: Any, **kwargs: Any) -> FontFace:
        """The face, or the refusal naming the profile file and line that chose the family."""
        try:
            return find(*args, **kwargs)
        except BriefwrightError as error:
            first = error.report.items[0]
            raise fail(first.code, self.audience.where(("branding", "fonts", role)), first.message,
                       first.hint) from None

    def __init__(self, product: Product, audience: AudienceProfile, font_dirs: tuple[Path, ...] = ()) -> None:
        self.product = product
        self.audience = audience
        fonts = audience.branding.fonts
        self._font_dirs = font_dirs
        self._faces: dict[tuple[str, bool, bool], FontFace] = {}
        for role in FONT_ROLES:
            family = role_family(fonts, role)
            for bold in (False, True):
                for italic in (False, True):
                    self._located(role, self.face, family, bold, italic)
        self.east_asian = self._located("east_asian", find_face, fonts.east_asian, False, font_dirs, east_asian=True)
        self._line_cache: dict[tuple, int] = {}
        # id(block) → (block, width, (lines, content height, notes height)). The planner lays out
        # hundreds of trial documents that share most of their blocks (composed sections are
        # reused, never changed once composed); each block is measured once, not once a trial.
        # The entry holds the block, so its id cannot be reused while the entry lives.
        self._measured: dict[int, tuple[Block, tuple[float, int], tuple[int, float, float]]] = {}

    def style(self, name: str) -> Style:
        return self.product.styles[name]

    def family(self, style: Style) -> str:
        """The style's face: its own (from a reference document) or its role's in the profile."""
        return style_family(style, self.audience.branding.fonts)

    def face(self, family: str, bold: bool, italic: bool) -> FontFace:
        face = self._faces.get((family, bold, italic))
        if face is None:
            face = self._faces[(family, bold, italic)] = find_face(family, bold, self._font_dirs, italic=italic)
        return face

    def segments(self, block: Block, marks: str = "") -> list[Segment]:
        """The block's runs in their faces, then its footnote reference marks (`marks`, the
        notes' numbers run together as Word sets them) in superscript."""
        style = self.style(block.style)
        runs = block.runs[1:] if block.kind == "field" else block.runs
        family = self.family(style)
        segments = [Segment(run.text, self.face(family, style.bold or run.bold, style.italic or run.italic),
                            style.size, self.east_asian, style.caps) for run in runs]
        if marks:
            face = self.face(family, style.bold, style.italic)
            segments.append(Segment(marks, face, style.size * SUPERSCRIPT_SCALE, self.east_asian))
        return segments

    def text_width(self, block: Block, available: float) -> float:
        style = self.style(block.style)
        width = available - style.indent
        if block.kind == "field" and style.tab:
            width = available - style.tab
        if style.border_left:
            width -= BORDER_LEFT_PT
        return width

    def lines(self, block: Block, available: float, marks: str = "") -> list[str]:
        return wrap(self.segments(block, marks), self.text_width(block, available))

    def line_count(self, block: Block, available: float, marks: str = "") -> int:
        # The planner lays out the same paragraphs over and over while it tries options.
        key = (block.style, block.kind, tuple(block.runs), available, marks)
        count = self._line_cache.get(key)
        if count is None:
            count = self._line_cache[key] = len(self.lines(block, available, marks))
        return count

    def note_marks(self, notes: int, first: int) -> str:
        """The reference marks of `notes` footnotes numbered from `first`, as the text they print."""
        if self.product.citations != "footnotes":
            return ""
        return "".join(str(number) for number in range(first, first + notes))

    # -- documents -------------------------------------------------------------

    def page_geometry(self) -> PageGeometry:
        return page_geometry(self.product, self.audience)

    def gaps(self, blocks: list[Block]) -> list[float]:
        """Space above each block (see page.paragraph_gaps)."""
        return paragraph_gaps(blocks, self.product.styles)

    def row_height(self, row: Row, columns: list[float], width: float, first_note: int = 1) -> float:
        style_name = "table_header" if row.header else "table_cell"
        style = self.style(style_name)
        lines = 0
        for cell, fraction in zip(row.cells, columns):
            marks = self.note_marks(len(cell.footnotes), first_note)
            first_note += len(cell.footnotes)
            lines = max(lines, self.line_count(Block(style_name, cell.runs), fraction * width - 2 * CELL_PAD_H, marks))
        return lines * style.line + 2 * CELL_PAD_V + ROW_RULE

    def content_height(self, block: Block, width: float, first_note: int = 1) -> float:
        """Height of a block without the gap above it; its footnotes are numbered from first_note."""
        if block.kind == "table":
            height = 0.0
            for row in block.rows:
                height += self.row_height(row, block.columns, width, first_note)
                first_note += sum(len(cell.footnotes) for cell in row.cells)
            return height
        style = self.style(block.style)
        extra = RULE_BELOW_PT if style.rule_below else 0.0
        return self.line_count(block, width, self.note_marks(len(block.footnotes), first_note)) * style.line + extra

    def notes_height(self, block: Block, width: float) -> float:
        """Height of a block's footnotes (a table's: all its cells') in the page's footnote area."""
        notes = list(block.footnotes) + [note for row in block.rows for cell in row.cells for note in cell.footnotes]
        if not notes:
            return 0.0
        style = self.style("footnote")
        total = 0.0
        for note in notes:
            note_block = Block("footnote", [Run("00 " + note)])
            total += style.before + self.line_count(note_block, width) * style.line + style.after
        return total

    def measure(self, block: Block, width: float, first_note: int = 1) -> tuple[int, float, float]:
        """(lines, content height, footnotes height) of a composed block at this width, its notes
        numbered from first_note (their marks take room on its last line); a table counts as one line."""
        entry = self._measured.get(id(block))
        if entry is not None and entry[0] is block and entry[1] == (width, first_note):
            return entry[2]
        marks = self.note_marks(len(block.footnotes), first_note)
        measure = (1 if block.kind == "table" else self.line_count(block, width, marks),
                   self.content_height(block, width, first_note), self.notes_height(block, width))
        self._measured[id(block)] = (block, (width, first_note), measure)
        return measure

    def paginate(self, document: Document) -> Pagination:
        """Flow the blocks onto pages as Word and LibreOffice do (see module docstring).

        A block's footnotes go on the page where its last line (and so its reference) lands;
        the first note on a page also brings the separator.
        """
        geometry = self.page_geometry()
        blocks = list(document.blocks())
        measured = self._measured_blocks(blocks, geometry.content_width)
        flow = PageFlow(geometry.content_height)
        index = 0
        while index < len(blocks):
            if self._flow_block(flow, measured, index):
                index += 1
        return flow.finish()

    def _measured_blocks(self, blocks: list[Block], width: float) -> _Measured:
        """Measured once per block: pagination may visit a block again after a page break."""
        measures = []
        first_note = 1
        for block in blocks:
            measures.append(self.measure(block, width, first_note))
            first_note += len(block.footnotes) + sum(len(cell.footnotes) for row in block.rows for cell in row.cells)
        return _Measured(blocks, self.gaps(blocks), [measure[0] for measure in measures],
                         [measure[1] for measure in measures], [measure[2] for measure in measures])

    def _flow_block(self, flow: PageFlow, measured: _Measured, index: int) -> bool:
        """Place block `index` on the current page (whole, split or spilling over), or start a new
        page and return False so it is tried again there."""
        block = measured.blocks[index]
        style = self.style(block.style)
        if (style.page_break_before or block.page_break_before) and flow.position > 0:
            flow.new_page()
        gap = measured.gaps[index]
        # Tables are kept whole; a paragraph of four or more lines may split (two lines each side).
        count = measured.counts[index]
        block_notes = measured.notes[index]
        needed = gap + measured.heights[index]
        if style.keep_with_next and index + 1 < len(measured.blocks):
            needed_with_next = needed + measured.gaps[index + 1] + self._kept_height(measured, index + 1)
            if flow.position > 0 and flow.position + needed_with_next + flow.notes > flow.capacity:
                flow.new_page()
        if flow.fits(needed, block_notes):
            flow.place(needed, block_notes)
            return True
        room_lines = math.floor((flow.capacity - flow.notes - flow.position - gap) / style.line)
        if count >= 4 and room_lines >= 2:
            placed = min(room_lines, count - 2)
            extra = RULE_BELOW_PT if style.rule_below else 0.0
            flow.split(gap, placed * style.line, (count - placed) * style.line + extra, block_notes)
            return True
        if flow.position == 0.0:
            flow.overflow(needed, block_notes)
            return True
        flow.new_page()
        return False

    def _kept_height(self, measured: _Measured, index: int) -> float:
        """What of the block after a heading stays with it: a table whole, a paragraph's first two lines."""
        following = measured.blocks[index]
        if following.kind == "table":
            return measured.heights[index]
        return min(2, measured.counts[index]) * self.style(following.style).line

    # -- slides ----------------------------------------------------------------

    def box_inner(self, box: Box) -> tuple[float, float]:
        return (box.w - 2 * box.inset) * 72, (box.h - 2 * box.inset) * 72

    def box_text_height(self, blocks: list[Block], box: Box) -> float:
        width, _ = self.box_inner(box)
        total = 0.0
        for position, block in enumerate(blocks):
            style = self.style(block.style)
            # The renderer drops space-before on a box's first paragraph.
            total += (style.before if position else 0.0) + self.line_count(block, width) * style.line
        return total

    def fits_box(self, blocks: list[Block], box: Box) -> bool:
        return self.box_text_height(blocks, box) <= self.box_inner(box)[1]

    def _drawn_fit(self, section: Section, problems: list[str]) -> float:
        """Every date, label, number and caption of a drawn slide fits its own box."""
        body = self.product.boxes["body"]
        used = 0.0
        if section.role == "timeline":
            geometry = diagrams.timeline(body, len(section.blocks))
            pairs = [(Block("event_date", [Run(b.marker)]), e.date, Block("event_label", b.runs), e.label)
                     for b, e in zip(section.blocks, geometry.events)]
        else:
            cards = diagrams.figure_grid(body, len(section.blocks))
            pairs = [(Block("figure_value", [Run(b.marker)]), c.value, Block("figure_caption", b.runs), c.caption)
                     for b, c in zip(section.blocks, cards)]
        for marker_block, marker_box, text_block, text_box in pairs:
            for block, box in ((marker_block, marker_box), (text_block, text_box)):
                height, capacity = self.box_text_height([block], box), self.box_inner(box)[1]
                used = max(used, height / capacity)
                width_needed = self.lines(block, self.box_inner(box)[0])
                if height > capacity:
                    problems.append(f"'{block.text[:30]}' needs {height:.0f}pt of its {capacity:.0f}pt box")
                elif block is marker_block and len(width_needed) > 1:
                    problems.append(f"'{block.text}' does not fit on one line in its box")
        return used

    def slide_fit(self, section: Section) -> SlideFit:
        """Whether a slide's title, body (bullets or a drawing) and source line fit their boxes."""
        if section.role == "title":
            return SlideFit(True, 0.0)
        problems: list[str] = []
        boxes = self.product.boxes
        if section.title and not self.fits_box([Block("title", [Run(section.title)])], boxes["title"]):
            problems.append(f"title '{section.title[:40]}…' needs more than the title box")
        if section.footer and not self.fits_box([Block("source_line", [Run(section.footer)])], boxes["source_line"]):
            problems.append("source line is longer than its box")
        if section.role in DRAWN_ROLES:
            body_fill = self._drawn_fit(section, problems)
        elif section.blocks:
            height = self.box_text_height(section.blocks, boxes["body"])
            capacity = self.box_inner(boxes["body"])[1]
            body_fill = height / capacity
            if height > capacity:
                problems.append(f"body needs {height:.0f}pt of {capacity:.0f}pt")
        else:
            body_fill = 0.0
        return SlideFit(not problems, body_fill, problems)
