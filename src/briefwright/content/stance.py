"""A passage that voices its author's own view, restated as the brief's plain fact.

Besides evaluative and prescriptive words (faithfulness.py reads those), the form of a passage can mark
it as a view: a rhetorical question ("what is X but Y?" asserts Y only as its author's reading) and a
first-person verb of perceiving or judging ("we see it displayed in …", "I believe …"). A clause that
restates such a passage without naming whose view it is states the view as fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext, QuoteClause
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses, best, cite, short

_FIRST_PERSON_VIEW = re.compile(r"\b(?:i|we)\s+(?:\w+ly\s+)?(?:see|saw|think|believe|find|found|hold|consider|judge"
                                r"|feel|regard|suspect|know|trust|conclude)\b|\bin (?:my|our) (?:view|opinion|judgment"
                                r"|judgement)\b|\bit seems to (?:me|us)\b")


def voiced_view(sentence: str) -> str:
    """What marks the quote sentence as its author's view ("a rhetorical question", "we see"); empty if
    nothing does."""
    if sentence.rstrip(" \"'”’)").endswith("?"):
        return "a rhetorical question"
    match = _FIRST_PERSON_VIEW.search(lang.plain(sentence))
    return match.group(0) if match else ""


def check_stance(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if claim.judgment is not None or claim.analysis or claim.prescriptive or claim.field == "conflicts":
        return
    for sentence, clause, aligned in aligned_clauses(claim, context):
        if sentence.rstrip().endswith("?") or lang.reports_a_view(sentence) or context.names.named_in(sentence):
            continue  # asked, attributed, or a named source's
        voiced = [(item, view) for item in best(clause, aligned, context) if (view := voiced_view(item.sentence))]
        if voiced:
            item, view = voiced[0]
            yield _finding(claim, clause, item, view)


def _finding(claim: Claim, clause: str, item: QuoteClause, view: str) -> Finding:
    return Finding("claim-opinion", claim,
                   f"“{short(clause)}” states as fact what its passage gives as its author's view ({view}): "
                   f"{cite(item)}",
                   "attribute it to its author (“… argues …”), or mark it as the author's own analysis")
