"""Instructional texts: what a textbook, manual or tutorial says a system does or requires is its statement,
neither its author's opinion nor a forecast.

An analyst's "Japan must act" is a view to attribute, "China will invade" a forecast and "China can invade"
a possibility. A textbook speaks of how a thing works: its "data on the stack must have a known size" is a
requirement of the system, its "the program won't compile" or "Rust will never copy your data" what the
system does whenever the case arises, and its "you can take five actions" or "we can create pointers" what
the reader is able to do. Restating them plainly ("data on the stack has a fixed size", "the program does
not compile", "unsafe Rust allows five actions") reports the text faithfully.

A source is read as instructional when its text both addresses its reader ("you", "your") and points the
reader to its own parts ("Listing 4-2", "Chapter 16", "the next section", "as we discussed earlier"): the
way teaching material is written, and an essay, a speech or an analyst's report is not. A rule text (a
licence) is read as one already (content/deontic.py). Evaluations ("best", "important", "should") stay
views in any text; a plan stated in the future ("we plan to", "the team intends") stays a plan.

In any text, an evaluation of knowing a fact ("it is important to understand that unsafe code is still
checked") asserts the fact: restating the fact is no opinion stated as fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from briefwright.content import deontic
from briefwright.content import language as lang
from briefwright.content.alignment import LintContext, QuoteClause
from briefwright.sources.registry import SourceRegistry

_READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_OWN_PARTS = re.compile(
    r"\b(?:Listing|Figure|Example|Exercise|Chapter|Step|Table|Lesson)\s+\d"
    r"|\b(?:this|the next|the previous|the following|a later|an earlier|the last)\s+(?:chapter|section|lesson"
    r"|tutorial|guide|listing|exercise)\b"
    r"|\b(?:we|you)(?:'ll|’ll| will)?\s+(?:see|saw|discussed|mentioned|learned|covered|explored|talked about)"
    r"(?:\s+\w+)?\s+(?:previously|earlier|before|later|in chapter)\b", re.IGNORECASE)
_ENOUGH = 2  # occurrences of each: one stray "you" or "Figure 1" makes no textbook

# What an instructional text states with these is a requirement of the system it describes, not a view.
STATEMENT_TERMS = frozenset({"must", "need to", "needs to", "necessary"})

# "you can take", "we can create": the reader's ability, not a likelihood.
_PERSONAL_ABILITY = re.compile(r"\b(you|we)\s+(?:\w+ly\s+)?can\b(?!\s+not\b)")  # "could" stays: often hypothetical
# A fronted reason clause ("Because threads can run simultaneously, there is no guarantee …") does not hedge
# the main clause after it.
_FRONTED_REASON = re.compile(r"^(?:but\s+|and\s+|so\s+)?(?:because|since|as)\b[^,;:]*,")
# An evaluation of knowing a fact: the fact is asserted ("it is important to understand that …").
_FACTIVE_FRAME = re.compile(
    r"\b(?:it is|it was)\s+(?:\w+\s+)?(?:important|essential|crucial|vital|worth|useful|helpful|key)\s+"
    r"(?:for \w+ )?to\s+(?:understand|note|remember|know|realise|realize|recognise|recognize|keep in mind"
    r"|bear in mind|notice|see)\s+that\b")

# Knowing a fact, as the subject of what helps: the fact is asserted, the hedge is the helping's ("knowing
# that ownership manages heap data can help explain …" asserts that ownership manages heap data).
_FACTIVE_SUBJECT = re.compile(r"\b(?:knowing|understanding|remembering|realising|realizing|recognising|recognizing"
                              r"|noting)\s+that\s+(.*?)\s+(?:can|could|may|might|will|would)\s+(?:help|make|let"
                              r"|allow|explain|show|save|give)\b.*$")
# A hedge in a relative clause qualifies its noun ("a size that might change" is a changeable size), not the
# statement the noun is part of.
_RELATIVE_HEDGE = re.compile(r"\b(?:that|which|who)\s+(?:might|may|could|can)\s+(?:\w+ly\s+)?\w+")

# What a sentence sets aside, to the end of its clause.
_ALTERNATIVE = re.compile(r"\b(?:rather than|instead of)\b[^;:]*")


def is_instructional(text: str) -> bool:
    return len(_READER.findall(text)) >= _ENOUGH and len(_OWN_PARTS.findall(text)) >= _ENOUGH


def instructional_sources(sources: SourceRegistry, quotes: Iterable[tuple[str, str]],
                          rule_texts: frozenset[str]) -> frozenset[str]:
    """The sources whose text (with the project's quotes from it) reads as teaching material."""
    by_source: dict[str, list[str]] = {}
    for source, quote in quotes:
        by_source.setdefault(source, []).append(quote)
    found = set()
    for source_id, texts in by_source.items():
        text = sources[source_id].text if source_id in sources else ""
        if source_id not in rule_texts and is_instructional(" ".join([text, *texts])):
            found.add(source_id)
    return frozenset(found)


def describes(item: QuoteClause, context: LintContext) -> bool:
    """The passage states what a system does or what a text provides: its "will" forecasts nothing."""
    return item.source in context.instructional or deontic.provides(item, context)


def view_terms(item: QuoteClause, context: LintContext) -> list[str]:
    """The words that make a quote sentence a view: an instructional text's "must" states a requirement, an
    evaluation of knowing a fact asserts the fact, and the alternative set aside ("rather than allowing Rust to
    infer that it should borrow") is not what a clause restating the rest of the sentence says."""
    sentence = _FACTIVE_FRAME.sub(" ", lang.plain(item.sentence))
    alternative = _ALTERNATIVE.search(sentence)
    if alternative and lang.plain(item.text) not in alternative.group(0):
        sentence = sentence[: alternative.start()] + sentence[alternative.end():]
    terms = deontic.view_terms(replace(item, sentence=sentence), context)
    if item.source in context.instructional:
        return [term for term in terms if term not in STATEMENT_TERMS]
    return terms


def quote_certainty(item: QuoteClause, context: LintContext) -> lang.Certainty:
    """How sure a quote clause is: a fronted reason clause, a relative clause or the helping a known fact does
    hedges none of the rest; in an instructional text "you can" and "we can" say what the reader is able to do."""
    text, sentence = (_RELATIVE_HEDGE.sub(" ", _FACTIVE_SUBJECT.sub(r"\1", lang.plain(part)))
                      for part in (item.text, item.sentence))
    sentence = _FRONTED_REASON.sub(" ", sentence)
    if item.source in context.instructional:
        text = _PERSONAL_ABILITY.sub(r"\1", text)
        sentence = _PERSONAL_ABILITY.sub(r"\1", sentence)
    return deontic.quote_certainty(replace(item, text=text, sentence=sentence), context)


def states_plainly(items: list[QuoteClause], context: LintContext) -> bool:
    """The passages are an instructional text's, each stated unhedged."""
    return bool(items) and all(item.source in context.instructional and not quote_certainty(item, context).hedged
                               for item in items)
