"""Claim faithfulness: every sentence readers see says no more than its quotes.

Quotes are verified verbatim elsewhere; this lint checks the project's own prose
against them, rule by rule (see FAITHFULNESS_RULES in content.py):

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

from briefwright.content import language as lang
from briefwright.content.claims import Claim, collect_claims
from briefwright.content.modules import Content, Waiver
from briefwright.diagnostics import Report
from briefwright.sources.registry import SourceMeta, SourceRegistry

# A clause restates a quote clause when they share at least this many content words,
# and at least this share of the best match's overlap (so a clause is compared with
# the passage it paraphrases, not with every quote of the point).
MIN_SHARED_WORDS = 2
NEAR_BEST = 0.75
# Words found in more than this share of all quotes ("Japan", "Taiwan") say nothing about
# which passage a clause restates, so alignment ignores them.
COMMON_WORD_SHARE = 0.2


@dataclass(frozen=True)
class Finding:
    rule: str
    claim: Claim
    message: str
    hint: str


@dataclass(frozen=True)
class QuoteClause:
    source: str
    text: str  # the clause
    sentence: str  # the quote sentence it belongs to (an evaluation spans its sentence)
    words: frozenset[str]
    conditional: bool  # states or depends on a condition


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    unused_waivers: list[tuple[Claim, Waiver]] = field(default_factory=list)


class Names:
    """The author and publisher names that identify each source in prose."""

    def __init__(self, sources: SourceRegistry) -> None:
        self.by_name: dict[str, set[str]] = {}
        for source in sources:
            for name in _names_of(source.meta):
                self.by_name.setdefault(name, set()).add(source.id)

    def named_in(self, text: str) -> dict[str, set[str]]:
        """Names that appear in the text → the sources they identify (longest names first)."""
        found: dict[str, set[str]] = {}
        remaining = text
        for name in sorted(self.by_name, key=len, reverse=True):
            if lang.mentions(remaining, name):
                found[name] = self.by_name[name]
                remaining = re.sub(re.escape(name), " ", remaining, flags=re.IGNORECASE)
        return found


def _names_of(meta: SourceMeta) -> set[str]:
    names: set[str] = set()
    for author in meta.authors if isinstance(meta.authors, list) else []:
        names.add(author.name)
        names.add(author.surname or author.name.split()[-1])
        names.update(author.variants)
        if author.native:
            names.add(author.native)
    publisher = meta.publisher if isinstance(meta.publisher, str) else ""
    if publisher and publisher.lower() != "unknown":
        main = publisher.split("(")[0].strip()
        names.add(main)
        initials = "".join(word[0] for word in main.split() if word[:1].isupper())
        if len(initials) >= 3:
            names.add(initials)
    return {name for name in names if len(name) >= 2}


def _quote_clauses(claim: Claim, common: frozenset[str]) -> list[QuoteClause]:
    result = []
    for source, quote in claim.quotes:
        for sentence in lang.sentences(quote):
            for clause, conditional in lang.conditional_clauses(sentence) or [(sentence, False)]:
                result.append(QuoteClause(source, clause, sentence, lang.content_words(clause) - common, conditional))
    return result


def common_words(claims: list[Claim]) -> frozenset[str]:
    """Content words so frequent across the project's quotes that they cannot tell passages apart."""
    quotes = {quote for claim in claims for _, quote in claim.quotes}
    counts: dict[str, int] = {}
    for quote in quotes:
        for word in lang.content_words(quote):
            counts[word] = counts.get(word, 0) + 1
    limit = max(2, COMMON_WORD_SHARE * len(quotes))
    return frozenset(word for word, count in counts.items() if count > limit)


def _aligned(clause: str, quote_clauses: list[QuoteClause], common: frozenset[str]) -> list[QuoteClause]:
    """The quote clauses a claim clause restates, by shared distinctive content words."""
    words = lang.content_words(clause) - common
    scored = [(len(words & item.words), item) for item in quote_clauses]
    best = max((score for score, _ in scored), default=0)
    if best < MIN_SHARED_WORDS:
        return []
    return [item for score, item in scored if score >= max(MIN_SHARED_WORDS, NEAR_BEST * best)]


def _quote_certainty(item: QuoteClause) -> lang.Certainty:
    """A quote clause's own hedge; with none, the hedge of its sentence ("Under the name of disaster
    relief, the US … can conduct exercises": the "can" governs the fronted phrase too)."""
    return _own_or_sentence(item.text, item.sentence)


def _own_or_sentence(clause: str, sentence: str) -> lang.Certainty:
    own = lang.certainty(clause)
    return own if own.terms else lang.certainty(sentence)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# -- rules -----------------------------------------------------------------------------------------


def check_numbers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    # "three of the five sources" counts sources, not facts: the quantifier rule checks it.
    stated = lang.quantities(_SOURCE_COUNTS.sub(" ", lang.plain(claim.text)))
    if not stated.numbers and not stated.months:
        return
    quoted = lang.quantities(" ".join(quote for _, quote in claim.quotes))
    missing = stated.missing_from(quoted)
    if missing:
        yield Finding("claim-number", claim,
                      f"states {', '.join(missing)}, which none of its quotes do",
                      "quote the passage that gives the number or date, or leave it out")


