"""A headline (or label) compresses its point's summary: it may drop words, not the summary's hedge or its
attribution.

The quote rules compare a headline with the quotes, but a headline shares few words with any quote ("Japan
stores US arms bound for Taiwan" for "Japan would provide storage sites … for incoming U.S. weapons"). It
shares many with the summary clause it heads, which the quote rules have checked: so the headline is held to
that clause. "Kotani thinks it likely that Japan would provide storage sites" may be headed "Japan would
likely store US arms, Kotani argues", not "Japan stores US arms, Kotani argues"; "Liao judges that the
balance has tilted toward China" may be headed "Liao sees the balance moving in China's favour", not "The
balance is moving in China's favour".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import deontic, instructional, wordsense
from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, align, quote_clauses_of
from briefwright.content.claims import Claim
from briefwright.content.passages import short

# A headline clause compresses the summary clause with which it shares at least this many distinctive words.
MIN_SHARED_WORDS = 2
# Reporting verbs that give a source's estimate of a fact ("Liao judges that the balance has tilted", "Kotani
# expects"), which a headline may not state as the fact. A thesis argued ("Publius argues that …", "Lincoln
# calls on …") is what a headline about an argument names; "notes", "reports" and "says" report facts.
_VIEW_FORCES = ("believe", "expect", "suggest")
def _summary_sentences(claim: Claim, context: LintContext) -> list[str]:
    if claim.field not in ("headline", "label") or context.content is None or claim.analysis:
        return []
    point = context.content.points.get(claim.owner.removeprefix("point:"))
    return lang.sentences(point.summary) if point is not None and point.summary else []


def _near(word: str, words: frozenset[str]) -> bool:
    """A headline word meets a summary word of the same stem, or of the same first four letters ("stores" ~
    "storage"): a headline compresses, and its words are often another part of speech."""
    return word in words or (len(word) >= 4 and any(other[:4] == word[:4] for other in words if len(other) >= 4))


def _compressed(clause: str, summary: list[str], context: LintContext) -> tuple[str, str] | None:
    """(summary sentence, the part of it the headline clause compresses): the sentence sharing most words with
    the clause, up to the last distinctive word they share (what follows, "… to prepare for a war Beijing
    might launch", is not what the headline says, nor is its hedge)."""
    ignored = context.name_words | lex.DISCOURSE_STEMS
    words = lang.content_words(clause) - ignored
    scored = [(sum(_near(word, lang.content_words(sentence)) for word in words), sentence) for sentence in summary]
    top, best = max(scored, default=(0, ""), key=lambda pair: pair[0])
    if top < MIN_SHARED_WORDS:
        return None
    distinctive = words - context.common
    ends = [match.end() for match in _TOKEN.finditer(best)
            if any(_near(word, distinctive) for word in lang.content_words(match.group(0)))]
    if not ends:
        return None
    # A likelihood word right after the last shared one qualifies it ("… widely … highly probable").
    following = _TOKEN.match(best[max(ends):].lstrip())
    end = max(ends)
    if following and lang.plain(following.group(0)) in lang.CERTAINTY_TERMS:
        end = len(best) - len(best[end:].lstrip()) + following.end()
    # Nor is a statement coordinated before it: "The threads will probably take turns, but … the operating
    # system schedules them" is compressed by "the operating system decides" from "but" on.
    starts = [match.end() for match in _COORDINATION.finditer(best) if match.end() <= min(ends)]
    return best, best[max(starts, default=0):end]


_COORDINATION = re.compile(r"\bbut\b|;")


_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


def _said(clause: str, sentence: str) -> lang.Certainty:
    """How sure a clause is: its own hedge, else (attributed) its reporting verb's, else asserted."""
    own = lang.certainty(clause)
    if own.terms or not lang.reports_a_view(sentence):
        return own
    return lex.reporting_certainty(sentence)


def check_headline_summary(claim: Claim, context: LintContext) -> Iterator[Finding]:
    summary = _summary_sentences(claim, context)
    if not summary:
        return
    for sentence in lang.sentences(claim.text):
        for clause in lang.clauses(sentence):
            found = _compressed(clause, summary, context)
            if found is None:
                continue
            yield from _dropped_hedge(claim, clause, sentence, *found, _provides(found[1], claim, context))
            # Aligned or not: a quote that reads as plain fact ("has developed in favor of China") is still the
            # view the summary attributes ("Liao judges that …"); a textbook's own verb describes its system.
            if not _textbooks_own_verb(*found, claim, context):
                yield from _dropped_attribution(claim, clause, sentence, *found)


def _textbooks_own_verb(summary_sentence: str, summary_clause: str, claim: Claim, context: LintContext) -> bool:
    """The summary's verb of view is a textbook's own, describing how a system treats something ("Rust considers
    s1 no longer valid"), not a view the summary attributes to the text."""
    verb = _view_verb(summary_sentence, summary_clause)
    items = align(summary_clause, quote_clauses_of(claim, context.common), context.common)
    return bool(verb and items) and all(item.source in context.instructional for item in items) and any(
        lang.mentions(item.sentence, verb or "") for item in items)


def _provides(summary_clause: str, claim: Claim, context: LintContext) -> bool:
    """The summary clause restates a rule text's provision: its "may" permits ("you may reproduce …"); or
    passages a textbook states unhedged, so its "can" or "may" is an ability or a permission ("a programmer
    can take five actions" for "you can take five actions"), no likelihood."""
    items = align(summary_clause, quote_clauses_of(claim, context.common), context.common)
    return any(deontic.provides(item, context) for item in items) or instructional.states_plainly(items, context)


def _dropped_hedge(claim: Claim, clause: str, sentence: str, summary_sentence: str, summary_clause: str,
                   provision: bool = False) -> Iterator[Finding]:
    if wordsense.prescribes(clause):
        return  # "The council should add a lane": a recommendation, which states no likelihood to keep
    said = _said(clause, sentence)
    if provision:  # a permission or obligation the summary restates is no likelihood to keep
        summary_sentence, summary_clause = (deontic.without_deontic_modals(summary_sentence),
                                            deontic.without_deontic_modals(summary_clause))
    # "not just possible but highly probable": the strongest of the compressed part's hedges is the summary's.
    parts = lang.clauses(lang.without_indirect_questions(summary_clause), keep_hedges=True)
    hedges = [lang.certainty(part) for part in parts]
    hedges = [hedge for hedge in hedges if hedge.terms]
    held = max(hedges, key=lambda hedge: hedge.commitment) if hedges else _said(summary_clause, summary_sentence)
    if held.terms and said.commitment > held.commitment and not lex.conditions(clause):
        yield Finding("claim-certainty", claim,
                      f"“{short(clause)}” says {said.describe()}, but the summary clause it compresses says "
                      f"{held.describe()}: “{short(summary_clause)}”",
                      "keep the summary's degree of certainty in the headline ('would', 'likely', 'could')")


def _dropped_attribution(claim: Claim, clause: str, sentence: str, summary_sentence: str, summary_clause: str
                         ) -> Iterator[Finding]:
    if lang.reports_a_view(sentence) or lang.certainty(sentence).hedged or not lex.has_verb(clause):
        return  # attributed, hedged (the hedge rule compares it), or a fragment that states nothing
    verb = _view_verb(summary_sentence, summary_clause)
    if verb:
        yield Finding("claim-opinion", claim,
                      f"“{short(clause)}” states as fact what its point's summary gives as a view (“{verb}”): "
                      f"“{short(summary_clause)}”",
                      "attribute it in the headline (“…, Kotani argues”), as the summary does")


def _view_verb(sentence: str, clause: str) -> str | None:
    """The verb of view ("judges", "argues") that governs the summary clause: in it, or in the sentence before
    it ("Yao argues that …, and that if China took Taiwan …")."""
    position = sentence.find(clause)
    governing = sentence[: position + len(clause)] if position >= 0 else clause
    if not lang.reports_a_view(governing):
        return None
    words = [word.strip(",.;:") for word in lang.plain(governing).split()]
    return next((word for word in words if word in lang.REPORTING_VERBS and wordsense.force(word) in _VIEW_FORCES),
                None)
