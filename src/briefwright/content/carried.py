"""When a clause that restates a conditional passage has kept its condition without repeating "if".

A field is read as a paragraph, and a point's detail as the sequel of its summary: once "If you sue over a
patent, your licence terminates" has stated the condition, "It terminates on the day the suit is filed"
elaborates the same conditional case and drops nothing. A condition is also kept when the sentence opens
with "Where …," (as "if" does), when the claim restates what the condition names ("licences granted
before a termination survive it" for "in the event of termination, licences … shall survive"), and it is
not dropped when the passage's only condition sits in a parenthesis that qualifies one of its phrases
("… under a Secondary License (if permitted under Section 3.3)").

What still counts as dropped: the first sentence that restates the passage without its condition, and a
later one when no earlier sentence of the field (or the summary) kept that passage's condition.
"""

from __future__ import annotations

import re

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.conditionality import restricting
from briefwright.content.generic import antecedent_words, generic_case

# "Where the work is combined …, the licence permits …": a sentence-opening "where" states a condition.
_WHERE = re.compile(r"^\s*(?:where|in cases? where|in any case where)\b[^,]+,")
_PARENTHESIS = re.compile(r"\([^()]*\)")
# A condition named, not asserted: its words stand after a marker of a circumstance ("survive a termination",
# "licences granted before a termination"), not as the clause's own statement ("God wills that the war
# continue" for "if God wills that it continue": the hypothesis asserted is the condition dropped).
_CIRCUMSTANCE = re.compile(r"\b(?:before|after|upon|on|once|when|whenever|following|in the event of|in case of"
                           r"|survives?|outlasts?)\b")
def opens_with_condition(sentence: str) -> bool:
    return bool(_WHERE.match(lang.plain(sentence)))


def kept(claim: Claim, sentence: str, clause: str, passage: QuoteClause, context: LintContext) -> bool:
    """Whether a clause restating a conditional passage keeps its condition other than by its own "if"."""
    outside = _PARENTHESIS.sub(" ", passage.sentence)
    if not lex.conditions(outside) and not restricting(outside):
        return True  # the condition qualifies a phrase in parentheses, not the provision
    if opens_with_condition(sentence) or _names_condition(clause, passage, context) \
            or generic_case(clause, passage.sentence, context.common):
        return True
    return any(_keeps_for(earlier, passage, claim, context) for earlier in _earlier(claim, sentence, context))


def _condition_words(passage: QuoteClause, context: LintContext) -> frozenset[str]:
    return antecedent_words(passage.sentence) - context.common - context.name_words


def _names_condition(clause: str, passage: QuoteClause, context: LintContext) -> bool:
    """The clause restates at least half of what the condition names ("before a termination … survive it")."""
    words = _condition_words(passage, context)
    circumstance = _CIRCUMSTANCE.search(lang.plain(clause))
    named = lang.content_words(lang.plain(clause)[circumstance.start():]) if circumstance else frozenset()
    return bool(words) and 2 * len(words & named) >= len(words)


def _earlier(claim: Claim, sentence: str, context: LintContext) -> list[str]:
    """The sentences a reader has just read: the summary before a point's detail, and the field's own
    sentences before this one."""
    before: list[str] = []
    if claim.field == "detail" and context.content is not None:
        point = context.content.points.get(claim.owner.removeprefix("point:"))
        before += lang.sentences(point.summary) if point is not None and point.summary else []
    own = lang.sentences(claim.text)
    return before + own[: own.index(sentence)] if sentence in own else before


def _keeps_for(earlier: str, passage: QuoteClause, claim: Claim, context: LintContext) -> bool:
    """An earlier sentence keeps the condition of the same passage sentence, which it restates."""
    if not (lex.conditions(earlier) or opens_with_condition(earlier) or _names_condition(earlier, passage, context)):
        return False
    items = quote_clauses_of(claim, context.common)
    return any(item.source == passage.source and item.sentence == passage.sentence
               for item in align(earlier, items, context.common))
