"""Quantified sets: a claim clause quantifies the set its passage quantifies, no wider and no narrower.

A quantifier and the noun phrase it governs name a set: "every patent claim", "any part of the Library",
"some contributors", "the entire risk". Compared with the quantified phrases of the quote sentence a clause
restates, a claim may

- widen it: a universal ("all", "every", "any", "each", "entire", "whole") over a noun the passage names
  without one ("every right" for "the rights granted … under Section 2.1"), over a noun put in place of the
  passage's own universal set ("any software" for "any Derivative Works"), or over the passage's universal
  set with a restricting modifier dropped ("all licence agreements" for "all end user license agreements");
- narrow it: a partial quantifier ("some", "a few", "several", "most", "part of") over a set the passage
  quantifies universally ("some contributors grant" for "each Contributor grants").

General English only: the quantifiers are closed-class words; the nouns are whatever the passage says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import cite, reporting, short

UNIVERSAL = "universal"
PARTIAL = "partial"
_UNIVERSAL_WORDS = r"all|every|each|any|entire|whole"
_PARTIAL_WORDS = r"some|several|a few|few|many|most|certain|a number of|part of|a portion of|a minority of"
# A quantifier, the determiners it may take ("any and all", "all of the", "part of its"), then the words of
# the phrase it governs up to the first function word.
_QUANTIFIED = re.compile(
    rf"\b(?P<q>{_UNIVERSAL_WORDS}|{_PARTIAL_WORDS})\b(?:\s+and\s+(?:all|every|each|any))?"
    r"(?:\s+(?:of|the|its|their|your|his|her|our|such|these|those|this|that))*"
    r"\s+(?=(?P<phrase>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,3}))")  # looked ahead: "each tenant pays part of …"
_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ing|ed)")
# "any" after a denial quantifies nothing universally: "no grants from any contributor" is "no contributor's".
_NEGATIVE_ANY = re.compile(r"\b(?:no|not|never|nor|without|none|neither|cannot|n't)\b(?:\s+[^\s,;:.]+){0,6}?\s+any\b")
# Where a quantifier quantifies nothing ("at all", "all but", "any longer", "if any", "in any case").
_IDIOMS = re.compile(r"\b(?:all|any|each|every) (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
                     r"|\bat all\b|\ball but\b|\bany longer\b|\bif any\b|\bin any (?:case|event|way)\b"
                     r"|\ball the more\b|\bmost (?:\w+est|important|likely)\b|\beach other\b|\bfew if any\b")


# "only contain X", "consist only of X": every member is X, a universal over X.
ONLY_OF = re.compile(r"\b(?:only\s+(?:contains?|contained|consists?\s+of|includes?|included|holds?|held)"
                     r"|(?:contains?|consists?\s+of|includes?|holds?)\s+only|nothing\s+but)"
                     r"\s+(?:(?:the|these|those|its|their)\s+)?((?:[a-z][a-z'-]*\s*){1,3})")
# "one operating system thread per one language thread": a distributive over each language thread.
_PER = re.compile(r"\bper\s+(?:one\s+|each\s+|every\s+)?((?:[a-z][a-z'-]*\s*){1,2})")


@dataclass(frozen=True)
class Quantified:
    quantifier: str
    kind: str  # UNIVERSAL or PARTIAL
    words: frozenset[str]  # the content words of the phrase it governs
    text: str
    modifiers: tuple[frozenset[str], ...] = ()  # the content words of each word of the phrase, in order

    def shares(self, other: Quantified) -> bool:
        return any(lex.word_in(word, other.words) for word in self.words)


def quantified_phrases(text: str) -> list[Quantified]:
    """Each quantifier of the text with the content words of the phrase it governs (which ends at the first
    function word: "any part of the Library" governs "part")."""
    lowered = _IDIOMS.sub(" ", lang.plain(text))
    lowered = _NEGATIVE_ANY.sub(lambda match: match.group(0)[:-3] + "   ", lowered)
    found = []
    for match in _QUANTIFIED.finditer(lowered):
        head: list[str] = []
        for word in match.group("phrase").split():
            if word in lang.STOPWORDS or (head and _PARTICIPLE.fullmatch(word)):
                break  # "any guest staying overnight" quantifies guests
            head.append(word)
        words = lang.content_words(" ".join(head))
        if words:
            quantifier = match.group("q")
            kind = UNIVERSAL if re.fullmatch(_UNIVERSAL_WORDS, quantifier) else PARTIAL
            found.append(Quantified(quantifier, kind, words, f"{quantifier} {' '.join(head)}",
                                    tuple(lang.content_words(word) for word in head)))
    return found + _universal_without_quantifier(lowered)


def _universal_without_quantifier(lowered: str) -> list[Quantified]:
    """"if they only contain types that …": all their types are such; "per language thread": each one."""
    found = []
    for pattern, head_words in ((ONLY_OF, 1), (_PER, 2)):
        for match in pattern.finditer(lowered):
            head = [word for word in match.group(1).split() if word not in lang.STOPWORDS][:head_words]
            if head and (words := lang.content_words(" ".join(head))):
                found.append(Quantified(match.group(0).split()[0], UNIVERSAL, words, match.group(0).strip(),
                                        tuple(lang.content_words(word) for word in head)))
    return found


def set_change(clause: str, passages: list[str], skipped: frozenset[str] = frozenset()) -> str | None:
    """How one of the clause's quantified sets differs from every passage it restates ("widens …", "narrows
    …"), or None when each is the set some passage names (quantifiers in skipped are not looked at)."""
    clause_words = lang.content_words(clause)
    for phrase in quantified_phrases(lang.unquoted(clause)):
        if phrase.quantifier in skipped:
            continue
        # Only passages that name the set's noun, or quantify a set of their own, have a say.
        relevant = [passage for passage in passages if _speaks_of(phrase, passage)]
        changes = [phrase_change(phrase, passage, clause_words) for passage in relevant]
        if changes and all(changes):
            return changes[0]
    return None


