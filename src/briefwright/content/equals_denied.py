"""Denials said in other words (denied equals, denials elsewhere): a claim that affirms what its sources deny
where the words do not line up clause by clause.

- A denied equivalent: "no such law exists for Japan", "nothing comparable", "has no counterpart" deny that
  an equal of something exists; "Japan has a counterpart to the Act" affirms it.
- A denial elsewhere: a word the cited sources use, in every verified quote of the project, only as what
  does not exist ("there is nothing linking A and B") is affirmed by a clause that none of the claim's own quotes
  supports ("a comparable alliance links A and B").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.memo import cleared_with_the_rest
from briefwright.content.passages import cite, reporting, short
from briefwright.diagnostics import Where

# Words that say one thing is the equal of another: affirmed in a claim, they assert such an equal exists.
_EQUAL = r"(?:counterpart|equivalent|analogue|analog|parallel|comparable|similar|such|like|match|same)"
_AFFIRMED_EQUAL = re.compile(rf"\b(?:a|an|its|their|his|her|the)\s+(?:own\s+)?(?:\w+\s+)?{_EQUAL}s?\b"
                             rf"|\b(?:has|have|had|is|are|was|were)\s+(?:a|an)?\s*(?:\w+\s+)?{_EQUAL}\b")
_DENIED_EQUAL = re.compile(rf"\b(?:no|nothing|none|not any|lacks? any|without any)\s+(?:\w+\s+)?{_EQUAL}s?\b"
                           rf"|\bnothing\s+(?:\w+\s+)?(?:like|comparable|similar|equivalent)\b")


def _denies_an_equal(text: str) -> bool:
    return bool(_DENIED_EQUAL.search(lang.plain(lang.unquoted(text))))


def _affirms_an_equal(clause: str) -> bool:
    lowered = lang.plain(lang.unquoted(clause))
    return not lex.negated(lowered) and bool(_AFFIRMED_EQUAL.search(lowered))


# What a quote says does not exist: the first content word after "there is no", "nothing", "lacks" ("no such
# law exists" → law, "nothing linking A and B" → linking). Not "without", which more often qualifies an act
# ("without alarming Beijing") than denies a thing, nor "not", which denies a predicate.
_ABSENT = re.compile(r"\b(?:no|nothing|nobody|none of|lacks?|lacking|lacked|lack of|absence of)\s+((?:[a-z'-]+\s*){1,3})")
# "X rather than Y", "instead of Y", "unlike Y": the clause itself sets Y aside.
_SET_ASIDE = re.compile(r"\b(?:rather than|instead of|unlike|except|apart from|other than)\b")


def _absent(text: str) -> frozenset[str]:
    words: set[str] = set()
    for match in _ABSENT.finditer(lang.plain(lang.unquoted(text))):
        head = next((lang.content_words(token) for token in match.group(1).split() if lang.content_words(token)),
                    frozenset())
        words |= head
    return frozenset(words)


@lru_cache(maxsize=256)
def _denials(quotes: tuple[tuple[str, str], ...]) -> tuple[dict[str, QuoteClause], frozenset[str]]:
    """Of a set of quotes: each word given as what does not exist → the first clause that says so, and every
    word affirmed (used outside such a denial). Once per source: the quotes are all of one source's."""
    items = [item for item in quote_clauses_of(Claim("", "", "", quotes, (), Where()), frozenset())
             if not item.conditional]
    denying: dict[str, QuoteClause] = {}
    affirmed: set[str] = set()
    for item in items:
        absent = _absent(item.text)
        for word in sorted(absent):
            denying.setdefault(word, item)
        affirmed |= item.words - absent
    return denying, frozenset(affirmed)


cleared_with_the_rest(_denials.cache_clear)


def _denied_elsewhere(clause: str, claim: Claim, context: LintContext) -> tuple[str, QuoteClause] | None:
    """A word of the clause that no quote of the claim has, and that the cited sources' quotes give only as
    what does not exist."""
    own = lang.content_words(" ".join(quote for _, quote in claim.quotes))
    kept = _SET_ASIDE.split(lang.plain(clause))[0]
    words = lang.content_words(kept) - context.common - context.name_words - lex.DISCOURSE_STEMS - lex.NUMBER_STEMS
    new = sorted(word for word in words if not lex.word_in(word, own))
    if not new:
        return None
    denying: dict[str, QuoteClause] = {}
    affirmed: frozenset[str] = frozenset()
    for source in claim.cited:
        its_denials, its_affirmed = _denials(tuple((source, quote) for quote in context.source_quotes.get(source, ())))
        denying = its_denials | denying
        affirmed |= its_affirmed
    return next(((word, denying[word]) for word in new if word in denying and not lex.word_in(word, affirmed)),
                None)


def check_denials(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not reporting(claim):
        return
    items = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        if lex.negated(sentence):
            continue
        for clause in lang.clauses(sentence):
            aligned = align(clause, items, context.common)
            equal = next((item for item in aligned if _denies_an_equal(item.sentence)), None)
            if equal is not None and _affirms_an_equal(clause):
                yield Finding("claim-negation", claim,
                              f"“{short(clause)}” affirms an equivalent where the passage it restates says there "
                              f"is none: {cite(equal)}", "keep the source's denial ('no such …', 'nothing "
                              "comparable')")
            elif not aligned and (found := _denied_elsewhere(clause, claim, context)):
                word, item = found
                yield Finding("claim-negation", claim,
                              f"“{short(clause)}” affirms '{word}', which its sources give only as denied: "
                              f"{cite(item)}", "keep the source's negation ('not', 'no', 'nothing', 'without')")
