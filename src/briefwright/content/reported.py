"""Reported speech: what a "would" after a verb of saying reports."""

from __future__ import annotations

import re

# "said it would not raise charges" reports "will not raise charges": the backshift of reported speech,
# not a hedge.
_BACKSHIFTED = re.compile(r"\b((?:said|told \w+|announced|stated|promised|pledged|vowed|confirmed|insisted|declared)"
                          r"(?: that)? (?:it|he|she|they|we|the \w+)) would\b")


def unshifted(text: str) -> str:
    """The text with each backshifted "would" of reported speech read as the "will" it reports."""
    return _BACKSHIFTED.sub(r"\1 will", text)
