"""Polarity: a clause keeps the negation, or the affirmation, of the passage it restates.

"does not support" is not "supports"; "no channel" is not "a channel"; "rejected" is not "accepted".
Negation words are lexicon.py's; opposite words (accept/reject, before/after) are wordsense.py's table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import denials, wordsense
from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses as _aligned_clauses
from briefwright.content.passages import best as _best
from briefwright.content.passages import cite as _cite
from briefwright.content.passages import reporting as _reporting
from briefwright.content.passages import short as _short


def _affirms_a_denial(sentence: str, clause: str, claim: Claim, context: LintContext) -> QuoteClause | None:
    """A clause too short to align ("Tokyo responded") whose distinctive words occur in the quotes only in
    denied clauses ("by declining to respond"): it affirms what they deny."""
    if lex.negated(clause):
        return None
    words = lang.content_words(clause) - context.common - context.name_words - lex.DISCOURSE_STEMS
    holding = [item for item in quote_clauses_of(claim, context.common) if words & item.words]
    # Every distinctive word must be denied there: "Since normalisation with Beijing" does not affirm
    # "no diplomatic relations … since the normalization", whose denial stops before "since".
    denied = frozenset().union(*(lex.denied_words(item.text) for item in holding))
    if holding and words and all(lex.word_in(word, denied) for word in words):
        return holding[0]
    return None


def _shared(clause: str, item: QuoteClause, context: LintContext) -> frozenset[str]:
    return (lang.content_words(clause) - context.common - context.name_words - lex.DISCOURSE_STEMS) & item.words


def _inside_denial(clause: str, item: QuoteClause, context: LintContext) -> bool:
    shared = _shared(clause, item, context)
    return bool(shared) and shared <= lex.denied_words(item.text)


def check_polarity(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not _reporting(claim):
        return
    items = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        for clause in lang.clauses(sentence):
            if not align(clause, items, context.common) and (denied := _affirms_a_denial(sentence, clause, claim,
                                                                                            context)):
                yield Finding("claim-negation", claim,
                              f"“{_short(clause)}” affirms what the passage denies: {_cite(denied)}",
                              "keep the source's negation ('not', 'no', 'lacks', 'declined')")
    for sentence, clause, aligned in _aligned_clauses(claim, context):
        best = _best(clause, aligned, context)
        if _reverses(sentence, clause, best, claim, context):
            yield Finding("claim-negation", claim,
                          f"“{_short(clause)}” says the opposite of the passage it restates: {_cite(best[0])}",
                          "keep the source's negation ('not', 'no', 'lacks', 'declined') or its affirmation")
        elif swap := _opposite_word(sentence, clause, best):
            item, said, quoted = swap
            yield Finding("claim-negation", claim,
                          f"“{_short(clause)}” says '{said}' where the passage it restates says '{quoted}': "
                          f"{_cite(item)}", f"keep the source's word ('{quoted}'), or quote a passage that says "
                          f"'{said}'")
        elif absent := _affirms_a_denied_word(sentence, clause, best, claim, context):
            word, item = absent
            yield Finding("claim-negation", claim,
                          f"“{_short(clause)}” affirms '{word}', which its quotes give only as denied: {_cite(item)}",
                          "keep the source's negation ('not', 'no', 'lacks', 'without')")


def _opposite_word(sentence: str, clause: str, best: list[QuoteClause]) -> tuple[QuoteClause, str, str] | None:
    """A word put where the passage has its opposite ("accepted" for "rejected", "after" for "before"), with
    the passage's polarity kept: a negation added as well ("did not reject" for "accepted") turns it back."""
    for item in best:
        swap = wordsense.swapped_opposite(clause, item.text)
        if swap and lex.negated(clause) == lex.negated(item.text):
            return item, *swap
    return None


_CONTRAST = re.compile(r"\b(?:rather than|instead of|unlike|except|apart from|other than)\b")


def _affirms_a_denied_word(sentence: str, clause: str, best: list[QuoteClause], claim: Claim,
                           context: LintContext) -> tuple[str, QuoteClause] | None:
    """A clause that restates one passage ("face the same military threat") and adds, affirmed, a word the
    quotes use only inside a denial ("… with a military channel" where a quote "lacks a channel"): it affirms
    what they deny."""
    if lex.negated(sentence) or denials.withholds(sentence):
        return None  # "the grant excludes removed code" states the exclusion "no licence … for removed code" does
    passage_words = frozenset().union(*(item.words for item in best))
    # "X rather than Y", "instead of Y", "unlike Y": the clause itself sets Y aside.
    kept = _CONTRAST.split(lang.plain(clause))[0]
    added = (lang.content_words(kept) - passage_words - context.common - context.name_words
             - lex.DISCOURSE_STEMS)
    # A conditional denial ("should there be a lack of legal basis") says nothing is absent.
    items = [item for item in quote_clauses_of(claim, frozenset()) if not item.conditional]
    denied = {id(item): lex.absent_words(item.text) | lex.denied_heads(item.text) for item in items}
    affirmed = frozenset().union(*(item.words - denied[id(item)] for item in items))
    for word in sorted(added):
        denying = [item for item in items if word in denied[id(item)]]
        if denying and not lex.word_in(word, affirmed):
            return word, denying[0]
    return None


def _reverses(sentence: str, clause: str, best: list[QuoteClause], claim: Claim, context: LintContext) -> bool:
    if lex.negated(clause):
        wrong = _misplaced_denial(clause, best, claim, context)
    else:
        wrong = _dropped_denial(sentence, clause, best, context)
    if wrong or any(lex.prefix_flip(clause, item.text) for item in best):  # "governmental" / "non-…"
        return True
    kept = {lex.continuity(item.text) for item in best}
    return lex.continuity(clause) is False and kept == {True}


def _misplaced_denial(clause: str, best: list[QuoteClause], claim: Claim, context: LintContext) -> bool:
    """An added denial: none of its quotes denies anything (a denial restated in other words, "no diplomatic
    relations" as "not recognised", is beyond word lists); or the passage's denial dropped while the clause
    denies something else ("without that step there is a formal exchange" for "there is no formal exchange")."""
    if not any(lex.negated(quote) or denials.withholds(quote) for _, quote in claim.quotes):
        return True  # an exclusion ("excluding distributors") is a denial a clause may restate ("does not extend to")
    denied = lex.denied_words(clause)
    return all(_inside_denial(clause, item, context) and not _shared(clause, item, context) & denied
               for item in best)


def _dropped_denial(sentence: str, clause: str, best: list[QuoteClause], context: LintContext) -> bool:
    """The passage's own clause denies, and nothing in the sentence does; or what the clause shares with the
    passage lies inside the passage's denial ("Tokyo responded" for "declining to respond, saying only that
    there are no …"), and no denial before it in the sentence carries over ("can not dedicate, consecrate or
    hallow the ground")."""
    if not lex.negated(sentence) and all(denials.denies_outcome(item.text, clause)
                                         or denials.scoped_denial(item.sentence, item.text) for item in best):
        return True
    carried = lex.negated(sentence[: sentence.find(clause)])
    return not carried and all(_inside_denial(clause, item, context) for item in best)
