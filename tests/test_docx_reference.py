"""Reading a Word reference document: page, letterhead, styles resolved as Word resolves them.

Fast and font-free: the gallery references use only faces briefwright ships metrics for."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.diagnostics import BriefwrightError
from briefwright.reference.docx_reference import describe_template, read_reference
from tests import gallery_docx


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("gallery")
    return {name: gallery_docx.make(name, folder) for name in gallery_docx.GALLERY}


class Describe_reading_a_reference:
    def it_reads_the_page_size_and_margins(self, gallery: dict[str, Path]) -> None:
        page = read_reference(gallery["a4-wide"]).page
        assert (page.width, page.height) == pytest.approx((595.3, 841.9), abs=0.2)
        assert (page.top, page.bottom, page.left, page.right) == pytest.approx((93.6, 93.6, 72, 72), abs=0.1)
        assert (read_reference(gallery["letterhead"]).page.width, read_reference(gallery["letterhead"]).page.height) \
            == (612, 792)

    def it_resolves_theme_fonts_through_docdefaults_and_basedon(self, gallery: dict[str, Path]) -> None:
        reference = read_reference(gallery["corp-styles"])
        assert (reference.theme.major_latin, reference.theme.minor_latin) == ("Cambria", "Calibri")
        normal = reference.by_name("Normal")
        assert normal is not None and normal.font == "Calibri" and normal.font_source == "theme (minorHAnsi)"
        heading = reference.by_name("Heading 1")  # Word stores it as "heading 1"; names match as Word shows them
        assert heading is not None and heading.font == "Cambria" and heading.bold and heading.keep_with_next
        body = reference.by_name("Corp Body")  # basedOn Normal: its face and spacing come down the chain
        assert body is not None and body.font == "Calibri" and body.size == 10.5 and body.after == 6
        assert body.line_rule == "auto" and body.line_value == 1.0

    def it_reads_house_and_localised_style_names(self, gallery: dict[str, Path]) -> None:
        corp = read_reference(gallery["corp-styles"]).by_name("Corp Heading 1")
        german = read_reference(gallery["german-styles"]).by_name("Überschrift 1")
        for style in (corp, german):
            assert style is not None and style.size == 16 and style.bold and style.color == "1F497D"
            assert style.font == "Cambria" and style.font_source == "explicit" and style.before == 14

    def it_reads_a_larger_normal_with_its_own_spacing(self, gallery: dict[str, Path]) -> None:
        normal = read_reference(gallery["airy-normal"]).by_name("Normal")
        assert normal is not None and (normal.size, normal.after) == (11.5, 6)
        assert normal.line_rule == "auto" and normal.line_value == 259 / 240  # Word stores 1.08 lines as 259/240
        assert normal.pitch(1.15) == pytest.approx(11.5 * 1.15 * 259 / 240)

    def it_reads_the_letterhead_in_the_header(self, gallery: dict[str, Path]) -> None:
        reference = read_reference(gallery["letterhead"])
        assert reference.header is not None and reference.header.has_content
        assert [text for _, text in reference.header.texts if text] == ["Northwind Policy Institute",
                                                                       "12 Harbour Row, Portsmouth"]
        assert [round(d.height) for d in reference.header.drawings] == [43]  # 0.6 in
        assert reference.footer is not None and "registered charity" in reference.footer.texts[0][1]

    def it_reads_a_first_page_letterhead(self, gallery: dict[str, Path]) -> None:
        header = read_reference(gallery["first-page-letterhead"]).header
        assert header is not None and header.has_content  # the first page's: there is no other
        assert "Northwind Policy Institute" in [text for _, text in header.texts]

    def it_knows_which_styles_a_bare_reference_lacks(self, gallery: dict[str, Path]) -> None:
        reference = read_reference(gallery["bare"])
        assert reference.paragraph_style_names() == ["Normal", "heading 1"]
        assert reference.by_name("Body Text") is None and reference.by_name("Title") is None

    def it_refuses_a_package_without_styles_clearly(self, tmp_path: Path) -> None:
        damaged = gallery_docx.make_without_styles(tmp_path)
        with pytest.raises(BriefwrightError) as caught:
            read_reference(damaged)
        message = str(caught.value)
        assert "no styles part" in message and "no-styles.docx" in message and "save it again" in message

    def it_refuses_a_file_that_is_not_a_docx(self, tmp_path: Path) -> None:
        fake = tmp_path / "notes.docx"
        fake.write_text("not a zip", encoding="utf-8")
        with pytest.raises(BriefwrightError, match="not a Word .docx"):
            read_reference(fake)


class Describe_template_check:
    def it_describes_page_letterhead_styles_and_fonts(self, gallery: dict[str, Path]) -> None:
        text = describe_template(gallery["letterhead"])
        assert "page: Letter, 8.50 × 11.00 in" in text
        assert "header: kept as the letterhead" in text and "Northwind Policy Institute" in text
        assert "heading_1: 'Heading 1' — Calibri 12 pt bold" in text
        assert "Calibri: measured from carlito-regular.json" in text
        assert "Problems: none" in text

    def it_says_what_to_do_about_a_missing_body_style(self, gallery: dict[str, Path]) -> None:
        text = describe_template(gallery["bare"])
        assert "body: 'Body Text' — missing" in text
        assert 'branding.styles: {body: "Your style name"}' in text
