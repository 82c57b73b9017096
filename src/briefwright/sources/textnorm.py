"""Text normalisation for matching quotes, with a map back to original offsets."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
_DROPPED = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _is_space(char: str) -> bool:
    # str.isspace covers NBSP, thin, ideographic and other Unicode spaces.
    return char.isspace()


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


def normalise(text: str) -> NormalisedText:
    out: list[str] = []
    origin = array("q")
    pending_space = False
    for index, char in enumerate(text):
        if char in _DROPPED:
            continue
        if _is_space(char):
            pending_space = bool(out)
            pending_index = index
            continue
        if pending_space:
            out.append(" ")
            origin.append(pending_index)
            pending_space = False
        replacement = _REPLACEMENTS.get(char, char)
        for piece in replacement:
            out.append(piece)
            origin.append(index)
    return NormalisedText("".join(out), origin, len(text))


_PLAIN_TABLE = str.maketrans({**_REPLACEMENTS, **dict.fromkeys(_DROPPED)})


def normalise_plain(text: str) -> str:
    """normalise(text).text without the offset map: the same folding, done by the C string methods
    (no replacement or dropped character is whitespace, so the order of the two steps is free)."""
    return " ".join(text.translate(_PLAIN_TABLE).split())
