"""Slide fitting on small slides built in the test: the ten-slide deck's body box (298.8pt inside its
insets) holding bullets of 22pt lines set 12pt apart, its title box and its source line.

Widths come from the shipped metrics of the profile's fonts, so nothing here needs fonts installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.measure.layout import Typesetter
from briefwright.model import Block, Run, Section
from tests.small_project import builtin

BODY_HEIGHT = 298.8


@pytest.fixture
def typesetter(tmp_path: Path) -> Typesetter:
    product, audience = builtin(tmp_path, "deck-10")
    typesetter = Typesetter(product, audience)
    point = product.styles["point"]
    # The arithmetic below rests on these; a changed built-in product must fail here, not mislead.
    assert (point.before, point.line) == (12, 22)
    assert typesetter.box_inner(product.boxes["body"])[1] == pytest.approx(BODY_HEIGHT)
    return typesetter


def _bullets(count: int) -> list[Block]:
    return [Block("point", [Run(f"Short headline {number}")], kind="bullet") for number in range(count)]


class Describe_slide_fit:
    def it_measures_how_full_the_body_is_without_space_above_the_first_bullet(self, typesetter: Typesetter) -> None:
        fit = typesetter.slide_fit(Section("module", title="A title", blocks=_bullets(1)))
        assert fit.fits and fit.problems == []
        assert fit.body_fill == pytest.approx(22 / BODY_HEIGHT)

    def it_fits_nine_bullets_and_refuses_ten(self, typesetter: Typesetter) -> None:
        nine = typesetter.slide_fit(Section("module", title="A title", blocks=_bullets(9)))
        assert nine.fits and nine.body_fill == pytest.approx((22 + 8 * 34) / BODY_HEIGHT)
        ten = typesetter.slide_fit(Section("module", title="A title", blocks=_bullets(10)))
        assert not ten.fits
        assert ten.problems == [f"body needs {22 + 9 * 34:.0f}pt of {BODY_HEIGHT:.0f}pt"]

    def it_refuses_a_title_longer_than_its_box(self, typesetter: Typesetter) -> None:
        title = " ".join(["Considerably"] * 40)
        fit = typesetter.slide_fit(Section("module", title=title, blocks=_bullets(1)))
        assert not fit.fits
        assert fit.problems == [f"title '{title[:40]}…' needs more than the title box"]

    def it_refuses_a_source_line_longer_than_its_box(self, typesetter: Typesetter) -> None:
        footer = "; ".join(f"[{number}] Someone, A long report title [2024]" for number in range(1, 40))
        fit = typesetter.slide_fit(Section("module", title="A title", blocks=_bullets(1), footer=footer))
        assert fit.problems == ["source line is longer than its box"]
        short = typesetter.slide_fit(Section("module", title="A title", blocks=_bullets(1), footer="[1] Someone [2024]"))
        assert short.fits

    def it_takes_the_cover_as_it_is(self, typesetter: Typesetter) -> None:
        fit = typesetter.slide_fit(Section("title", title=" ".join(["Considerably"] * 40), blocks=_bullets(20)))
        assert fit.fits and fit.body_fill == 0.0

    def it_agrees_with_fits_box_on_the_body(self, typesetter: Typesetter) -> None:
        body = typesetter.product.boxes["body"]
        for count in (8, 9, 10, 11):
            fit = typesetter.slide_fit(Section("module", title="A title", blocks=_bullets(count)))
            assert fit.fits == typesetter.fits_box(_bullets(count), body), count
