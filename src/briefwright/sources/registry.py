"""The source registry: seed texts, their metadata, and locating quotes in them."""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from briefwright import safety
from briefwright.diagnostics import BriefwrightError, Report, Where
from briefwright.sources.textnorm import NormalisedText, normalise
from briefwright.validation import validate_into
from briefwright.yamlio import YamlDocument, load_yaml

SLUG = r"^[a-z0-9][a-z0-9-]*$"
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
UNKNOWN = "unknown"


class Author(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"\S", description="The name as the source prints it; not blank")
    surname: str | None = None  # when the family name is not the last word (e.g. Yao Chung-yuan)
    native: str | None = None
    variants: list[str] = []


class Exclusion(BaseModel):
    """A stretch of a seed that is not part of the work and must never be cited."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    start: str = Field(alias="from")
    to: str
    reason: str


class SourceMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=SLUG)
    file: str
    original: str | None = None  # the file as received (PDF, web page …) when `file` was extracted from it
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str
    authors: Annotated[list[Author], Field(min_length=1)] | Literal["unknown"]  # none known: "unknown"
    publisher: str
    publisher_url: str | None = None
    date: str
    translator: str
    url: str
    excluded: list[Exclusion] = []
    notes: list[str] = []

    @field_validator("date")
    @classmethod
    def _date_is_stated_or_marked(cls, value: str) -> str:
        if value == UNKNOWN or value.startswith("inferred: ") or _ISO_DATE.match(value):
            return value
        raise ValueError("date must be YYYY[-MM[-DD]], 'unknown', or 'inferred: <reason>'")

    @field_validator("url")
    @classmethod
    def _url_is_given_or_unknown(cls, value: str) -> str:
        if value == UNKNOWN or value.startswith(("http://", "https://")):
            return value
        raise ValueError("url must be an http(s) address given by the text itself, or 'unknown'")


class SourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[SourceMeta]


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote sits in its source, in original character offsets."""

    start: int
    end: int
    line: int
    paragraph: int


@dataclass(frozen=True)
class ClosestPassage:
    text: str
    line: int
    similarity: float


