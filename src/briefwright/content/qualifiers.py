"""Qualifiers dropped: a clause restating a passage that holds something only as a belief, provisionally, or
by report ("represents that it believes its Contributions are original", "reinstated provisionally",
"reportedly", "as may be necessary") keeps that qualifier, or one of its kind.

The certainty rule compares hedges on the ICD 203 scale and reads a rule text's "may" as permission; these
qualifiers sit beside the words a clause restates and say how far the passage commits to them. A qualifier
counts when the claim's sentence restates most of the content words that follow it: what it qualifies.
General English only: belief verbs, provisional and evidential adverbs, "may be necessary".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses, cite, reporting, short

_BELIEF = ("believ", "belief", "think", "thought", "consider", "in its view", "in their view", "opinion",
           "understand", "knowledge", "best of")
_PROVISIONAL = ("provisional", "temporar", "tentativ", "interim", "for now", "for the time being", "pending")
_HEARSAY = ("report", "alleg", "said", "say", "claim", "purport", "suppos", "appar", "seem", "appear")
_POSSIBLE = ("may", "might", "could", "where", "when", "if ", "to the extent", "as needed", "as required")
# Estimative and frequency hedges ("would likely crash", "is generally slower", "can potentially lead"): any
# hedge, modal or partial quantifier in the claim's sentence keeps one (the certainty rule weighs its strength).
_HEDGES = ("likel", "probabl", "possibl", "potential", "perhaps", "maybe", "general", "usual", "often", "typical",
           "normal", "most", "larg", "frequent", "common", "sometimes", "tend", "rare", "seldom", "many", "some",
           "may", "might", "could", "would", "can", "should", "occasional", "in principle", "as a rule")
_NEGATED_MODAL = re.compile(r"\b(?:can't|cannot|can not|couldn't|won't|wouldn't|shouldn't|mustn't)\b")
# A qualifier of the passage → the word beginnings of which any one, in the claim's sentence, keeps it.
_FAMILIES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\bbeliev\w*|\bbelief\b"), _BELIEF),
    (re.compile(r"\bprovisional\w*|\btemporar\w*|\btentativ\w*"), _PROVISIONAL),
    (re.compile(r"\b(?:reportedly|allegedly|apparently|presumably|supposedly|purportedly)\b"), _HEARSAY),
    (re.compile(r"\bmay be (?:necessary|required|needed|appropriate)\b"), _POSSIBLE),
    (re.compile(r"\b(?:likely|probably|possibly|potentially|perhaps|generally|usually|often|typically|normally"
                r"|mostly|largely|frequently|commonly|in most cases|as a rule)\b"), _HEDGES),
)
# The content words after a qualifier that tie it to what it qualifies.
WINDOW = 3


def dropped_qualifier(clause: str, sentence: str, passage: str, *, strict: bool = False) -> str | None:
    """A qualifier of the passage on words the claim's sentence restates, of which that sentence keeps no word
    of its kind, or None. Strict: only a hedge, and only when every word it qualifies is restated (for a
    passage the clause does not align to as a whole: "would likely crash when the slice is used" restated
    in a sentence that aligns to the passage's other sentence)."""
    lowered = lang.plain(passage)
    for pattern, kin in _FAMILIES[-1:] if strict else _FAMILIES:
        # A hedge is restated, and kept, by the clause that restates what it qualifies, not by another clause's
        # modal ("…, because Rust can't check them"); "can't" and "cannot" hedge nothing.
        hedge = kin is _HEDGES
        said = _NEGATED_MODAL.sub(" ", lang.plain(clause)) if hedge else lang.plain(sentence)
        restated = lang.content_words(clause) | (frozenset() if hedge else lang.content_words(sentence))
        for match in pattern.finditer(lowered):
            if any(re.search(rf"\b{re.escape(word)}", said) for word in kin):
                break
            if _qualifies_restated(lowered, match, restated, strict):
                return match.group(0)
    return None


def _qualifies_restated(lowered: str, match: re.Match[str], restated: frozenset[str], strict: bool = False) -> bool:
    """What the qualifier qualifies is restated: most of the content words after it ("believes its
    Contributions are its original creation(s)"), or before it when it ends its sentence. A claim restating
    another branch of the passage ("reinstated (a) provisionally, unless …, and (b) on an ongoing basis if …")
    shares the verb before the qualifier, not the words after it."""
    after = _content_sequence(lowered[match.end():])[:WINDOW]
    near = after if len(after) >= 2 else _content_sequence(lowered[: match.start()])[-WINDOW:]
    shared = sum(1 for word in near if lex.word_in(word, restated))
    return bool(near) and shared >= (len(near) if strict else min(2, len(near)))


def _content_sequence(text: str) -> list[str]:
    return [word for token in text.split() for word in sorted(lang.content_words(token))]


def check_qualifiers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause keeps the passage's belief, provisional or hearsay qualifier on what it restates."""
    if not reporting(claim) or claim.prescriptive:
        return
    others = quote_clauses_of(claim, context.common)
    for sentence, clause, aligned in aligned_clauses(claim, context):
        found = _first_dropped(clause, sentence, aligned) or _first_dropped(clause, sentence, others, strict=True)
        if found is not None:
            qualifier, item = found
            yield Finding("claim-certainty", claim,
                          f"“{short(clause)}” drops '{qualifier}' of the passage it restates: {cite(item)}",
                          "keep the source's qualifier ('believes', 'provisionally', 'reportedly', 'may be')")
            return


def _first_dropped(clause: str, sentence: str, aligned: list[QuoteClause], strict: bool = False
                   ) -> tuple[str, QuoteClause] | None:
    for item in aligned:
        qualifier = dropped_qualifier(clause, sentence, item.sentence, strict=strict)
        if qualifier is not None:
            return qualifier, item
    return None
