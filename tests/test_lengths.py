"""Length as a dial: every product fits its budget as LibreOffice renders it, as the planner predicted."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefwright.build import Output
from tests import pdf
from tests.shapes import misplaced_words
from tests.test_deck import A

PAGE_BUDGETS = {"memo-analyst.docx": (1, 1), "memo-analyst-a4.docx": (1, 1), "brief-analyst.docx": (1, 2),
                "report-analyst.docx": (4, 6)}
SLIDE_BUDGETS = {"deck-5-analyst.pptx": 5, "deck-10-analyst.pptx": 10, "deck-20-analyst.pptx": 20}


def _content_fill(output: Output, rendered_pdf: Path) -> float:
    """How much of the page's text area LibreOffice filled, from the top margin to the last glyph."""
    margins = output.product.margins
    assert margins is not None
    _, height = pdf.page_size(rendered_pdf)
    top, bottom = margins.top * 72, height - margins.bottom * 72
    return (pdf.text_bottom(rendered_pdf) - top) / (bottom - top)


@pytest.mark.office
class Describe_page_budgets:
    @pytest.mark.parametrize("name", sorted(PAGE_BUDGETS))
    def it_renders_within_the_budget_and_as_predicted(self, name: str, outputs: dict[str, Output],
                                                     rendered: dict[str, Path]) -> None:
        pages = pdf.page_count(rendered[name])
        low, high = PAGE_BUDGETS[name]
        assert low <= pages <= high
        assert pages == outputs[name].plan.count, "the measure's prediction disagrees with LibreOffice"

    @pytest.mark.parametrize("name", ["memo-analyst.docx", "memo-analyst-a4.docx"])
    def it_fills_at_least_three_quarters_of_the_memo_page(self, name: str, outputs: dict[str, Output],
                                                         rendered: dict[str, Path]) -> None:
        assert _content_fill(outputs[name], rendered[name]) >= 0.75

    def it_prints_the_memo_on_a4_for_an_a4_audience(self, rendered: dict[str, Path]) -> None:
        assert pdf.page_size(rendered["memo-analyst-a4.docx"]) == pytest.approx((595.3, 841.9), abs=1)

    def it_puts_each_report_heading_on_the_page_its_contents_line_gives(self, outputs: dict[str, Output],
                                                                       rendered: dict[str, Path]) -> None:
        document = outputs["report-analyst.docx"].plan.document
        contents = next(s for s in document.sections if s.role == "contents")
        entries = [block.text.split("\t") for block in contents.blocks[1:]]
        assert len(entries) >= 5
        words = pdf.words(rendered["report-analyst.docx"])
        for title, page in entries:
            first_word = title.split()[0]
            pages = {w.page for w in words if w.text == first_word and w.x0 < 100}
            assert int(page) in pages, f"'{title}' is not on page {page} (found on {sorted(pages)})"


@pytest.mark.office
class Describe_slide_budgets:
    @pytest.mark.parametrize("name", sorted(SLIDE_BUDGETS))
    def it_has_exactly_the_budgeted_slides(self, name: str, outputs: dict[str, Output],
                                           rendered: dict[str, Path]) -> None:
        assert len(Presentation(str(outputs[name].path)).slides) == SLIDE_BUDGETS[name]
        assert pdf.page_count(rendered[name]) == SLIDE_BUDGETS[name] == outputs[name].plan.count

    @pytest.mark.parametrize("name", sorted(SLIDE_BUDGETS))
    def it_keeps_every_word_inside_its_shape(self, name: str, outputs: dict[str, Output],
                                             rendered: dict[str, Path]) -> None:
        assert misplaced_words(outputs[name].path, rendered[name], name) == []

    @pytest.mark.parametrize("name", sorted(SLIDE_BUDGETS))
    def it_leaves_no_shrink_on_overflow(self, name: str, outputs: dict[str, Output]) -> None:
        for slide in Presentation(str(outputs[name].path)).slides:
            for shape in slide.shapes:
                if shape.has_text_frame:
                    assert shape.text_frame._txBody.find(A + "bodyPr").find(A + "normAutofit") is None