class Source:
    def __init__(self, meta: SourceMeta, path: Path, text: str, excluded: list[tuple[int, int]]) -> None:
        self.meta = meta
        self.path = path
        self.text = text
        self.excluded = excluded
        # Where each quote sits, remembered; the verification cache fills it from an earlier run, and
        # then the text is never normalised unless something else asks for it.
        self._located: dict[str, QuoteMatch | None] = {}
        self._chunks: tuple[list[int], list[int]] | None = None

    @cached_property
    def _normalised(self) -> NormalisedText:
        return normalise(self.text)

    @cached_property
    def _included_mask(self) -> bytearray:
        return self._build_included_mask()

    @property
    def id(self) -> str:
        return self.meta.id

    def _build_included_mask(self) -> bytearray:
        """1 where a normalised character belongs to the work, 0 inside an exclusion (a byte each)."""
        origin = self._normalised.origin
        mask = bytearray(b"\x01") * len(origin)
        for start, end in self.excluded:  # origin rises monotonically: each exclusion is one slice
            first, stop = bisect.bisect_left(origin, start), bisect.bisect_left(origin, end)
            mask[first:stop] = bytes(max(stop - first, 0))
        return mask

    def _occurrences(self, quote: str) -> list[int]:
        haystack = self._normalised.text
        found, position = [], haystack.find(quote)
        while position != -1:
            found.append(position)
            position = haystack.find(quote, position + 1)
        return found

    def locate(self, quote: str) -> QuoteMatch | None:
        """The first occurrence of quote inside the work's own text, or None (remembered: every
        product's evidence map locates the same quotes again)."""
        if quote not in self._located:
            self._located[quote] = self._locate(quote)
        return self._located[quote]

    def _locate(self, quote: str) -> QuoteMatch | None:
        needle = normalise(quote).text
        if not needle:
            return None
        for position in self._occurrences(needle):
            end = position + len(needle)
            if all(self._included_mask[position:end]):
                start, stop = self._normalised.to_original(position, end)
                return QuoteMatch(start, stop, self.line_at(start), self.paragraph_at(start))
        return None

    def excluded_hit(self, quote: str) -> tuple[Exclusion, int, int] | None:
        """The exclusion (and its first and last line) that holds quote, if any."""
        needle = normalise(quote).text
        for position in self._occurrences(needle) if needle else []:
            original = self._normalised.origin[position]
            for exclusion, (start, end) in zip(self.meta.excluded, self.excluded):
                if start <= original < end:
                    return exclusion, self.line_at(start), self.line_at(max(end - 1, start))
        return None

    def line_at(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def paragraph_at(self, offset: int) -> int:
        """1-based number of the paragraph holding offset: each non-blank line is one.

        The seeds end paragraphs with a newline, some with blank lines between and some
        without, so a non-blank line is the unit that holds for all of them. Counted per
        chunk once, then within one chunk per call: every quote of a seed at the size limit
        costs a chunk's scan, not the whole text's.
        """
        if self._chunks is None:
            self._chunks = _paragraph_chunks(self.text)
        bounds, before = self._chunks
        chunk = bisect.bisect_right(bounds, offset) - 1
        return max(before[chunk] + len(_NON_BLANK_LINE.findall(self.text, bounds[chunk], offset + 1)), 1)

    def closest_passage(self, quote: str) -> ClosestPassage:
        """The stretch of the work's text most like quote, to help fix a typo."""
        needle = normalise(quote).text
        haystack = self._normalised.text
        width = max(len(needle), 1)
        best = (0.0, 0)
        starts = [0] + [m.end() for m in re.finditer(r" ", haystack)]
        for start in starts:
            if start >= len(self._included_mask) or not self._included_mask[start]:
                continue
            window = haystack[start : start + width]
            matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, start)
        ratio, start = best
        end = min(start + width, len(haystack))
        while end < len(haystack) and haystack[end] != " ":
            end += 1  # finish the word so the hint never ends mid-word
        original_start, original_end = self._normalised.to_original(start, end)
        passage = " ".join(self.text[original_start:original_end].split())
        return ClosestPassage(passage, self.line_at(original_start), ratio)


_NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)
_CHUNK = 1 << 16


def _paragraph_chunks(text: str) -> tuple[list[int], list[int]]:
    """Chunk starts (each just after a newline, about _CHUNK apart) and the non-blank lines before each."""
    bounds, before = [0], [0]
    while True:
        cut = text.find("\n", bounds[-1] + _CHUNK)
        if cut == -1:
            return bounds, before
        before.append(before[-1] + len(_NON_BLANK_LINE.findall(text, bounds[-1], cut + 1)))
        bounds.append(cut + 1)


def _resolve_marker(text: str, marker: str, *, is_start: bool) -> int | None:
    if is_start and marker == "start":
        return 0
    if not is_start and marker == "end":
        return len(text)
    position = text.find(marker)
    return None if position == -1 else position


class SourceRegistry:
    def __init__(self, sources: dict[str, Source], metadata_path: Path, failed: set[str] | None = None) -> None:
        self.sources = sources
        self.metadata_path = metadata_path
        self.failed = failed or set()  # listed, but refused or unreadable: already reported once

    def __contains__(self, source_id: str) -> bool:
        return source_id in self.sources

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __iter__(self):
        return iter(self.sources.values())

    def __len__(self) -> int:
        return len(self.sources)

    @property
    def ids(self) -> list[str]:
        return list(self.sources)


