"""Content schema, loader and verifier: modules → points → evidence, every quote checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from briefwright import safety
from briefwright.content.rules import FAITHFULNESS_RULES  # noqa: F401  (re-exported: its old home)
from briefwright.diagnostics import BriefwrightError, Report, Where
from briefwright.sources import misquote
from briefwright.sources.registry import SLUG, QuoteMatch, SourceRegistry
from briefwright.sources.textnorm import normalise_plain
from briefwright.validation import validate_into
from briefwright.yamlio import FieldPath, YamlDocument, load_yaml

MAX_HEADLINE_WORDS = 12
MAX_HEADLINE_CHARS = 140  # twelve words of ordinary length; a run-on word cannot be laid out on a slide
TOPIC_FILE = "topic.yaml"
DETAIL_LEVELS = ("headline", "summary", "detail")
DetailLevel = Literal["headline", "summary", "detail"]

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[A-Z0-9\"'(])")


def count_sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip())) + 1


Confidence = Literal["low", "moderate", "high"]


class Waiver(BaseModel):
    """Permission for one claim to break one faithfulness rule, with the editor's reason."""

    model_config = ConfigDict(extra="forbid")
    rule: str
    field: str | None = Field(default=None, description="headline, summary, detail, label, figure, conflicts, text; "
                                                        "none: every field of the point")
    reason: str = Field(min_length=20, description="Why the claim is faithful although the rule flags it")

    @field_validator("rule")
    @classmethod
    def _known_rule(cls, value: str) -> str:
        if value not in FAITHFULNESS_RULES:
            raise ValueError(f"unknown rule '{value}'; known: {', '.join(FAITHFULNESS_RULES)}")
        return value


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    quote: str = Field(min_length=12)
    _match: QuoteMatch | None = PrivateAttr(default=None)

    @property
    def match(self) -> QuoteMatch:
        if self._match is None:
            raise RuntimeError("evidence used before verification")
        return self._match


class Position(BaseModel):
    """What one source says on a disputed matter."""

    model_config = ConfigDict(extra="forbid")
    source: str
    says: str
    quote: str = Field(min_length=12)
    _match: QuoteMatch | None = PrivateAttr(default=None)


class Conflict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    about: str = Field(description="What is disputed, as a phrase ('whether …'): printed as 'Sources differ on …' "
                                   "beside a headline")
    summary: str = Field(description="One line for readers: how the sources differ.")
    positions: list[Position] = Field(min_length=2)


class Figure(BaseModel):
    """A number that matters, as a key-figures point shows it."""

    model_config = ConfigDict(extra="forbid")
    value: str = Field(description="As displayed, e.g. '111 km' or '≈54,000'")
    stated: str = Field(description="The number exactly as the source writes it; must be in a quote")
    caption: str = Field(description="What the number counts, in a few words")


class Analysis(BaseModel):
    """Fields of a point in the author's own words and judgment rather than a report of its quotes.

    The faithfulness check does not ask them to align to a quote; products print them marked
    "Assessment (… confidence):" so readers can tell them from reporting."""

    model_config = ConfigDict(extra="forbid")
    fields: list[Literal["summary", "detail"]] = Field(min_length=1)
    confidence: Confidence


class Point(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=SLUG)
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                             description="Timeline points: when it happened, YYYY[-MM[-DD]]")
    label: str | None = Field(default=None, description="Timeline points: a short label for the drawing")
    figure: Figure | None = None
    headline: str = Field(description="a few words, no full stop")
    summary: str = Field(description="one or two sentences in your own words, carried by the point's quotes")
    detail: str = Field(description="what a longer product adds after the summary, in your own words")
    priority: int = Field(ge=1, le=3, description="1 must be kept, 2 should, 3 may be dropped first")
    tags: list[str] = []
    evidence: list[Evidence] = Field(min_length=1, description="the quotes that carry it (`briefwright quote find` "
                                                                "and `quote add` write them)")
    conflicts: list[Conflict] = []
    analysis: Analysis | None = None
    waive: list[Waiver] = []

    @field_validator("headline")
    @classmethod
    def _headline_is_short(cls, value: str) -> str:
        words = len(value.split())
        if words > MAX_HEADLINE_WORDS:
            raise ValueError(f"headline has {words} words; at most {MAX_HEADLINE_WORDS} are allowed — shorten it")
        if len(value) > MAX_HEADLINE_CHARS:
            raise ValueError(f"headline is {len(value):,} characters long; at most {MAX_HEADLINE_CHARS} are allowed "
                             "— shorten it")
        if value.rstrip().endswith("."):
            raise ValueError("headline should not end with a full stop")
        return value

    @field_validator("summary")
    @classmethod
    def _summary_is_brief(cls, value: str) -> str:
        sentences = count_sentences(value)
        if sentences > 2:
            raise ValueError(f"summary has {sentences} sentences; use one or two (put more in detail)")
        return value

    def text(self, level: DetailLevel) -> str:
        """The point's prose at a level; detail extends the summary rather than replacing it."""
        if level == "headline":
            return self.headline
        summary = self.shown("summary")
        return summary if level == "summary" else f"{summary} {self.shown('detail')}"

    def shown(self, field: Literal["summary", "detail"]) -> str:
        """A field as printed: the author's own analysis carries its marker and confidence."""
        text = " ".join((self.summary if field == "summary" else self.detail).split())
        if self.analysis is not None and field in self.analysis.fields:
            return f"Assessment ({self.analysis.confidence} confidence): {text}"
        return text

    @property
    def source_ids(self) -> list[str]:
        """Every source the point cites: its evidence, then any source a conflict line names."""
        seen: list[str] = []
        for source_id in [item.source for item in self.evidence] + [
                position.source for conflict in self.conflicts for position in conflict.positions]:
            if source_id not in seen:
                seen.append(source_id)
        return seen


