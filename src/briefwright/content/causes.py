"""How English states a cause, beyond the connectives lexicon.py lists: what the cause rule needs to see a
link a quote states in its own words, and to find the two sides a claim links.

- "X explains that Y" reports what X says; it links nothing ("explains why" still does);
- a quote links with a reason clause ("which is why", "that's why", "the reason is that", "for this reason"),
  a dependence ("it depends on how …") or a means ("by requiring …, you'll know …");
- a sentence that opens with a backward-pointing link ("The reason is that …", "This is because …",
  "That is why …", "As a result, …", "Therefore …") links itself to the sentence before it;
- a fronted cause ("Because A, B") joins A and B, both after the connective.
"""

from __future__ import annotations

import re

from briefwright.content import language as lang
from briefwright.content import lexicon as lex

# "explains that …", "explained how …": a reporting verb, not a cause.
_REPORTING_EXPLAIN = re.compile(r"\bexplain(?:s|ed|ing)?\s+(?:that|how)\b")
# Links a quote states in words the connective lists do not hold.
_REASON = re.compile(r"\b(?:which|that|this|it) (?:is|was) (?:also |precisely |exactly )?why\b"
                     r"|\b(?:the|one|another|a|main|key) reasons? (?:\w+ )?(?:is|was|are|were|for|why)\b"
                     r"|\bfor (?:this|that|these|those|the same) reasons?\b|\bdepend(?:s|ed|ing)? (?:up)?on\b"
                     r"|\bby [a-z]+ing\b|\bso that\b")
# A sentence that points back to the one before it as its cause or its effect.
_BACKWARD = re.compile(r"^(?:(?:and|but|so)\s+)?(?:the (?:main |other )?reason (?:is|was|for this)|this is because"
                       r"|that is because|this is why|that is why|which is why|as a result|as a consequence"
                       r"|therefore|thus|hence|consequently|for this reason|for that reason|so)\b")
# Where a fronted cause's clause ends: the next sentence-level punctuation.
_SEGMENT_END = re.compile(r"[;:]")


def claimed_terms(lowered: str) -> list[str]:
    """The causal terms a claim states, leaving out a reporting "explains that"."""
    return lex.causal_terms(_REPORTING_EXPLAIN.sub(" ", lowered))


def states_a_link(lowered: str) -> bool:
    """Whether a quote sentence links two things, in a connective or in a reason, dependence or means clause."""
    return lex.states_a_link(lowered) or bool(_REASON.search(lowered))


def points_back(lowered: str) -> bool:
    """Whether a sentence opens by linking itself to the one before it ("The reason is that …")."""
    return bool(_BACKWARD.search(lowered.lstrip(" \"'(")))


def fronted_sides(sentence: str, term: str) -> tuple[str, str] | None:
    """(cause, effect) of "Because A, B" when the term opens its clause ("…; because the first variable is
    invalidated, this is called a move" links the invalidation and the name), else None."""
    lowered = lang.plain(lang.unquoted(sentence))
    for segment in _SEGMENT_END.split(lowered):
        body = re.sub(r"^\s*(?:and|but|so|yet)?\s*", "", segment)
        if body.startswith(term + " ") and "," in body:
            cause, _, effect = body[len(term):].partition(",")
            return cause, effect
    return None


# "The book explains that …", "Kotani argues that …": who says it, not a side of the link.
_REPORTING_LEAD = re.compile(r"^.*?\bthat\s+")


def partition(part: str, term: str) -> tuple[str, str, str]:
    """(before, term, after) in a clause's plain text, the reporting lead left out of what comes before."""
    before, found, after = lang.plain(lang.unquoted(part)).partition(term)
    lead = _REPORTING_LEAD.match(before)
    if lead and lang.reports_a_view(lead.group(0)):
        before = before[lead.end():]
    return before, found, after
