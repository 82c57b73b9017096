"""Rule texts: what a law, licence, lease or bylaw provides is neither its author's opinion nor a forecast.

An analyst's "Japan must act" is a view to attribute and "China may invade" a likelihood to keep. A rule
text speaks differently: its "you must give recipients a copy" is an obligation it imposes, its "the tenant
may sublet" a permission it grants and its "the permit shall expire" or "rights will terminate" what it
provides. Restating them ("the lease lets the tenant sublet", "recipients must receive a copy") reports the
text faithfully; it states no opinion as fact and drops no hedge.

A source is read as a rule text when its quotes name the instrument they belong to the way drafting does, by
a capitalised defined term ("this License", "this Agreement", "this By-law") or a "here-" adverb ("hereby",
"hereunder"); an essay that discusses "this treaty" is no rule text. In a rule text the force of its modals
still matters: a permission restated as an obligation ("may" → "must"), an obligation as a mere permission
("must" → "may") or a prohibition as a permission is reported, since that changes what the text provides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses, best, cite, reporting, short
from briefwright.content.reported import unshifted

# How drafting names the text itself: a capitalised defined term, or the "here-" adverbs.
_INSTRUMENT = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Uu]nder this|[Oo]f this)\s+(?:License|Licence|Agreement|Act|Contract|Lease|By-?[Ll]aws?"
    r"|Ordinance|Regulations?|Statute|Treaty|Charter|Constitution|Convention|Covenant|Code|Directive|Policy"
    r"|Terms(?: of \w+)?|Deed|Will|Rules?)\b"
    r"|\b(?:[Hh]ereby|[Hh]ereunder|[Hh]erein(?:after)?|[Hh]ereof|[Hh]ereto|[Hh]erewith)\b")

# In a rule text these state what the text requires or allows, not what its author thinks good or likely.
PROVISION_TERMS = frozenset({"must", "should", "ought", "need to", "needs to", "necessary", "reasonable"})

# A modal of permission, obligation or stipulation, not of likelihood: any but "may/can be <state>" and
# "may/can have" ("may be unfit", "may have been altered" stay hedges).
_DEONTIC_MODAL = re.compile(r"\b(?:may|can|shall|will|must)\b(?!\s+(?:not\s+)?(?:have\b|well\b|be\s+(?!\w+(?:ed|en)\b)))")
# Fixed phrases whose "may" hedges nothing in any text: "as may be necessary", "as the case may be".
_IDIOMATIC_MAY = re.compile(r"\bas (?:the case )?may be(?: \w+)?\b|\bas (?:it|they|he|she|you|we) may\b")


def is_rule_text(quotes: Iterable[str]) -> bool:
    return any(_INSTRUMENT.search(quote) for quote in quotes)


def rule_text_sources(quotes: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The sources whose quotes, anywhere in the project, read as drafted provisions."""
    by_source: dict[str, list[str]] = {}
    for source, quote in quotes:
        by_source.setdefault(source, []).append(quote)
    return frozenset(source for source, texts in by_source.items() if is_rule_text(texts))


def provides(item: QuoteClause, context: LintContext) -> bool:
    return item.source in context.rule_texts


def view_terms(item: QuoteClause, context: LintContext) -> list[str]:
    """The words that make a quote sentence a view or proposal; a rule text's "must" or "reasonable" provide."""
    terms = lang.normative_terms(item.sentence)
    return [term for term in terms if term not in PROVISION_TERMS] if provides(item, context) else terms


def without_deontic_modals(text: str) -> str:
    """The text with its modals of permission and obligation left out, so a likelihood scale reads only the
    hedges it keeps ("You may convey …" → "You convey …"; "may be unfit" stays)."""
    return _DEONTIC_MODAL.sub(" ", _IDIOMATIC_MAY.sub(" ", text))


def quote_certainty(item: QuoteClause, context: LintContext) -> lang.Certainty:
    """How sure a quote clause is; a rule text's permission or obligation is no likelihood, and reported
    speech's "would" ("said it would not raise charges") is the "will" it reports."""
    text, sentence = unshifted(item.text), unshifted(item.sentence)
    if provides(item, context):
        text, sentence = without_deontic_modals(text), without_deontic_modals(sentence)
    own = lang.certainty(text)
    if own.terms:
        return own
    return lex.main_clause_certainty(sentence)


# -- force: what a clause obliges, permits or forbids -----------------------------------------------------------

_PROHIBITION = re.compile(r"\b(?:may not|must not|shall not|cannot|can not|can't|is not permitted|are not permitted"
                          r"|is not allowed|are not allowed|is prohibited|are prohibited|prohibits?|forbids?"
                          r"|is forbidden|are forbidden|no \w+(?: \w+)? (?:may|shall|can)\b)")
_OBLIGATION = re.compile(r"\b(?:must|shall|has to|have to|had to|is required|are required|requires?|required to"
                         r"|is obliged|are obliged|is obligated|are obligated|obliges?|needs to|need to)\b")
# "permits" and "grants" are verbs only before what they permit or grant ("your grants from …" is a noun).
_PERMISSION = re.compile(r"\b(?:may|can|is permitted|are permitted|is allowed|are allowed|allows?|lets?"
                         r"|is free to|are free to|is entitled to|are entitled to|has the right to|have the right to"
                         r"|(?:permits?|grants?) (?:to|you|them|him|her|it|us|the|a|an|any|each|such|\w+ing)\b)\b")


def forces(text: str) -> frozenset[str]:
    """Which of obligation, permission and prohibition a clause states (a prohibition is neither of the others)."""
    lowered = _IDIOMATIC_MAY.sub(" ", lang.plain(lang.unquoted(text)))
    found = set()
    if _PROHIBITION.search(lowered):
        found.add("prohibition")
        lowered = _PROHIBITION.sub(" ", lowered)
    if _OBLIGATION.search(lowered):
        found.add("obligation")
    if _PERMISSION.search(lowered):
        found.add("permission")
    return frozenset(found)


_CHANGED = {("obligation", "permission"): "an obligation where the passage it restates gives a permission",
            ("permission", "obligation"): "a mere permission where the passage it restates gives an obligation",
            ("permission", "prohibition"): "a permission where the passage it restates gives a prohibition"}


def check_deontic_force(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause restating a rule text's provision keeps its force: "may" is not "must", nor "must" "may"."""
    if not reporting(claim) or not context.rule_texts:
        return
    for _, clause, aligned in aligned_clauses(claim, context):
        passages = [item for item in best(clause, aligned, context) if provides(item, context)]
        said = forces(clause)
        if not passages or len(said) != 1:
            continue
        # The passage clause's own force: another clause of its sentence may permit what this one only names
        # ("a function to be supplied by an Application …, then you may convey …").
        given = frozenset().union(*(forces(item.text) for item in passages))
        if len(given) != 1 or (next(iter(said)), next(iter(given))) not in _CHANGED:
            continue
        yield Finding("claim-certainty", claim,
                      f"“{short(clause)}” states {_CHANGED[(next(iter(said)), next(iter(given)))]}: "
                      f"{cite(passages[0])}",
                      "keep the provision's force ('may' for a permission, 'must' for an obligation, 'may not' "
                      "for a prohibition)")
