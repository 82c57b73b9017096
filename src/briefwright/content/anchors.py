"""Time anchors: a clause dates what it restates from the event, on the side of it, and for the duration its
passage does.

"as of the date such litigation is filed" is not "as of the date judgment is entered" (another event);
"granted prior to termination" is not "granted after a termination" (the other side of the same event);
"a perpetual licence" is not "an annually renewed licence" (a bounded duration for an unbounded one). An
anchor is a temporal preposition or phrase and the event it governs (its next content words, numbers and
words for spans of time left out); the claim's anchor is compared with the passage's anchors on the same
event. General English only: temporal prepositions and duration words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import cite, reporting, short
from briefwright.content.quantified import passage_sentence

BEFORE, AFTER, WITHIN = "before", "after", "within"
_SIDES = {"before": BEFORE, "prior to": BEFORE, "until": BEFORE, "till": BEFORE, "ahead of": BEFORE,
          "after": AFTER, "following": AFTER, "since": AFTER, "upon": AFTER, "as of": AFTER, "as from": AFTER,
          "from the date": AFTER, "on the date": WITHIN, "at the time": WITHIN, "within": WITHIN, "during": WITHIN}
_ANCHOR = re.compile(r"\b(?:" + "|".join(sorted((re.escape(key) for key in _SIDES), key=len, reverse=True))
                     + r")\b(?P<event>(?:(?!\b(?:" + "|".join(sorted((re.escape(key) for key in _SIDES), key=len,
                                                                reverse=True)) + r")\b)[^,;.:()])*)")
_SPAN_WORDS = lang.content_words("date dates time times day days week weeks month months year years period "
                                 "moment first pass passed passes elapse elapsed elapses")
EVENT_WORDS = 4
_SPAN_FIRST = re.compile(r"\s*(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
                         r"(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?|years?|hours?)\b")
_SPAN_EVENT = re.compile(r"\b(?:of|after|from|following)\b")
# Adverbs that restate an event without naming another ("after you comply again").
_SOFT = lang.content_words("again still already also once just then ever even later")
_UNBOUNDED = re.compile(r"\b(?:perpetual\w*|permanent\w*|irrevocabl\w*|indefinite\w*|forever|in perpetuity)\b")
_BOUNDED = re.compile(r"\b(?:annual\w*|yearly|monthly|renew\w*|temporar\w*|expir\w*|fixed-term|time-limited"
                      r"|for a (?:limited |fixed )?(?:period|term))\b")


@dataclass(frozen=True)
class Anchor:
    phrase: str
    side: str
    event: frozenset[str]


def anchors(text: str) -> list[Anchor]:
    """The temporal anchors of a text, each with the content words of the event it governs."""
    found = []
    for match in _ANCHOR.finditer(lang.plain(text)):
        phrase = match.group(0)[: len(match.group(0)) - len(match.group("event"))].strip()
        event = match.group("event")
        if _SPAN_FIRST.match(event):
            # "within 30 days get a reminder": a span is complete; only "of/after …" names an event.
            event = event[linked.end():] if (linked := _SPAN_EVENT.search(event)) else ""
        words = [word for token in event.split() for word in sorted(lang.content_words(token))
                 if word not in _SPAN_WORDS and not word[:1].isdigit()]
        side = _SIDES[next(key for key in sorted(_SIDES, key=len, reverse=True) if phrase.startswith(key))]
        found.append(Anchor(phrase, side, frozenset(words[:EVENT_WORDS])))
    return [anchor for anchor in found if anchor.event]


def anchor_change(clause: str, passage: str, vocabulary: frozenset[str] = frozenset()) -> str | None:
    """How the clause's anchors differ from the passage's: another side of the same event, another event, or a
    bounded duration for an unbounded one (vocabulary: the words of every quote of the project, which a
    paraphrase of the event may draw on)."""
    quoted = anchors(passage)
    passage_words = lang.content_words(passage)
    clause_words = lang.content_words(clause)
    for anchor in anchors(clause):
        if change := _event_change(anchor, quoted, passage_words) or _event_replaced(
                anchor, quoted, passage_words | vocabulary, clause_words):
            return change
    return _duration_change(lang.plain(clause), lang.plain(passage))


def _event_change(anchor: Anchor, quoted: list[Anchor], passage_words: frozenset[str]) -> str | None:
    same = [item for item in quoted if any(lex.word_in(word, item.event) for word in anchor.event)]
    if same:
        crossed = all(item.side != anchor.side and WITHIN not in (item.side, anchor.side) for item in same)
        return f"says “{anchor.phrase}” where the passage says “{same[0].phrase}”" if crossed else None
    # Another event on the same side ("as of the date judgment is entered" for "as of the date … is filed").
    novel = [word for word in anchor.event if not lex.word_in(word, passage_words)]
    rival = any(item.side == anchor.side for item in quoted)
    return f"dates it from “{' '.join(sorted(anchor.event))}”, which the passage does not" if rival and novel else None


def _event_replaced(anchor: Anchor, quoted: list[Anchor], passage_words: frozenset[str],
                    clause_words: frozenset[str]) -> str | None:
    """The same anchor on an event half replaced: the clause brings a word no quote uses and drops one of the
    passage's event ("after you first fell out of compliance" for "after You have come back into compliance";
    "within 30 days of the contributor sending the notice" for "after Your receipt of the notice")."""
    novel = [word for word in anchor.event - _SOFT if not lex.word_in(word, passage_words)]
    for item in quoted:
        shared = [word for word in anchor.event if lex.word_in(word, item.event)]
        if len(shared) != 1:
            continue  # another event, or the same one told with more of its words ("the tenant returns the keys")
        missing = [word for word in item.event if not lex.word_in(word, clause_words)]
        if novel and missing:
            return f"dates it from “{' '.join(sorted(anchor.event))}” where the passage says “{item.phrase} " \
                   f"{' '.join(sorted(item.event))}”"
    return None


def _duration_change(clause: str, passage: str) -> str | None:
    unbounded, bounded = _UNBOUNDED.search(passage), _BOUNDED.search(clause)
    if unbounded and bounded and not _UNBOUNDED.search(clause):
        return f"says “{bounded.group(0)}” where the passage says “{unbounded.group(0)}”"
    return None


def check_anchors(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause keeps the event, side and duration of the time its passage gives."""
    if not reporting(claim) or claim.prescriptive:
        return
    items = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        # A clause that restates no passage by itself ("… grants you an annually renewed, worldwide …") is
        # compared with what its sentence restates.
        around = align(sentence, items, context.common)
        for clause in lang.clauses(sentence):
            aligned = align(clause, items, context.common) or around
            changes = [(anchor_change(clause, passage_sentence(item, claim), context.vocabulary), item)
                       for item in aligned]
            if changes and all(change for change, _ in changes):
                change, item = changes[0]
                yield Finding("claim-date", claim, f"“{short(clause)}” {change}: {cite(item)}",
                              "date it as the passage does: the same event, the same side of it, the same duration")
                return
