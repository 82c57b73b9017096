"""Acronyms and the names they stand for: "US Forces Japan" is USFJ, "Ministry of Defense" is MOD. A claim
that spells out an acronym its quotes use (or abbreviates a name they spell out) names the same body, so its
words are the quotes' words.

A run of capitalised words spells an acronym when their initials, with an acronym among them standing for
itself ("US" in "US Forces Japan"), and with or without the small words of names ("of", "and", "for", "the"),
give it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefwright.content.language import content_words
from briefwright.content.memo import cleared_with_the_rest

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}s?$")
_TOKEN = re.compile(r"[A-Za-z][\w&'’-]*")
_NAME_LINKS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})
_LONGEST = 8  # words in a name an acronym stands for


@lru_cache(maxsize=4096)
def acronyms_in(text: str) -> frozenset[str]:
    """The acronyms a text uses, without a plural "s" ("SDFs" → "SDF")."""
    return frozenset(token.removesuffix("s") for token in _TOKEN.findall(text) if ACRONYM.match(token))


def _spelled(tokens: list[str], start: int, known: frozenset[str]) -> int:
    """The end of the longest run of names from `start` whose initials spell one of `known` (start if none)."""
    spellings, end = {""}, start
    for index in range(start, min(start + _LONGEST, len(tokens))):
        token = tokens[index]
        if token.lower() in _NAME_LINKS and index > start:
            spellings |= {spelled + token[0].upper() for spelled in spellings}  # MOD, or MD, for "Ministry of Defense"
            continue
        if not token[:1].isupper():
            break
        spellings = {spelled + (token.removesuffix("s") if ACRONYM.match(token) else token[0]) for spelled in spellings}
        if spellings & known:
            end = index + 1
    return end


@lru_cache(maxsize=4096)
def spelled_out(text: str, known: frozenset[str]) -> frozenset[str]:
    """The content words of the runs of capitalised words in text that spell one of the known acronyms."""
    tokens = _TOKEN.findall(text)
    initials = {acronym[0] for acronym in known}
    words: set[str] = set()
    for start in range(len(tokens)):
        if tokens[start][0] not in initials:
            continue  # no acronym starts with this word's initial (lower-case words start none)
        end = _spelled(tokens, start, known)
        if end > start + 1:
            words |= content_words(" ".join(tokens[start:end]))
    return frozenset(words)


cleared_with_the_rest(spelled_out.cache_clear)
cleared_with_the_rest(acronyms_in.cache_clear)


def named_alike(sentence: str, quotes: str) -> frozenset[str]:
    """The sentence's content words that name what the quotes name by acronym or in full: the words of a name
    the quotes abbreviate, and the acronyms of names the quotes spell out."""
    spelled = spelled_out(sentence, acronyms_in(quotes))
    abbreviated = frozenset(acronym for acronym in acronyms_in(sentence) if spelled_out(quotes, frozenset({acronym})))
    return spelled | content_words(" ".join(abbreviated))
