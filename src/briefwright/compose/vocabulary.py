"""An audience's vocabulary applied to the project's own prose: plain-language swaps and
acronyms spelled out on first use. Quotes, citations and references are never touched."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from briefwright.audience import Vocabulary
from briefwright.content.articles import agree_articles
from briefwright.model import Run, Section

UNTOUCHED_STYLES = {"reference", "sources", "footnote"}


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])")


def _pattern_any(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(term) for term in terms) + r")(?![\w-])")


Settled = dict[str, tuple[str, tuple[str, ...]]]
Compiled = tuple[list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]], list[tuple[str, re.Pattern[str], str]],
                 re.Pattern[str] | None]


def _swap_pattern(term: str) -> re.Pattern[str]:
    """A phrase to swap, found also when its words are joined by hyphens ("good-behaviour" for
    "good behaviour"): the compound is the same jargon."""
    words = [re.escape(word) for word in term.split()]
    return re.compile(r"(?<![\w-])" + r"(?:\s+|-)".join(words) + r"(?![\w-])")


def _swap(new: str) -> Callable[[re.Match[str]], str]:
    """The replacement, hyphenated where the matched phrase was (a 'good-behaviour rule' stays a compound)."""
    def replace(match: re.Match[str]) -> str:
        hyphenated = "-" in match.group() and not any(char.isspace() for char in match.group())
        return "-".join(new.split()) if hyphenated else new
    return replace


@lru_cache(maxsize=64)
def _compiled(replace: tuple[tuple[str, str], ...], acronyms: tuple[tuple[str, str], ...]) -> Compiled:
    """An audience's patterns, compiled once: a pass is made for every trial document."""
    swaps = [(_swap_pattern(old), _swap(new)) for old, new in replace]
    spelled = [(acronym, _pattern(acronym), expansion) for acronym, expansion in sorted(acronyms)]
    # One search tells whether any acronym occurs at all; most runs hold none.
    return swaps, spelled, _pattern_any([acronym for acronym, _, _ in spelled])


class VocabularyPass:
    def __init__(self, vocabulary: Vocabulary, settled: Settled | None = None) -> None:
        self.vocabulary = vocabulary
        self._replacements, self._acronyms, self._any = _compiled(tuple(vocabulary.replace.items()),
                                                                  tuple(vocabulary.acronyms.items()))
        self.used: list[str] = []
        self._expanded: set[str] = set()
        # Results that expanded nothing, by input text, shared by the passes of one composer: the
        # planner composes the same runs many times. Such a result is what the text gives again
        # whenever every acronym in it is already expanded (or nothing is ever expanded).
        self._settled: Settled = settled if settled is not None else {}

    @property
    def expanded(self) -> set[str]:
        """Acronyms already spelled out in this document."""
        return self._expanded

    def resume(self, used: tuple[str, ...], expanded: frozenset[str]) -> None:
        """Continue from the state a pass reached over the same sections before."""
        self.used[:] = used
        self._expanded = set(expanded)

    def text(self, text: str) -> str:
        settled = self._settled.get(text)
        if settled is not None and (self.vocabulary.expand != "first-use" or self._expanded.issuperset(settled[1])):
            result, found = settled
            self.used.extend(acronym for acronym in found if acronym not in self.used)
            return result
        return self._rewrite(text)

    def _rewrite(self, original: str) -> str:
        text = original
        for pattern, new in self._replacements:
            text = pattern.sub(new, text)
        found: list[str] = []
        expanded = False
        if self._any is not None and self._any.search(text) is not None:
            for acronym, pattern, expansion in self._acronyms:
                match = pattern.search(text)
                if match is None:
                    continue
                found.append(acronym)
                if acronym not in self.used:
                    self.used.append(acronym)
                if self.vocabulary.expand == "first-use" and acronym not in self._expanded:
                    self._expanded.add(acronym)
                    expanded = True
                    if expansion.lower() not in text[max(0, match.start() - len(expansion) - 2):match.start()].lower():
                        text = text[:match.start()] + f"{expansion} ({acronym})" + text[match.end():]
        if text != original:  # a swapped or spelled-out word may want the other article
            text = agree_articles(original, text)
        if not expanded:
            self._settled[original] = (text, tuple(found))
        return text

    def apply(self, sections: list[Section]) -> None:
        """Rewrite sections in reading order: each slide's kicker and title, then its blocks."""
        for section in sections:
            section.kicker = self.text(section.kicker) if section.kicker else section.kicker
            section.title = self.text(section.title) if section.title else section.title
            for block in section.blocks:
                if block.style in UNTOUCHED_STYLES:
                    continue
                block.runs = self._runs(block.runs)
                for row in block.rows:
                    if not row.header:
                        for cell in row.cells:
                            cell.runs = self._runs(cell.runs)

    def _runs(self, runs: list[Run]) -> list[Run]:
        return [run if run.cite else replace(run, text=self.text(run.text)) for run in runs]