def _speaks_of(phrase: Quantified, passage: str) -> bool:
    words = lang.content_words(passage)
    return any(lex.word_in(word, words) for word in phrase.words) or any(
        item.kind == UNIVERSAL for item in quantified_phrases(passage))


def phrase_change(phrase: Quantified, passage: str, clause_words: frozenset[str]) -> str | None:
    quoted = quantified_phrases(passage)
    same = [item for item in quoted if item.shares(phrase)]
    universal = [item for item in same if item.kind == UNIVERSAL]
    if phrase.kind == PARTIAL:
        narrowed = universal and not any(item.kind == PARTIAL for item in same)
        return f"narrows “{universal[0].text}” to “{phrase.text}”" if narrowed else None
    if universal:
        return f"widens “{universal[0].text}” to “{phrase.text}”" if _drops_modifier(
            phrase, universal[0], clause_words) else None
    if same:
        return None  # a partial set of the passage's ("most of its terms"): the scope rule's finding
    return _universal_added(phrase, passage, quoted, clause_words)


def _universal_added(phrase: Quantified, passage: str, quoted: list[Quantified], clause_words: frozenset[str]
                     ) -> str | None:
    """A universal over a noun the passage names unquantified, or over a noun put in place of the passage's own
    universal set."""
    if any(lex.word_in(word, lang.content_words(passage)) for word in phrase.words):
        if phrase.quantifier == "any" and lex.conditions(passage):
            return None  # "the hub of any intervention" for "if the United States decided to intervene"
        return f"says “{phrase.text}” where the passage quantifies no such set"
    replaced = [item for item in quoted if item.kind == UNIVERSAL
                and not any(lex.word_in(word, clause_words) for word in item.words)]
    return f"says “{phrase.text}” where the passage says “{replaced[0].text}”" if replaced else None


def _drops_modifier(phrase: Quantified, quoted: Quantified, clause_words: frozenset[str]) -> bool:
    """The claim's set is the passage's without a word that restricts it before its noun ("all licence
    agreements" for "all end user license agreements"; not "any risks" for "any risks associated")."""
    if not all(lex.word_in(word, quoted.words) for word in phrase.words):
        return False
    for words in quoted.modifiers:
        if any(lex.word_in(word, phrase.words) for word in words):
            return False  # reached the claim's own words: what follows them does not restrict ahead of the noun
        if words and not any(lex.word_in(word, clause_words) for word in words):
            return True
    return False


def check_quantified_sets(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause quantifies the set its passage quantifies: no universal the passage lacks, no part of a
    set the passage takes whole."""
    if not reporting(claim):
        return
    items = quote_clauses_of(claim, context.common)
    unquoted = _unquoted_scope_words(claim)
    for sentence in lang.sentences(claim.text):
        # A clause that restates no passage by itself ("Some contributors grant you a perpetual, …") is
        # compared with what its sentence restates.
        around = align(sentence, items, context.common)
        for clause in lang.clauses(sentence):
            aligned = align(clause, items, context.common) or around
            passages = [passage_sentence(item, claim) for item in aligned]
            change = set_change(clause, passages, unquoted) if passages else None
            if change:
                yield Finding("claim-scope", claim, f"“{short(clause)}” {change}: {cite(aligned[0])}",
                              "quantify the set as the passage does ('each', 'any', 'only those …'), with its own "
                              "noun")
                break


def _unquoted_scope_words(claim: Claim) -> frozenset[str]:
    """Scope words none of the claim's quotes uses: the plain scope rule (meaning.check_scope) reports those."""
    quoted = " ".join(lang.plain(quote) for _, quote in claim.quotes)
    return frozenset(word for word in lex.scope_terms(lang.plain(claim.text)) if not lex.has_term(quoted, word)
                     and not any(lex.has_term(quoted, alt) for alt in lex.SCOPE_EQUIVALENTS.get(word, ())))


def passage_sentence(item: QuoteClause, claim: Claim) -> str:
    """The passage's sentence, continued across the quotes of its source that split it ("… The entire risk as
    to the" + "quality and performance … is with You."): a quote not ending a sentence runs on into the next."""
    chunks: list[str] = []
    open_ended = False
    for source, quote in claim.quotes:
        if source != item.source:
            continue
        if open_ended:
            chunks[-1] = f"{chunks[-1]} {quote}"
        else:
            chunks.append(quote)
        open_ended = not quote.rstrip().endswith((".", "!", "?", '"', "”", ";"))  # ":" runs on into its list
    return next((sentence for chunk in chunks if item.text in chunk for sentence in lang.sentences(chunk)
                 if item.text in sentence), item.sentence)
