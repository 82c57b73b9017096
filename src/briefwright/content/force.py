"""Words of proof and insistence must be the quotes' own.

A claim that says its source "proves", "assures", "insists" or "demands", or that something holds
"beyond doubt" or "by far", reports more force than a source that hoped, asked, resolved or argued.
The ICD 203 scale reads the hedge of what is claimed; these words raise the force of the saying itself,
so they are licensed only by a quote that uses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import reporting, short

# Each family of words of proof or insistence; a quote licenses a family by using any word of it.
_FORCEFUL: tuple[re.Pattern[str], ...] = tuple(re.compile(rf"\b(?:{pattern})\b") for pattern in (
    r"(?:prove[sn]?|proved|proving)(?: to \w+)? (?:that|beyond|conclusively)|proof (?:that|of)",  # not "proved costly"
    r"demonstrates?|demonstrated|demonstrating",
    r"establish(?:es|ed|ing)? that",
    r"assures?|assured|assuring|assurances?",
    r"insists?|insisted|insisting|insistence",
    r"demands?|demanded|demanding",
    r"guarantees?|guaranteed|guaranteeing",
    r"beyond (?:any |all |a )?doubt|without (?:any |a )?doubt|undoubtedly|unquestionabl[ey]|indisputabl[ey]",
    r"conclusive(?:ly)?|definitive(?:ly)?|irrefutabl[ey]",
    r"by far",
))


def forceful_terms(text: str, licensed_by: str = "") -> list[str]:
    """The words of proof or insistence in the text that the licensing text does not use."""
    lowered, licensing = lang.plain(lang.unquoted(text)), lang.plain(licensed_by)
    return [match.group(0) for pattern in _FORCEFUL if (match := pattern.search(lowered))
            and not pattern.search(licensing)]


def check_force(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not (reporting(claim) or claim.judgment is not None) or claim.prescriptive or not claim.quotes:
        return
    quoted = " ".join(quote for _, quote in claim.quotes)
    for sentence in lang.sentences(claim.text):
        for words in forceful_terms(sentence, quoted):
            yield Finding("claim-certainty", claim,
                              f"“{short(sentence)}” says “{words}”, more force than any of its quotes has",
                              "report the source's own verb and degree of certainty ('hopes', 'asks', 'argues')")
