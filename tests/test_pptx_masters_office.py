"""Decks built on the gallery's masters, rendered by LibreOffice: what a reader sees fits the master.

One LibreOffice run converts every deck (5, 10 and 20 slides on each master). Checked in the
PDF: the slide count the product promises, the master's page size, every word inside its own
shape, no vertical text, no text over the master's pictures and bands, WCAG AA contrast on
the background the master draws, and the theme's fonts (through their installed twins).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from briefwright.build import build
from briefwright.office import convert_to_pdf
from briefwright.project import load_project
from briefwright.reference import contrast
from briefwright.reference.pptx_master import read_master
from briefwright.reference.pptx_roles import choose
from tests import gallery_pptx
from tests.conftest import copy_project
from tests.shapes import misplaced_words

pytestmark = pytest.mark.office
DECKS = {"deck-5": 5, "deck-10": 10, "deck-20": 20}
FONTS = {"cjk-fonts": "NotoSansCJK"}  # the rest name Calibri, drawn with its metric twin Carlito
BANNERED = {"wide"}  # a classification banner above and below the text


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Path, Path, Path]]:
    """(master, product) → (the master, the built deck, its PDF)."""
    root = copy_project(tmp_path_factory.mktemp("masters") / "project")
    masters = gallery_pptx.make_all(root / "templates" / "reference")
    names = sorted(gallery_pptx.MASTERS)
    for name in names:
        banner = "banner: UNCLASSIFIED // FOR TESTING\n" if name in BANNERED else ""
        (root / "templates" / "audiences" / f"m-{name}.yaml").write_text(
            f"extends: analyst\nlabel: On the {name} master\n{banner}"
            f"branding:\n  reference_pptx: reference/{name}.pptx\n", encoding="utf-8")
    result = build(load_project(root, explicit=True), products=list(DECKS), audiences=[f"m-{n}" for n in names],
                   out_dir=root / "build")
    built = {(output.audience.id[2:], output.product.id): output.path for output in result.outputs}
    files = sorted(built.values())
    pdfs = dict(zip(files, convert_to_pdf(files, tmp_path_factory.mktemp("pdf"))))
    return {key: (masters[key[0]], path, pdfs[path]) for key, path in built.items()}


def _hex(colour) -> str | None:
    if not isinstance(colour, (tuple, list)) or not colour:
        return None
    values = list(colour) * 3 if len(colour) == 1 else list(colour)[:3]
    if len(colour) == 4:  # CMYK
        c, m, y, k = colour
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    return "".join(f"{round(float(v) * 255):02X}" for v in values)


CASES = [(master, product) for master in sorted(gallery_pptx.MASTERS) for product in DECKS]


@pytest.mark.parametrize(("master_name", "product"), CASES)
def it_renders_as_the_master_and_the_product_promise(decks, master_name: str, product: str) -> None:
    master_path, deck_path, pdf_path = decks[(master_name, product)]
    master = read_master(master_path)
    choice = choose(master, {})
    assert choice.title is not None and choice.slide is not None
    slides = list(Presentation(str(deck_path)).slides)
    expected_font = FONTS.get(master_name, "Carlito")
    assert not misplaced_words(deck_path, pdf_path, f"{master_name} {product}")
    with pdfplumber.open(pdf_path) as document:
        assert len(document.pages) == DECKS[product] == len(slides)
        for number, page in enumerate(document.pages, start=1):
            assert abs(float(page.width) - master.width * 72) < 1 and abs(float(page.height) - master.height * 72) < 1
            layout = choice.title if number == 1 else choice.slide
            obstacles = [(o.rect.x * 72, o.rect.y * 72, o.rect.right * 72, o.rect.bottom * 72) for o in layout.obstacles]
            for word in page.extract_words(use_text_flow=True, extra_attrs=["upright"]):
                where = f"{master_name} {product} slide {number}: '{word['text']}'"
                assert word["upright"], f"{where} is set vertically"
                x0, top, x1, bottom = word["x0"], word["top"], word["x1"], word["bottom"]
                assert not any(x0 < o[2] and o[0] < x1 and top < o[3] and o[1] < bottom for o in obstacles), \
                    f"{where} lies over the master's picture or band"
            for char in page.chars:
                colour = _hex(char.get("non_stroking_color"))
                if colour is not None and char["text"].strip():
                    assert contrast.ratio(colour, layout.background) >= contrast.AA_TEXT - 0.05, \
                        f"{master_name} {product} slide {number}: '{char['text']}' #{colour} on #{layout.background}"
            fonts = {char["fontname"] for char in page.chars if char["text"].isalpha()}
            assert any(expected_font in name for name in fonts), f"{master_name} slide {number}: {fonts}"
