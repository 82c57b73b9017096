"""Faithfulness rules on how sure, how absolute, how conditional and how bounded in time a claim is,
against its quotes — the linguistic classes a restatement most easily drops:

- hearsay (evidential) markers: a passage the source gives as hearsay ("reportedly", "is said to",
  "allegedly") stays hearsay ("the US reportedly has a plan" is not "the US has a plan");
- absolutes: an absolute word ("impossible", "unanimously", "never") must be the quotes' own, and not
  one they soften with an approximator ("nearly impossible" is not "impossible", "difficult" is not
  "impossible", "widely shared" is not "unanimously shared");
- unconditional connectives ("in any case", "regardless", "no matter") deny the condition of a
  conditional passage they restate;
- a headline keeps the condition its summary puts on the outcome it states;
- temporal bounds: "since 2003" (from then on) is not "until 2003" (up to then);
- estimates: "approximately 54,000" is not "54,000";
- partial quantifiers: "some Japanese politicians hope" is not "Japanese politicians hope".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import carried
from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import REPORTING_FIELDS, aligned_clauses, best, cite, reporting, short

# Evidentials that give a statement as hearsay rather than as the writer's own knowledge.
_HEARSAY = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red"
                      r"|(?:is|are|was|were|has been|have been)\s+(?:said|reported|rumou?red|alleged|believed)\s+to"
                      r"|it\s+(?:is|was|has been|had been)\s+(?:said|reported|alleged|rumou?red|claimed)"
                      r"|according to (?:\w+\s+)?(?:reports?|rumou?rs?|accounts?|media))\b")
# Words by which a claim keeps a passage's hearsay: it reports the report, or the rumour, itself.
_KEEPS_HEARSAY = re.compile(r"\b(?:report\w*|said|says|rumou?r\w*|alleg\w*|claim\w*|according to|purported\w*"
                            r"|supposed\w*|hearsay|unconfirmed|unverified)\b")

# Absolutes: words that leave no room for exception or doubt.
_ABSOLUTES = ("impossible", "impossibility", "certain", "certainly", "inevitable", "inevitably", "unanimous",
              "unanimously", "undoubtedly", "definitely", "guaranteed", "absolutely", "unquestionably", "always",
              "never", "invariably", "universally", "cannot", "unable")
# Absolutes that say the same: what cannot be done is impossible.
_SAME_ABSOLUTE = {"cannot": "impossible", "unable": "impossible", "impossibility": "impossible"}
# Approximators soften an absolute ("nearly impossible", "almost certainly").
# A denied absolute ("no guaranteed order", "not certain") states no absolute either.
_APPROXIMATOR = r"(?:nearly|almost|virtually|practically|all but|close to|next to|near|well-nigh|not|hardly|no)"

# Connectives that deny that anything depends on a condition.
_UNCONDITIONAL = re.compile(r"\b(?:in any case|in any event|in all cases|regardless|irrespective|no matter"
                            r"|whatever happens|come what may|under any circumstances|in every case|unconditionally)\b")

# Temporal bounds on a year: the span from it on, or up to it.
_ONSET = r"(?:since|from|after|starting in|beginning in|as of)"
_END = r"(?:until|till|up to|up until|before|by|through)"
_YEAR = r"(1[5-9]\d\d|20\d\d)"


def check_hearsay(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause restating a passage the source gives as hearsay keeps it hearsay."""
    if not reporting(claim):
        return
    items = quote_clauses_of(claim, context.common)
    if not items:
        return
    for sentence in lang.sentences(claim.text):
        if _KEEPS_HEARSAY.search(lang.plain(sentence)):
            continue
        for clause in lang.clauses(sentence):
            if len(lang.content_words(clause) - context.common) < 3:
                continue
            hearsay = [item for item in align(clause, items, context.common) if _hearsay_over(item.text, item.sentence)]
            if hearsay:
                yield Finding("claim-certainty", claim,
                              f"“{short(clause)}” states as known what the passage it restates gives as hearsay "
                              f"{cite(hearsay[0])}",
                              "keep the source's own hedge ('reportedly', 'is said to')")
                break


