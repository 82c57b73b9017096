"""Whoever a claim has speak must be the cited source or someone its quotes name.

"X says …", "X, the day's main orator, tells …", "according to X", "Y quotes X as saying …": a proper
name that a claim makes the speaker of a passage is either a name of a cited source (its author or
publisher) or a name the quotes themselves give (a source reporting what someone said). Any other name
moves the passage to a speaker who is not in the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import REPORTING_FIELDS, short

_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*"
_VERBS = "|".join(sorted(lang.REPORTING_VERBS | {"tells", "told", "quotes", "quoted", "declares", "declared"},
                         key=len, reverse=True))
# The name, an optional reflexive or apposition ("X itself", "X, the day's main orator,"), the verb; "quotes X
# as"; "according to X".
_SPEAKER_PATTERNS = (
    re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<name>{_NAME})(?:\s+(?:itself|himself|herself|themselves))?"
               rf"(?:,[^,.;]{{1,60}},)?\s+(?:{_VERBS})\b(?!\s+of\b)"),
    re.compile(rf"\bquot(?:es|ed|ing)\s+(?P<name>{_NAME})\s+as\b"),
    re.compile(rf"\b[Aa]ccording to\s+(?P<name>{_NAME})"),
)
# Capitalised words that open a sentence or name no one.
_NOT_NAMES = frozenset("""
    the a an he she it they we i you this that these those his her its their our in on at for as but and or
    yet so then also both each every all some one who which what when where while if although though
    """.split())


def speakers(sentence: str, common: Callable[[str], bool]) -> list[str]:
    """The proper names the sentence makes speak; common(word) tells a common noun that opens the sentence
    ("Study urges …") from a name."""
    found = []
    for pattern in _SPEAKER_PATTERNS:
        for match in pattern.finditer(sentence):
            words = [word for word in match.group("name").split() if word.lower().strip(".") not in _NOT_NAMES]
            if not words or not all(word[:1].isupper() for word in words) or _demonym(words[-1]):
                continue  # "Taiwanese hopes of …": a people's adjective before a noun names no speaker
            if len(words) == 1 and sentence.startswith(words[0]) and common(words[0]):
                continue
            found.append(" ".join(words))
    return found


def _common_word(word: str, vocabulary: frozenset[str]) -> bool:
    """A word the quotes of the project use in lower case too ("study"), or a stopword."""
    stems = lang.content_words(word.lower())
    return not stems or all(lex.word_in(stem, vocabulary) for stem in stems)


def _demonym(word: str) -> bool:
    lowered = word.lower()
    return lowered in lang.DEMONYMS or lowered.endswith(("ese", "ish", "ian", "ean"))


def _initials(quoted: str) -> set[str]:
    """The initials of each run of capitalised words in the quotes ("People's Liberation Army" → PLA)."""
    runs = re.findall(r"(?:[A-Z][\w'’-]*(?:\s+(?:of|the|and|for)\s+|\s+))+[A-Z][\w'’-]*", quoted)
    return {"".join(word[0] for word in run.split() if word[:1].isupper()) for run in runs}


def _known(name: str, context: LintContext, quoted: str) -> bool:
    """A name of a source, or a name (or the initials of one) that the quotes give."""
    known_words = {word.lower() for known in context.names.by_name for word in known.split()}
    words = [word.removesuffix("'s").removesuffix("’s") for word in name.split()]
    if len(words) == 1 and words[0].isupper() and words[0] in _initials(quoted):
        return True
    return any(word.lower() in known_words or re.search(rf"\b{re.escape(word)}", quoted) for word in words)


def check_speakers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if claim.field not in REPORTING_FIELDS or claim.analysis or not claim.quotes:
        return
    quoted = " ".join(quote for _, quote in claim.quotes)
    for sentence in lang.sentences(claim.text):
        for name in speakers(lang.unquoted(sentence), lambda word: _common_word(word, context.vocabulary)):
            if not _known(name, context, quoted):
                yield Finding("claim-attribution", claim,
                              f"“{short(sentence)}” has {name} say it, but {name} is no cited source and none of "
                              "its quotes names them",
                              "name the source the quote comes from, or quote the passage that names the speaker")
