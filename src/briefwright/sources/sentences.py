"""Where a sentence of a source ends, and where its lines start: one rule for the quote tools
(`quote find`, `quote add`) and the faithfulness check's sentence splitting."""

from __future__ import annotations

import re

# A full stop that ends an abbreviation or an initial ("Jan. 7", "U.S. forces", "Mr. Abe",
# "A. Writer", "No. 51") ends no sentence.
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|vs|Gen|Col|Lt|Gov|Sen|Rep|Jr|Sr|Prof"
                          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_NEWLINE = re.compile("\n")


def one_line(text: str) -> str:
    """A passage that runs over line breaks, each break (and the spaces around it) one space: quote
    verification reads any run of spaces as one, so the passage still verifies."""
    return _LINE_BREAK.sub(" ", text)


def line_starts(text: str) -> list[int]:
    """The offset each line of text starts at (the first is 0)."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]
