"""Scope by what a quantifier quantifies: "every X" is only as wide as a quote's "all/each/every X".

The scope-word rule asks whether a quote uses the claim's scope word at all; this one asks of what. A
universal quantifier ("every", "all", "each", "any") over a noun phrase that no quote quantifies so
widens the claim ("every public institution" where the quote says "each department"), and a partial one
("some", "a few") over a noun phrase a quote quantifies universally narrows it ("some of the departments"
for "each department"). Phrases that stretch a statement to every case ("at all", "however it began",
"regardless of", "that has ever existed") widen it unless a quote stretches it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import reporting
from briefwright.content.quantified import ONLY_OF

_UNIVERSAL = frozenset({"all", "every", "each", "any", "whole", "entire"})
_PARTIAL = frozenset({"some", "a few", "few", "several", "a number of", "part of", "certain", "if any"})
_QUANTIFIER = re.compile(r"\b(all|every|each|any|whole|entire|some|a few|few|several|a number of|part of|certain)"
                         r"\s+(?:of\s+)?(?:(?:the|these|those|its|their|his|her|our|this|that)\s+)?"
                         r"((?:[a-z][a-z'-]*\s*){1,3})")
# Where a noun phrase ends: punctuation, a relative word, a preposition, a verb of being or a modal.
_PHRASE_END = re.compile(r"\b(?:that|which|who|whom|whose|where|when|of|in|on|at|to|for|from|with|by|and|or|but"
                         r"|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should"
                         r"|shall|do|does|did|not|so|as|than|the|an?|its|their|his|her|our)\b")
# A denial or a question before "any" ("without any", "whether any") asks of no wider set.
_NEGATED_ANY = re.compile(r"\b(?:not|no|never|without|nor|hardly|n't|if|whether|than|lacks?|lacked|lacking|denie[sd]"
                          r"|deny|refused?|before)\b(?:\W+\w+){0,3}\W+$")
_IDIOMS = re.compile(r"\b(?:in any case|in any event|at any rate|any longer|any more|any time|at all costs"
                     r"|at any (?:one|given) (?:time|moment)"
                     r"|all but|all along|all the more|above all|after all|once and for all|for good and all)\b")
# "if any of X", "whether any X": one member is enough, a partial quantifier over X.
_CONDITIONAL_ANY = re.compile(r"\b(?:if|whether)\s+(?:\w+\s+)?$")
_STRETCHING = re.compile(r"\bany\b[^,.;:]{0,40}\bat all\b|\bhowever (?:it|they|he|she|this|that)\b"
                         r"|\bregardless of\b|\birrespective of\b|\bwhatever (?:its|their|the)\b"
                         r"|\b(?:that|which|who) (?:has|have|had) ever\b|\bof (?:any|every) kind\b"
                         r"|\bin any (?:form|way|shape)\b|\bwithout exception\b")


@dataclass(frozen=True)
class Quantified:
    quantifier: str
    phrase: str
    words: frozenset[str]


def quantified(text: str) -> list[Quantified]:
    """Each quantifier of the text and the content words of the noun phrase it governs."""
    lowered = _IDIOMS.sub(" ", lang.plain(lang.unquoted(text)))
    found = []
    for match in _QUANTIFIER.finditer(lowered):
        quantifier = match.group(1)
        if quantifier == "any" and _NEGATED_ANY.search(lowered[: match.start()]):
            if not _CONDITIONAL_ANY.search(lowered[: match.start()]):
                continue
            quantifier = "if any"
        found.append(_governed(quantifier, match.group(2)))
    return found + [_governed("all", match.group(1)) for match in ONLY_OF.finditer(lowered)]


def _governed(quantifier: str, following: str) -> Quantified:
    """The quantifier with the noun phrase it governs: the words before the phrase's end."""
    phrase = re.split(r"[,;:.()]", following)[0]
    end = _PHRASE_END.search(phrase)
    phrase = (phrase[: end.start()] if end else phrase).strip()
    return Quantified(quantifier, phrase, lang.content_words(phrase))


def _same_thing(one: Quantified, other: Quantified) -> bool:
    return any(lex.word_in(word, other.words) for word in one.words)


def check_breadth(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not reporting(claim) and claim.field != "text" or not claim.quotes or claim.analysis:
        return
    quotes = " ".join(quote for _, quote in claim.quotes)
    in_quotes = quantified(quotes)
    quoted = lang.content_words(quotes)
    text = lex.without_source_counts(lang.plain(lang.unquoted(claim.text)))
    # An intro or a judgment sums up across passages in its own words ("each part" for "each department").
    for item in quantified(text) if reporting(claim) else []:
        if not item.words or item.words <= context.name_words:
            continue
        finding = _widened(item, in_quotes, quoted) or _narrowed(item, in_quotes)
        if finding:
            yield Finding("claim-scope", claim, finding,
                          "keep the quantifier and the noun the source uses ('each department', 'all the "
                          "offices'), or quote a passage that says it")
    if (match := _STRETCHING.search(text)) and not _STRETCHING.search(lang.plain(quotes)):
        yield Finding("claim-scope", claim, f"says “{match.group(0)}”, which stretches it to every case; none of "
                      "its quotes does", "keep the source's own scope, or quote a passage that says it")


def _widened(item: Quantified, in_quotes: list[Quantified], quoted: frozenset[str]) -> str:
    """"every X" where no quote quantifies X universally, though a quote quantifies something universally (with
    no such word in the quotes the scope-word rule answers, but not of "any", which it does not know)."""
    if item.quantifier not in _UNIVERSAL:
        return ""
    universal = [other for other in in_quotes if other.quantifier in _UNIVERSAL]
    if any(_same_thing(item, other) for other in universal):
        return ""
    if not universal and not (item.quantifier == "any" and not any(lex.word_in(w, quoted) for w in item.words)):
        return ""  # "any" over a class no quote names at all widens; "the hub of any US intervention" does not
    said = ", ".join(f"“{other.quantifier} {other.phrase}”".replace(" ”", "”") for other in universal[:3])
    return (f"says “{item.quantifier} {item.phrase}”, but no quote says that of {item.phrase}"
            f"{f' (they say {said})' if said else ''}")


def _narrowed(item: Quantified, in_quotes: list[Quantified]) -> str:
    """"some X" where a quote says "all/each X" and none "some X"."""
    if item.quantifier not in _PARTIAL:
        return ""
    same = [other for other in in_quotes if _same_thing(item, other)]
    universal = [other for other in same if other.quantifier in _UNIVERSAL]
    if not universal or any(other.quantifier in _PARTIAL for other in same):
        return ""
    return (f"says “{item.quantifier} {item.phrase}”, but its quote says “{universal[0].quantifier} "
            f"{universal[0].phrase}”")
