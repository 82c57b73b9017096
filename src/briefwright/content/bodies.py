"""Bodies named: a claim that names an organisation none of its evidence names brings in an actor of its own.

"Such terms must first be approved by the Apache Software Foundation": the sentence may share enough words
with a quote to align ("terms"), so the support rule accepts it, yet the body that acts in it comes from
nowhere. A body is a run of capitalised words ending in an organisation noun (Foundation, Institute,
Ministry, Court …); it is supported when the project's quotes, or a source's title, author or publisher,
name it. General English only: the organisation nouns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import acronyms
from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import SUPPORTED_FIELDS, short

_ORGANISATION = (r"Foundation|Institute|Institution|Agency|Commission|Council|Committee|Court|Ministry|Department"
                 r"|Office|Association|Society|Union|Organi[sz]ation|Corporation|Company|Bank|Board|Authority"
                 r"|University|Party|Trust|Fund|Bureau|Conservancy|Consortium")
_BODY = re.compile(rf"\b(?:[A-Z][\w'-]*\s+){{1,5}}(?:{_ORGANISATION})\b")


def bodies(text: str) -> list[str]:
    """The organisations a text names by a capitalised name ending in an organisation noun."""
    return [match.group(0) for match in _BODY.finditer(lang.unquoted(text))]


def _known(context: LintContext, claim: Claim) -> str:
    """Everything that may name a body: the claim's quotes, every quote the project verifies, and the sources'
    titles, authors and publishers (lower case)."""
    parts = [quote for _, quote in claim.quotes] + [context.quoted_text]
    for source in context.sources:
        meta = source.meta
        parts += [value for value in (meta.title, meta.publisher) if isinstance(value, str)]
        parts += [author.name for author in meta.authors] if isinstance(meta.authors, list) else []
    return lang.plain(" ".join(parts))


def _abbreviated(name: str, claim: Claim, context: LintContext) -> bool:
    """The quotes name the body by its acronym ("the EPA" for "the Environmental Protection Agency")."""
    quotes = " ".join([quote for _, quote in claim.quotes] + list(context.source_quotes.get(claim.cited[0], ()))
                      if claim.cited else [quote for _, quote in claim.quotes])
    words = lang.content_words(name)
    return bool(words) and words <= acronyms.named_alike(name, quotes)


def check_bodies(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """An organisation named in a reporting sentence that none of the evidence names."""
    if claim.field not in SUPPORTED_FIELDS or claim.analysis or claim.prescriptive or not claim.quotes:
        return
    named = bodies(claim.text)
    if not named:
        return
    known = _known(context, claim)
    for body in named:
        words = body.split()
        # "The Apache Software Foundation" at a sentence's start: its article is no part of the name.
        name = " ".join(words[1:]) if words[0].lower() in lang.STOPWORDS else body
        if lang.plain(name) not in known and not _abbreviated(name, claim, context):
            yield Finding("claim-unsupported", claim,
                          f"names {name}, which none of its quotes nor any source names: "
                          f"“{short(claim.text)}”",
                          "quote the passage that names it, or leave it out")
            return
