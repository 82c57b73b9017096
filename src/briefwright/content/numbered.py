"""Numbered names: "Chapter 16", "Section 3.1", "Article 9", "No. 51" name a part of a text, so the count rule
leaves them out; but the number still says which part. A numbered name a claim gives is one its evidence
gives: a quote the claim cites, another quote of a cited source, or a cited source's title. "Chapter 15"
where the quotes say "Chapter 16" points the reader to another part."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim

_NUMBERED = re.compile(r"\b(?P<kind>article|section|chapter|paragraph|clause|volume|part|listing|figure|table"
                       r"|appendix|no)\.?\s*(?P<number>\d+(?:[.-]\d+)*)\b")


def _numbered(text: str) -> set[tuple[str, str]]:
    return {(match.group("kind"), match.group("number")) for match in _NUMBERED.finditer(lang.plain(text))}


def check_numbered_names(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A numbered part of a text that none of the claim's evidence numbers so."""
    stated = _numbered(claim.text)
    if not stated or not claim.quotes:
        return
    evidence = [quote for _, quote in claim.quotes]
    evidence += [quote for source in claim.cited for quote in context.source_quotes.get(source, ())]
    evidence += [str(context.sources[source].meta.title) for source in claim.cited if source in context.sources]
    given = _numbered(" ".join(evidence))
    missing = sorted(f"{kind} {number}" for kind, number in stated - given)
    if missing:
        yield Finding("claim-number", claim,
                      f"names {', '.join(missing)}, which none of its quotes or sources' titles do",
                      "quote the passage that numbers it, or leave the number out")
