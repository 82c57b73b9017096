"""Whose authors "the authors" names.

"The authors argue …" in a sentence citing three of five articles claims more than it cites: it reads as
every source's authors. Citing a single text that is not one named person's, it names that text's own
authors (a book's, a report's, a chapter's whose authors the text does not state) and claims nothing
about the other sources.
"""

from __future__ import annotations

import re

from briefwright.sources.registry import SourceRegistry

_OWN_AUTHORS = re.compile(r"^the\s+(?:authors|writers)$")
# Agreement is among several: "the authors agree" speaks of more than one text's authors.
_AGREE = re.compile(r"\b(?:authors|writers)\s+(?:all\s+)?(?:agree|concur)")


def names_its_own_authors(phrase: str, text: str, cited: set[str], sources: SourceRegistry) -> bool:
    """Whether a plural "the authors" in a text citing these sources names the one cited text's authors."""
    if not _OWN_AUTHORS.match(phrase) or len(cited) != 1 or _AGREE.search(text):
        return False
    (source_id,) = cited
    authors = sources[source_id].meta.authors if source_id in sources else "unknown"
    return not isinstance(authors, list) or len(authors) != 1
