"""Whether one clause of a claim sentence keeps the condition of the passage it restates.

A condition governs its own clause and the main clause it attaches to ("if A, B"; "B if A"), not a
clause coordinated after it: in "X reasons that B, and if A, C" the "if" conditions C, not B. And a
hypothetical ("if", "unless", "were … to", "when") is not kept by a time limit the passage also states
("continue until …"): the time limit is part of what is restated, the hypothesis is what was dropped.
A qualifier that restricts the sense in which something holds ("in a larger sense", "in principle")
limits a claim the way a condition does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.generic import generic_case
from briefwright.content.passages import SUPPORTED_FIELDS, cite, short

# Conditions that only time what is restated ("continue until …"): they do not keep a hypothesis.
_TIME_LIMITS = frozenset({"until", "only after"})
# Qualifiers that say in what respect a statement holds: without them it holds without restriction.
_RESTRICTING = re.compile(r"\bin (?:a|one|some) (?:\w+ )?sense\b|\bin (?:principle|theory)\b|\bon paper\b"
                          r"|\bin (?:a|one|some) (?:\w+ )?(?:respect|way)\b|\bstrictly speaking\b")
_COORDINATED = re.compile(r"^\s*(?:and|but|or|yet|so|while|whereas)\b", re.IGNORECASE)


def hypothetical(text: str) -> bool:
    """States a condition that supposes something ("if", "unless", "when", "without", "should …"), not one
    that only sets a time limit."""
    return any(term not in _TIME_LIMITS for term in lex.conditions(text))


def restricting(text: str) -> bool:
    return _RESTRICTING.search(lang.plain(text)) is not None


def _conditional(text: str) -> bool:
    return bool(lex.conditions(text)) or restricting(text)


def _conditions_of(clauses: list[str], index: int) -> list[str]:
    """The clauses whose conditions govern clause `index`: its own; the sentence's opening condition; a
    condition just before it ("…, and if A, B"); one just after it that is not coordinated ("B, if A")."""
    governing = [clauses[index]]
    if index > 0 and _conditional(clauses[0]):
        governing.append(clauses[0])
    if index > 0 and _conditional(clauses[index - 1]):
        governing.append(clauses[index - 1])
    if index + 1 < len(clauses) and not _COORDINATED.match(clauses[index + 1]):
        governing.append(clauses[index + 1])
    return governing


def _condition_elsewhere(text: str, restated: list[QuoteClause], every: list[QuoteClause]) -> bool:
    """The claim's condition restates the condition of another passage than the one restated ("if men were
    angels" kept, "if angels governed men" dropped): it shares most words with a quote's condition clause
    that stands in none of the restated sentences (by the share of that clause's words it has)."""
    words = lang.content_words(text)
    scored = [(len(words & condition) / len(condition), item) for item in every if lex.conditions(item.text)
              and (condition := lang.content_words(item.text))]
    top = max((score for score, _ in scored), default=0)
    sentences = {item.sentence for item in restated}
    return top > 0 and not any(item.sentence in sentences for score, item in scored if score == top)


def _governing(sentence: str, clause: str) -> list[str]:
    clauses = lang.clauses(sentence)
    return _conditions_of(clauses, clauses.index(clause)) if clause in clauses else [sentence]


def clause_keeps_condition(sentence: str, clause: str, restated: list[QuoteClause],
                           every: list[QuoteClause] | None = None) -> bool:
    """Whether the claim clause (of sentence) keeps a condition of the kind the passages it restates state: a
    hypothesis for a hypothesis, any condition for a time limit, a restricting qualifier for one; not the
    condition of another passage of its quotes."""
    governing = _governing(sentence, clause)
    conditions = [text for text in governing if _conditional(text)
                  and not (text != clause and _condition_elsewhere(text, restated, every or []))]
    passages = [item.sentence for item in restated]
    if any(restricting(passage) for passage in passages) and not any(restricting(text) for text in governing):
        return False
    if any(hypothetical(passage) for passage in passages):
        return any(hypothetical(text) for text in conditions)
    return bool(conditions)


def _drops(sentence: str, clause: str, restated: list[QuoteClause], conditioned: list[QuoteClause],
           context: LintContext) -> bool:
    """The clause keeps neither a condition of the kind restated nor the conditional case as a generic subject."""
    return not clause_keeps_condition(sentence, clause, restated, conditioned) \
        and not any(generic_case(clause, item.sentence, context.common) for item in restated)


def _restates_whole(clause_words: frozenset[str], item: QuoteClause) -> bool:
    """Every content word of a quote clause of two or more is in the claim clause: a restatement, however
    common its words are in the project ("no government would be necessary")."""
    return len(item.words) >= 2 and all(lex.word_in(word, clause_words) for word in item.words)


def check_whole_clause_condition(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause that restates a conditional quote clause word for word keeps its condition, even when its words
    are too common in the project to align it, and in a headline (which states the point on its own)."""
    if claim.prescriptive or claim.analysis or claim.field not in (*SUPPORTED_FIELDS, "headline", "label"):
        return
    conditioned = [item for item in quote_clauses_of(claim, frozenset()) if item.conditional]
    if not conditioned:
        return
    aligning = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        for clause in lang.clauses(sentence):
            if claim.field in SUPPORTED_FIELDS and align(clause, aligning, context.common):
                continue  # the clause-by-clause rule compares it
            restated = [item for item in conditioned if _restates_whole(lang.content_words(clause), item)]
            if restated and _drops(sentence, clause, restated, conditioned, context):
                yield Finding("claim-condition", claim, f"“{short(clause)}” drops the condition of {cite(restated[0])}",
                              "keep the condition the source puts on it ('if …', 'unless …', 'without …')")