def check_clauses(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """Certainty, condition and opinion, clause by clause against the quote clauses each restates."""
    quote_clauses = _quote_clauses(claim, context.common)
    if not quote_clauses:
        return
    for sentence in lang.sentences(claim.text):
        # A conflict position is printed as what its source says: attributed by construction.
        reported = claim.field == "conflicts" or lang.reports_a_view(sentence)
        conditional = bool(lang.conditional_terms(sentence))
        prescribing = claim.prescriptive or bool(lang.normative_terms(sentence))
        for clause in lang.clauses(sentence):
            aligned = _aligned(clause, quote_clauses, context.common)
            yield from _certainty(claim, clause, sentence, aligned or quote_clauses, bool(aligned), reported,
                                  prescribing)
            if not aligned or conditional or claim.prescriptive:
                continue
            # A modal claim ("could", "would") asserts nothing unconditionally; only a flat one drops a condition.
            if not lang.certainty(clause).hedged and all(item.conditional for item in aligned):
                first = aligned[0]
                yield Finding("claim-condition", claim,
                              f"“{_short(clause)}” drops the condition of “{_short(first.sentence)}” [{first.source}]",
                              "keep the condition ('if …', 'would') the source puts on it")
                continue
            if reported or claim.judgment is not None or lang.certainty(clause).hedged or prescribing:
                continue  # attributed, an assessment shown as such, hedged, or itself a recommendation
            if all(lang.normative_terms(item.sentence) for item in aligned):
                first = aligned[0]
                yield Finding("claim-opinion", claim,
                              f"“{_short(clause)}” states as fact a view or proposal: “{_short(first.sentence)}” "
                              f"[{first.source}] ({', '.join(lang.normative_terms(first.sentence))})",
                              f"attribute it (“{context.author_of(first.source)} argues …”) or make it a recommendation")


def _certainty(claim: Claim, clause: str, sentence: str, compared: list[QuoteClause], aligned: bool,
               reported: bool, prescribing: bool) -> Iterator[Finding]:
    # In "Kotani expects …" the verb attributes; other clauses do not inherit it as their hedge.
    said = lang.certainty(clause) if reported else _own_or_sentence(clause, sentence)
    if not said.hedged and (reported or prescribing or not aligned):
        # Unhedged: attributed, a recommendation, or restating no particular passage.
        return
    if said.terms and all(any(lang.plain(term) in lang.plain(item.sentence) for item in compared)
                          for term in said.terms):
        return  # the passage itself uses these words
    strongest = max(compared, key=lambda item: _quote_certainty(item).commitment)
    ceiling = _quote_certainty(strongest)
    if said.commitment > ceiling.commitment:
        yield Finding("claim-certainty", claim,
                      f"“{_short(clause)}” says {said.describe()}, but the passage it restates says "
                      f"{ceiling.describe()}: “{_short(strongest.text)}” [{strongest.source}]",
                      "use the source's own degree of certainty, or attribute the view to its author")


_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NOUN = r"(?:sources?|authors?|writers?|articles?|texts?)"
_UNIVERSAL = re.compile(
    rf"\b(?:all|each|every)\s+(?:one\s+)?(?:of\s+)?(?:the\s+)?(?:\w+\s+)?{_NOUN}\b"
    rf"|\bthe\s+(?:sources|authors|writers|articles)\b(?!\s+(?:differ|disagree|cited|listed|named))"
    rf"|\b(?:sources|authors)\s+(?:agree|concur)\b")
_BOTH = re.compile(rf"\bboth\s+(?:of\s+the\s+)?{_NOUN}\b")
_N_OF_M = re.compile(rf"\b{_COUNT}\s+of\s+the\s+{_COUNT}\s+{_NOUN}\b")
_SOURCE_COUNTS = re.compile(rf"\b{_COUNT}\s+(?:of\s+the\s+{_COUNT}\s+)?{_NOUN}\b")
_N = re.compile(rf"(?<!of the )\b{_COUNT}\s+{_NOUN}\b")
_MOST = re.compile(rf"\bmost\s+(?:of\s+the\s+)?{_NOUN}\b")


def check_quantifiers(claim: Claim, context: LintContext) -> Iterator[Finding]:
    text = lang.plain(claim.text)
    cited, total = set(claim.cited), len(context.sources.ids)
    have = f"cites {len(cited)} of the {total} sources ({', '.join(sorted(cited)) or 'none'})"
    hint = "name how many sources say it ('three of the five sources'), or cite every source the phrase covers"
    if (match := _UNIVERSAL.search(text)) and cited != set(context.sources.ids):
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
    check_numbers, check_clauses, check_quantifiers, check_attribution, check_confidence)


@dataclass
class LintContext:
    sources: SourceRegistry
    names: Names
    common: frozenset[str] = frozenset()

    def author_of(self, source_id: str) -> str:
        meta = self.sources[source_id].meta
        if isinstance(meta.authors, list) and meta.authors:
            author = meta.authors[0]
            return author.surname or author.name.split()[-1]
        return meta.publisher if isinstance(meta.publisher, str) else source_id


def lint_context(content: Content, sources: SourceRegistry, claims: list[Claim]) -> LintContext:
    return LintContext(sources, Names(sources), common_words(claims))


def lint_claim(claim: Claim, context: LintContext) -> list[Finding]:
    """Every rule's findings on one claim, before waivers."""
    return [finding for rule in RULES for finding in rule(claim, context)]


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
                       f"{finding.claim.describe()} {finding.message} [{finding.rule}]", finding.hint)
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
