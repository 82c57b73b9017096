"""Contrasts: "X, not Y", "X rather than Y", "X instead of Y", "not Y but X" affirm one alternative and set the
other aside. A clause that swaps them ("reports to the defence ministry, not the foreign ministry" for "will
report to MOFA, not MOD") says the opposite of its passage though every word is quoted.

Which alternative a claim's phrase names is decided by its distinctive words, and an acronym counts as the
body it stands for: each content word of a phrase matches an acronym holding its initial ("foreign ministry"
~ MOFA, "defence ministry" ~ MOD), so an acronym and its expansion are the same actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.memo import cleared_with_the_rest
from briefwright.content.passages import reporting, short

# (kept, set aside) in text order: "X, not Y" / "X but not Y" / "X rather than Y" / "X instead of Y"; and
# "not Y but X", where the set-aside alternative comes first.
_KEPT_FIRST = re.compile(r"(?:,\s*|\s+but\s+|\s+and\s+)not\s+|\s+rather\s+than\s+|,?\s+instead\s+of\s+")
_ASIDE_FIRST = re.compile(r"\bnot\s+([^,;:.]+?)\s*,?\s+but\s+(?:rather\s+)?([^,;:.]+)")
# An alternative is the phrase next to the contrast word: what follows the last preposition or verb particle
# before it ("report to the defence ministry" → "the defence ministry"), up to the next punctuation after it.
_HEAD_CUT = re.compile(r".*\b(?:to|for|with|by|from|on|at|in|into|under|over|towards?|than|of)\s+", re.IGNORECASE)
_TAIL_END = re.compile(r"[,;:.()]|\s(?:while|when|because|since|after|before|until|if|as)\s")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}s?$")


@dataclass(frozen=True)
class Contrast:
    kept: str  # the alternative affirmed ("MOFA")
    aside: str  # the alternative set aside ("MOD")
    frame: frozenset[str]  # the content words of the rest of the clause ("official", "report")


@lru_cache(maxsize=8192)
def contrast(sentence: str) -> Contrast | None:
    """The alternatives a sentence contrasts, or None."""
    flat = " ".join(sentence.split())
    if match := _ASIDE_FIRST.search(flat):
        aside, kept = match.group(1), match.group(2)
        frame = flat[: match.start()]
    elif match := _KEPT_FIRST.search(flat):
        before, after = flat[: match.start()], flat[match.end():]
        head = before.split(",")[-1]
        kept = _HEAD_CUT.sub("", head) if _HEAD_CUT.match(head) else " ".join(head.split()[-2:])
        aside = _TAIL_END.split(after)[0]
        frame = head[: len(head) - len(kept)]
    else:
        return None
    if not _words(kept) or not _words(aside):
        return None
    return Contrast(kept.strip(), aside.strip(), lang.content_words(frame))


cleared_with_the_rest(contrast.cache_clear)


def _words(phrase: str) -> list[str]:
    """The phrase's words that name something: acronyms as written, other words as content-word stems."""
    tokens = re.findall(r"[A-Za-z][\w&'-]*", phrase)
    return [token if _ACRONYM.match(token) else next(iter(lang.content_words(token)))
            for token in tokens if _ACRONYM.match(token) or lang.content_words(token)]


def _match(word: str, other: str) -> bool:
    if _ACRONYM.match(word) and _ACRONYM.match(other):
        return word.rstrip("s") == other.rstrip("s")
    if _ACRONYM.match(other):
        word, other = other, word
    if _ACRONYM.match(word):
        return other[:1] in word.lower()  # "foreign" ~ MOFA: the acronym holds the word's initial
    return word == other


def _score(phrase: str, alternative: str) -> int:
    """How many of a phrase's words the alternative's words match."""
    theirs = _words(alternative)
    return sum(any(_match(word, other) for other in theirs) for word in _words(phrase))


def _names(phrase: str, one: str, other: str) -> bool:
    """The phrase names `one` rather than `other`: it matches more of one's words."""
    return _score(phrase, one) > _score(phrase, other)


def swapped(claim_sentence: str, quote_sentence: str) -> bool:
    """The claim affirms the alternative the quote sets aside, or sets aside the one it affirms, in the same
    frame ("will report to …")."""
    said, quoted = contrast(claim_sentence), contrast(quote_sentence)
    if said is None or quoted is None or not said.frame & quoted.frame:
        return False
    return (_names(said.kept, quoted.aside, quoted.kept) and _names(said.aside, quoted.kept, quoted.aside)) or (
        _names(said.kept, quoted.aside, quoted.kept) and not _score(said.aside, quoted.aside))


def check_contrast(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not reporting(claim):
        return
    quote_sentences = [(source, sentence) for source, quote in claim.quotes for sentence in lang.sentences(quote)]
    for sentence in lang.sentences(claim.text):
        for source, quoted in quote_sentences:
            if swapped(sentence, quoted):
                said = contrast(sentence)
                assert said is not None
                yield Finding("claim-negation", claim,
                              f"“{short(sentence)}” affirms '{said.kept}' and sets aside '{said.aside}', the "
                              f"other way round from the passage it restates: “{short(quoted)}” [{source}]",
                              "keep which alternative the source affirms and which it sets aside")
                break
