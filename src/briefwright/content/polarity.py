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
        # The swapped words themselves may be negation words ("rejected"): "did not approve" is "rejected".
        if swap and _negated_without(clause, swap[0]) == _negated_without(item.text, swap[1]):
            return item, *swap
    return None


def _negated_without(text: str, word: str) -> bool:
    return lex.negated(" ".join(token for token in text.split() if word not in wordsense.lemmas(token)))


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
        wrong = _misplaced_denial(clause, best, claim, context, lex.negated(sentence))
    else:
        wrong = _dropped_denial(sentence, clause, best, context)
    if wrong or any(lex.prefix_flip(clause, item.text) for item in best):  # "governmental" / "non-…"
        return True
    kept = {lex.continuity(item.text) for item in best}
    return lex.continuity(clause) is False and kept == {True}


# Words that deny or restrict without a negation word: a passage with one may be restated with "not" or "no"
# ("has yet to set up a channel" → "has no channel"; "few officials visit" → "officials do not visit").
_IMPLICITLY_NEGATIVE = re.compile(
    r"\b(?:yet to|absent|absence|missing|free of|devoid|hardly|scarcely|barely|little|few|rarely|seldom|short of"
    r"|far from|instead|rather than|only|except|unlike|limited|unclear|uncertain|doubt\w*|difficult|hard|whether"
    r"|too|neither|nor|lack\w*|minimal|insufficient|inadequate|unable|ceas\w*|stop\w*|end\w*|halt\w*|abandon\w*"
    r"|withdr\w*|exclud\w*|prevent\w*|block\w*|bar\w*|ban\w*|prohibit\w*|forbid\w*|restrict\w*|oppos\w*|resist\w*"
    r"|against|beyond|out of|away from|still|yet|remain\w*|postpon\w*|delay\w*|suspen\w*|cancel\w*|shelv\w*"
    r"|drop\w*|refrain\w*|omit\w*|skip\w*|exempt\w*|waiv\w*|los[est]\w*|lost|fail\w*|neglect\w*|overlook\w*"
    r"|silent|rare\w*|less|fewer|reduc\w*|cut|curb\w*|limit\w*|deter\w*)\b")


def _denies_what_is_affirmed(clause: str, denied: frozenset[str], best: list[QuoteClause]) -> bool:
    """The clause denies words of the passages it restates, which affirm them in no words of denial or
    restriction at all ("gives Japan no formal say over … forces" for "will engage in consultation … before
    deploying … forces"). Not a denied opposite ("not safe" for "dangerous"), nor "not yet" for what the
    passage gives as to come."""
    if _NOT_YET.search(lang.plain(clause)):
        return False
    return all(denied & lang.content_words(item.sentence) and not (
        lex.negated(item.sentence) or lex.prefix_flip(clause, item.sentence)
        or wordsense.swapped_opposite(clause, item.sentence)
        or _IMPLICITLY_NEGATIVE.search(lang.plain(item.sentence))) for item in best)


_NOT_YET = re.compile(r"\b(?:not|never|no)\b.*\b(?:yet|so far|to date)\b|\bnot (?:\w+ )?yet\b")


def _misplaced_denial(clause: str, best: list[QuoteClause], claim: Claim, context: LintContext,
                      sentence_denies: bool) -> bool:
    """An added denial: none of its quotes denies anything (a denial restated in other words, "no diplomatic
    relations" as "not recognised", is beyond word lists); or the passage's denial dropped while the clause
    denies something else ("without that step there is a formal exchange" for "there is no formal exchange")."""
    # An exclusion ("excluding distributors") or what is awaited ("has not yet received") is a denial a clause
    # may restate ("does not extend to", "is still waiting for").
    if not any(lex.negated(quote) or denials.withholds(quote) or _AWAITED.search(lang.plain(quote))
               for _, quote in claim.quotes):
        return True
    denied = lex.denied_words(clause)
    if sentence_denies and _denies_what_is_affirmed(clause, denied, best):
        return True
    return all(_inside_denial(clause, item, context) and not _shared(clause, item, context) & denied
               for item in best)


# What is awaited or missing is not had: a restatement of a denial in other words.
_AWAITED = re.compile(r"\b(?:still waiting|waiting for|awaiting|pending|yet to|absent|missing|devoid|free of|short of"
                      r"|far from|withh[oe]ld\w*|refrain\w*)\b")


def _dropped_denial(sentence: str, clause: str, best: list[QuoteClause], context: LintContext) -> bool:
    """The passage's own clause denies, and nothing in the sentence does; or what the clause shares with the
    passage lies inside the passage's denial ("Tokyo responded" for "declining to respond, saying only that
    there are no …"), and no denial before it in the sentence carries over ("can not dedicate, consecrate or
    hallow the ground")."""
    if _AWAITED.search(lang.plain(sentence)):
        return False  # "is still waiting for the grant" keeps "has not yet received the grant"
    if _denial_in_other_words(clause, best):
        return False
    # A denial carries over to a clause that continues its predicate ("have consecrated the ground" after "not
    # the speakers"), not to one with a subject and verb of its own ("…, and … controls would still be needed").
    # A clause of its own after a semicolon keeps its own polarity, whatever clauses before it deny ("they
    # cannot be dereferenced …; creating one can do harm"); a denial after it may be the passage's, restated
    # there, and one before it may govern it ("has not yet worked out … how far the SDF would take part").
    own_predicate = bool(_OWN_PREDICATE.search(lang.plain(clause).strip()))
    independent = (own_predicate and sentence[: sentence.find(clause)].rstrip().endswith(";")
                   and not lex.negated(sentence[sentence.find(clause):]))
    if (independent or not lex.negated(sentence)) and all(denials.denies_outcome(item.text, clause)
                                                           or denials.scoped_denial(item.sentence, item.text)
                                                           for item in best):
        return True
    carried = lex.negated(sentence[: sentence.find(clause)]) and not own_predicate
    return not carried and all(_inside_denial(clause, item, context) for item in best)


# Staying as it was, and a stop or a change of state: not stopping is staying ("does not turn off" → "stays on").
_STAYING = re.compile(r"\b(?:stays?|stayed|remains?|remained|continu\w*|keeps?|kept|still|persist\w*|retain\w*)\b")
_STOPPING = re.compile(r"\b(?:turn\w*\s+off|switch\w*\s+off|shut\w*\s+(?:off|down)|disabl\w*|stop\w*|ceas\w*"
                       r"|halt\w*|end\w*|remov\w*|los[est]\w*|lost|abandon\w*|drop\w*)\b")
def _denial_in_other_words(clause: str, best: list[QuoteClause]) -> bool:
    """"actions that safe Rust forbids" states the denial "that you cannot take in safe Rust"; "the checker
    stays on" states "does not turn off the checker"."""
    return denials.withholds(clause) or bool(_STAYING.search(lang.plain(clause))) and all(
        lex.negated(item.text) and _STOPPING.search(lang.plain(item.text)) for item in best)


_OWN_PREDICATE = re.compile(r"(?<!^)(?<!^and )(?<!^but )(?<!^or )"
                            r"\b(?:would|will|can|could|may|might|must|shall|should|is|are|was|were|has|have|had|does|did)\b")
