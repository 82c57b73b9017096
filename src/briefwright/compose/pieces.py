"""What both kinds of composition share: the product's text templates, the runs a point or a
judgment becomes, its evidence trace, and the numbered sources.

Text templates are Jinja2 strings in the product file, rendered in a sandbox with
strict undefined names: a template can read the topic, the audience and the
module it is about, and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from briefwright import safety
from briefwright.anchors import anchor
from briefwright.audience import AudienceProfile
from briefwright.compose import sandbox, template_names
from briefwright.compose.changes import PreviousEdition
from briefwright.content.modules import Content, DetailLevel, Point
from briefwright.diagnostics import Where, fail
from briefwright.model import Block, EvidenceRef, Reference, Run
from briefwright.products import Product
from briefwright.sources import cite
from briefwright.sources.registry import SourceRegistry


@dataclass(frozen=True)
class ComposeContext:
    content: Content
    sources: SourceRegistry
    product: Product
    audience: AudienceProfile
    issued: str
    previous: PreviousEdition | None = None  # the last edition, for a product with what_changed


def event_date(date: str) -> str:
    """A timeline date at the precision the source gives: 1972, Feb 2019, 4 Jun 2022."""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = dt.date(2000, int(parts[1]), 1).strftime("%b")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def format_date(date: dt.date, pattern: str) -> str:
    """strftime, plus %-d for the day without a leading zero on every platform."""
    return date.strftime(pattern.replace("%-d", str(date.day)))


_DAGGERS = ("†", "‡", "§", "‖", "¶")


def dagger(index: int) -> str:
    """The note mark for the index-th disputed item on a slide: †, ‡, §, ‖, ¶, then ††, ‡‡ …"""
    return _DAGGERS[index % len(_DAGGERS)] * (index // len(_DAGGERS) + 1)


class Citations:
    """Numbers sources in order of first citation."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def numbers(self, source_ids: list[str] | tuple[str, ...]) -> list[int]:
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
        return sorted(self.order.index(s) + 1 for s in source_ids)

    @staticmethod
    def marker(numbers: list[int]) -> str:
        return "[" + ", ".join(str(n) for n in numbers) + "]"



