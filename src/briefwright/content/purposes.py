"""Purposes and reasons added: "To protect the authors, each copy must carry a notice", "…, since unmarked
changes would expose the contributors" give a why that the passage may not give.

The cause rule (meaning.check_cause) reads connectives and verbs of causation ("because", "led to"); a purpose
clause ("to protect …,", "in order to", "so that") and a reason given by "since" with a modal or a present
"is/are" ("since X would …", not "since 2003" nor "since you received the notice") state a why as well. It is
the passage's when a quote sentence of the claim states a link or purpose and names at least half of what the
why names. General English only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import reporting, short

# An opening "To <verb> …," states a purpose; "To date,", "To be sure,", "To a large degree," do not.
_PURPOSE = re.compile(r"^\s*(?:in order )?to (?!date\b|be sure\b|(?:a|an|the|some|what|this|that|such|my|our|his|her"
                      r"|its|their|any|no|all|each|every|one)\b)[a-z]+\b[^,;]*(?=,)"
                      r"|\b(?:in order to|so as to|so that|in order that|for the purpose of|with the aim of"
                      r"|with a view to)\b[^,;.]*")
_REASON = re.compile(r"(?:^\s*|,\s*)since\b(?=[^,;.]*\b(?:would|could|might|may|must|can|will|should|is|are)\b)"
                     r"[^,;.]*")
_QUOTED_PURPOSE = re.compile(r"\b(?:in order to|so as to|so that|in order that|for the purpose of|purpose"
                             r"|intend\w*|designed to|aim\w* to|to protect|to ensure|to prevent|to avoid"
                             r"|(?:that|this|in this) way)\b")


_PURPOSE_VERB = re.compile(r"(?:in order to|so as to|to)\s+([a-z]+)")


def added_whys(sentence: str) -> list[str]:
    """The purpose clauses and reasons the sentence gives."""
    lowered = lang.plain(lang.unquoted(sentence))
    return [match.group(0).strip(" ,") for pattern in (_PURPOSE, _REASON) for match in pattern.finditer(lowered)]


def why_is_quoted(why: str, quotes: list[str]) -> bool:
    """A quote sentence states a link or purpose, or the same infinitive of purpose ("apply for a permit to
    hold a street party"), and names at least half of what the why names."""
    words = lang.content_words(why)
    verb = _PURPOSE_VERB.match(why)
    for quote in quotes:
        for sentence in lang.sentences(quote):
            lowered = lang.plain(sentence)
            same_infinitive = verb is not None and re.search(rf"\bto {re.escape(verb.group(1))}\b", lowered)
            if not (lex.states_a_link(lowered) or _QUOTED_PURPOSE.search(lowered) or same_infinitive):
                continue
            quoted = lang.content_words(sentence)
            if 2 * sum(1 for word in words if lex.word_in(word, quoted)) >= len(words):
                return True
    return False


def check_purposes(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A purpose or reason none of the claim's quotes gives."""
    if not reporting(claim) or claim.prescriptive:
        return
    quotes = [quote for _, quote in claim.quotes]
    for sentence in lang.sentences(claim.text):
        for why in added_whys(sentence):
            if len(lang.content_words(why)) >= 2 and not why_is_quoted(why, quotes):
                yield Finding("claim-cause", claim,
                              f"“{short(sentence)}” gives a purpose or reason (“{short(why, 50)}”) that none of its "
                              "quotes gives", "report what the source provides, or quote the passage that gives "
                              "the reason")
                return
