"""Contractions written out, so that every rule reads "can't", "cannot" and "can not" alike.

A claim restates a quote in its own register: a book's "won't compile" becomes "will not compile", a
writer's "doesn't" the analyst's "does not". The rules compare words and hedges, so a contraction must
meet its full form: "can't" and "can not" are "cannot", "won't" is "will not", "shan't" "shall not",
any other "n't" is "not", "'ll" is "will", "'re" "are", "'ve" "have", "I'm" "I am", and the "'s" of
a pronoun ("it's", "there's") "is", or "has" before "been" ("let's" is "let us"). "'d" (had or would) and a noun's
"'s" (possessive or "is") are left as they are: which one is meant cannot be told from the word.
"""

from __future__ import annotations

import re

_IRREGULAR = {"can't": "cannot", "cannot": "cannot", "can not": "cannot", "won't": "will not",
              "shan't": "shall not", "ain't": "is not", "let's": "let us", "i'm": "i am"}
_IRREGULAR_PATTERN = re.compile(r"\b(?:can't|can not|won't|shan't|ain't|let's|i'm)(?![\w'])")
_NOT = re.compile(r"\b([a-z]+)n't\b")
_PRONOUN_HAS = re.compile(r"\b(it|that|there|here|what|who|where|he|she|this)'s been\b")
_PRONOUN_IS = re.compile(r"\b(it|that|there|here|what|who|where|he|she|this)'s\b")
_SUFFIXES = re.compile(r"\b([a-z]+)'(ll|re|ve)\b")
_SUFFIX_WORDS = {"ll": "will", "re": "are", "ve": "have"}


def expanded(lowered: str) -> str:
    """A lower-case text (straight apostrophes) with its contractions written out."""
    if "'" not in lowered and "can not" not in lowered:
        return lowered  # most text has none: no regex work
    text = _IRREGULAR_PATTERN.sub(lambda match: _IRREGULAR[match.group(0)], lowered)
    text = _NOT.sub(r"\1 not", text)
    text = _PRONOUN_HAS.sub(r"\1 has been", text)  # "it's been" is "it has been"
    text = _PRONOUN_IS.sub(r"\1 is", text)
    return _SUFFIXES.sub(lambda match: f"{match.group(1)} {_SUFFIX_WORDS[match.group(2)]}", text)
