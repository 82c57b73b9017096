"""British and American spellings of one word meet in one stem ("recognised" ~ "recognized", "favour" ~
"favor", "analyse" ~ "analyze"), so that a paraphrase in one spelling aligns to a quote
in the other. Only word endings that differ between the two standards are rewritten; both sides of every
comparison pass through here, so a rewrite that is not a real variant ("citizen") changes nothing.
"defence"/"defense" is left apart: "-ence" → "-ense" would also fold every "presence" and "evidence" into a
new stem, and two words shared by chance are enough to align a clause (word_in still matches the variants).
"""

from __future__ import annotations

import re

# Stem endings (after the lemmatiser and the suffix rules of language._stem) → the one form kept.
_VARIANT_ENDINGS = re.compile(r"(?<=[a-z]{3})(?:iz(?=at$|$)|yz$|our$)")
_KEPT = {"iz": "is", "yz": "ys", "our": "or"}


def one_spelling(stem: str) -> str:
    """The stem with a British or American ending written one way: "recogniz" → "recognis", "favour" → "favor",
    "organizat" → "organisat"."""
    return _VARIANT_ENDINGS.sub(lambda match: _KEPT[match.group(0)], stem)