def _hearsay_over(clause: str, sentence: str) -> bool:
    """Whether a hearsay marker governs a quote clause: in the clause itself, or standing alone just before it
    ("Reportedly, the US has a plan" — but not the inference the source draws after it, "so Japan's official
    could become a liaison")."""
    if _HEARSAY.search(lang.plain(clause)):
        return True
    parts = [part for part in re.split(r"[,;:]", sentence) if part.strip()]
    for before, part in zip(parts, parts[1:], strict=False):
        if clause.strip() in part and _HEARSAY.search(lang.plain(before)) and len(lang.content_words(before)) <= 1:
            return True
    return False


def _plain_absolutes(lowered: str) -> set[str]:
    """The absolutes a text states without an approximator before them."""
    found = set()
    for term in _ABSOLUTES:
        for match in re.finditer(rf"(?<![\w-]){term}(?![\w-])", lowered):
            before = lowered[max(0, match.start() - 16): match.start()]
            if not re.search(rf"\b{_APPROXIMATOR}\s+(?:\w+\s+)?$", before):
                found.add(term)
    return found


def _absolute(term: str) -> str:
    return _SAME_ABSOLUTE.get(term, lang.lemma(term))


def check_absolutes(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """An absolute the claim states that none of its quotes states plainly."""
    if claim.field not in REPORTING_FIELDS or claim.analysis or claim.prescriptive or not claim.quotes:
        return
    quoted = lang.plain(" ".join(quote for _, quote in claim.quotes))
    quoted_absolutes = {_absolute(term) for term in _plain_absolutes(quoted)}
    for sentence in lang.sentences(claim.text):
        for term in sorted(_plain_absolutes(lang.plain(lang.unquoted(sentence)))):
            if _absolute(term) in quoted_absolutes:
                continue
            softened = re.findall(rf"\b{_APPROXIMATOR}\s+(?:\w+\s+)?{term}\b", quoted)
            yield Finding("claim-certainty", claim,
                          f"“{short(sentence)}” says “{term}”, which none of its quotes says plainly"
                          + (f" (they say “{softened[0]}”)" if softened else ""),
                          "keep the source's own degree ('nearly impossible', 'difficult', 'widely')")


def check_unconditional(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """"In any case", "regardless" on a clause that restates a conditional passage denies its condition."""
    if not reporting(claim):
        return
    items = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        marker = _UNCONDITIONAL.search(lang.plain(sentence))
        if marker is None or not items:
            continue
        conditional = [cite(item) for item in align(sentence, items, context.common) if lex.conditions(item.sentence)]
        conditional += _conditional_summary(claim, sentence, context)
        if conditional:
            yield Finding("claim-condition", claim,
                          f"“{short(sentence)}” says “{marker.group(0)}” where the passage it restates is "
                          f"conditional: {conditional[0]}",
                          "keep the condition the source puts on it ('if …', 'in such a case …')")


def _conditional_summary(claim: Claim, sentence: str, context: LintContext) -> list[str]:
    """A headline or label compresses its point's summary: the summary sentences it restates that are conditional."""
    if claim.field not in ("headline", "label") or context.content is None:
        return []
    point = context.content.points.get(claim.owner.removeprefix("point:"))
    words = lang.content_words(sentence) - context.name_words
    return [f"“{short(summary)}” (the summary)" for summary in lang.sentences(point.summary if point else "")
            if lex.conditions(summary) and len(words & lang.content_words(summary)) >= 2]


# What keeps a headline hypothetical or dependent although it names no condition ("would store",
# "depend on Beijing's behaviour").
_KEEPS_HYPOTHESIS = re.compile(r"\b(?:would|could|might|may|depend\w*|hing\w*|contingent|conditional|turns? on)\b")


def check_headline_condition(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A headline or label that restates, firmly and with no condition, what its point's summary gives only
    under one ("Tokyo will be forced to upgrade ties" for "if Beijing keeps up pressure, Tokyo will have no
    choice but to upgrade")."""
    if claim.field not in ("headline", "label") or claim.analysis or context.content is None:
        return
    point = context.content.points.get(claim.owner.removeprefix("point:"))
    if point is None or not point.summary or not _firm_and_unconditional(lang.plain(claim.text)):
        return
    words = lang.content_words(claim.text) - context.name_words - context.common
    for sentence in lang.sentences(point.summary):
        consequent = _consequent(sentence)
        if len(words & consequent) >= 2 and not words & (carried.antecedent_words(sentence) - consequent):
            yield Finding("claim-condition", claim,
                          f"“{short(claim.text)}” states without its condition what the point's summary gives only "
                          f"under one: “{short(sentence)}”",
                          "keep the condition ('if …'), or headline what the outcome depends on")
            return


def _firm_and_unconditional(lowered: str) -> bool:
    """A consequence stated as certain: prospective ("will be forced"), with no condition and nothing that keeps
    it hypothetical or dependent; a present state ("no formal exchange") is no consequence restated."""
    return lex.prospective(lowered) and not lex.conditions(lowered) and not _KEEPS_HYPOTHESIS.search(lowered)


def _consequent(sentence: str) -> frozenset[str]:
    """The words of what a sentence that opens with its condition gives under it (empty for any other)."""
    clauses = lang.clauses(sentence)
    marks = lex.conditioned_clauses(sentence, clauses)
    if not clauses or not marks[0] or not lex.conditions(clauses[0]):
        return frozenset()
    return lang.content_words(" ".join(clause for clause, mark in zip(clauses, marks, strict=True)
                                       if mark and not lex.conditions(clause)))


# Estimative approximators on a number ("approximately 54,000", "some 300", "more than 100").
_ROUNDING = (r"(?:approximately|about|around|roughly|some|nearly|almost|close to|more than|over|up to|at least"
             r"|at most|as many as|fewer than|less than|upwards of|an estimated|estimated|circa|an? \w+ly estimated)")
_FIGURE = re.compile(rf"(?:\b({_ROUNDING})\s+)?(?<![\w.,])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\w,]|\.\d)")


def _figures(lowered: str) -> dict[str, bool]:
    """Each number a text states, and whether every mention of it is approximated."""
    found: dict[str, bool] = {}
    for match in _FIGURE.finditer(lowered):
        number = match.group(2).replace(",", "")
        found[number] = found.get(number, True) and match.group(1) is not None
    return found


def check_number_approximation(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A number the quotes only approximate ("approximately 54,000") stated as exact ("54,000 personnel")."""
    if claim.field not in REPORTING_FIELDS or not claim.quotes:
        return
    quoted = _figures(lang.plain(" ".join(quote for _, quote in claim.quotes)))
    for number, rounded in _figures(lang.plain(lang.unquoted(claim.text))).items():
        if not rounded and quoted.get(number, False):
            yield Finding("claim-certainty", claim,
                          f"states {number} as exact, but its quotes give it only as an approximation",
                          "keep the source's approximation ('approximately', 'about', 'some')")


def _bounded_years(lowered: str, bound: str) -> set[str]:
    return set(re.findall(rf"\b{bound}\s+(?:(?:early|late|mid-?)\s*)?{_YEAR}\b", lowered))


def check_time_bounds(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A year the quotes give as a start ("since 2003") must not become an end ("until 2003"), nor the reverse."""
    if not reporting(claim) or not claim.quotes:
        return
    quoted = lang.plain(" ".join(quote for _, quote in claim.quotes))
    text = lang.plain(lang.unquoted(claim.text))
    for said, other, name, other_name in ((_END, _ONSET, "an end", "a start"), (_ONSET, _END, "a start", "an end")):
        for year in sorted(_bounded_years(text, said) & _bounded_years(quoted, other) - _bounded_years(quoted, said)):
            yield Finding("claim-date", claim,
                          f"gives {year} as {name} (“{_bound_phrase(text, said, year)}”), but its quotes give it as "
                          f"{other_name} (“{_bound_phrase(quoted, other, year)}”)",
                          "keep the source's bound")


def _bound_phrase(lowered: str, bound: str, year: str) -> str:
    match = re.search(rf"\b{bound}\s+(?:(?:early|late|mid-?)\s*)?{year}\b", lowered)
    return match.group(0) if match else year




# Partial quantifiers: the source speaks of part of a class ("some Japanese politicians", "many countries").
_PARTIAL = re.compile(r"\b(?:some|many|several|a few|few|certain|most|a number of|numerous|various)\s+"
                      r"((?:[a-z-]+\s+)?[a-z-]+s)\b")


def check_partial_quantifiers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A class the quotes speak of in part ("some Japanese politicians") given bare, as the whole class
    ("Japanese politicians hope …")."""
    if not reporting(claim) or not claim.quotes:
        return
    partial = [(quote_sentence, phrase) for _, quote in claim.quotes for quote_sentence in lang.sentences(quote)
               for phrase in _PARTIAL.findall(lang.plain(quote_sentence))]
    for quote_sentence, phrase in partial:
        for sentence in lang.sentences(claim.text):
            shared = (lang.content_words(sentence) & lang.content_words(quote_sentence)) - lang.content_words(phrase)
            if _bare(phrase, lang.plain(sentence)) and len(shared) >= 2:
                yield Finding("claim-scope", claim,
                              f"“{short(sentence)}” speaks of {phrase.split()[-1]} as a whole, where its "
                              f"quote says only part of them: “{short(quote_sentence)}”",
                              "keep the source's quantifier ('some', 'many')")
                return


def _bare(phrase: str, lowered: str) -> bool:
    """The head noun of a phrase opens a clause of the text with nothing before its modifiers: a bare subject."""
    head = phrase.split()[-1]
    modifiers = set(phrase.split()[:-1])
    for match in re.finditer(rf"(?<![\w-]){re.escape(head)}(?![\w-])", lowered):
        before = lowered[: match.start()].split()
        while before and (before[-1] in modifiers or "-" in before[-1] or before[-1].endswith(("ese", "an"))):
            before.pop()  # pre-modifiers: the quote's own, hyphenated ones, demonyms
        if not before or before[-1] in _CLAUSE_OPENERS:
            return True  # a bare plural subject speaks of the class ("Japanese politicians hope"); "has ways" does not
    return False


_CLAUSE_OPENERS = frozenset("that and but while because as since when if whereas although though".split())


# A firm future or plan: what the clause gives as still to come.
_FUTURE = re.compile(r"\b(?:will|shall|plans? to|intends? to|is to|are to|is going to|are going to|aims? to)\b")


# A perfect progressive, maybe with an adverbial inside it ("has in the past few years been working").
_PERFECT_PROGRESSIVE = re.compile(r"\b(?:has|have|had)\b[^,;.]{0,40}?\bbeen\s+[a-z]+ing\b")


def _done_or_underway(text: str) -> bool:
    return bool(lex.completed(text) or _PERFECT_PROGRESSIVE.search(lang.plain(text)))


def check_done_as_planned(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """What the passage reports as done ("has been working to improve") given as still to come ("will work to
    improve"): the reverse of a plan reported as done."""
    if not reporting(claim):
        return
    for _, clause, aligned in aligned_clauses(claim, context):
        if not _FUTURE.search(lang.plain(clause)) or lex.completed(clause):
            continue
        passages = best(clause, aligned, context)
        if all(_done_or_underway(item.text) and not lex.prospective(item.sentence) for item in passages):
            yield Finding("claim-aspect", claim,
                          f"“{short(clause)}” gives as still to come what the passage reports as done: "
                          f"{cite(passages[0])}", "keep the source's aspect ('has worked', 'decided')")


EVIDENTIAL_RULES = (check_hearsay, check_absolutes, check_unconditional, check_headline_condition, check_time_bounds,
                    check_number_approximation, check_partial_quantifiers, check_done_as_planned)
