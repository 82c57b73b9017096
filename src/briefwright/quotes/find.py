"""`briefwright quote find`: rank the sentences of the sources by how well they support a draft.

The score is lexical and explainable: the share of the draft's content words a sentence
holds, each weighted by how rare it is across the sources (a word every source uses says
little), with word forms matched by rapidfuzz so "drill" finds "drills". Excluded stretches of
a seed are never offered.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefwright.diagnostics import Report
from briefwright.project import Project
from briefwright.sources.registry import Source, SourceRegistry, load_sources
from briefwright.sources.sentences import ABBREVIATION, line_starts, one_line

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u3000-\u9fff])")
_STOPWORDS = frozenset("""a an and are as at be been but by can could did do does for from had has have he her his
how i if in into is it its may might more most must no not of on or our she should so than that the their them then
there these they this those to was we were what when which who will with would you your also between about after
before over said says""".split())
MIN_SCORE = 0.15
# A text whose long lines (the 90th percentile) are at most this wide is hard-wrapped; a line at
# least this share of that width runs on into the next line.
WRAP_WIDTH_MAX = 120
RUN_ON_SHARE = 0.6


@dataclass(frozen=True)
class Passage:
    """A sentence of a source: where it starts and ends (1-based lines and inclusive columns) and its
    text, a line break inside it read as one space (a sentence of a PDF or a hard-wrapped text file
    runs over several lines)."""

    source_id: str
    line: int
    first_column: int
    last_column: int
    text: str
    last_line: int = 0  # 0: the sentence ends on its first line

    @property
    def place(self) -> str:
        if self.last_line in (0, self.line):
            return f"{self.line}:{self.first_column}-{self.last_column}"
        return f"{self.line}:{self.first_column}-{self.last_line}:{self.last_column}"


@dataclass(frozen=True)
class Ranked:
    passage: Passage
    score: float
    matched: tuple[str, ...]


def load_registry(project: Project) -> SourceRegistry:
    """The sources, with their problems raised as the usual clear error."""
    report = Report()
    registry = load_sources(project.seeds_dir, project.root, report)
    report.raise_if_failed()
    return registry


def passages(source: Source) -> list[Passage]:
    """Every sentence of the work's own text (not of its excluded stretches), across line breaks
    where the text is hard-wrapped."""
    text = source.text
    starts = line_starts(text)
    found: list[Passage] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        start = 0
        ends = [m.start() for m in _SENTENCE_END.finditer(block) if not ABBREVIATION.search(block, 0, m.start())]
        for boundary in [*ends, len(block)]:
            piece = block[start:boundary]
            stripped = piece.strip()
            if stripped:
                first = block_start + start + len(piece) - len(piece.lstrip())
                last = first + len(stripped) - 1
                if not in_excluded(source, first):
                    found.append(_passage(source.id, starts, first, last, one_line(stripped)))
            start = boundary
    return found


def _passage(source_id: str, line_starts: list[int], first: int, last: int, text: str) -> Passage:
    line = bisect.bisect_right(line_starts, first)
    last_line = bisect.bisect_right(line_starts, last)
    return Passage(source_id, line, first - line_starts[line - 1] + 1, last - line_starts[last_line - 1] + 1, text,
                   last_line if last_line != line else 0)


def _blocks(text: str) -> list[tuple[int, int]]:
    """[start, end) of each stretch that sentences may run across. A text written a paragraph a line
    keeps a block per line; in a hard-wrapped text (a PDF's text layer, a wrapped .txt) a line that
    reaches the wrapping width runs on into the next, while a blank line and a short line (a
    heading, a byline, a paragraph's last line) end the block."""
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = 0 < width <= WRAP_WIDTH_MAX
    blocks: list[tuple[int, int]] = []
    offset = block_start = 0
    for index, line in enumerate(lines):
        end = offset + len(line)
        runs_on = wrapped and index + 1 < len(lines) and len(line.strip()) >= RUN_ON_SHARE * width
        if not runs_on:
            blocks.append((block_start, end))
            block_start = end + 1
        offset = end + 1
    return blocks


def in_excluded(source: Source, offset: int) -> bool:
    return any(start <= offset < end for start, end in source.excluded)


def content_words(text: str) -> list[str]:
    return [word for word in (w.lower().replace("’", "'") for w in _WORD.findall(text))
            if word not in _STOPWORDS and (len(word) > 1 or not word.isascii())]


def find_passages(sources: SourceRegistry, draft: str, *, source_id: str | None = None,
                  limit: int = 5) -> list[Ranked]:
    """The passages that best support draft, best first (at most limit; none below MIN_SCORE)."""
    _require_known(sources, source_id)
    every = [passage for source in sources for passage in passages(source)]
    candidates = [p for p in every if source_id is None or p.source_id == source_id]
    wanted = list(dict.fromkeys(content_words(draft)))
    if not wanted or not candidates:
        return []
    weight = _rarity_weight(every)
    total = sum(weight(word) for word in wanted)
    ranked = []
    for passage in candidates:
        words = set(content_words(passage.text))
        matched = _matched_words(wanted, words)
        if not matched:
            continue
        coverage = sum(weight(word) for word in matched) / total
        # Among passages covering the draft equally, the more focused one (fewer other words) first.
        focus = len(matched) / max(len(words), 1)
        score = 0.85 * coverage + 0.15 * min(focus, 1.0)
        if score >= MIN_SCORE:
            ranked.append(Ranked(passage, round(score, 4), tuple(matched)))
    ranked.sort(key=lambda r: (-r.score, r.passage.source_id, r.passage.line, r.passage.first_column))
    return ranked[:limit]


def _require_known(sources: SourceRegistry, source_id: str | None) -> None:
    if source_id is not None and source_id not in sources:
        from briefwright.diagnostics import Where, fail

        raise fail("unknown-source", Where(field="--source"), f"no source '{source_id}' "
                   f"(known: {', '.join(sources.ids) or 'none'})", "give an id from seeds/sources.yaml")


def _rarity_weight(every: list[Passage]) -> Callable[[str], float]:
    """A word's weight: high when few passages of all the sources hold it (a word every source uses says little)."""
    vocab = [set(content_words(p.text)) for p in every]
    document_frequency = Counter(word for words in vocab for word in words)

    def weight(word: str) -> float:
        return math.log(1 + len(every) / (1 + document_frequency.get(word, 0)))

    return weight


def _matched_words(wanted: list[str], words: set[str]) -> list[str]:
    """The draft's words this passage holds, as they are or as a close word form ("drill" for "drills")."""
    from rapidfuzz import fuzz

    return [word for word in wanted
            if word in words or any(fuzz.ratio(word, other) >= 85 for other in words
                                    if abs(len(other) - len(word)) <= 3 and other[:3] == word[:3])]


def format_passages(found: list[Ranked], point: str = "POINT") -> str:
    lines = []
    for number, item in enumerate(found, start=1):
        passage = item.passage
        lines.append(f"{number}. {passage.source_id} line {passage.line} "
                     f"(score {item.score:.2f}; shares: {', '.join(item.matched)})")
        lines.append(f"   \"{passage.text}\"")
        lines.append(f"   to cite it: briefwright quote add {point} {passage.source_id} {passage.place}")
    return "\n".join(lines)


def display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
