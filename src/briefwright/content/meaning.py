"""Faithfulness rules that compare what a clause means with the quote clauses it restates.

A reporting sentence must be carried by the passages it aligns to: the same polarity ("does not
support" is not "supports"), no wider scope ("every member" for "widely shared"), no cause the
passages do not state, the same aspect ("decided to post" is not "posted"), dates that date the
same thing ("reported in 2019" is not "a 2019 offer"), the named author as the passage's source,
and, above all, words the quotes actually contain: a sentence that aligns to nothing is an error
unless the content marks it as the author's own analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import acronyms, carried, causes, distribution, instructional, wordsense
from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause, align, quote_clauses_of
from briefwright.content.breadth import check_breadth
from briefwright.content.claims import Claim
from briefwright.content.conditionality import check_whole_clause_condition, clause_keeps_condition, restricting
from briefwright.content.contrast import check_contrast
from briefwright.content.entities import check_names
from briefwright.content.equals_denied import check_denials
from briefwright.content.force import check_force
from briefwright.content.passages import REPORTING_FIELDS, SUPPORTED_FIELDS
from briefwright.content.passages import aligned_clauses as _aligned_clauses
from briefwright.content.passages import best as _best
from briefwright.content.passages import cite as _cite
from briefwright.content.passages import reporting as _reporting
from briefwright.content.passages import short as _short
from briefwright.content.polarity import check_polarity
from briefwright.content.sequence import check_sequence
from briefwright.content.speakers import check_speakers
from briefwright.content.stance import check_stance

# A sentence that aligns to nothing, with a word no quote of the project uses, is unsupported when two of its
# words are in none of its sources' quotes, or when at least UNSUPPORTED_WORDS - 1 of its distinctive words,
# and at least this share of them, are in none of its own quotes (spelling variants and inflections allowed).
UNSUPPORTED_WORDS = 3
UNSUPPORTED_SHARE = 0.5


# -- support: a reporting sentence must be made of its quotes' words --------------------------------


def check_support(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A reporting sentence that aligns to no quote clause and brings in words no quote of the project
    uses ("garrison", "submarines") reports something its evidence does not say."""
    if claim.field not in SUPPORTED_FIELDS or claim.analysis or not claim.quotes:
        return
    if claim.text.startswith("Sources differ"):
        return
    quotes = " ".join(quote for _, quote in claim.quotes)
    own = lang.content_words(quotes)
    # What the cited sources say in any verified quote of the brief counts as support: a reader finds it.
    cited = own.union(*(context.source_words.get(source, frozenset()) for source in claim.cited))
    items = quote_clauses_of(claim, frozenset())
    for sentence in lang.sentences(claim.text):
        if claim.prescriptive and not _reports_a_fact(sentence):
            continue  # the product's own recommendation, or its reasoning ("would give …")
        named = acronyms.named_alike(sentence, quotes)  # "US Forces Japan" where the quotes say USFJ
        missing = _unsupported_words(sentence, (own | named, cited | named), items, context)
        if missing:
            yield Finding("claim-unsupported", claim,
                          f"“{_short(sentence)}” aligns to none of its quotes ({', '.join(missing[:6])} "
                          "appear in none of them)",
                          "restate a quoted passage, add the quote that says it, or mark the field as the "
                          "author's own analysis (analysis: [field] on the point)")


def _reports_a_fact(sentence: str) -> bool:
    """A recommendation's sentence that states, unhedged, something done or so ("Both bodies have already
    drafted …"), rather than prescribing, hedging or reasoning on a condition."""
    return not (wordsense.prescribes(sentence) or lex.directive(sentence) or lang.certainty(sentence).terms
                or lex.conditions(sentence) or lang.normative_terms(sentence) or lex.prospective(sentence))


