"""Counts a claim makes by enumerating: "three rules: A, B, and C" states 3, and the quotes bear it out when
they give A, B and C as three separate passages, each one its own, though none of them says "three".

A source often lists items (a numbered list, one rule per line) without counting them; a brief that counts
them and names every one counts what its quotes show. The count is borne out only when the list names as
many items as it counts and each item restates a different quote sentence: "three rules: A and B" or a list
whose items the quotes do not give still reports the number.
"""

from __future__ import annotations

import re

from briefwright.content import language as lang
from briefwright.content.alignment import LintContext
from briefwright.content.claims import Claim

# "three ownership rules: …", "five actions …: …": a count, up to two modifiers, a plural noun, then a colon.
_COUNTED_LIST = re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                           r"(?:[a-z-]+\s+){0,2}?[a-z-]+s\b[^:;.]{0,60}:\s*(.+)$")
_ITEM_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+|or\s+)?")
_PAIR_SEPARATOR = re.compile(r"\s+(?:and|or)\s+")  # "two rules: A and B", when no comma separates them
_SHARED_WORDS = 2


def counted_by_listing(claim: Claim, context: LintContext) -> frozenset[int]:
    """The counts the claim, or the summary its headline compresses, gives with a list of that many items,
    each restating a different sentence of the claim's quotes."""
    texts = [claim.text]
    if claim.field in ("headline", "label") and context.content is not None:
        point = context.content.points.get(claim.owner.removeprefix("point:"))
        texts.append(point.summary if point is not None and point.summary else "")
    quoted = [lang.content_words(sentence) for _, quote in claim.quotes for sentence in lang.sentences(quote)]
    counts = set()
    for text in texts:
        for sentence in lang.sentences(text):
            match = _COUNTED_LIST.search(lang.plain(sentence))
            if match and _each_item_quoted(_items(match.group(2).rstrip(".")), quoted,
                                           lang.number_value(match.group(1))):
                counts.add(lang.number_value(match.group(1)))
    return frozenset(counts)


def _items(listing: str) -> list[str]:
    items = _ITEM_SEPARATOR.split(listing)
    return items if len(items) > 1 else _PAIR_SEPARATOR.split(listing)


def _each_item_quoted(items: list[str], quoted: list[frozenset[str]], count: int) -> bool:
    """As many items as counted, each sharing words with a quote sentence no other item took."""
    items = [item for item in items if lang.content_words(item)]
    if len(items) != count:
        return False
    taken: set[int] = set()
    for item in items:
        words = lang.content_words(item)
        found = next((index for index, sentence in enumerate(quoted)
                      if index not in taken and len(words & sentence) >= min(_SHARED_WORDS, len(words))), None)
        if found is None:
            return False
        taken.add(found)
    return True
