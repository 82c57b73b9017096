"""A Word reference's look is the default: what it lends the product, what a profile overrides, and the
errors for a style name or a reference it does not have. Fast: no rendering, no installed fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.audience import load_audience
from briefwright.build import template_layers
from briefwright.diagnostics import BriefwrightError
from briefwright.measure.fonts import find_face
from briefwright.products import load_product
from briefwright.project import load_project
from briefwright.reference.docx_look import apply_reference
from briefwright.templates import Layers
from tests import gallery_docx
from tests.conftest import cli_in_process, copy_project

PROFILES = {
    "corp": 'extends: analyst\nlabel: Corp\nbranding:\n  reference_docx: reference/corp-styles.docx\n'
            '  styles:\n    heading_1: "Corp Heading 1"\n    body: "Corp Body"\n',
    "corp-typo": 'extends: analyst\nlabel: Corp\nbranding:\n  reference_docx: reference/corp-styles.docx\n'
                 '  styles:\n    heading_1: "Corp Headline 1"\n',
    "corp-role": 'extends: analyst\nlabel: Corp\nbranding:\n  reference_docx: reference/corp-styles.docx\n'
                 '  styles:\n    sidebar: "Corp Body"\n',
    "letter-paper": 'extends: analyst\nlabel: A4 reference, letter paper\npaper: letter\nbranding:\n'
                    '  reference_docx: reference/a4-wide.docx\n',
    "a4": 'extends: analyst\nlabel: A4 reference\nbranding:\n  reference_docx: reference/a4-wide.docx\n',
    "own-fonts": 'extends: analyst\nlabel: Own fonts\nbranding:\n  reference_docx: reference/airy-normal.docx\n'
                 '  fonts: {body: Arial}\n',
    "letterhead": 'extends: analyst\nlabel: Letterhead\nbanner: INTERNAL\nbranding:\n'
                  '  reference_docx: reference/letterhead.docx\n',
    "everything-overridden": 'extends: analyst\nlabel: Product look\nbranding:\n'
                             '  reference_docx: reference/letterhead.docx\n'
                             '  reference_overrides: [page, margins, styles, fonts, header]\n',
    "no-styles": 'extends: analyst\nlabel: Broken\nbranding:\n  reference_docx: reference/no-styles.docx\n',
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("look") / "project")
    references = root / "templates" / "reference"
    gallery_docx.make_without_styles(references)
    for name in ("corp-styles", "a4-wide", "airy-normal", "letterhead"):
        gallery_docx.make(name, references)
    for name, text in PROFILES.items():
        (root / "templates" / "audiences" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def layers(project: Path) -> Layers:
    return template_layers(load_project(project, explicit=True))


def _shaped(layers: Layers, product: str, audience: str):
    return apply_reference(layers, load_product(layers, product), load_audience(layers, audience))


class Describe_the_reference_look:
    def it_maps_house_style_names_to_roles_and_keeps_their_look(self, layers: Layers) -> None:
        product = _shaped(layers, "report", "corp")
        heading, body = product.styles["heading"], product.styles["body"]
        assert heading.word_style == "Corp Heading 1" and body.word_style == "Corp Body"
        assert (heading.family, heading.size, heading.bold, heading.rgb, heading.before) == \
            ("Cambria", 16, True, "1F497D", 14)
        # Single spacing turned into the exact pitch the page model counts: the face's own line.
        assert heading.line == pytest.approx(16 * find_face("Cambria").line_height, abs=0.01)
        assert (body.family, body.size, body.after) == ("Calibri", 10.5, 6)
        assert product.reference_styles and product.page_size == (8.2674, 11.6931)

    def it_names_the_profile_line_and_the_styles_there_are_for_a_wrong_name(self, layers: Layers) -> None:
        with pytest.raises(BriefwrightError) as caught:
            _shaped(layers, "report", "corp-typo")
        message = str(caught.value)
        assert "corp-typo.yaml:6" in message and "'Corp Headline 1'" in message
        assert "Corp Heading 1" in message and "Corp Body" in message  # what it could have named

    def it_refuses_a_role_no_word_product_has(self, layers: Layers) -> None:
        with pytest.raises(BriefwrightError, match="'sidebar' is not a style role"):
            _shaped(layers, "memo", "corp-role")

    def it_keeps_the_reference_page_unless_the_profile_sets_its_own_paper(self, layers: Layers) -> None:
        assert _shaped(layers, "memo", "a4").page_size == (8.2674, 11.6931)  # base.yaml's letter is a default
        assert _shaped(layers, "memo", "letter-paper").page_size is None  # the profile's own paper: wins
        margins = _shaped(layers, "memo", "a4").margins
        assert margins is not None and (margins.top, margins.left) == (1.3, 1.0)

    def it_uses_the_profile_fonts_when_the_profile_names_them(self, layers: Layers) -> None:
        product = _shaped(layers, "memo", "own-fonts")
        assert all(style.family is None for style in product.styles.values())  # the profile's faces
        assert product.styles["bullet"].size == 11.5  # the reference's sizes are still kept

    def it_keeps_a_letterhead_and_starts_the_text_below_it(self, layers: Layers) -> None:
        product = _shaped(layers, "memo", "letterhead")
        assert product.reference_header
        margins = product.margins
        assert margins is not None
        # header distance 0.5 in + a 0.6 in picture + two address lines + the banner, then a gap.
        assert 1.5 < margins.top < 1.9 and margins.bottom > 0.9

    def it_leaves_the_product_alone_when_the_profile_overrides_everything(self, layers: Layers) -> None:
        original = load_product(layers, "report")
        product = _shaped(layers, "report", "everything-overridden")
        assert product.styles == original.styles and product.margins == original.margins
        assert product.page_size is None and not product.reference_styles and not product.reference_header


class Describe_a_broken_reference:
    def it_fails_the_build_clearly_without_styles(self, project: Path, tmp_path: Path) -> None:
        run = cli_in_process("build", "--product", "memo", "--audience", "no-styles", "--out", str(tmp_path / "out"),
                             cwd=project)
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr and "no-styles.yaml:4" in run.stderr
        assert "no styles part" in run.stderr and "save it again from Word" in run.stderr
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.docx"))