def _unsupported_words(sentence: str, quoted: tuple[frozenset[str], frozenset[str]], items: list[QuoteClause],
                       context: LintContext) -> list[str]:
    """The words of a sentence that aligns to no quote clause which its quotes lack, when some of them no
    quote of the project uses; empty when the sentence is supported. quoted: the words of the claim's own
    quotes, and those with every quote of its cited sources. Two words the cited sources use elsewhere are
    support; a short sentence most of whose words its own quotes lack is not ("Australia chairs the
    framework" beside "four core members, … and Australia")."""
    if lex.commentary(sentence):
        return []  # "He treats both halves of this task as …": a reading of the passage already reported
    words = lang.content_words(lang.unquoted(sentence)) - context.name_words - lex.DISCOURSE_STEMS - lex.NUMBER_STEMS
    best = max((len((words - context.common) & item.words) for item in items), default=0)
    own, cited = quoted
    missing = sorted(word for word in words if not lex.word_in(word, cited))
    if best > 1 or not any(not lex.word_in(word, context.vocabulary) for word in missing):
        return []  # aligned, or every word is one some quote of the project uses
    return missing if len(missing) >= 2 else _mostly_absent(sentence, words - context.common, own)


# Verbs that carry a sentence's grammar more than its content ("US Forces Japan numbers 54,000 personnel").
_LIGHT_VERBS = lang.content_words("number total amount comprise consist include count reach stand hold have make take "
                                  "give get keep become remain seem serve use")


def _mostly_absent(sentence: str, words: frozenset[str], own: frozenset[str]) -> list[str]:
    """A plain statement (no denial, no named speaker) most of whose distinctive words its own quotes lack."""
    absent = sorted(word for word in words - _LIGHT_VERBS if not lex.word_in(word, own))
    if lex.negated(sentence) or lang.reports_a_view(sentence) or len(absent) < UNSUPPORTED_WORDS - 1:
        return []
    return absent if len(absent) >= UNSUPPORTED_SHARE * len(words) else []


# -- scope, cause, aspect (polarity: polarity.py) ---------------------------------------------------------------


