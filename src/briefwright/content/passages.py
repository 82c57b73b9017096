"""What the meaning rules share: which fields report evidence, and which quote clauses a clause restates."""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim

# Fields that restate evidence: judgments and intros synthesise across points and are checked by
# the judgment rules; dates and figures are checked by the number rule.
REPORTING_FIELDS = ("headline", "summary", "detail", "label", "conflicts")
# Headlines and labels compress the summary they head, which is checked word by word.
SUPPORTED_FIELDS = ("summary", "detail", "conflicts")


def short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def cite(item: QuoteClause) -> str:
    return f"“{short(item.sentence)}” [{item.source}]"


def reporting(claim: Claim) -> bool:
    return claim.field in REPORTING_FIELDS and not claim.analysis


def aligned_clauses(claim: Claim, context: LintContext) -> Iterator[tuple[str, str, list[QuoteClause]]]:
    """(sentence, clause, the quote clauses it restates) for every clause that restates one."""
    items = quote_clauses_of(claim, context.common)
    if not items:
        return
    for sentence in lang.sentences(claim.text):
        for clause in lang.clauses(sentence):
            aligned = align(clause, items, context.common)
            if aligned:
                yield sentence, clause, aligned


def best(clause: str, aligned: list[QuoteClause], context: LintContext) -> list[QuoteClause]:
    words = lang.content_words(clause) - context.common
    top = max(len(words & item.words) for item in aligned)
    return [item for item in aligned if len(words & item.words) == top]