def load_sources(seeds_dir: Path, root: Path, report: Report) -> SourceRegistry:
    """Load seeds/sources.yaml and every text it lists, checking checksums and markers."""
    metadata_path = seeds_dir / "sources.yaml"
    shown = _display(metadata_path, root)
    document = load_yaml(safety.confined(root, shown, Where(shown), "source registry") if not shown.is_absolute()
                         else metadata_path, shown)
    parsed = validate_into(SourceFile, document.data, document, (), report)
    sources: dict[str, Source] = {}
    if parsed is None:
        return SourceRegistry(sources, metadata_path)
    if not parsed.sources:
        report.error("sources-empty", document.where(("sources",)), "the registry lists no sources",
                     "run `briefwright add-source FILE` for each source (a .txt, .md, .html, .docx or .pdf), "
                     "or copy its text into seeds/ unchanged and add an entry (see the comments in this file)")
    for index, meta in enumerate(parsed.sources):
        entry = _Entry(meta, ("sources", index), document, seeds_dir, root, report)
        if meta.id in sources:
            report.error("source-duplicate-id", entry.where("id"),
                         f"source id '{meta.id}' is used twice", "give each source its own id")
            continue
        source = entry.load()
        if source is not None:
            sources[meta.id] = source
    failed = {meta.id for meta in parsed.sources} - sources.keys()  # listed but refused: reported above
    return SourceRegistry(sources, metadata_path, failed)


@dataclass
class _Entry:
    """One entry of sources.yaml on its way to a Source: each refusal is reported at its field."""

    meta: SourceMeta
    base: tuple[str, int]
    document: YamlDocument
    seeds_dir: Path
    root: Path
    report: Report

    def where(self, *field_path: str | int) -> Where:
        return self.document.where(self.base + field_path)

    def load(self) -> Source | None:
        """The seed text with its exclusions; None (reported) when the file is refused, missing, changed
        or not UTF-8."""
        path = self._seed_path()
        if path is None:
            return None
        text = self._text(path)
        if text is None:
            return None
        return Source(self.meta, path, text, self._excluded(text))

    def _seed_path(self) -> Path | None:
        meta = self.meta
        try:
            path = safety.confined(self.seeds_dir, meta.file, self.where("file"), "seed file")
            if path.is_file():
                safety.check_size(path, safety.MAX_SEED_BYTES, self.where("file"), "seed file")
        except BriefwrightError as refused:
            self.report.extend(refused.report)
            return None
        if not path.is_file():
            self.report.error("source-file-missing", self.where("file"),
                              f"source file '{meta.file}' does not exist in {_display(self.seeds_dir, self.root)}",
                              "copy the text into seeds/ or correct the file name")
            return None
        return path

    def _text(self, path: Path) -> str | None:
        """The seed's text, when its bytes are the ones recorded and it is UTF-8."""
        meta = self.meta
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != meta.sha256:
            self.report.error("source-checksum", self.where("sha256"),
                              f"'{meta.file}' has sha256 {digest}, but sources.yaml records {meta.sha256}: "
                              "the seed text was changed",
                              "seeds are kept byte for byte; restore the original, or, if the new text is a "
                              "deliberate new version, update sha256 and re-check every quote")
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.report.error("source-encoding", self.where("file"), f"'{meta.file}' is not UTF-8 text")
            return None

    def _excluded(self, text: str) -> list[tuple[int, int]]:
        """The excluded stretches as offsets; a marker not in the text is reported and its stretch left out."""
        excluded: list[tuple[int, int]] = []
        for exclusion_index, exclusion in enumerate(self.meta.excluded):
            start = _resolve_marker(text, exclusion.start, is_start=True)
            end = _resolve_marker(text, exclusion.to, is_start=False)
            for marker, value, key in ((exclusion.start, start, "from"), (exclusion.to, end, "to")):
                if value is None:
                    self.report.error("source-marker", self.where("excluded", exclusion_index, key),
                                      f"marker {marker!r} is not in '{self.meta.file}'",
                                      "copy the marker text exactly from the seed, or use 'start' / 'end'")
            if start is not None and end is not None:
                excluded.append((start, end))
        return excluded


def _display(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path