class Judgment(BaseModel):
    """A sentence in the project's words that rests on named points' evidence.

    Key judgments and the BLUF are the product's own assessments: they carry a
    confidence (ICD 203: low, moderate, high) that audiences may ask to see.
    """

    model_config = ConfigDict(extra="forbid")
    text: str
    points: list[str] = Field(min_length=1, description="the ids of the points whose evidence carries it")
    confidence: Confidence | None = None
    waive: list[Waiver] = []


class Intro(BaseModel):
    """A module's opening lines; without points, they rest on every point of the module."""

    model_config = ConfigDict(extra="forbid")
    text: str
    points: list[str] = []
    waive: list[Waiver] = []


class Module(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=SLUG, description="the module's id, as content/topic.yaml's module_order names it")
    title: str = Field(description="the module's heading in products")
    short_title: str | None = None
    role: Literal["analysis", "recommendations", "timeline", "figures"] = "analysis"
    intro: Intro = Field(description="a sentence or two in your own words that open the module")
    key_judgment: Judgment = Field(description="the module's bottom line in your own words, resting on its points")

    @field_validator("intro", mode="before")
    @classmethod
    def _intro_as_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value

    @property
    def intro_points(self) -> list[str]:
        return self.intro.points or [point.id for point in self.points]
    points: list[Point] = Field(min_length=1)


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    subject: str
    module_order: list[str] = []
    bluf: Judgment
    background: Judgment | None = None


@dataclass
class Content:
    topic: Topic
    modules: list[Module]
    points: dict[str, Point] = field(default_factory=dict)
    point_module: dict[str, str] = field(default_factory=dict)
    point_where: dict[str, Where] = field(default_factory=dict)
    # The parsed files, kept so later checks can name the line of any field.
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # module id → its file
    topic_document: YamlDocument | None = None

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def sources_of(self, point_ids: list[str]) -> list[str]:
        """Source ids behind the given points, in order of first appearance."""
        seen: list[str] = []
        for point_id in point_ids:
            for source_id in self.points[point_id].source_ids:
                if source_id not in seen:
                    seen.append(source_id)
        return seen


def _inside(root: Path, path: Path) -> Path:
    """A content file resolved through the one confinement rule: a link out of the project is refused."""
    shown = _display(path, root)
    return safety.confined(root, shown, Where(shown), "content file") if not shown.is_absolute() else path


def load_content(content_dir: Path, root: Path, sources: SourceRegistry, report: Report) -> Content | None:
    """Load topic.yaml and every module file, validate, and verify every quote."""
    topic_path = content_dir / TOPIC_FILE
    topic_doc = load_yaml(_inside(root, topic_path), _display(topic_path, root))
    topic = validate_into(Topic, topic_doc.data, topic_doc, (), report)

    errors_before = len(report.errors)
    modules, documents = _load_modules(content_dir, root, report)
    if topic is None:
        return None
    content = Content(topic, modules, documents=documents, topic_document=topic_doc)
    _register_points(content, sources, report)
    if any(d.code.startswith(("schema-", "module-", "yaml-")) for d in report.errors[errors_before:]):
        # A module that failed to load would make every reference to its points look wrong.
        return content
    _check_judgment_refs(content, topic.bluf, topic_doc, ("bluf",), report)
    if topic.background is not None:
        _check_judgment_refs(content, topic.background, topic_doc, ("background",), report)
    for module in modules:
        _check_judgment_refs(content, module.key_judgment, documents[module.id], ("key_judgment",), report)
        _check_judgment_refs(content, module.intro, documents[module.id], ("intro",), report)
    return content


