"""Claim faithfulness: every sentence readers see says no more than its quotes.

Quotes are verified verbatim elsewhere; this lint checks the project's own prose
against them, rule by rule (see FAITHFULNESS_RULES in content/rules.py):

- numbers, years and months must be in the claim's own quotes;
- a clause that restates a quote is no more certain than it (ICD 203 scale and modal
  verbs), keeps its condition, and attributes an opinion or proposal rather than
  stating it as fact;
- "all/each/both sources", "N of the M sources" and "the sources agree" are true of
  the sources the claim cites;
- a named author or publisher is cited, and a "Sources differ" line cites everyone
  it names;
- key judgments and the BLUF state a confidence.

Findings are warnings (errors under --strict). A point or judgment may waive a rule
for one field with a written reason; waivers are listed by the coverage report, and
a waiver that no longer matches anything is itself reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from briefwright.content import authorship, deontic, enumerations, instructional, wordsense
from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.advice import check_advice_as_fact
from briefwright.content.alignment import Finding, LintContext, Names, QuoteClause, align, common_words, quote_clauses_of
from briefwright.content.anchors import check_anchors
from briefwright.content.bodies import check_bodies
from briefwright.content.claims import Claim, collect_claims
from briefwright.content.documents import check_named_document
from briefwright.content.evaluations import check_added_evaluation
from briefwright.content.evidentials import EVIDENTIAL_RULES
from briefwright.content.headlines import check_headline_summary
from briefwright.content.judgments import check_judgment_fit
from briefwright.content.meaning import MEANING_RULES
from briefwright.content.modules import Content, Waiver
from briefwright.content.numbered import check_numbered_names
from briefwright.content.provisos import check_provisos
from briefwright.content.purposes import check_purposes
from briefwright.content.qualifiers import check_qualifiers
from briefwright.content.quantified import check_quantified_sets
from briefwright.content.references import check_references
from briefwright.content.reporters import check_reporters
from briefwright.content.timeshift import check_time_shift
from briefwright.diagnostics import Report
from briefwright.sources.registry import SourceRegistry


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    unused_waivers: list[tuple[Claim, Waiver]] = field(default_factory=list)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _own_or_sentence(clause: str, sentence: str) -> lang.Certainty:
    own = lang.certainty(clause)
    return own if own.terms else lex.main_clause_certainty(sentence)


# -- rules -----------------------------------------------------------------------------------------


def check_numbers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    # "three of the five sources" counts sources, not facts: the quantifier rule checks it.
    text = lex.without_names_of_things(lang.plain(claim.text), context.titles)
    stated = lang.quantities(text)
    if not stated.numbers and not stated.months:
        return
    quotes = " ".join(quote for _, quote in claim.quotes)
    # "three rules: A, B, and C" counts the three passages that give A, B and C.
    quoted = lang.quantities(" ".join([quotes, *map(str, enumerations.counted_by_listing(claim, context))]))
    missing = stated.missing_from(quoted)
    # A count is not supported by a day of the month ("four missiles" by "August 4").
    missing += [lex.show(n) for n in sorted(lex.counts(text) - lex.counts(quotes))
                if n in quoted.days_numbers]
    if missing:
        yield Finding("claim-number", claim,
                      f"states {', '.join(missing)}, which none of its quotes do",
                      "quote the passage that gives the number or date, or leave it out")


def check_clauses(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """Certainty and opinion, clause by clause against the quote clauses each restates."""
    quote_clauses = quote_clauses_of(claim, context.common)
    if not quote_clauses:
        return
    # A recommendation's detail gives the reasons for it: a source's view there is still reported, not owned.
    own_view = not (claim.judgment is not None or claim.analysis) and (not claim.prescriptive or claim.field == "detail")
    for sentence in lang.sentences(claim.text):
        restated = _restated_clauses(sentence, quote_clauses, context)
        for clause, aligned in restated:
            reported = claim.field == "conflicts" or _attributed(sentence, clause) or _introduced(sentence, clause, context)
            yield from _certainty(claim, clause, sentence, aligned or quote_clauses, bool(aligned), reported,
                                  _hedged_nearby(sentence, clause, aligned, restated), context)
            if aligned and own_view and not reported and not (claim.prescriptive and _prescribes(clause)):
                yield from _opinion(claim, clause, aligned, context)


def _introduced(sentence: str, clause: str, context: LintContext) -> bool:
    """A named source before a colon introduces what follows it ("FPRI applies the phrase to Japan: …")."""
    head, colon, _ = sentence.partition(":")
    return bool(colon) and sentence.find(clause) > len(head) and bool(context.names.named_in(head))


def _prescribes(clause: str) -> bool:
    return lex.directive(clause) or wordsense.prescribes(clause)


def _attributed(sentence: str, clause: str) -> bool:
    """Whether a reporting verb attributes the clause: one before it or in it ("Liao sees A, and says B" attributes
    both; "A, and says B" only B), or a reporting aside that attributes the whole sentence ("…, Kotani argues",
    "If Beijing abandons that course, he argues, Tokyo …"). A conflict position is attributed by construction; a
    reporting verb inside a relative clause ("…, which he calls important") attributes that clause only."""
    end = sentence.find(clause)
    upto = sentence[: end + len(clause)] if end >= 0 else sentence
    if lang.reports_a_view(lex.without_relative_clauses(upto)):
        return True
    return any(len(lang.content_words(part)) <= 3 and lang.reports_a_view(part) for part in lang.clauses(sentence)
               if part != clause)


def _hedged_nearby(sentence: str, clause: str, aligned: list[QuoteClause],
                   restated: list[tuple[str, list[QuoteClause]]]) -> bool:
    """A clause with no verb of its own takes the hedge of the clause that completes it, when that restates
    the same passage and is no relative clause ("a Japanese Act, if passed, would help"; not "…, which would
    make him …")."""
    if lex.has_verb(clause) or not lex.main_clause_certainty(sentence).terms:
        return False
    passages = {(item.source, item.sentence) for item in aligned}
    return any(other != clause and lang.certainty(other).terms
               and passages & {(item.source, item.sentence) for item in items} for other, items in restated)


def _restated_clauses(sentence: str, quote_clauses: list[QuoteClause], context: LintContext
                      ) -> list[tuple[str, list[QuoteClause]]]:
    """Each clause of a sentence with the quote clauses it restates."""
    result: list[tuple[str, list[QuoteClause]]] = []
    previous: list[QuoteClause] = []
    for clause in lang.clauses(sentence, keep_hedges=True):
        aligned = align(clause, quote_clauses, context.common)
        if not aligned and lang.certainty(clause).terms:
            # "… not just possible but certain": a hedged tail goes on with the passage before it, or
            # with the one its whole sentence restates.
            aligned = previous if len(lang.content_words(clause)) <= 2 else align(sentence, quote_clauses,
                                                                                    context.common)
        result.append((clause, aligned))
        previous = aligned or previous
    return result


def _opinion(claim: Claim, clause: str, aligned: list[QuoteClause], context: LintContext) -> Iterator[Finding]:
    """An evaluation, proposal or firm prediction that is a source's, printed as the brief's own fact."""
    first = aligned[0]
    views = [instructional.view_terms(item, context) for item in aligned]
    own_view = lang.normative_terms(clause)
    # What a rule text "will" or "shall" do it provides: no forecast ("rights will terminate").
    predicts = _predicts(clause, [item for item in aligned if not instructional.describes(item, context)])
    if lex.conditions(clause) and all(lex.conditions(item.sentence) for item in aligned):
        return  # "if angels governed men, … would be needed": the source's hypothetical, restated as one
    if (all(views) and not lang.certainty(clause).hedged) or (own_view and any(views)):
        kind, terms = "a view or proposal", next(terms for terms in views if terms) if any(views) else own_view
    elif predicts:
        kind, terms = "a prediction", list(lang.certainty(clause).terms)
    else:
        return
    yield Finding("claim-opinion", claim,
                  f"“{_short(clause)}” states as fact {kind}: “{_short(first.sentence)}” [{first.source}] "
                  f"({', '.join(terms)})",
                  f"attribute it (“{context.author_of(first.source)} argues …”), make it a recommendation, or mark "
                  "it as the author's own analysis")


def _predicts(clause: str, aligned: list[QuoteClause]) -> bool:
    """The clause predicts firmly, as the passage does, though another clause of the passage's sentence may hedge
    ("Although … may have saved Japan …, it will not protect Japan …")."""
    return lex.firm_prediction(clause) and any(lex.firm_prediction(item.sentence) or lex.firm_prediction(item.text)
                                               for item in aligned)


def _certainty(claim: Claim, clause: str, sentence: str, compared: list[QuoteClause], aligned: bool,
               reported: bool, hedged_nearby: bool, context: LintContext) -> Iterator[Finding]:
    # In "Kotani expects …" the verb attributes; other clauses do not inherit it as their hedge.
    said = lang.certainty(clause) if reported else _own_or_sentence(clause, sentence)
    if not said.terms:
        if not aligned or claim.prescriptive or lex.directive(clause):
            return  # restating no particular passage, the product's own recommendation, or a request
        if reported and wordsense.prescribes(clause):
            return  # "X argues Taiwan should …": X's own prescription, no likelihood to compare
        if reported:
            compared = [item for item in compared if lang.certainty(item.text).terms]
            reporting = _reported_certainty(clause, sentence, compared, hedged_nearby)
            if reporting is None:
                return
            said = reporting
    if _same_words(said, compared):
        return  # the passage itself uses these words, not reversed ("unlikely Tokyo will …" does not say "will")
    # A quote clause's own hedge; with none, the hedge of its sentence ("Under the name of disaster relief, the
    # US … can conduct exercises": the "can" governs the fronted phrase too); a rule text's "may" permits.
    strongest = max(compared, key=lambda item: instructional.quote_certainty(item, context).commitment)
    ceiling = instructional.quote_certainty(strongest, context)
    if said.commitment > ceiling.commitment:
        yield Finding("claim-certainty", claim,
                      f"“{_short(clause)}” says {said.describe()}, but the passage it restates says "
                      f"{ceiling.describe()}: “{_short(strongest.text)}” [{strongest.source}]",
                      "use the source's own degree of certainty, or attribute the view to its author")


def _reported_certainty(clause: str, sentence: str, compared: list[QuoteClause], hedged_nearby: bool
                        ) -> lang.Certainty | None:
    """"Kotani notes that X" asserts X; "Kotani expects X" hedges it as the verb does. Only a clause that
    says something is compared (None: nothing to compare), and only with the passage clause's own hedge."""
    if len(lang.content_words(clause)) < 3 or not compared or hedged_nearby:
        return None  # too short to say anything, or a clause restating the same passage hedges it
    if lex.directive(sentence):
        return None  # "Lincoln asks …": a request asserts nothing
    return lex.reporting_certainty(sentence)


def _same_words(said: lang.Certainty, compared: list[QuoteClause]) -> bool:
    """The passage itself uses the claim's hedge words, not qualified by an estimative adverb ("will likely" is
    not "will")."""
    return bool(said.terms) and all(any(lang.plain(term) in lang.plain(item.sentence) for item in compared)
                                    for term in said.terms) and not any(
        _opposite(lang.certainty(item.sentence), said) or _qualified(said, item.sentence) for item in compared)


_ESTIMATIVE_ADVERB = r"(?:likely|probably|possibly|perhaps|presumably|conceivably)"


def _qualified(said: lang.Certainty, sentence: str) -> bool:
    lowered = lang.plain(sentence)
    return any(re.search(rf"\b{re.escape(term)}\s+(?:most\s+|very\s+|quite\s+)?{_ESTIMATIVE_ADVERB}\b", lowered)
               for term in said.terms)


def _opposite(one: lang.Certainty, other: lang.Certainty) -> bool:
    """One leans towards "no" and the other towards "yes" ("unlikely" against "will")."""
    return (one.level - 4) * (other.level - 4) < 0


_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NOUN = lang.SOURCE_NOUN
_UNIVERSAL = re.compile(
    rf"\b(?:all|each|every)\s+(?:one\s+)?(?:of\s+)?(?:the\s+)?(?:\w+\s+)?{_NOUN}\b"
    rf"|\bthe\s+(?:sources|authors|writers|articles)\b(?!\s+(?:differ|disagree|cited|listed|named))"
    rf"|\b(?:sources|authors)\s+(?:agree|concur)\b")
_BOTH = re.compile(rf"\bboth\s+(?:of\s+the\s+)?{_NOUN}\b")
_N_OF_M = re.compile(rf"\b{_COUNT}\s+of\s+the\s+{_COUNT}\s+{_NOUN}\b")
_N = re.compile(rf"(?<!of the )\b{_COUNT}\s+{_NOUN}\b")
_MOST = re.compile(rf"\bmost\s+(?:of\s+the\s+)?{_NOUN}\b")


def check_quantifiers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    text = lang.plain(claim.text)
    cited, total = set(claim.cited), len(context.sources.ids)
    have = f"cites {len(cited)} of the {total} sources ({', '.join(sorted(cited)) or 'none'})"
    hint = "name how many sources say it ('three of the five sources'), or cite every source the phrase covers"
    if (match := _UNIVERSAL.search(text)) and cited != set(context.sources.ids) \
            and not authorship.names_its_own_authors(match.group(0), text, cited, context.sources):
        yield Finding("claim-quantifier", claim, f"says “{match.group(0)}” but {have}", hint)
    if (match := _BOTH.search(text)) and len(cited) != 2:
        yield Finding("claim-quantifier", claim, f"says “{match.group(0)}” but {have}", hint)
    for match in _N_OF_M.finditer(text):
        if lang.number_value(match.group(1)) != len(cited) or lang.number_value(match.group(2)) != total:
            yield Finding("claim-quantifier", claim, f"says “{match.group(0)}” but {have}", hint)
    for match in _N.finditer(text):
        if lang.number_value(match.group(1)) != len(cited):
            yield Finding("claim-quantifier", claim, f"says “{match.group(0)}” but {have}", hint)
    if (match := _MOST.search(text)) and len(cited) * 2 <= total:
        yield Finding("claim-quantifier", claim, f"says “{match.group(0)}” but {have}", hint)


def check_attribution(claim: Claim, context: LintContext) -> Iterator[Finding]:
    for name, source_ids in context.names.named_in(claim.text).items():
        if not source_ids & set(claim.cited):
            rule = "conflict-citation" if claim.field == "conflicts" else "claim-attribution"
            yield Finding(rule, claim,
                          f"names {name} but does not cite {' or '.join(sorted(source_ids))} "
                          f"(cites {', '.join(claim.cited) or 'nothing'})",
                          f"add evidence from {' or '.join(sorted(source_ids))}, or do not name them")


def check_confidence(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if claim.judgment is not None and claim.judgment.confidence is None:
        yield Finding("judgment-confidence", claim, "is an assessment but states no confidence",
                      "add confidence: low, moderate or high")


RULES: tuple[Callable[[Claim, LintContext], Iterator[Finding]], ...] = (
    check_numbers, check_clauses, check_quantifiers, check_attribution, check_confidence, check_judgment_fit, *MEANING_RULES,
    *EVIDENTIAL_RULES, check_headline_summary, deontic.check_deontic_force, check_quantified_sets,
    check_added_evaluation, check_named_document, check_provisos, check_qualifiers,
    check_anchors, check_purposes, check_references, check_bodies, check_reporters, check_time_shift,
    check_advice_as_fact, check_numbered_names)


def _quotes_by_source(claims: list[Claim]) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Each source's quote words, and its quotes in order of first use."""
    by_source: dict[str, set[str]] = {}
    quotes_of: dict[str, dict[str, None]] = {}
    for claim in claims:
        for source, quote in claim.quotes:
            by_source.setdefault(source, set()).update(lang.content_words(quote))
            quotes_of.setdefault(source, {})[quote] = None
    return ({source: frozenset(words) for source, words in by_source.items()},
            {source: tuple(quotes) for source, quotes in quotes_of.items()})


def lint_context(content: Content, sources: SourceRegistry, claims: list[Claim]) -> LintContext:
    names = Names(sources)
    titles = tuple(lang.plain(source.meta.title) for source in sources if isinstance(source.meta.title, str)
                   and source.meta.title.lower() != "unknown")
    quotes = sorted({quote for claim in claims for _, quote in claim.quotes})
    vocabulary = lang.content_words(" ".join(quotes))
    source_words, source_quotes = _quotes_by_source(claims)
    rule_texts = deontic.rule_text_sources(quote for claim in claims for quote in claim.quotes)
    teaching = instructional.instructional_sources(sources, (quote for claim in claims for quote in claim.quotes),
                                                   rule_texts)
    return LintContext(sources, names, common_words(claims), names.words, vocabulary, source_words, titles,
                       content, rule_texts, source_quotes, teaching, lang.plain(" \n ".join(quotes)))


def lint_claim(claim: Claim, context: LintContext) -> list[Finding]:
    """Every rule's findings on one claim, before waivers: one per rule and clause (a headline's hedge may be
    measured against its quote and against its summary; the reader needs to hear of it once)."""
    findings: dict[tuple[str, str], Finding] = {}
    for rule in RULES:
        for finding in rule(claim, context):
            findings.setdefault((finding.rule, finding.message.partition("”")[0]), finding)
    return list(findings.values())


def lint(content: Content, sources: SourceRegistry) -> LintResult:
    claims = collect_claims(content)
    context = lint_context(content, sources, claims)
    result = LintResult()
    used: set[tuple[str, int]] = set()
    for claim in claims:
        for finding in lint_claim(claim, context):
            waiver = next((w for w in claim.waivers if w.rule == finding.rule
                           and (w.field is None or w.field == claim.field)), None)
            if waiver is None:
                result.findings.append(finding)
            else:
                used.add((claim.owner, id(waiver)))
    seen: set[tuple[str, int]] = set()
    for claim in claims:
        for waiver in claim.waivers:
            key = (claim.owner, id(waiver))
            if key not in used and key not in seen:
                seen.add(key)
                result.unused_waivers.append((claim, waiver))
    return result


def check_faithfulness(content: Content, sources: SourceRegistry, report: Report) -> LintResult:
    """Run every rule; findings become warnings (errors under --strict) naming file, line and rule."""
    result = lint(content, sources)
    for finding in result.findings:
        report.warning(finding.rule, finding.claim.where,
                       f"{finding.claim.describe()} {finding.message}", finding.hint)  # the code prints first
    for claim, waiver in result.unused_waivers:
        report.warning("waiver-unused", claim.where,
                       f"{claim.describe()}: the waiver of {waiver.rule} matches no finding",
                       "remove the waiver")
    return result


def waiver_lines(content: Content) -> list[str]:
    """Every waiver in the content, for the coverage report."""
    lines = []
    for claim in collect_claims(content):
        if claim.field not in ("headline", "text"):
            continue  # a point's waivers are listed once, with its first claim
        for waiver in claim.waivers:
            where = f"{claim.owner.removeprefix('point:')}{'.' + waiver.field if waiver.field else ''}"
            lines.append(f"  {where}: {waiver.rule} — {' '.join(waiver.reason.split())}")
    return lines
