"""The review loop on decks: a re-issued deck's "what changed" slide, inside the slide budget."""

from __future__ import annotations

import shutil
from pathlib import Path

import pptx
import pytest

from briefwright.cli import main

ROOTS = Path(__file__).parent / "roots"
PRODUCTS = Path(__file__).parent.parent / "src/briefwright/templates/products"


@pytest.fixture
def reissued(tmp_path: Path) -> Path:
    """The tiny project's deck built once (edition 1), then the wording of one summary it shows changed."""
    root = tmp_path / "tiny"
    shutil.copytree(ROOTS / "tiny", root)
    assert main(["build", "--project", str(root), "-q", "--product", "deck-5"]) == 0
    shutil.copytree(root / "build", root / "edition-1")
    actions = root / "content/actions.yaml"
    actions.write_text(actions.read_text(encoding="utf-8").replace("out of queues", "out of traffic queues"),
                       encoding="utf-8")
    return root


def _deck_product(root: Path, slides: int, style: str = "") -> None:
    """deck-5 with what_changed, the slide budget given, and (style) a what_changed style of its own."""
    text = (PRODUCTS / "deck-5.yaml").read_text(encoding="utf-8").replace("  slides: 5\n", f"  slides: {slides}\n")
    if style:
        text = text.replace("styles:\n", f"styles:\n  what_changed: {style}\n", 1)
    (root / "templates/products").mkdir(parents=True, exist_ok=True)
    (root / "templates/products/deck-5.yaml").write_text(text + "what_changed: true\n", encoding="utf-8")


def _slide_texts(path: Path) -> list[list[str]]:
    deck = pptx.Presentation(str(path))
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in deck.slides]


class Describe_the_what_changed_slide:
    def it_gives_a_reissued_deck_a_what_changed_slide_after_the_cover(self, reissued: Path) -> None:
        _deck_product(reissued, slides=6)
        assert main(["build", "--project", str(reissued), "-q", "--product", "deck-5"]) == 0
        first_edition = _slide_texts(reissued / "build/deck-5-reader.pptx")
        assert not any("What changed" in text for slide in first_edition for text in slide)  # no --since: no slide

        assert main(["build", "--project", str(reissued), "-q", "--product", "deck-5", "--since",
                     str(reissued / "edition-1")]) == 0
        slides = _slide_texts(reissued / "build/deck-5-reader.pptx")
        assert len(slides) == 6  # the budget holds: the slide took a module slot, not a seventh slide
        assert "What changed" in slides[1]  # the slide's title, right after the cover
        assert "Revised: The council should add a bus lane on Mill Street." in slides[1]
        assert "2 / 6" in slides[1]
        assert not any("What changed" in text for slide in slides[2:] for text in slide)

    def it_refuses_a_budget_with_no_slide_left_for_the_modules(self, reissued: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
        _deck_product(reissued, slides=5)
        assert main(["build", "--project", str(reissued), "--product", "deck-5", "--since",
                     str(reissued / "edition-1")]) == 1
        err = capsys.readouterr().err
        assert "5 slides leave no room for modules once the 'what changed' slide is placed" in err
        assert "raise budget.slides" in err

    def it_measures_the_slide_like_every_other(self, reissued: Path, capsys: pytest.CaptureFixture[str]) -> None:
        # Type so large that the one revised headline cannot fit the body box: reported, not drawn off the slide.
        _deck_product(reissued, slides=6, style="{font: heading, size: 96, line: 110, color: ink}")
        assert main(["build", "--project", str(reissued), "--product", "deck-5", "--since",
                     str(reissued / "edition-1")]) == 1
        err = capsys.readouterr().err
        assert "slide 2 (changes): body needs" in err

    def it_refuses_the_slide_in_a_deck_without_a_cover(self, reissued: Path, capsys: pytest.CaptureFixture[str]) -> None:
        _deck_product(reissued, slides=6)
        product = reissued / "templates/products/deck-5.yaml"
        product.write_text(product.read_text(encoding="utf-8").replace("structure: [title, ", "structure: ["),
                           encoding="utf-8")
        assert main(["build", "--project", str(reissued), "--product", "deck-5", "--since",
                     str(reissued / "edition-1")]) == 1
        err = capsys.readouterr().err
        assert "error[product-structure]" in err and "has no title slide" in err
