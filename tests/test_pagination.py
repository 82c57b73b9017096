"""Pagination on small documents built in the test: the report's body (14pt lines, 3pt after) and
heading (16pt lines, 12pt before, kept with the next paragraph) on a letter page 666pt tall.

Widths come from the shipped metrics of the profile's fonts, so nothing here needs fonts installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.measure.layout import Typesetter
from briefwright.measure.pagination import FOOTNOTE_SEPARATOR_PT, PageFlow, Pagination
from briefwright.model import Block, Document, Run, Section
from briefwright.plan.flow_engine import section_starts
from tests.small_project import builtin

LINE = "A short line."


@pytest.fixture
def typesetter(tmp_path: Path) -> Typesetter:
    product, audience = builtin(tmp_path, "report")
    typesetter = Typesetter(product, audience)
    body, heading = product.styles["body"], product.styles["heading"]
    # The arithmetic below rests on these; a changed built-in product must fail here, not mislead.
    assert (body.before, body.after, body.line, heading.before, heading.after, heading.line) == (0, 3, 14, 12, 5, 16)
    assert heading.keep_with_next and typesetter.page_geometry().content_height == 666.0
    assert typesetter.line_count(Block("body", [Run(LINE)]), typesetter.page_geometry().content_width) == 1
    return typesetter


def _document(*blocks: Block) -> Document:
    return Document("report", "base", "Title", "Subject", "1 May 2025", "2025-05-01", "Org",
                    [Section("module", blocks=list(blocks))], [])


def _lines(count: int) -> list[Block]:
    return [Block("body", [Run(LINE)]) for _ in range(count)]


def _paragraph(typesetter: Typesetter, lines: int) -> Block:
    """A body paragraph exactly `lines` lines long at the page's width."""
    width = typesetter.page_geometry().content_width
    words = 1
    while typesetter.line_count(Block("body", [Run("word " * words)]), width) < lines:
        words += 1
    block = Block("body", [Run("word " * words)])
    assert typesetter.line_count(block, width) == lines
    return block


class Describe_paginate:
    def it_fills_a_page_then_starts_the_next(self, typesetter: Typesetter) -> None:
        # 14 for the first line, 3 + 14 for each after it: 39 take 660pt, the 40th does not fit.
        pagination = typesetter.paginate(_document(*_lines(40)))
        assert pagination.pages == 2
        assert pagination.block_pages == [1] * 39 + [2]
        assert pagination.page_heights == [660.0, 17.0]
        assert pagination.fills == [660.0 / 666.0, 17.0 / 666.0]

    def it_starts_a_page_where_a_block_asks_for_one(self, typesetter: Typesetter) -> None:
        first, second, third = _lines(3)
        third.page_break_before = True
        pagination = typesetter.paginate(_document(first, second, third))
        assert pagination.block_pages == [1, 1, 2]
        assert pagination.page_heights == [31.0, 17.0]

    def it_keeps_a_heading_with_the_first_lines_of_what_follows(self, typesetter: Typesetter) -> None:
        # 37 lines take 626pt; the heading (28pt) fits below them, the heading and a line (47pt) do not.
        blocks = [*_lines(37), Block("heading", [Run("Heading")], kind="heading"), *_lines(1)]
        assert typesetter.paginate(_document(*blocks)).block_pages == [1] * 37 + [2, 2]
        loose = typesetter.product.model_copy(update={"styles": {
            **typesetter.product.styles,
            "heading": typesetter.product.styles["heading"].model_copy(update={"keep_with_next": False})}})
        assert Typesetter(loose, typesetter.audience).paginate(_document(*blocks)).block_pages == [1] * 38 + [2]

    def it_keeps_a_heading_with_two_lines_of_a_long_paragraph_not_one(self, typesetter: Typesetter) -> None:
        # 36 lines take 609pt; the heading and one line of the paragraph (656pt) would fit, with two (670pt) not.
        blocks = [*_lines(36), Block("heading", [Run("Heading")], kind="heading"), _paragraph(typesetter, 12)]
        assert typesetter.paginate(_document(*blocks)).block_pages == [1] * 36 + [2, 2]

    def it_leaves_two_lines_for_the_next_page_even_with_room_for_three(self, typesetter: Typesetter) -> None:
        # 36 lines take 609pt: room for three lines of a four-line paragraph, but two must go over.
        pagination = typesetter.paginate(_document(*_lines(36), _paragraph(typesetter, 4)))
        assert pagination.page_heights == [609.0 + 3 + 2 * 14, 2 * 14.0]

    def it_splits_a_long_paragraph_leaving_at_least_two_lines_each_side(self, typesetter: Typesetter) -> None:
        # 36 lines take 609pt: three lines of a twelve-line paragraph fit below them, nine go over.
        pagination = typesetter.paginate(_document(*_lines(36), _paragraph(typesetter, 12)))
        assert pagination.block_pages == [1] * 37
        assert pagination.page_heights == [609.0 + 3 + 3 * 14, 9 * 14.0]

    def it_moves_a_paragraph_whole_when_one_line_would_be_left_behind(self, typesetter: Typesetter) -> None:
        # 38 lines take 643pt: room for one line only, so the paragraph starts the next page.
        pagination = typesetter.paginate(_document(*_lines(38), _paragraph(typesetter, 12)))
        assert pagination.block_pages == [1] * 38 + [2]
        assert pagination.page_heights == [643.0, 3 + 12 * 14.0]


class Describe_the_page_flow:
    def it_adds_the_footnote_separator_once_a_page(self) -> None:
        flow = PageFlow(100.0)
        flow.place(20.0, 10.0)
        assert flow.notes == 10.0 + FOOTNOTE_SEPARATOR_PT
        flow.place(20.0, 5.0)
        assert flow.notes == 15.0 + FOOTNOTE_SEPARATOR_PT
        assert flow.fits(31.0, 0.0) and not flow.fits(32.0, 0.0)  # 40 of text and 29 of notes are down
        flow.new_page()
        flow.place(10.0, 5.0)
        assert flow.finish() == Pagination(2, [69.0, 10.0 + 5.0 + FOOTNOTE_SEPARATOR_PT], 100.0, [1, 1, 2])

    def it_lets_a_block_taller_than_a_page_spill_over(self) -> None:
        flow = PageFlow(100.0)
        flow.overflow(130.0, 0.0)
        assert flow.finish() == Pagination(2, [100.0, 30.0], 100.0, [1])


class Describe_section_starts:
    def it_reads_each_sections_first_page_off_its_first_block(self) -> None:
        document = _document()
        document.sections = [Section("masthead", blocks=_lines(2)), Section("module", module_id="m", blocks=_lines(3)),
                             Section("changes"), Section("sources", blocks=_lines(1))]
        pagination = Pagination(3, [1.0, 1.0, 1.0], 1.0, [1, 1, 1, 2, 2, 3])
        assert section_starts(document, pagination) == {"masthead": 1, "m": 1, "sources": 3}
