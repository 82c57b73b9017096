"""The lemmatiser: simplemma's English tables, shipped in its wheel (nothing is downloaded)."""

from __future__ import annotations


def dictionary_lemma(word: str) -> str:
    """simplemma's English lemma as its tables give it. Imported on first use: the package loads every
    language's rules (a sixth of a second), which a build that replays its cached lint never needs."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")