def _load_modules(content_dir: Path, root: Path, report: Report) -> tuple[list[Module], dict[str, YamlDocument]]:
    modules: list[Module] = []
    documents: dict[str, YamlDocument] = {}
    module_paths = sorted(p for p in content_dir.glob("*.yaml") if p.name != TOPIC_FILE)
    if not module_paths:
        report.error("content-empty", Where(_display(content_dir, root)), "no module files (*.yaml) found",
                     "write a module, e.g. content/findings.yaml with an id, a title and a few points, each "
                     "with a quote (the README's 'Adding material'; `briefwright quote find` finds the quotes)")
    for path in module_paths:
        try:
            document = load_yaml(_inside(root, path), _display(path, root))
        except BriefwrightError as exc:
            report.extend(exc.report)
            continue
        module = validate_into(Module, document.data, document, (), report)
        if module is None:
            continue
        if any(m.id == module.id for m in modules):
            report.error("module-duplicate-id", document.where(("id",)), f"module id '{module.id}' is used twice")
            continue
        modules.append(module)
        documents[module.id] = document
    return modules, documents


def _register_points(content: Content, sources: SourceRegistry, report: Report) -> None:
    for module in content.modules:
        document = content.documents[module.id]
        for index, point in enumerate(module.points):
            base: FieldPath = ("points", index)
            if point.id in content.points:
                other = content.point_module[point.id]
                report.error("point-duplicate-id", document.where(base + ("id",)),
                             f"point id '{point.id}' is already used in module '{other}'",
                             "point ids must be unique across all modules")
                continue
            content.points[point.id] = point
            content.point_module[point.id] = module.id
            content.point_where[point.id] = document.where(base)
            _verify_point(point, document, base, sources, report)
            _verify_role_fields(module, point, document, base, report)


def _verify_point(point: Point, document: YamlDocument, base: FieldPath, sources: SourceRegistry, report: Report) -> None:
    for index, evidence in enumerate(point.evidence):
        evidence._match = verify_quote(point.id, evidence.source, evidence.quote, document,
                                       base + ("evidence", index), sources, report)
    for c_index, conflict in enumerate(point.conflicts):
        for p_index, position in enumerate(conflict.positions):
            position._match = verify_quote(point.id, position.source, position.quote, document,
                                           base + ("conflicts", c_index, "positions", p_index), sources, report)


def _verify_role_fields(module: Module, point: Point, document: YamlDocument, base: FieldPath, report: Report) -> None:
    """Timeline dates and key figures must be what the point's own quotes say."""
    quotes = " ".join(normalise_plain(item.quote) for item in point.evidence)
    if module.role == "timeline":
        if point.date is None or point.label is None:
            report.error("timeline-fields", document.where(base), f"timeline point '{point.id}' needs date and label")
        elif point.date[:4] not in quotes:
            report.error("timeline-date", document.where(base + ("date",)),
                         f"point '{point.id}': the year {point.date[:4]} is not in any of its quotes",
                         "quote the passage that dates the event")
    if module.role == "figures":
        if point.figure is None:
            report.error("figure-missing", document.where(base), f"key-figures point '{point.id}' needs a figure")
        elif normalise_plain(point.figure.stated) not in quotes:
            report.error("figure-unstated", document.where(base + ("figure", "stated")),
                         f"point '{point.id}': '{point.figure.stated}' is not in any of its quotes",
                         "copy the number exactly as the source states it")


def verify_quote(point_id: str, source_id: str, quote: str, document: YamlDocument, at: FieldPath,
                 sources: SourceRegistry, report: Report) -> QuoteMatch | None:
    if source_id in sources.failed:
        return None  # the source itself was refused, and said so; its quotes cannot be checked
    if source_id not in sources:
        known = ", ".join(sources.ids) or "none"
        report.error("unknown-source", document.where(at + ("source",)),
                     f"point '{point_id}' cites unknown source '{source_id}' (known: {known})",
                     "add the source to seeds/sources.yaml or correct the id")
        return None
    source = sources[source_id]
    match = source.locate(quote)
    if match is not None:
        return match
    where = document.where(at + ("quote",))
    hit = source.excluded_hit(quote)
    if hit is not None:
        exclusion, first_line, last_line = hit
        report.error("quote-excluded", where,
                     f"point '{point_id}': the quote comes from lines {first_line}–{last_line} of source "
                     f"'{source_id}', which are excluded from the work: {' '.join(exclusion.reason.split())}",
                     "quote the work's own text; excluded fragments must never be cited")
        return None
    report.error("quote-not-found", where,
                 f"point '{point_id}': quote not found in source '{source_id}' ({source.meta.file})",
                 misquote.explain(source, quote, sources))
    return None


def _check_judgment_refs(content: Content, judgment: Judgment | Intro, document: YamlDocument, at: FieldPath,
                         report: Report) -> None:
    for index, point_id in enumerate(judgment.points):
        if point_id not in content.points:
            report.error("unknown-point", document.where(at + ("points", index)),
                         f"refers to point '{point_id}', which no module defines")


def _display(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path
