"""Text metrics from real font files: how many lines a paragraph takes in a box.

Line breaking follows what LibreOffice and Word do for left-aligned Latin text
(break at spaces, after hyphens and dashes) and for East Asian text (break
between any two ideographs). Kerning is ignored, which only ever over-estimates
widths, and a small safety factor absorbs rounding in the layout engines.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwright.measure.fonts import FontFace

WIDTH_SAFETY = 0.995  # fraction of a box's width we fill: kerning (ignored) only narrows text; this absorbs rounding


def is_east_asian(char: str) -> bool:
    code = ord(char)
    return (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x2FA1F)


@dataclass(frozen=True)
class Segment:
    """A stretch of text in one face and size (a run)."""

    text: str
    face: FontFace
    size: float
    east_asian_face: FontFace | None = None
    caps: bool = False


def _char_widths(segments: list[Segment]) -> list[tuple[str, float]]:
    chars: list[tuple[str, float]] = []
    for segment in segments:
        text = segment.text.upper() if segment.caps else segment.text
        for char in text:
            face = segment.face
            if is_east_asian(char) and segment.east_asian_face is not None:
                face = segment.east_asian_face
            elif not face.has(char) and segment.east_asian_face is not None and segment.east_asian_face.has(char):
                face = segment.east_asian_face
            chars.append((char, face.advance(char) * segment.size))
    return chars


def _break_after(chars: list[tuple[str, float]], index: int) -> bool:
    char = chars[index][0]
    following = chars[index + 1][0] if index + 1 < len(chars) else " "
    if char == " ":
        return True
    if char in "-\u2010\u2013\u2014" and following.isalnum():
        return True
    return is_east_asian(char) or is_east_asian(following) and following not in "、。，．）」』"


def wrap(segments: list[Segment], width: float) -> list[str]:
    """Lines of text, broken greedily to fit width (points)."""
    chars = _char_widths(segments)
    limit = width * WIDTH_SAFETY
    lines: list[str] = []
    start, line_width = 0, 0.0
    last_break: int | None = None
    index = 0
    while index < len(chars):
        char, advance = chars[index]
        if char == "\n":
            lines.append("".join(c for c, _ in chars[start:index]))
            start, line_width, last_break = index + 1, 0.0, None
            index += 1
            continue
        visible_width = line_width + (advance if char != " " else 0.0)
        if visible_width > limit and index > start and char != " ":
            cut = last_break + 1 if last_break is not None and last_break >= start else index
            lines.append("".join(c for c, _ in chars[start:cut]).rstrip())
            start = cut
            while start < len(chars) and chars[start][0] == " ":
                start += 1
            line_width = sum(w for _, w in chars[start:index])
            last_break = None
            continue
        line_width += advance
        if _break_after(chars, index):
            last_break = index
        index += 1
    tail = "".join(c for c, _ in chars[start:]).rstrip()
    if tail or not lines:
        lines.append(tail)
    return lines


def count_lines(segments: list[Segment], width: float) -> int:
    return len(wrap(segments, width))


def natural_width(segments: list[Segment]) -> float:
    return sum(w for _, w in _char_widths(segments))
