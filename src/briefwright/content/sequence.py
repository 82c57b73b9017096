"""A sequence keeps the order of the passage it restates.

"First A, then B" restating "first B; and in the next place A" reverses what comes first. When a claim
sentence orders its clauses with forward sequence words (first, then, next, finally, later) and two of
its clauses restate two clauses of one quote sentence, they must come in the quote's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext, QuoteClause, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import REPORTING_FIELDS, cite, short

# Forward sequence words: the clause order is the order of events ("before"/"after" may invert it).
_SEQUENCE = re.compile(r"\b(?:first|firstly|(?:and\s+)?(?:only\s+)?then|next|in the next place|subsequently|finally"
                       r"|later|afterwards|secondly)\b")


def _position(clause: str, items: list[QuoteClause], context: LintContext) -> tuple[str, int] | None:
    """(quote sentence, clause index in it) of the one quote clause the claim clause shares most words with;
    None when none, or a tie, stands out."""
    words = lang.content_words(clause) - context.name_words
    scored = sorted(((len(words & lang.content_words(item.text)), index) for index, item in enumerate(items)),
                    reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    item = items[scored[0][1]]
    return item.sentence, [other.text for other in items if other.sentence == item.sentence].index(item.text)


def _steps(sentence: str) -> list[str]:
    """The steps a sentence orders: the text after each sequence word up to the next one; with a single
    sequence word ("A, and then B"), the clause before it as the first step."""
    lowered = lang.plain(sentence)
    marks = list(_SEQUENCE.finditer(lowered))
    if not marks:
        return []
    steps = [lowered[mark.end(): following.start() if following else len(lowered)]
             for mark, following in zip(marks, [*marks[1:], None], strict=True)]
    if len(marks) == 1:
        steps.insert(0, re.split(r"[,;:]", lowered[: marks[0].start()])[-1])
    return steps


def check_sequence(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if claim.field not in REPORTING_FIELDS or claim.analysis or not claim.quotes:
        return
    items = quote_clauses_of(claim, frozenset())
    for sentence in lang.sentences(claim.text):
        placed = [(step, where) for step in _steps(sentence) if (where := _position(step, items, context))]
        for (first, (quote, one)), (second, (other_quote, two)) in zip(placed, placed[1:], strict=False):
            if quote == other_quote and one > two:
                item = next(item for item in items if item.sentence == quote)
                yield Finding("claim-date", claim,
                              f"“{short(sentence)}” puts “{short(second.strip(), 40)}” after "
                              f"“{short(first.strip(), 40)}”, the reverse of the passage's order: {cite(item)}",
                              "keep the order the source gives")
                break
