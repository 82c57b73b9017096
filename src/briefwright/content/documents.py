"""Documents named: a claim that names one source's document for what another source says moves the attribution.

Author and publisher names are checked by the attribution rules (meaning.check_named_source); a source is as
often named by its title: "the Mozilla Public License", "the MPL", "the Apache License". A claim that says
"the MPL terminates the patent licences" while the passage it restates is the Apache License's puts one
document's provision in another's mouth. The names come from each source's title (its main part, before a
comma, parenthesis or "Version"), the initialisms of its capitalised words ("Mozilla Public License" → "MPL",
"GNU Lesser General Public License" → "LGPL"), and its first word when that is a proper name of two or more
words ("Apache License" → "Apache"), for titles that end in a document noun (license, act, treaty, address …).
Names are matched as written (case counts): "Apache" is a name, "apache"
need not be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext, Names, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import REPORTING_FIELDS, cite, short
from briefwright.sources.registry import SourceRegistry

_TITLE_END = re.compile(r"[,(:;]|\s(?:[Vv]ersion|[Vv]ol\.?|[Nn]o\.|[Ee]dition|\d)")


# What titles of documents that provide or declare end with ("Apache License", "Gettysburg Address"): an
# article's title ("Security between Japan and Taiwan") names a topic, not a document a claim would cite by name.
_DOCUMENT_NOUNS = frozenset("""
    license licence act agreement treaty convention constitution charter declaration code statute regulation
    directive bill protocol address accord covenant ordinance bylaw bylaws policy standard specification terms
""".split())


def title_names(title: str) -> set[str]:
    """The names a document's title gives it in prose: its main part, initialisms of its capitalised words
    ("MPL", "LGPL"), and the proper name of a two-word title ("Apache" of "Apache License"). None for a title
    that names no document (an article's)."""
    main = _TITLE_END.split(title, maxsplit=1)[0].strip()
    words = main.split()
    if len(words) < 2 or words[-1].lower() not in _DOCUMENT_NOUNS:
        return set()
    names = {main}
    capitalised = [word for word in words if word[:1].isupper() and word.lower() not in lang.STOPWORDS]
    for start in range(len(capitalised)):
        initials = "".join(word[0] for word in capitalised[start:])
        if len(initials) >= 3:
            names.add(initials)
    if len(words) == 2 and words[0] is capitalised[0] and len(words[0]) >= 4:
        names.add(words[0])
    return names


class DocumentNames(Names):
    """The names of the sources' documents, read from their titles (the Names search and segmentation)."""

    def __init__(self, sources: SourceRegistry) -> None:
        self.by_name = {}
        for source in sources:
            title = source.meta.title if isinstance(source.meta.title, str) else ""
            for name in title_names(title) if title.lower() != "unknown" else set():
                self.by_name.setdefault(name, set()).add(source.id)

    def named_in(self, text: str) -> dict[str, set[str]]:
        return {name: ids for name, ids in self.by_name.items()
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)}


def check_named_document(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A claim that names a source's document for a passage of another source."""
    if claim.field not in REPORTING_FIELDS and claim.field != "text":
        return
    names = DocumentNames(context.sources)
    items = quote_clauses_of(claim, context.common)
    if not items or not names.by_name:
        return
    for sentence in lang.sentences(claim.text):
        if not names.named_in(sentence):
            continue
        for name, sources, segment in names.segments(sentence):
            aligned = align(segment, items, context.common)
            if not aligned or any(item.source in sources for item in aligned):
                continue
            first = aligned[0]
            yield Finding("claim-attribution", claim,
                          f"names {name} for “{short(segment)}”, but the passage it restates is "
                          f"{first.source}'s: {cite(first)}",
                          f"name the document that says it ({first.source}), or quote {name}'s own passage")
