"""Word products built with organisations' reference documents, as LibreOffice prints them.

Every gallery reference (tests/gallery_docx.py) is set as an audience's reference_docx, and the
memo, brief and report are built with it: from the example's dense content (where the
reference's look leaves room for the must-keep points) and from the small tests/roots/tiny topic
(always). One LibreOffice run prints them all; each must print on the reference's page size, on
the pages the manifest promises within the budget, in the reference's fonts, with its letterhead,
and with no word outside the page's text area but the letterhead, banner and footer lines.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefwright.build import Output, build
from briefwright.diagnostics import BriefwrightError
from briefwright.office import convert_to_pdf
from briefwright.project import load_project
from briefwright.templates import BUILTIN_DIR
from tests import gallery_docx, pdf
from tests.conftest import copy_project

TINY = Path(__file__).parent / "roots" / "tiny"
PRODUCTS = ("memo", "brief", "report")


@dataclass
class Printed:
    output: Output
    pdf: Path
    manifest_pages: int
    item: gallery_docx.GalleryItem


def _add_gallery(root: Path, extends: str) -> None:
    references = root / "templates" / "reference"
    references.mkdir(parents=True, exist_ok=True)
    for name, (item, _) in gallery_docx.GALLERY.items():
        gallery_docx.make(name, references)
        (root / "templates" / "audiences" / f"{name}.yaml").write_text(
            gallery_docx.profile_text(item, f"reference/{name}.docx", extends), encoding="utf-8")


def _build_each(root: Path, refused: dict[str, str]) -> list[tuple[Output, int]]:
    project = load_project(root, explicit=True)
    built = []
    for name in gallery_docx.GALLERY:
        for product in PRODUCTS:
            out = root / "out" / f"{product}-{name}"
            try:
                result = build(project, products=[product], audiences=[name], out_dir=out)
            except BriefwrightError as error:
                refused[f"{root.parent.name}:{product}-{name}"] = str(error)
                continue
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
            built += [(output, manifest["files"][0]["pages"]) for output in result.outputs]
    return built


@pytest.fixture(scope="module")
def gallery_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Printed], dict[str, str]]:
    example = copy_project(tmp_path_factory.mktemp("example") / "project")
    _add_gallery(example, "analyst")
    tiny = tmp_path_factory.mktemp("tiny") / "project"
    shutil.copytree(TINY, tiny)
    # The tiny topic fills three report pages; the report's four-page floor is lowered for it only.
    (tiny / "templates" / "products").mkdir()
    (tiny / "templates" / "products" / "report.yaml").write_text(
        (BUILTIN_DIR / "products" / "report.yaml").read_text(encoding="utf-8").replace("min_pages: 4", "min_pages: 2"),
        encoding="utf-8")
    _add_gallery(tiny, "reader")
    refused: dict[str, str] = {}
    built = _build_each(example, refused) + _build_each(tiny, refused)
    # Both topics make files of the same names: staged under distinct names for the one LibreOffice run.
    staging = tmp_path_factory.mktemp("gallery-docx")
    staged = []
    for number, (output, _) in enumerate(built):
        staged.append(staging / f"{number:02d}-{output.path.name}")
        shutil.copyfile(output.path, staged[-1])
    pdfs = convert_to_pdf(staged, tmp_path_factory.mktemp("gallery-pdf"))
    printed = [Printed(output, path, pages, gallery_docx.GALLERY[output.audience.id][0])
               for (output, pages), path in zip(built, pdfs)]
    return printed, refused


@pytest.mark.office
class Describe_products_made_with_reference_documents:
    def it_builds_every_product_with_every_reference_or_says_why_not(
            self, gallery_builds: tuple[list[Printed], dict[str, str]]) -> None:
        printed, refused = gallery_builds
        tiny = [p for p in printed if "tiny" in str(p.output.path)]
        assert len(tiny) == len(gallery_docx.GALLERY) * len(PRODUCTS)  # the small topic fits every look
        assert len(printed) - len(tiny) >= 8  # and the dense example fits many
        for key, message in refused.items():
            assert key.startswith("example"), key
            assert "reference document" in message and "reference_overrides" in message, message

    def it_prints_on_the_reference_page_and_the_promised_pages(
            self, gallery_builds: tuple[list[Printed], dict[str, str]]) -> None:
        wrong = []
        for item in gallery_builds[0]:
            pages = pdf.page_count(item.pdf)
            budget = item.output.product.budget
            size = pdf.page_size(item.pdf)
            if not pages == item.manifest_pages == item.output.plan.count or pages > (budget.pages or 1):
                wrong.append(f"{item.output.path}: printed {pages}, manifest {item.manifest_pages}")
            if size != pytest.approx((item.item.page[0] * 72, item.item.page[1] * 72), abs=1):
                wrong.append(f"{item.output.path}: page {size}")
        assert not wrong, "\n".join(wrong)

    def it_sets_the_text_in_the_reference_fonts(self, gallery_builds: tuple[list[Printed], dict[str, str]]) -> None:
        for item in gallery_builds[0]:
            fonts = {name.split("+")[-1] for names in pdf.glyph_fonts(item.pdf, "aeinost").values() for name in names}
            for family in item.item.fonts:
                assert any(font.startswith(family) for font in fonts), (item.output.path.name, family, fonts)

    def it_keeps_the_letterhead_and_no_word_outside_the_text_area(
            self, gallery_builds: tuple[list[Printed], dict[str, str]]) -> None:
        for item in gallery_builds[0]:
            margins = item.output.product.margins
            assert margins is not None
            width, height = pdf.page_size(item.pdf)
            words = pdf.words(item.pdf)
            furniture = " ".join(filter(None, [item.item.letterhead, "12 Harbour Row, Portsmouth",
                                               "Northwind Policy Institute · registered charity",
                                               item.output.audience.banner]))
            for word in words:
                assert margins.left * 72 - 1 <= word.x0 and word.x1 <= width - margins.right * 72 + 1, word
                inside = margins.top * 72 - 1 <= word.top and word.bottom <= height - margins.bottom * 72 + 1
                assert inside or word.text in furniture.split(), (item.output.path.name, word)
            if item.item.letterhead:
                pages = 1 if item.item.letterhead_first_page_only else pdf.page_count(item.pdf)
                for page in range(1, pages + 1):
                    top = [w.text for w in words if w.page == page and w.top < margins.top * 72]
                    assert " ".join(top).startswith(item.item.letterhead), (item.output.path.name, page, top)