class Pieces:
    """The templates and runs of one product for one audience; remembers what it rendered."""

    def __init__(self, context: ComposeContext) -> None:
        self.context = context
        self._rendered: dict[tuple, str] = {}  # (key, arguments) → text: the planner asks again and again
        self._reference_texts: dict[tuple[str, str], str] = {}  # (source, style) → its entry, for every trial
        self.date_text = format_date(dt.date.fromisoformat(context.issued), context.audience.date_format)
        self.labels = cite.labels([source.meta for source in context.sources])  # source id → "Kotani [2022]"

    # -- templates -------------------------------------------------------------

    def _template_where(self, key: str, template_line: int | None = None) -> Where:
        source = self.context.product._source
        if source is None:
            return Where(field=f"text.{key}")
        field = f"text.{key}" + (f", template line {template_line}" if template_line else "")
        return Where(source.path, source.line_of(("text", key)), field)

    def text(self, key: str, **extra: object) -> str:
        product = self.context.product
        if key not in product.text:
            raise fail("template-key", self._template_where(key),
                       f"product '{product.id}' has no text template '{key}'", "add it under text:")
        # Objects passed in (a module) are the content's own, alive as long as this composer.
        memo_key = (key, tuple((name, value if isinstance(value, (str, int, float)) else id(value))
                               for name, value in sorted(extra.items())))
        if memo_key in self._rendered:
            return self._rendered[memo_key]
        values = {"topic": self.context.content.topic, "audience": self.context.audience,
                  "date": self.date_text, "product": product, **extra}
        try:
            template = sandbox.compile_template(product.text[key])
            text = " ".join(sandbox.render(template, values).split())
        except SecurityError as exc:
            raise fail("template-unsafe", self._template_where(key),
                       f"the template reaches for something templates may not use ({exc})",
                       "templates may read topic, audience, date, product, module and refs — "
                       "nothing of Python's internals") from None
        except UndefinedError as exc:
            raise fail("template-undefined", self._template_where(key),
                       f"the template uses a name that does not exist: {exc.message}",
                       "available here: " + template_names.describe(
                           values, template_names.subject_of(exc.message or "", values))) from None
        except TemplateSyntaxError as exc:
            raise fail("template-syntax", self._template_where(key, exc.lineno),
                       f"template syntax: {exc.message}", "check the {{ }} and {% %} pairs") from None
        except TemplateError as exc:
            raise fail("template-error", self._template_where(key), f"template failed: {exc.message}") from None
        except sandbox.TemplateLimit as exc:
            raise fail("template-limit", self._template_where(key), f"the template {exc}",
                       "templates print a line or two of text: remove the loop or the repetition") from None
        except Exception as exc:  # a filter or operation failing on its input (int('x'), 1/0, …)
            raise fail("template-error", self._template_where(key),
                       f"the template failed: {type(exc).__name__}: {exc}",
                       "check the filters and operations it uses on its values") from None
        if (bad := safety.forbidden_character(text)) is not None:
            raise fail("template-control-character", self._template_where(key),
                       f"the template writes {bad[1]}, which Word and PowerPoint files cannot hold",
                       "remove the character from the template") from None
        self._rendered[memo_key] = text
        return text

    # -- helpers ---------------------------------------------------------------

    @staticmethod
    def conflict_runs(point: Point, brief: bool = False) -> list[Run]:
        """'Sources differ' lines, shown wherever the point is: in brief (what is disputed) beside a
        headline, in full (who says what) beside a summary or detail."""
        if brief:
            return [Run(f" Sources differ on {' '.join(conflict.about.split())}.", italic=True)
                    for conflict in point.conflicts]
        return [Run(" Sources differ: " + " ".join(conflict.summary.split()), italic=True)
                for conflict in point.conflicts]

    def point_body_runs(self, point: Point, level: DetailLevel, citations: Citations) -> list[Run]:
        """The text after the headline: summary or detail, any conflict line, the citation marker."""
        marker = Citations.marker(citations.numbers(point.source_ids))
        summary = Run(" " + " ".join(point.summary.split()), anchor=anchor(point.id, "summary"))
        text = [] if level == "headline" else [summary]
        if level == "detail":
            text.append(Run(" " + " ".join(point.detail.split()), anchor=anchor(point.id, "detail")))
        return [*text, *self.conflict_runs(point, brief=level == "headline"), Run(" " + marker, cite=True)]

    def point_runs(self, point: Point, level: DetailLevel, citations: Citations) -> list[Run]:
        headline = point.headline if level == "headline" and not point.conflicts else cite.with_period(point.headline)
        return [Run(headline, bold=True, anchor=anchor(point.id, "headline")),
                *self.point_body_runs(point, level, citations)]

    def assessment_runs(self, confidence: str | None) -> list[Run]:
        """How an assessment is told apart from source reporting, where the audience asks for it."""
        if confidence is None or not self.context.audience.judgments.show_confidence:
            return []
        if "assessment_tag" in self.context.product.text:
            tag = self.text("assessment_tag", confidence=confidence)
        else:
            tag = f"(our assessment, {confidence} confidence)"
        return [Run(" " + tag, italic=True)]

    @staticmethod
    def trace(point: Point, level: str) -> EvidenceRef:
        return EvidenceRef(point.id, level, tuple(point.source_ids),
                           tuple((item.source, item.quote) for item in point.evidence))

    def references(self, citations: Citations, style: str) -> list[Reference]:
        references = []
        for number, source_id in enumerate(citations.order, start=1):
            full = self._reference_texts.get((source_id, style))
            if full is None:
                meta = self.context.sources[source_id].meta
                full = cite.compact_reference(meta) if style == "compact" else cite.full_reference(meta)
                self._reference_texts[(source_id, style)] = full
            references.append(Reference(number, source_id, full, self.labels[source_id]))
        return references

    def judgment_block(self, style: str, text: str, points: list[str], citations: Citations, kind: str,
                        label: str = "", confidence: str | None = None, field: str = "") -> Block:
        source_ids = self.context.content.sources_of(points)
        marker = Citations.marker(citations.numbers(source_ids))
        runs = ([Run(label, bold=True)] if label else []) + [Run(" ".join(text.split()), anchor=field)]
        runs += self.assessment_runs(confidence) + [Run(" " + marker, cite=True)]
        return Block(style, runs, kind=kind, trace=self.judgment_trace(points))

    def judgment_trace(self, points: list[str]) -> EvidenceRef:
        quotes = tuple((item.source, item.quote) for point_id in points
                       for item in self.context.content.points[point_id].evidence)
        return EvidenceRef(None, "judgment", tuple(self.context.content.sources_of(points)), quotes, tuple(points))

