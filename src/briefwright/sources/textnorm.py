"""Text normalisation for matching quotes, with a map back to original offsets."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
_DROPPED = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class NormalisedText:
    """A normalised string plus, for each of its characters, the original offset."""

    text: str
    origin: array  # original offset of each character: 8 bytes a character, not a Python int each
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering normalised [start, end)."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        original_start = self.origin[start]
        original_end = self.origin[end - 1] + 1 if end > start else original_start
        return original_start, original_end


_WHITESPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())  # none lie above U+3000
# One-for-one replacements go through str.translate, and so does a lone whitespace character
# (it becomes " " in place, so its offset is its own); the ellipsis grows to three characters.
_ONE_FOR_ONE = str.maketrans({**{char: value for char, value in _REPLACEMENTS.items() if len(value) == 1},
                              **dict.fromkeys(_WHITESPACE, " ")})
_DROPPED_CLASS = "".join(sorted(_DROPPED))
# What the offset map cannot copy straight through: a run of two or more whitespace and dropped
# characters, a single dropped character, or a growing replacement. Everything else is plain.
_SPECIAL = re.compile(f"[\\s{_DROPPED_CLASS}]{{2,}}|[{_DROPPED_CLASS}]|"
                      + "|".join(char for char, value in _REPLACEMENTS.items() if len(value) > 1))
_KEPT = re.compile(f"[^\\s{_DROPPED_CLASS}]")


def normalise(text: str) -> NormalisedText:
    """Curly quotes, dashes and the ellipsis folded, zero-width characters dropped, each run of
    whitespace one space (none at either end); with, for each character, its original offset.

    Plain stretches are copied by C string and array methods, so the work per character is small
    and linear: a seed at the size limit is normalised in well under a second.
    """
    first = _KEPT.search(text)
    if first is None:
        return NormalisedText("", array("q"), len(text))
    from_end = _KEPT.search(text[::-1])  # reversed: a long tail of spaces costs no Python loop
    assert from_end is not None
    last = len(text) - 1 - from_end.start()
    pieces: list[str] = []
    origin = array("q")
    position = first.start()
    for special in _SPECIAL.finditer(text, position, last + 1):
        start, end = special.span()
        if start > position:
            pieces.append(text[position:start].translate(_ONE_FOR_ONE))
            origin.extend(range(position, start))
        found = special.group()
        spaces = [index for index, char in enumerate(found) if char.isspace()]
        if spaces:  # interior whitespace (the ends were cut off above): one space, at the run's last
            pieces.append(" ")
            origin.append(start + spaces[-1])
        elif found in _REPLACEMENTS:
            pieces.append(_REPLACEMENTS[found])
            origin.extend([start] * len(_REPLACEMENTS[found]))
        position = end
    if last + 1 > position:
        pieces.append(text[position:last + 1].translate(_ONE_FOR_ONE))
        origin.extend(range(position, last + 1))
    return NormalisedText("".join(pieces), origin, len(text))


_PLAIN_TABLE = str.maketrans({**_REPLACEMENTS, **dict.fromkeys(_DROPPED)})


def normalise_plain(text: str) -> str:
    """normalise(text).text without the offset map: the same folding, done by the C string methods
    (no replacement or dropped character is whitespace, so the order of the two steps is free)."""
    return " ".join(text.translate(_PLAIN_TABLE).split())
