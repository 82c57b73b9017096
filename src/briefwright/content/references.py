"""Numbered references: a clause cites the section, article or chapter its passage cites.

The number rules leave numbered names aside ("Section 2.1", "Article 9", "No. 51" count nothing), so "the
rights granted under Section 3.1" for the passage's "under Section 2.1" went unseen. A clause's reference is
compared with the references of the same kind in the passage it restates: another number there, and not the
clause's, is a reference changed. General English only: the nouns that number parts of texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses, cite, reporting, short

_REFERENCE = re.compile(r"\b(section|article|chapter|paragraph|clause|part|schedule|annex|rule|regulation"
                        r"|appendix|title|volume|book)s?\s+(\d+(?:\.\d+)*[a-z]?(?:\(\w+\))*)")


def references(text: str) -> set[tuple[str, str]]:
    """(kind, number) of every numbered reference in the text ("Section 2.1" → ("section", "2.1"))."""
    return {(match.group(1), match.group(2)) for match in _REFERENCE.finditer(lang.plain(text))}


def check_references(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause whose section, article or chapter is not the one the passage it restates cites."""
    if not reporting(claim):
        return
    for _, clause, aligned in aligned_clauses(claim, context):
        for kind, number in sorted(references(clause)):
            for item in aligned:
                cited = {other for other_kind, other in references(item.sentence) if other_kind == kind}
                if cited and number not in cited:
                    yield Finding("claim-number", claim,
                                  f"“{short(clause)}” cites {kind} {number}, but the passage it restates cites "
                                  f"{kind} {', '.join(sorted(cited))}: {cite(item)}",
                                  "cite the section the passage itself names")
                    return
