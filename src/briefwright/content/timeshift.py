"""Time shifted: a clause restating a passage keeps when the passage says a thing happens.

Three general signs that a restatement moved a statement in time, none tied to a topic:

- a time adverb the quotes do not use ("was dropped earlier", "has only recently become difficult",
  "no longer", "at run time"), unless a quote uses one of the same meaning ("previously" for "earlier");
- a time word swapped for its opposite ("after" where the passage says "before", "starts" where it says
  "terminates", "at run time" where it says "at compile time");
- a time clause ("when the program exits", "until the loop starts") whose words none of the claim's quotes
  use: the claim dates the statement by an event its evidence does not mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses, cite, reporting, short

# Time adverbs, each with the words of the same meaning that keep it.
_TIME_WORDS: dict[str, tuple[str, ...]] = {
    "earlier": ("earlier", "previously", "before", "prior", "ago"),
    "previously": ("previously", "earlier", "before", "prior", "formerly"),
    "formerly": ("formerly", "previously", "once", "used to"),
    "recently": ("recently", "lately", "newly"),
    "lately": ("lately", "recently"),
    "newly": ("newly", "recently", "new"),
    "historically": ("historically", "always", "long", "traditionally"),
    "originally": ("originally", "at first", "initially"),
    "nowadays": ("nowadays", "now", "today", "currently"),
    "no longer": ("no longer", "any longer", "anymore", "any more"),
    "anymore": ("anymore", "any more", "no longer", "any longer"),
    "at run time": ("run time", "runtime", "run-time"),
    "at compile time": ("compile time", "compile-time"),
    "in the past": ("in the past", "previously", "historically", "formerly"),
    "eventually": ("eventually", "later", "in time", "ultimately"),
}
# Time words and their opposites: a claim that says one where its passage says only the other reverses when.
_OPPOSITES: tuple[tuple[str, str], ...] = (
    ("before", "after"), ("earlier", "later"), ("first", "last"), ("compile time", "run time"),
    ("start", "terminat"), ("start", "finish"), ("start", "end"), ("begin", "end"), ("begin", "terminat"),
    ("begin", "finish"), ("open", "clos"), ("start", "stop"), ("start", "complet"), ("begin", "complet"),
)
# A time clause: a temporal conjunction and what it dates by (up to the next clause boundary).
_TIME_CLAUSE = re.compile(r"\b(?:when|whenever|until|till|once|after|before)\s+(?P<event>[^,;:.]{3,60})")


@lru_cache(maxsize=4096)
def _starting(word: str) -> re.Pattern[str]:
    # Compiled once per word: built afresh in every call, the patterns crowd out re's own cache of 512.
    return re.compile(rf"(?<![\w-]){re.escape(word)}")


def _has(text: str, word: str) -> bool:
    return bool(_starting(word).search(text))


def _added_time_word(clause: str, passages: str) -> str | None:
    said = lang.plain(clause)
    for word, kin in _TIME_WORDS.items():
        if _has(said, word) and not any(_has(passages, other) for other in kin):
            return word
    return None


# A span of time: "within 30 days after notice" is "before 30 days have passed since notice", no reversal.
_DURATION = re.compile(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|sixty|ninety)"
                       r"\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b")


def _swapped(clause: str, passage: str) -> tuple[str, str] | None:
    """(the claim's time word, the passage's opposite), when the passage uses only the opposite."""
    said = lang.plain(clause)
    if _DURATION.search(said):
        return None
    for one, other in _OPPOSITES:
        for mine, theirs in ((one, other), (other, one)):
            if _has(said, mine) and _has(passage, theirs) and not _has(passage, mine):
                return mine, theirs
    return None


# A time the passage gives: a time clause, or "at the closing bracket", "at the end of …".
_PASSAGE_TIME = re.compile(rf"{_TIME_CLAUSE.pattern}|\bat\s+the\s+(?P<point>[^,;:.]{{3,40}})")


def _dropped_time(sentence: str, passage: str) -> bool:
    """The passage gives a time of which the claim's sentence restates no word."""
    said = lang.content_words(sentence)
    return any(not any(lex.word_in(word, said) for word in lang.content_words(match.group(0)))
               for match in _PASSAGE_TIME.finditer(passage))


def _unquoted_event(clause: str, quoted: frozenset[str]) -> str | None:
    """A time clause of the claim most of whose words the quotes do not use."""
    for match in _TIME_CLAUSE.finditer(lang.plain(clause)):
        words = lang.content_words(match.group("event"))
        missing = [word for word in words if not lex.word_in(word, quoted)]
        if len(words) >= 2 and 2 * len(missing) >= len(words):
            return match.group(0)
    return None


def check_time_shift(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A time word added or reversed, or a time clause of words no quote uses."""
    if not reporting(claim) or claim.prescriptive:
        return
    quotes = lang.plain(" ".join(quote for _, quote in claim.quotes))
    quoted = lang.content_words(quotes)
    for sentence in lang.sentences(claim.text):
        added = _added_time_word(sentence, quotes)  # the time is the sentence's, aligned or not
        if added is not None:
            yield Finding("claim-date", claim, f"“{short(sentence)}” says '{added}', a time none of its quotes gives",
                          "keep the time the source gives")
            return
    for sentence, clause, aligned in aligned_clauses(claim, context):
        passage = lang.plain(" ".join(item.sentence for item in aligned))
        swapped = _swapped(clause, passage)
        # A time of the claim's own in place of the passage's ("when the program exits" for "at the closing
        # bracket"): a time clause in other words that keeps the passage's time is a paraphrase.
        event = _unquoted_event(clause, quoted) if _dropped_time(sentence, passage) else None
        if swapped is not None:
            problem = f"says '{swapped[0]}' where the passage it restates says '{swapped[1]}'"
        elif event is not None:
            problem = f"dates it “{event}”, an event none of its quotes mentions"
        else:
            continue
        yield Finding("claim-date", claim, f"“{short(clause)}” {problem}: {cite(aligned[0])}",
                      "keep the time the source gives")
        return
