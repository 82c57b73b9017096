"""Provisos dropped: a clause restating a passage whose sentence grants or states something only on a proviso
("provided that you also comply …", "Unless required by applicable law …, the Licensor provides …", "except
as …") must keep it.

The condition rule (meaning.check_condition) follows "if" and the quote clauses marked conditional; a proviso
is often a clause of its own beside the one restated, after a comma, so the clause restated looks
unconditional. Here each proviso of the passage's sentence is read from its marker (a sentence-opening one to
its comma, a later one to the sentence's end), and a claim that restates the sentence keeps it when it, or
what the reader has read with it (the field, a detail's summary), names enough of what the proviso names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import SUPPORTED_FIELDS, best, short
from briefwright.content.quantified import passage_sentence

_PRONOUN = r"(?:you|your|he|she|it|its|they|their|we|our|such|the\s+licensee|the\s+recipient)"
_MARKER = (r"provided\s+(?:always\s+)?that|providing\s+that|provided,?\s+however,?|provided\s+(?=" + _PRONOUN + r"\b)"
           r"|unless|except\s+(?:as|where|when|that|if|to\s+the\s+extent)|as\s+long\s+as|so\s+long\s+as"
           r"|subject\s+to|on\s+condition\s+that|only\s+if|only\s+when|to\s+the\s+extent\s+that")
_OPENING = re.compile(rf"^\s*(?:{_MARKER})\b[^,;]*")
_LATER = re.compile(rf"\b(?:{_MARKER})\b[^;.]*")
_PARENTHESIS = re.compile(r"\([^()]*\)")
# A proviso is kept when the claim names at least this share of its content words.
KEPT_SHARE = 1 / 3


def provisos(sentence: str) -> list[str]:
    """The provisos of a sentence: an opening one to its comma, later ones to the sentence's end. One in
    parentheses qualifies a phrase, not the provision ("(except as may be necessary to load a wheelchair)")."""
    lowered = _PARENTHESIS.sub(" ", lang.plain(sentence))
    found = []
    if opening := _OPENING.match(lowered):
        found.append(opening.group(0))
        lowered = lowered[opening.end():]
    found += [match.group(0) for match in _LATER.finditer(lowered)]
    return [text for text in found if len(lang.content_words(text)) >= 2]


def dropped_proviso(text: str, passage: str) -> str | None:
    """The first proviso of the passage sentence that the text does not name enough of, or None."""
    said = lang.content_words(text)
    for proviso in provisos(passage):
        words = lang.content_words(proviso)
        named = [word for word in words if lex.word_in(word, said)]
        if len(named) < max(1, KEPT_SHARE * len(words)):
            return proviso
    return None


def check_provisos(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause restating a passage that holds on a proviso keeps the proviso."""
    if claim.prescriptive or claim.analysis or claim.field not in SUPPORTED_FIELDS:
        return
    read = _read_with(claim, context)
    items = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        around = align(sentence, items, context.common)
        for clause in lang.clauses(sentence):
            # A clause that restates no passage by itself ("the LGPL lets you convey it under the LGPL") is
            # compared with what its sentence restates, whose own words may lie inside the proviso.
            own = align(clause, items, context.common)
            passages = [(passage_sentence(item, claim), item) for item in
                        (best(clause, own, context) if own else around)]
            item = _dropping(clause, sentence, passages, bool(own))
            if item is None or dropped_proviso(read, item[1]) is None:
                continue  # the field, or the summary before a detail, states it in another sentence
            proviso, passage, quote_clause = item
            yield Finding("claim-condition", claim,
                          f"“{short(clause)}” drops the proviso “{short(proviso, 60)}” of “{short(passage)}” "
                          f"[{quote_clause.source}]",
                          "keep the proviso the source puts on it ('provided that …', 'unless …', 'except …')")
            return


def _read_with(claim: Claim, context: LintContext) -> str:
    """What a reader has read with the clause: the whole field, and the point's summary before its detail."""
    if claim.field == "detail" and context.content is not None:
        point = context.content.points.get(claim.owner.removeprefix("point:"))
        if point is not None and point.summary:
            return f"{point.summary} {claim.text}"
    return claim.text


def _dropping(clause: str, sentence: str, passages: list[tuple[str, QuoteClause]], aligned: bool
              ) -> tuple[str, str, QuoteClause] | None:
    """The proviso the sentence drops of a passage it restates outside that proviso, when it drops it from all
    (aligned: the clause restates its passages by itself, so a passage clause inside a proviso is the proviso)."""
    found = []
    for passage, item in passages:
        restated = [lang.plain(clause)] + ([lang.plain(item.text)] if aligned else [])
        if any(text in proviso for proviso in provisos(passage) for text in restated):
            return None  # the clause restates the proviso itself
        proviso = dropped_proviso(sentence, passage)
        if proviso is None:
            return None
        found.append((proviso, passage, item))
    return found[0] if found else None
