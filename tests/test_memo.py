"""The one-page memo: reopened with python-docx, and as LibreOffice renders it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Inches

from tests import pdf

MEMO = "memo-analyst.docx"


@pytest.fixture(scope="module")
def memo(built: dict[str, Path]) -> docx.document.Document:
    return docx.Document(str(built[MEMO]))


class Describe_memo_structure:
    def it_has_a_title_block_with_to_from_date_subject(self, memo) -> None:
        texts = [p.text for p in memo.paragraphs]
        assert texts[0].lower() == "memorandum"
        assert memo.paragraphs[1].style.name == "Title"
        labels = [t.split("\t")[0] for t in texts[2:6]]
        assert labels == ["TO", "FROM", "DATE", "SUBJECT"]
        assert "21 November 2026" in texts[4]

    def it_opens_with_a_bluf_that_cites_sources(self, memo) -> None:
        bluf = next(p for p in memo.paragraphs if p.style.name == "BLUF")
        assert bluf.text.startswith("Bottom line up front:")
        assert re.search(r"\[\d+(, \d+)*\]$", bluf.text)

    def it_has_a_heading_per_module_in_the_audience_order(self, memo) -> None:
        headings = [p.text for p in memo.paragraphs if p.style.name == "Heading 1"]
        assert headings == ["Threat picture", "Legal and political constraints", "Avenues for cooperation",
                            "Recommendations"]

    def it_uses_a_real_bullet_list(self, memo) -> None:
        bullets = [p for p in memo.paragraphs if p.style.name == "List Bullet"]
        headings = [i for i, p in enumerate(memo.paragraphs) if p.style.name == "Heading 1"]
        for start, end in zip(headings, headings[1:] + [len(memo.paragraphs) - 1]):
            assert sum(1 for p in memo.paragraphs[start + 1:end] if p.style.name == "List Bullet") >= 2
        assert len(bullets) >= 8
        num_pr = memo.styles["List Bullet"].element.pPr.find(qn("w:numPr"))
        assert num_pr is not None and num_pr.find(qn("w:numId")) is not None

    def it_numbers_references_that_resolve_to_the_sources_line(self, memo) -> None:
        sources = memo.paragraphs[-1]
        assert sources.style.name == "Sources"
        listed = {int(n) for n in re.findall(r"\[(\d+)\] ", sources.text)}
        assert listed == set(range(1, len(listed) + 1)) and len(listed) == 5
        cited = {int(n) for p in memo.paragraphs[:-1] for group in re.findall(r"\[([\d, ]+)\]", p.text)
                 for n in group.split(",")}
        assert cited == listed

    def it_is_us_letter(self, memo) -> None:
        section = memo.sections[0]
        assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))

    def it_sets_an_east_asian_font_for_cjk_text(self, memo) -> None:
        fonts = memo.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
        assert (fonts.get(qn("w:ascii")), fonts.get(qn("w:eastAsia"))) == ("Times New Roman", "Yu Gothic")
        assert fonts.get(qn("w:asciiTheme")) is None
        assert "林 翔" in memo.paragraphs[-1].text


@pytest.mark.office
class Describe_memo_as_rendered:
    def it_is_exactly_one_page(self, rendered: dict[str, Path]) -> None:
        assert pdf.page_count(rendered[MEMO]) == 1

    def it_is_letter_sized(self, rendered: dict[str, Path]) -> None:
        assert pdf.page_size(rendered[MEMO]) == pytest.approx((612, 792), abs=1)

    def it_fills_most_of_the_page(self, rendered: dict[str, Path]) -> None:
        # Top margin 0.7in; the last line should sit in the lower quarter of the page.
        assert pdf.text_bottom(rendered[MEMO]) > 792 * 0.75

    def it_keeps_the_bluf_to_four_lines(self, rendered: dict[str, Path]) -> None:
        words = pdf.words(rendered[MEMO])
        start = next(w for w in words if w.text == "Bottom")
        end = next(w for w in words if w.text.upper() == "THREAT" and w.top > start.top)
        tops = {round(w.top) for w in words if start.top - 1 <= w.top < end.top - 1}
        assert 2 <= len(tops) <= 4

    def it_draws_the_authors_cjk_name_in_a_cjk_font(self, rendered: dict[str, Path]) -> None:
        fonts = pdf.glyph_fonts(rendered[MEMO], "林翔")
        for char, names in fonts.items():
            assert names, f"{char} is not in the PDF"
            assert all("CJK" in name for name in names), f"{char} drawn with {names}"


class Describe_the_Word_check:
    def it_reports_a_changed_paragraph_and_a_changed_style(self, outputs, built: dict[str, Path]) -> None:
        import io

        from briefwright.diagnostics import Report, Where
        from briefwright.writers.docx import check_docx

        output = outputs[MEMO]
        written = built[MEMO].read_bytes()
        clean = Report()
        check_docx(written, output.plan.document, output.product, clean, Where())
        assert clean.items == []

        def altered(change) -> list[str]:
            document = docx.Document(io.BytesIO(written))
            change(next(p for p in document.paragraphs if p.style.name == "List Bullet"))
            saved = io.BytesIO()
            document.save(saved)
            report = Report()
            check_docx(saved.getvalue(), output.plan.document, output.product, report, Where())
            return [item.code for item in report.items]

        def reword(paragraph) -> None:
            paragraph.runs[-1].text = "an invented ending"

        def restyle(paragraph) -> None:
            paragraph.style = "Body Text"

        def unknown_style(paragraph) -> None:
            paragraph._p.style = "NoSuchStyle"  # Word shows the default paragraph style for it

        assert altered(reword) == ["output-mismatch"]
        assert altered(restyle) == ["output-style"]
        assert altered(unknown_style) == ["output-style"]
