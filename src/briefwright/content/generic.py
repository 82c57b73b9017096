"""A generic statement keeps the condition it generalises.

"If we forget, we'll waste memory" is restated by "forgetting wastes memory", and "If any of the rules are
violated, the program won't compile" by "a program that breaks the rules will not compile": the case the
condition supposes has become the sentence's generic subject, a bare gerund or an indefinite noun phrase
("a", "an", "any", "every"), and the consequence follows it. A definite subject ("the storm damaging the
pier stops the ferry") speaks of a particular case, which asserts what the passage only supposed, and a
clause that states the condition's words with no consequence after them asserts the hypothesis.
"""

from __future__ import annotations

import re

from briefwright.content import language as lang
from briefwright.content import lexicon as lex

# Words that name where a condition sits in its text or how it is phrased, not what it is about.
_FRAME = lang.content_words("event case cases section sections article clause paragraph above below under "
                            "herein hereunder provided following")
# A generic subject: a bare gerund or an indefinite noun phrase, after an optional frame of report ("X notes that").
# A conjunction that joins the clause to the one before it ("…, and a reference used in unsafe code is
# still checked") is no part of the subject.
_GENERIC_SUBJECT = re.compile(r"^(?:(?:and|but|or|so|while|yet)\s+)?"
                              r"(?:[\w' ]{0,40}?\b(?:says?|notes?|explains?|writes?|adds?|warns?)(?: that)? )?"
                              r"(?:(?:a|an|any|every|each)\s+\w|(?!(?:during|according|being|nothing|something)\b)"
                              r"[a-z]+ing\b)")


def antecedent_words(sentence: str) -> frozenset[str]:
    """The words of what a sentence makes its statement depend on: each condition from its marker to the end
    of its clause ("if necessary", not "respond to such provocation")."""
    antecedents = []
    for part in lang.clauses(sentence):
        lowered = lang.plain(part)
        markers = [lowered.find(marker) for marker in lex.conditions(part) if marker in lowered]
        if markers:
            antecedents.append(lowered[min(markers):])
    return lang.content_words(" ".join(antecedents)) - _FRAME


def generic_case(clause: str, passage_sentence: str, common: frozenset[str]) -> bool:
    """The clause generalises the passage's conditional case: its generic subject names at least half of what
    the condition supposes, and words of the consequence follow it."""
    lowered = lang.plain(clause).strip()
    if not _GENERIC_SUBJECT.match(lowered):
        return False
    supposed = antecedent_words(passage_sentence) - common
    consequence = lang.content_words(passage_sentence) - antecedent_words(passage_sentence) - common
    if not supposed or not consequence:
        return False
    words = lowered.split()
    positions = [index for index, word in enumerate(words) if lang.content_words(word) & supposed]
    if 2 * len({w for word in words for w in lang.content_words(word)} & supposed) < len(supposed) or not positions:
        return False
    return any(lang.content_words(word) & consequence for word in words[positions[0] + 1:])
