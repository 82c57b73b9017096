"""Flesch–Kincaid grade of a product's own prose, to hold it to an audience's reading level."""

from __future__ import annotations

import re

from briefwright.model import Document

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
PROSE_KINDS = ("paragraph", "bullet")


def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def grade(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(len(_SENTENCE_END.findall(text)), 1)
    syllable_count = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59


def document_grade(document: Document) -> float:
    prose = []
    for block in document.blocks():
        if block.kind in PROSE_KINDS and block.style not in ("reference", "sources"):
            prose.append(" ".join(run.text for run in block.runs if not run.cite).strip())
    text = " ".join(sentence if sentence.endswith((".", "!", "?")) else sentence + "." for sentence in prose if sentence)
    return round(grade(text), 1)
