"""Text measurement with real font metrics."""

from __future__ import annotations

from briefwright.measure.fonts import find_face
from briefwright.measure.text import Segment, count_lines, natural_width, wrap


def _segment(text: str, size: float = 10, bold: bool = False) -> Segment:
    return Segment(text, find_face("Liberation Serif", bold), size, find_face("Noto Sans CJK JP", east_asian=True))


class Describe_measure:
    def it_uses_real_advance_widths(self) -> None:
        # Liberation Serif is metric-compatible with Times New Roman: 'i' is narrower than 'm'.
        assert natural_width([_segment("iiii")]) < natural_width([_segment("mmmm")])
        assert natural_width([_segment("m", 20)]) == 2 * natural_width([_segment("m", 10)])

    def it_breaks_at_spaces_without_splitting_words(self) -> None:
        lines = wrap([_segment("alpha beta gamma delta epsilon zeta eta theta")], 80)
        assert len(lines) > 1
        assert " ".join(lines) == "alpha beta gamma delta epsilon zeta eta theta"

    def it_breaks_between_ideographs(self) -> None:
        text = "林翔" * 20
        lines = wrap([_segment(text)], 60)
        assert len(lines) > 1 and "".join(lines) == text

    def it_measures_bold_wider_than_regular(self) -> None:
        text = "Japan and Taiwan face the same military threat"
        assert natural_width([_segment(text, bold=True)]) > natural_width([_segment(text)])

    def it_counts_one_line_for_short_text(self) -> None:
        assert count_lines([_segment("Short.")], 300) == 1
