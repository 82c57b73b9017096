"""Which quote passages a sentence of the project's prose restates.

The faithfulness rules compare a claim clause with the quote clauses it paraphrases, found by
shared distinctive content words; this module holds that alignment, the names that identify
each source in prose, and the context every rule reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from briefwright.content import language as lang
from briefwright.content.claims import Claim
from briefwright.content.modules import Content
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

    @property
    def words(self) -> frozenset[str]:
        """The content words of every name: a sentence's "Kotani" or "Institute" is not a claim word."""
        return frozenset(word for name in self.by_name for word in lang.content_words(name))

    def segments(self, sentence: str) -> list[tuple[str, set[str], str]]:
        """(name, its sources, what the sentence says of them): the text from one name to the next,
        or, when a name closes its sentence ("…, FPRI argues."), the text before it."""
        spans: list[tuple[int, int, str]] = []
        for name in sorted(self.by_name, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", sentence, flags=re.IGNORECASE):
                if not any(start < match.end() and match.start() < end for start, end, _ in spans):
                    spans.append((match.start(), match.end(), name))
        spans.sort()
        # Names listed together ("Lim, Liao and Yao argue …") share what follows them.
        groups: list[tuple[int, int, str, set[str]]] = []
        for start, end, name in spans:
            if groups and not lang.content_words(sentence[groups[-1][1]:start]):
                first, _, joined, ids = groups[-1]
                groups[-1] = (first, end, f"{joined}, {name}", ids | self.by_name[name])
            else:
                groups.append((start, end, name, set(self.by_name[name])))
        result = []
        for index, (start, end, name, ids) in enumerate(groups):
            following = sentence[end: groups[index + 1][0] if index + 1 < len(groups) else len(sentence)]
            if len(lang.content_words(following)) < 3:
                following = sentence[groups[index - 1][1] if index else 0: start]
            result.append((name, ids, following))
        return result


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


def quote_clauses_of(claim: Claim, common: frozenset[str]) -> list[QuoteClause]:
    return list(_quote_clauses(claim.quotes, common))


@lru_cache(maxsize=4096)
def _quote_clauses(quotes: tuple[tuple[str, str], ...], common: frozenset[str]) -> tuple[QuoteClause, ...]:
    """Every rule splits the same quotes: once per set of quotes (frozensets keep their hash)."""
    result = []
    for source, quote in quotes:
        for sentence in lang.sentences(quote):
            for clause, conditional in lang.conditional_clauses(sentence) or [(sentence, False)]:
                result.append(QuoteClause(source, clause, sentence, lang.content_words(clause) - common, conditional))
    return tuple(result)


def common_words(claims: list[Claim]) -> frozenset[str]:
    """Content words so frequent across the project's quotes that they cannot tell passages apart."""
    quotes = {quote for claim in claims for _, quote in claim.quotes}
    counts: dict[str, int] = {}
    for quote in quotes:
        for word in lang.content_words(quote):
            counts[word] = counts.get(word, 0) + 1
    limit = max(2, COMMON_WORD_SHARE * len(quotes))
    return frozenset(word for word, count in counts.items() if count > limit)


def _best_scored(words: frozenset[str], items: list[QuoteClause]) -> list[QuoteClause]:
    scored = [(len(words & item.words), item) for item in items]
    best = max((score for score, _ in scored), default=0)
    if best < MIN_SHARED_WORDS:
        return []
    return [item for score, item in scored if score >= max(MIN_SHARED_WORDS, NEAR_BEST * best)]


@lru_cache(maxsize=4096)
def _whole_sentences(quote_clauses: tuple[QuoteClause, ...]) -> list[QuoteClause]:
    return whole_sentences(quote_clauses)


def whole_sentences(quote_clauses: tuple[QuoteClause, ...] | list[QuoteClause]) -> list[QuoteClause]:
    """Each quote sentence as one unit: what a claim clause says may span a quote's clauses ("The GCTF
    (…) — which consists of … — provides one potential avenue for … coordination")."""
    merged: dict[tuple[str, str], QuoteClause] = {}
    for item in quote_clauses:
        key = (item.source, item.sentence)
        known = merged.get(key)
        merged[key] = QuoteClause(item.source, item.sentence, item.sentence,
                                  item.words | (known.words if known else frozenset()),
                                  item.conditional or bool(known and known.conditional))
    return list(merged.values())


def align(clause: str, quote_clauses: list[QuoteClause], common: frozenset[str]) -> list[QuoteClause]:
    """The quote clauses a claim clause restates, by shared distinctive content words; when no single
    clause shares enough, the quote sentences that do (the clause restates a passage across its commas)."""
    words = lang.content_words(clause) - common
    found = _best_scored(words, quote_clauses)
    if found:
        return found
    # Across a sentence's clauses, shared words are more often chance: at least half the clause's must be there.
    return [item for item in _best_scored(words, _whole_sentences(tuple(quote_clauses)))
            if 2 * len(words & item.words) >= len(words)]


@dataclass
class LintContext:
    sources: SourceRegistry
    names: Names
    common: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()  # every content word of every quote in the project
    source_words: dict[str, frozenset[str]] = field(default_factory=dict)  # content words of each source's quotes
    titles: tuple[str, ...] = ()  # the sources' titles, lower case: "The Federalist No. 51" states no 51
    content: Content | None = None  # the judgment rules read the points a judgment rests on
    rule_texts: frozenset[str] = frozenset()  # sources whose quotes are drafted provisions (content/deontic.py)
    source_quotes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # every quote of each source, in order
    instructional: frozenset[str] = frozenset()  # textbooks, manuals, tutorials (content/instructional.py)
    quoted_text: str = ""  # every quote of the project, lower case (content/bodies.py looks names up in it)

    def author_of(self, source_id: str) -> str:
        meta = self.sources[source_id].meta
        if isinstance(meta.authors, list) and meta.authors:
            author = meta.authors[0]
            return author.surname or author.name.split()[-1]
        return meta.publisher if isinstance(meta.publisher, str) else source_id




@dataclass(frozen=True)
class AlignedClause:
    """One clause of a reporting sentence and the quote clauses it restates (empty: it aligns to none)."""

    clause: str
    passages: tuple[QuoteClause, ...]


def alignment_of(claim: Claim, common: frozenset[str]) -> list[AlignedClause]:
    """Clause by clause, what a claim's text restates: the record `trace` shows and the rules compare against."""
    items = quote_clauses_of(claim, common)
    return [AlignedClause(clause, tuple(align(clause, items, common)))
            for sentence in lang.sentences(claim.text) for clause in lang.clauses(sentence)]


def point_alignments(claims: list[Claim]) -> dict[tuple[str, str], tuple[Claim, list[AlignedClause]]]:
    """(point id, field) → the field's claim and its aligned clauses, for every point field with quotes."""
    common = common_words(claims)
    return {(claim.owner.removeprefix("point:"), claim.field): (claim, alignment_of(claim, common))
            for claim in claims if claim.owner.startswith("point:") and claim.quotes}


def clear_caches() -> None:
    """Forget the split quotes (the bench times a cold lint)."""
    _quote_clauses.cache_clear()
    _whole_sentences.cache_clear()
