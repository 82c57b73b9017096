"""Names a claim adds: a place, body or person that none of the cited sources' verified quotes name ("industries
across Asia" for "Japanese industries", "deployed to Okinawa" beside quotes that never mention it) widens
or moves what the sources report, or invents it.

A name is a capitalised word inside a sentence (the first word may be capitalised for any reason). It is the
quotes' when a quote of a cited source uses it (in any inflection), when it is part of an acronym the quotes
use or a name they spell out, when it stands beside a name the quotes use ("Kazuo" in "Kazuo Asano"), or
when it is a capital standing for its country ("Washington" for the United States) and a quote names the
country. A cited source's own name is no new name: a word of its title, or the short names of a document's
title ("MPL" of "Mozilla Public License", content/documents.py). Source authors and publishers are the
attribution rules' concern; headlines and labels compress a summary, which is checked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import acronyms
from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.documents import title_names
from briefwright.content.passages import SUPPORTED_FIELDS, short

_TOKEN = re.compile(r"[A-Za-z][\w&'’-]*")
# Capitals that stand for their country in news prose (metonymy), general knowledge of no topic in particular.
_CAPITALS = """washington:united-states:america:american:us beijing:china:chinese tokyo:japan:japanese
    moscow:russia:russian london:britain:british:uk:united-kingdom paris:france:french berlin:germany:german
    brussels:eu:europe:european taipei:taiwan:taiwanese seoul:korea:korean pyongyang:korea:korean
    delhi:india:indian canberra:australia:australian ottawa:canada:canadian kyiv:ukraine:ukrainian
    kiev:ukraine:ukrainian rome:italy:italian madrid:spain:spanish ankara:turkey:turkish tehran:iran:iranian
    jerusalem:israel:israeli riyadh:saudi cairo:egypt:egyptian manila:philippines:philippine
    hanoi:vietnam:vietnamese jakarta:indonesia:indonesian islamabad:pakistan:pakistani brasilia:brazil:brazilian
    cardiff:wales:welsh edinburgh:scotland:scottish dublin:ireland:irish"""
_COUNTRY_OF: dict[str, set[str]] = {}
for _entry in _CAPITALS.split():
    _city, *_names = _entry.split(":")
    _COUNTRY_OF[_city] = {name.replace("-", " ") for name in _names}


def _capitalised(sentence: str) -> list[tuple[int, str]]:
    tokens = _TOKEN.findall(sentence)
    return [(index, token) for index, token in enumerate(tokens) if index and token[:1].isupper()]


def new_names(sentence: str, quotes: str, quoted: frozenset[str], context: LintContext) -> list[str]:
    """The sentence's names that no quote of its cited sources (whose words are `quoted`, all of them `quotes`,
    in lower case) names."""
    tokens = _TOKEN.findall(sentence)
    named = acronyms.named_alike(sentence, quotes)
    lowered = quotes.lower()
    found = []
    for index, token in _capitalised(sentence):
        words = lang.content_words(token)
        if not words or token.lower() in lang.MONTHS or words & (context.name_words | named):
            continue
        if any(lex.word_in(word, quoted) for word in words):
            continue
        neighbours = [tokens[other] for other in (index - 1, index + 1) if 0 <= other < len(tokens)]
        if any(other[:1].isupper() and lang.content_words(other) & quoted for other in neighbours):
            continue  # part of a name the quotes use ("Kazuo Asano")
        if any(re.search(rf"\b{country}\b", lowered) for country in _COUNTRY_OF.get(token.lower(), ())):
            continue  # a capital for its country
        found.append(token)
    return found


def _source_names(claim: Claim, context: LintContext) -> frozenset[str]:
    """The words by which a cited source is named: its title's words and its document's short names."""
    words: set[str] = set()
    for source in claim.cited:
        title = context.sources[source].meta.title if source in context.sources else None
        if isinstance(title, str) and title.lower() != "unknown":
            words |= lang.content_words(title)
            for name in title_names(title):
                words |= lang.content_words(name)
    return frozenset(words)


def check_names(claim: Claim, context: LintContext) -> Iterator[Finding]:
    if claim.field not in SUPPORTED_FIELDS or claim.analysis or claim.prescriptive or not claim.quotes:
        return
    quotes = " ".join(quote for _, quote in claim.quotes)
    cited = " ".join(quote for source in claim.cited for quote in context.source_quotes.get(source, ()))
    quoted = lang.content_words(quotes).union(*(context.source_words.get(source, frozenset())
                                                for source in claim.cited), _source_names(claim, context))
    for sentence in lang.sentences(claim.text):
        names = new_names(sentence, f"{quotes} {cited}", quoted, context)
        if names:
            yield Finding("claim-scope", claim,
                          f"“{short(sentence)}” names {', '.join(names)}, which no quote of its sources names",
                          "keep to the places, bodies and people the sources name, or quote the passage that "
                          "names it")
