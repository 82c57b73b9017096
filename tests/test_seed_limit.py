"""A seed at the size limit is located and numbered in linear time: the fast normaliser and the
chunked paragraph count give exactly what the plain character-by-character definitions give."""

from __future__ import annotations

import random
from array import array

from briefwright.sources import registry, textnorm
from briefwright.sources.registry import Source


def _normalise_by_definition(text: str) -> tuple[str, list[int]]:
    """The definition, one character at a time: fold, drop, one space per whitespace run, none at the ends."""
    out: list[str] = []
    origin = array("q")
    pending: int | None = None
    for index, char in enumerate(text):
        if char in textnorm._DROPPED:
            continue
        if char.isspace():
            pending = index if out else None
            continue
        if pending is not None:
            out.append(" ")
            origin.append(pending)
            pending = None
        for piece in textnorm._REPLACEMENTS.get(char, char):
            out.append(piece)
            origin.append(index)
    return "".join(out), list(origin)


def _paragraph_by_definition(text: str, offset: int) -> int:
    return max(sum(1 for line in text[: offset + 1].split("\n") if line.strip()), 1)


_PIECES = ["a", "b", " ", "\n", "\t", "\r", "\u00a0", "\u3000", "\x1c", "\u200b", "\u00ad", "\u2026", "\u2019",
           "\u2014", "é", "字"]


class Describe_normalise:
    def it_gives_what_the_definition_gives_for_any_mix_of_spaces_folds_and_drops(self) -> None:
        chooser = random.Random(7)
        for _ in range(5000):
            text = "".join(chooser.choice(_PIECES) for _ in range(chooser.randint(0, 16)))
            result = textnorm.normalise(text)
            assert (result.text, list(result.origin)) == _normalise_by_definition(text), repr(text)

    def it_agrees_with_the_plain_folding(self) -> None:
        text = "  \u201cQuoted\u201d\u2014text\u2026\n\n with\u200b  gaps\u00a0 "
        assert textnorm.normalise(text).text == textnorm.normalise_plain(text) == '"Quoted"-text... with gaps'


class Describe_paragraph_numbers:
    def it_counts_non_blank_lines_across_chunk_edges(self, monkeypatch) -> None:
        monkeypatch.setattr(registry, "_CHUNK", 5)  # many chunks in a short text: every edge is crossed
        chooser = random.Random(3)
        for _ in range(400):
            text = "".join(chooser.choice(["a", " ", "\n", "\u00a0", "\r", "b\n\n"]) for _ in range(40))
            source = Source.__new__(Source)
            source.text, source._chunks = text, None
            for offset in range(len(text)):
                assert source.paragraph_at(offset) == _paragraph_by_definition(text, offset), (repr(text), offset)