def check_scope(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not _reporting(claim) and claim.field != "text":
        return
    quoted = " ".join(lang.plain(quote) for _, quote in claim.quotes)
    text = lex.without_source_counts(lang.plain(lang.unquoted(claim.text)))
    for word in lex.scope_terms(text):
        if word == "across" and distribution.across_as_quoted(text, quoted):
            continue  # "across threads" for "into multiple threads"
        if not lex.has_term(quoted, word) and not any(lex.has_term(quoted, alt) for alt in lex.SCOPE_EQUIVALENTS
                                                       .get(word, ())):
            yield Finding("claim-scope", claim,
                          f"says “{word}”, which none of its quotes does (they say: "
                          f"{', '.join(lex.scope_terms(quoted)) or 'no such scope word'})",
                          "keep the source's own scope ('many', 'widely', 'in Okinawa'), or quote a passage "
                          "that says it")
    quoted_lemmas = wordsense.lemmas(quoted)
    for _, clause, aligned in _aligned_clauses(claim, context):
        for item in _best(clause, aligned, context):
            if swap := wordsense.place_swap(clause, item.sentence, quoted_lemmas):
                yield Finding("claim-scope", claim,
                              f"“{_short(clause)}” puts it in a {swap[0]} where the passage it restates says "
                              f"{swap[1]}: {_cite(item)}", "keep the source's own place ('in Japan's EEZ', "
                              "'in Okinawa'), or quote a passage that says it")
                break


def check_cause(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if not _reporting(claim):
        return
    items = quote_clauses_of(claim, context.common)
    for sentence in lang.sentences(claim.text):
        terms = causes.claimed_terms(lang.plain(lang.unquoted(sentence)))
        if terms and not _link_is_quoted(sentence, terms[0], claim, items, context):
            yield Finding("claim-cause", claim,
                          f"“{_short(sentence)}” states a cause (“{terms[0]}”) that none of its quotes states",
                          "report the events side by side, or quote the passage that links them")


def _link_is_quoted(sentence: str, term: str, claim: Claim, items: list[QuoteClause], context: LintContext) -> bool:
    """The link must be the passage's own: a quote sentence that states a link and restates both what the
    claim gives as cause and as effect; or two sentences one quote sets side by side, the second bearing out
    the first ("we can not consecrate this ground. The brave men … have consecrated it")."""
    ignored = context.common | context.name_words | lex.DISCOURSE_STEMS
    sides = _linked_sides(sentence, term, ignored)
    if not all(sides):
        return any(causes.states_a_link(lang.plain(item.sentence)) for item in align(sentence, items, context.common))
    for item in {item.sentence: item for item in items}.values():
        words = lang.content_words(item.sentence)
        if causes.states_a_link(lang.plain(item.sentence)) and all(
                len(side & words) >= min(2, len(side)) for side in sides):
            return True
    return _adjacent_in_one_quote(sides, claim)


def _linked_sides(sentence: str, term: str, ignored: frozenset[str]) -> list[frozenset[str]]:
    """What the link joins: the two sides of the term within its own clause when both say something ("…, or
    for infringements caused by your modifications" links infringements and modifications, not the grant
    earlier in the sentence), else within the sentence; a fronted cause ("Because A, B") joins A and B."""
    if fronted := causes.fronted_sides(sentence, term):
        return [lang.content_words(side) - ignored for side in fronted]
    for part in (*lang.clauses(sentence), sentence):
        before, found, after = causes.partition(part, term)
        sides = [lang.content_words(side) - ignored for side in (before, after)]
        if found and (all(sides) or part == sentence):
            return sides
    return [frozenset(), frozenset()]


def _adjacent_in_one_quote(sides: list[frozenset[str]], claim: Claim) -> bool:
    for _, quote in claim.quotes:
        # A sentence that states a link of its own ("due to concerns about a backlash") links that, not the next.
        parts = [(lang.content_words(part), lex.states_a_link(lang.plain(part)), causes.points_back(lang.plain(part)))
                 for part in lang.sentences(quote)]
        for (first, linked, _), (second, _, back) in zip(parts, parts[1:], strict=False):
            if (not linked or back) and len(sides[0] & first) >= 2 and len(sides[1] & second) >= 2:
                return True
            # "… The reason is that …", "… That is why …": the second sentence gives the cause, or the effect.
            if back and len(sides[1] & first) >= 2 and len(sides[0] & second) >= 2:
                return True
    return False


def check_aspect(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A plan, intention or expectation restated as done ("decided to post" → "posted")."""
    if not _reporting(claim):
        return
    for _, clause, aligned in _aligned_clauses(claim, context):
        # What a rule text "shall" or "will" do it provides, now: no plan ("licences shall survive termination").
        # A textbook's "will" says what the system does whenever the case arises: no plan either.
        best = [item for item in _best(clause, aligned, context) if not instructional.describes(item, context)]
        if best and _done_for_planned(clause, [item.sentence for item in best]):
            yield Finding("claim-aspect", claim,
                          f"“{_short(clause)}” reports as done what the passage gives as a plan, intention or "
                          f"expectation: {_cite(best[0])}",
                          "keep the source's aspect ('decided to', 'plans', 'is expected to', 'wants')")
    yield from _headline_aspect(claim, context)


# An indirect question's modal qualifies the question, not the act the clause reports.
_INDIRECT_QUESTION = re.compile(r"\b(?:how|whether|why|what)\b.*")


def _done_for_planned(clause: str, passages: list[str]) -> bool:
    # Done, or happening: a verb the passage gives only as planned, stated plainly ("will strengthen" →
    # "strengthens").
    planned = frozenset().union(*(lex.planned_words(passage) for passage in passages))
    done = lex.completed(clause) + [word for word in lang.content_words(lang.unquoted(clause)) if word in planned]
    main = _INDIRECT_QUESTION.sub(" ", clause)  # "has begun simulating how the SDF would take part": done
    # "has not yet reviewed" reports nothing done.
    if lex.prospective(main) or lang.certainty(main).hedged or not done or not passages or lex.negated(main) \
            or not all(lex.prospective(_INDIRECT_QUESTION.sub(" ", p)) for p in passages):
        return False
    # The passage states the act itself, not as a plan ("a study … encouraged"): the claim keeps its aspect.
    stated = frozenset().union(*(lex.unplanned_words(passage) for passage in passages))
    # A saying the passage reports with a verb of the same force ("stressed" for "reiterating") is stated too.
    return not any(wordsense.same_force_in(verb, passages) or any(lex.word_in(word, stated)
                                                                  for word in lang.content_words(verb))
                   for verb in done)


def _headline_aspect(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A headline or label compresses its point's summary: it keeps the aspect of the summary clause it
    restates even where it shares too few words with a quote to align ("Japan upgraded …" for "Tokyo decided
    to post …"). A summary clause that reports an act done ("has said he will", "have enhanced … to prepare")
    is no plan, unless the act is a decision or a plan ("decided to")."""
    if claim.field not in ("headline", "label") or context.content is None:
        return
    point = context.content.points.get(claim.owner.removeprefix("point:"))
    if point is None or not point.summary:
        return
    clauses = [clause for sentence in lang.sentences(point.summary) for clause in lang.clauses(sentence)]
    for sentence in lang.sentences(claim.text):
        words = lang.content_words(sentence) - context.common - context.name_words
        best = max(clauses, key=lambda clause: len(words & lang.content_words(clause)), default="")
        if not words & lang.content_words(best) or not lex.planned_act(best) or _taught(best, claim, context):
            continue
        if _done_for_planned(sentence, [best]):
            yield Finding("claim-aspect", claim,
                          f"“{_short(sentence)}” reports as done what its point's summary gives as a plan, "
                          f"intention or expectation: “{_short(best)}”",
                          "keep the summary's aspect ('decided to', 'plans', 'is expected to', 'wants')")


def _taught(summary_clause: str, claim: Claim, context: LintContext) -> bool:
    """The summary clause restates what a textbook states a system does ("Rust will never copy …"): no plan."""
    return instructional.states_plainly(align(summary_clause, quote_clauses_of(claim, context.common), context.common),
                                        context)


def check_report_dates(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A date that dates a report ("in February 2019 reported") must not date the event it reports."""
    if not _reporting(claim) or claim.field in ("date", "figure"):
        return
    report_years = {year for _, quote in claim.quotes for year in lex.report_dates(quote)}
    event_years = {year for _, quote in claim.quotes for year in lex.years(quote)} - report_years
    for sentence in lang.sentences(claim.text):
        for year in lex.years(sentence) & report_years - event_years:
            # The year must date the report in the claim too: sit in a clause with a verb of reporting
            # ("In February 2019 Taiwan proposed …" dates the proposal).
            if not any(year in clause and lex.reports(clause) for clause in lang.clauses(sentence)):
                yield Finding("claim-date", claim,
                              f"“{_short(sentence)}” dates something to {year}, but its quotes give {year} as "
                              "the date of a report",
                              f"say it was reported in {year}")


# -- attribution: the named author must be the source of the passage restated ------------------------


def _best_sentences(text: str, aligned: list[QuoteClause], context: LintContext) -> list[QuoteClause]:
    """Of the aligned clauses, those whose whole quote sentence shares most with the text: who said it is a
    property of the sentence, and one clause of another source's sentence may tie with it."""
    words = lang.content_words(text) - context.common
    scores = {id(item): len(words & lang.content_words(item.sentence)) for item in aligned}
    top = max(scores.values())
    return [item for item in aligned if scores[id(item)] == top]


def check_named_source(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if claim.field not in REPORTING_FIELDS:
        return
    items = quote_clauses_of(claim, context.common)
    if not items:
        return
    for sentence in lang.sentences(claim.text):
        for name, sources, segment in context.names.segments(sentence):
            aligned = align(segment, items, context.common)
            aligned = _best_sentences(segment, aligned, context) if aligned else aligned
            if not aligned or any(item.source in sources for item in aligned) or not sources & set(claim.cited):
                continue  # restates the named source, or names one not cited (the citation rule's finding)
            first = aligned[0]
            yield Finding("claim-attribution", claim,
                          f"names {name} for “{_short(segment)}”, but the passage it restates is "
                          f"{first.source}'s: {_cite(first)}",
                          f"name {context.author_of(first.source)}, or quote {name}'s own passage")


def check_condition(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause that restates a conditional passage keeps a condition ("if", "unless", "without …")."""
    # Judgments and intros synthesise; headlines and labels compress the summary that keeps the condition.
    if claim.prescriptive or claim.field not in SUPPORTED_FIELDS:
        return
    conditioned = _conditioned_quote_clauses(claim)
    items = quote_clauses_of(claim, context.common)
    for sentence, clause, aligned in _aligned_clauses(claim, context):
        if carried.opens_with_condition(sentence):  # "Where …, …": the whole sentence is the conditional case
            continue
        best = _best(clause, aligned, context)
        if clause_keeps_condition(sentence, clause, [item for item in aligned
                                                     if conditioned.get((item.source, item.text), False)], items):
            continue
        dropped = _restated_conditional(clause, items, conditioned, context)
        if dropped and clause_keeps_condition(sentence, clause, dropped, items):
            continue  # the sentence keeps the condition of the very passage it restates word for word
        if all(conditioned.get((item.source, item.text), False) for item in best) or dropped:
            first = dropped[0] if dropped else best[0]
            if carried.kept(claim, sentence, clause, first, context):
                continue
            yield Finding("claim-condition", claim,
                          f"“{_short(clause)}” drops the condition of {_cite(first)}",
                          "keep the condition the source puts on it ('if …', 'unless …', 'without …')")


def _restated_conditional(clause: str, items: list[QuoteClause], conditioned: dict[tuple[str, str], bool],
                          context: LintContext) -> list[QuoteClause]:
    """The conditional quote clauses a clause restates nearly word for word ("… and to respond to such
    provocation" for "… and to respond to such provocation if necessary")."""
    words = lang.content_words(clause) - context.common
    return [item for item in items if conditioned.get((item.source, item.text), False)
            and len(words & item.words) >= max(2, len(item.words) - 1)]


def _conditioned_quote_clauses(claim: Claim) -> dict[tuple[str, str], bool]:
    marks: dict[tuple[str, str], bool] = {}
    for source, quote in claim.quotes:
        for sentence in lang.sentences(quote):
            clauses = lang.clauses(sentence) or [sentence]
            for clause, mark in zip(clauses, lex.conditioned_clauses(sentence, clauses), strict=True):
                marks[(source, clause)] = marks.get((source, clause), False) or mark or restricting(sentence)
    return marks


def check_number_roles(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A number must come from the passage the clause restates, and count what it counts there: "since 1996"
    for "since 2003" (1996 is elsewhere in the quotes), "four missiles" for "August 4"."""
    if claim.field not in REPORTING_FIELDS:
        return  # dates and figures are single values; judgments synthesise across points
    every = lex.counts(" ".join(quote for _, quote in claim.quotes))
    for _, clause, aligned in _aligned_clauses(claim, context):
        stated = lex.counts(clause) & every  # a number in no quote at all is the plain number rule's finding
        near = lex.counts(" ".join(item.text for item in aligned))
        around = lex.counts(" ".join(item.sentence for item in aligned))
        for number in sorted(stated - near):
            replaced = _misplaced(number, stated, near, around)
            if replaced is None:
                continue
            yield Finding("claim-number", claim,
                          f"“{_short(clause)}” states {lex.show(number)}, but the passage it restates gives "
                          f"{', '.join(lex.show(n) for n in replaced or sorted(near)) or 'no such number'}: "
                          f"{_cite(aligned[0])}",
                          "take the number from the passage that says it, with what it counts there")


def _misplaced(number: float, stated: frozenset[float], near: frozenset[float], around: frozenset[float]
               ) -> list[float] | None:
    """None when the number may stand; else the passage's numbers of the same kind it replaced (maybe none).
    Elsewhere in the passage's sentence is enough, unless the clause restated gives a number of the same
    kind that the claim replaced ("since 1996" for "since 2003")."""
    replaced = [other for other in near - stated if lex.is_year(other) == lex.is_year(number)]
    if not replaced and (number in around or not any(lex.is_year(other) == lex.is_year(number) for other in around)):
        return None  # in the passage's sentence, or the passage gives no number of that kind
    return replaced


MEANING_RULES = (check_number_roles, check_condition, check_whole_clause_condition, check_support, check_polarity,
                 check_contrast, check_denials, check_scope, check_names, check_breadth, check_force, check_cause,
                 check_aspect, check_report_dates, check_named_source, check_speakers,
                 check_stance, check_sequence)
