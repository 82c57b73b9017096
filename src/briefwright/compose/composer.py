"""Compose a plan into the neutral document model, using the product's text templates.

Text templates are Jinja2 strings in the product file, rendered in a sandbox with
strict undefined names: a template can read the topic, the audience and the
module it is about, and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from briefwright import safety
from briefwright.anchors import TOPIC_OWNER, anchor
from briefwright.audience import AudienceProfile
from briefwright.compose import sandbox, template_names
from briefwright.compose.changes import PreviousEdition, insert_changes
from briefwright.compose.selection import Frame, Pick
from briefwright.compose.vocabulary import Settled, VocabularyPass
from briefwright.content.modules import Content, DetailLevel, Module, Point
from briefwright.diagnostics import Where, fail
from briefwright.measure.layout import Typesetter
from briefwright.model import Block, Cell, Document, EvidenceRef, Reference, Row, Run, Section
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


def _frame_key(frame: Frame, page_numbers: dict[str, int]) -> tuple:
    pages = tuple(page_numbers.get(key) for key, _ in frame.entries)
    return (frame.role, frame.module_id, tuple(frame.picks), frame.continued, tuple(frame.modules),
            tuple(frame.entries), pages)


def module_order(content: Content, audience: AudienceProfile) -> list[Module]:
    """Audience order first, then the topic's order for modules the audience does not name."""
    ordered: list[Module] = []
    for module_id in [*audience.module_order, *content.topic.module_order, *(m.id for m in content.modules)]:
        if module_id not in [m.id for m in ordered] and any(m.id == module_id for m in content.modules):
            ordered.append(content.module(module_id))
    return ordered


class Composer:
    def __init__(self, context: ComposeContext, typesetter: Typesetter) -> None:
        self.context = context
        self.typesetter = typesetter
        self._rendered: dict[tuple, str] = {}  # (key, arguments) → text: the planner asks again and again
        self._settled_vocabulary: Settled = {}
        self._reference_texts: dict[tuple[str, str], str] = {}  # (source, style) → its entry, for every trial
        self._sources_blocks: dict[tuple[str, ...], list[Block]] = {}  # cited sources → the list's blocks
        self._docx_sections: dict[tuple, tuple[Section, tuple[str, ...], frozenset[str], tuple[str, ...],
                                               frozenset[str]]] = {}
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
    def _conflict_runs(point: Point, brief: bool = False) -> list[Run]:
        """'Sources differ' lines, shown wherever the point is: in brief (what is disputed) beside a
        headline, in full (who says what) beside a summary or detail."""
        if brief:
            return [Run(f" Sources differ on {' '.join(conflict.about.split())}.", italic=True)
                    for conflict in point.conflicts]
        return [Run(" Sources differ: " + " ".join(conflict.summary.split()), italic=True)
                for conflict in point.conflicts]

    def _point_body_runs(self, point: Point, level: DetailLevel, citations: Citations) -> list[Run]:
        """The text after the headline: summary or detail, any conflict line, the citation marker."""
        marker = Citations.marker(citations.numbers(point.source_ids))
        summary = Run(" " + " ".join(point.summary.split()), anchor=anchor(point.id, "summary"))
        text = [] if level == "headline" else [summary]
        if level == "detail":
            text.append(Run(" " + " ".join(point.detail.split()), anchor=anchor(point.id, "detail")))
        return [*text, *self._conflict_runs(point, brief=level == "headline"), Run(" " + marker, cite=True)]

    def _point_runs(self, point: Point, level: DetailLevel, citations: Citations) -> list[Run]:
        headline = point.headline if level == "headline" and not point.conflicts else cite.with_period(point.headline)
        return [Run(headline, bold=True, anchor=anchor(point.id, "headline")),
                *self._point_body_runs(point, level, citations)]

    def _assessment_runs(self, confidence: str | None) -> list[Run]:
        """How an assessment is told apart from source reporting, where the audience asks for it."""
        if confidence is None or not self.context.audience.judgments.show_confidence:
            return []
        if "assessment_tag" in self.context.product.text:
            tag = self.text("assessment_tag", confidence=confidence)
        else:
            tag = f"(our assessment, {confidence} confidence)"
        return [Run(" " + tag, italic=True)]

    @staticmethod
    def _trace(point: Point, level: str) -> EvidenceRef:
        return EvidenceRef(point.id, level, tuple(point.source_ids),
                           tuple((item.source, item.quote) for item in point.evidence))

    def _references(self, citations: Citations, style: str) -> list[Reference]:
        references = []
        for number, source_id in enumerate(citations.order, start=1):
            full = self._reference_texts.get((source_id, style))
            if full is None:
                meta = self.context.sources[source_id].meta
                full = cite.compact_reference(meta) if style == "compact" else cite.full_reference(meta)
                self._reference_texts[(source_id, style)] = full
            references.append(Reference(number, source_id, full, self.labels[source_id]))
        return references

    @staticmethod
    def _cite_on_slide(source_ids, citations: Citations, numbers: list[int]) -> Run:
        """The [n] marker for a slide line, remembering the numbers for the slide's source line."""
        cited = citations.numbers(source_ids)
        numbers.extend(n for n in cited if n not in numbers)
        return Run(" " + Citations.marker(cited), cite=True)

    def _slide_point(self, point: Point, level: DetailLevel, citations: Citations, numbers: list[int]) -> list[Block]:
        """A headline bullet, and below it the summary (at that level) or, at least, any conflict line."""
        headline = Block("point", [Run(point.headline, anchor=anchor(point.id, "headline")),
                                   self._cite_on_slide(point.source_ids, citations, numbers)],
                         kind="bullet", trace=self._trace(point, level))
        below = self._point_body_runs(point, level, citations)[:-1]  # the marker is on the headline
        if not below:
            return [headline]
        return [headline, Block("point_summary", [Run(below[0].text.lstrip(), below[0].italic, anchor=below[0].anchor),
                                                 *below[1:]],
                                trace=headline.trace)]

    def _fitting_title(self, key: str, fallback_key: str, module: Module) -> str:
        """The title template's text if it fits the title box, else the fallback's (when defined)."""
        title = self.text(key, module=module)
        if fallback_key in self.context.product.text and not self.typesetter.fits_box(
                [Block("title", [Run(title)])], self.context.product.boxes["title"]):
            title = self.text(fallback_key, module=module)
        return title

    # -- composition -----------------------------------------------------------

    def compose(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Document:
        """The document for a plan; page_numbers (section key → page) fill a contents list."""
        vocabulary = VocabularyPass(self.context.audience.vocabulary, self._settled_vocabulary)
        if self.context.product.kind == "flow":
            sections, citations = self._compose_flow(frames, page_numbers or {}, vocabulary)
            self._add_changes_box(sections, frames)
        else:
            sections, citations = self._compose_slides(frames)
            vocabulary.apply(sections)
            self._add_changes_box(sections, frames)
        if self._wants_glossary(sections) and vocabulary.used:
            sections.insert(next(i for i, s in enumerate(sections) if s.role == "sources"),
                            self._glossary(vocabulary.used))
        references = self._references(citations, self.context.product.references)
        for section in sections:
            if section.role == "sources":
                self._fill_sources(section, references)
        topic = self.context.content.topic
        return Document(self.context.product.id, self.context.audience.id, topic.title, topic.subject, self.date_text,
                        self.context.issued, self.context.audience.branding.organisation, sections, references,
                        banner=self.context.audience.banner)

    def _add_changes_box(self, sections: list[Section], frames: list[Frame]) -> None:
        """A re-issued edition's "what changed" box (product setting what_changed): compose/changes.py."""
        product = self.context.product
        shown = list(dict.fromkeys(pick.point_id for frame in frames for pick in frame.picks))
        label = self.text("what_changed_label") if "what_changed_label" in product.text else "What changed"
        insert_changes(sections, self.context.content, product, self.context.previous, shown, label)

    def _wants_glossary(self, sections: list[Section]) -> bool:
        product = self.context.product
        return (self.context.audience.vocabulary.glossary and product.kind == "flow"
                and product.references == "full" and any(s.role == "sources" for s in sections))

    def _glossary(self, used: list[str]) -> Section:
        acronyms = self.context.audience.vocabulary.acronyms
        heading = self.text("glossary_heading") if "glossary_heading" in self.context.product.text else "Glossary"
        blocks = [Block("heading", [Run(heading)], kind="heading")]
        blocks += [Block("reference", [Run(f"{acronym} — {acronyms[acronym]}")]) for acronym in sorted(used)]
        return Section("glossary", title=heading, blocks=blocks)

    def _markers_to_footnotes(self, sections: list[Section], cited: set[str]) -> None:
        """Replace each [n] marker with a footnote: a full citation the first time a source is cited
        (cited: the sources the document has cited so far, updated), a short one after."""

        def note_for(source_ids: tuple[str, ...]) -> str:
            parts = []
            for source_id in source_ids:
                meta = self.context.sources[source_id].meta
                parts.append(cite.short_reference(meta) if source_id in cited else cite.full_reference(meta))
                cited.add(source_id)
            return cite.note(parts)

        for block in (block for section in sections for block in section.blocks):
            for row in block.rows:
                last = row.cells[-1]
                if row.trace and last.runs and last.runs[-1].cite:
                    last.runs = last.runs[:-1]
                    last.footnotes = [note_for(row.trace.source_ids)]
            if not (block.runs and block.runs[-1].cite and block.trace):
                continue
            block.runs = block.runs[:-1]
            block.footnotes = [note_for(block.trace.source_ids)]

    def _fill_sources(self, section: Section, references: list[Reference]) -> None:
        # The same sources in the same order give the same list (numbers and entries follow from
        # them): the planner's trials reuse it, and with it its measured blocks.
        key = tuple(reference.source_id for reference in references)
        if key not in self._sources_blocks:
            self._compose_sources(section, references)
            self._sources_blocks[key] = section.blocks
        section.blocks = list(self._sources_blocks[key])
        if self.context.product.kind == "slides":
            section.reference_numbers = [r.number for r in references]

    def _compose_sources(self, section: Section, references: list[Reference]) -> None:
        if self.context.product.kind == "slides":
            section.blocks = [Block("reference", [Run(f"[{r.number}] {r.full}")]) for r in references]
        elif self.context.product.references == "compact":
            runs = [Run(self.text("sources_label") + "  ", bold=True)]
            for reference in references:
                separator = "  " if reference.number < len(references) else ""
                runs.append(Run(f"[{reference.number}] {reference.full}{separator}"))
            section.blocks = [Block("sources", runs)]
        elif self.context.product.citations == "footnotes":
            # The notes carry the citations; the list is a bibliography, alphabetical by author.
            metas = sorted((self.context.sources[r.source_id].meta for r in references), key=cite.bibliography_key)
            section.blocks = [Block("heading", [Run(self.text("sources_heading"))], kind="heading")]
            section.blocks += [Block("reference", [Run(cite.bibliography_entry(meta))]) for meta in metas]
        else:
            section.blocks = [Block("heading", [Run(self.text("sources_heading"))], kind="heading")]
            section.blocks += [Block("reference", [Run(f"[{r.number}] {r.full}")]) for r in references]

    def _judgment_block(self, style: str, text: str, points: list[str], citations: Citations, kind: str,
                        label: str = "", confidence: str | None = None, field: str = "") -> Block:
        source_ids = self.context.content.sources_of(points)
        marker = Citations.marker(citations.numbers(source_ids))
        runs = ([Run(label, bold=True)] if label else []) + [Run(" ".join(text.split()), anchor=field)]
        runs += self._assessment_runs(confidence) + [Run(" " + marker, cite=True)]
        return Block(style, runs, kind=kind, trace=self._judgment_trace(points))

    def _judgment_trace(self, points: list[str]) -> EvidenceRef:
        quotes = tuple((item.source, item.quote) for point_id in points
                       for item in self.context.content.points[point_id].evidence)
        return EvidenceRef(None, "judgment", tuple(self.context.content.sources_of(points)), quotes, tuple(points))

    def _module_blocks(self, module: Module, picks: list[Pick], citations: Citations) -> list[Block]:
        product = self.context.product
        blocks = [Block("heading", [Run(self.text("module_heading", module=module))], kind="heading")]
        if product.points_as == "bullets":
            for pick in picks:
                point = self.context.content.points[pick.point_id]
                blocks.append(Block("bullet", self._point_runs(point, pick.level, citations), kind="bullet",
                                    trace=self._trace(point, pick.level)))
            return blocks
        blocks.append(self._judgment_block("intro", module.intro.text, module.intro_points, citations, "paragraph",
                                           field=anchor(module.id, "intro")))
        for pick in picks:
            point = self.context.content.points[pick.point_id]
            if pick.level == "headline":
                runs = self._point_runs(point, pick.level, citations)
            else:
                blocks.append(Block("subheading", [Run(point.headline, anchor=anchor(point.id, "headline"))],
                                    kind="heading", level=2))
                first, *rest = self._point_body_runs(point, pick.level, citations)
                runs = [replace(first, text=first.text.lstrip()), *rest]
            blocks.append(Block("body", runs, trace=self._trace(point, pick.level)))
        return blocks

    def _compose_flow(self, frames: list[Frame], page_numbers: dict[str, int],
                      vocabulary: VocabularyPass) -> tuple[list[Section], Citations]:
        """Each section composed, given its page break, footnotes and vocabulary, in reading order.

        What a section becomes depends only on its frame and on what the sections before it left:
        the citation order, the sources already cited in full, the acronyms already used and spelled
        out. The planner lays out hundreds of trial documents that differ in one section; every
        other section is taken as it was composed before, with the state it left.
        """
        citations, cited = Citations(), set[str]()
        new_page = {"module" if role == "modules" else role for role in self.context.product.new_page}
        footnotes = self.context.product.citations == "footnotes"
        sections: list[Section] = []
        for frame in frames:
            if frame.role == "sources":
                sections.append(Section("sources"))  # filled once the references are known; never shared
                continue
            entry = (_frame_key(frame, page_numbers), tuple(citations.order), frozenset(cited),
                     tuple(vocabulary.used), frozenset(vocabulary.expanded))
            done = self._docx_sections.get(entry)
            if done is None:
                section = self._docx_section(frame, citations, page_numbers)
                if section.role in new_page and section.blocks:
                    section.blocks[0].page_break_before = True
                if footnotes:
                    self._markers_to_footnotes([section], cited)
                vocabulary.apply([section])
                done = (section, tuple(citations.order), frozenset(cited), tuple(vocabulary.used),
                        frozenset(vocabulary.expanded))
                self._docx_sections[entry] = done
            else:
                citations.order = list(done[1])
                cited.clear()
                cited.update(done[2])
                vocabulary.resume(done[3], done[4])
            sections.append(done[0])
        return sections, citations

    def _docx_section(self, frame: Frame, citations: Citations, page_numbers: dict[str, int]) -> Section:
        """One Word section (not the sources, which wait for the references)."""
        content = self.context.content
        topic = content.topic
        if frame.role == "masthead":
            fields = [("To", self.text("to")), ("From", self.text("from")), ("Date", self.text("date")),
                      ("Subject", self.text("subject"))]
            blocks = [Block("kicker", [Run(self.text("kicker"))]),
                      Block("title", [Run(self.text("title"))], kind="heading", level=0)]
            for index, (label, value) in enumerate(fields):
                style = "field_last" if index == len(fields) - 1 else "field"
                blocks.append(Block(style, [Run(label.upper(), bold=True), Run(value)], kind="field"))
            return Section("masthead", blocks=blocks)
        if frame.role == "bluf":
            block = self._judgment_block("bluf", topic.bluf.text, topic.bluf.points, citations, "paragraph",
                                         self.text("bluf_label") + ": ", topic.bluf.confidence,
                                         anchor(TOPIC_OWNER, "bluf"))
            return Section("bluf", blocks=[block])
        if frame.role == "background":
            assert topic.background is not None  # the planner leaves the part out otherwise
            blocks = [Block("heading", [Run(self.text("background_heading"))], kind="heading"),
                      self._judgment_block("body", topic.background.text, topic.background.points, citations,
                                           "paragraph", field=anchor(TOPIC_OWNER, "background"))]
            return Section("background", title=self.text("background_heading"), blocks=blocks)
        if frame.role == "summary":
            blocks = [Block("heading", [Run(self.text("summary_heading"))], kind="heading"),
                      self._judgment_block("bluf", topic.bluf.text, topic.bluf.points, citations, "paragraph",
                                           self.text("bluf_label") + ": ", topic.bluf.confidence,
                                           anchor(TOPIC_OWNER, "bluf"))]
            for module in frame.modules:
                judgment = content.module(module).key_judgment
                blocks.append(self._judgment_block("bullet", judgment.text, judgment.points, citations, "bullet",
                                                   content.module(module).title + ". ", judgment.confidence,
                                                   anchor(module, "key_judgment")))
            return Section("summary", title=self.text("summary_heading"), blocks=blocks)
        if frame.role == "contents":
            blocks = [Block("heading", [Run(self.text("contents_heading"))], kind="heading")]
            for key, title in frame.entries:
                page = page_numbers.get(key)
                blocks.append(Block("contents_entry", [Run(title), Run("\t" + (str(page) if page else "0"))]))
            return Section("contents", title=self.text("contents_heading"), blocks=blocks)
        if frame.role == "module":
            shown = content.module(frame.module_id or "")
            return Section("module", title=shown.title, module_id=shown.id,
                           blocks=self._module_blocks(shown, frame.picks, citations))
        assert frame.role in ("timeline", "figures"), frame.role
        return self._table_section(frame, citations)

    def _table_section(self, frame: Frame, citations: Citations) -> Section:
        """The timeline or the key figures as a compact two-column table."""
        content = self.context.content
        heading = self.text(f"{frame.role}_heading")
        if frame.role == "timeline":
            header = [self.text("timeline_date_label"), self.text("timeline_event_label")]
            columns = [0.17, 0.83]
        else:
            header = [self.text("figures_value_label"), self.text("figures_caption_label")]
            columns = [0.2, 0.8]
        rows = [Row([Cell([Run(text)]) for text in header], header=True)]
        for pick in frame.picks:
            point = content.points[pick.point_id]
            marker = Run(" " + Citations.marker(citations.numbers(point.source_ids)), cite=True)
            if frame.role == "timeline":
                first = event_date(point.date or "")
                second = [Run(point.headline, anchor=anchor(point.id, "headline")),
                          *self._conflict_runs(point, brief=True), marker]
            else:
                assert point.figure is not None
                caption = point.figure.caption[0].upper() + point.figure.caption[1:]
                first = point.figure.value
                second = [Run(caption, anchor=anchor(point.id, "caption")), *self._conflict_runs(point, brief=True),
                          marker]
            rows.append(Row([Cell([Run(first, bold=True)]), Cell(second)], trace=self._trace(point, "summary")))
        span = ""
        if frame.role == "timeline" and frame.picks:
            dates = [content.points[p.point_id].date or "" for p in frame.picks]
            span = f" from {dates[0][:4]} to {dates[-1][:4]}"
        alt = (f"Table: {len(frame.picks)} dated events{span}, one a row, oldest first." if frame.role == "timeline"
               else f"Table: {len(frame.picks)} key figures, each with what it counts.")
        table = Block("table", [], kind="table", rows=rows, columns=columns, alt_text=alt)
        return Section(frame.role, title=heading,
                       blocks=[Block("heading", [Run(heading)], kind="heading"), table])

    def _compose_slides(self, frames: list[Frame]) -> tuple[list[Section], Citations]:
        content, citations = self.context.content, Citations()
        sections: list[Section] = []
        for frame in frames:
            if frame.role == "title":
                blocks = [Block("cover_kicker", [Run(self.text("cover_kicker"))]),
                          Block("cover_title", [Run(self.text("cover_title"))]),
                          Block("cover_subtitle", [Run(self.text("cover_subtitle"))]),
                          Block("cover_meta", [Run(self.text("cover_meta"))])]
                sections.append(Section("title", title=self.text("cover_title"), blocks=blocks))
            elif frame.role == "judgments":
                blocks, notes, numbers = [], [], list[int]()
                bluf = content.topic.bluf
                notes.append("Bottom line: " + " ".join(bluf.text.split()))
                for module in (content.module(m) for m in frame.modules):
                    judgment = module.key_judgment
                    marker = self._cite_on_slide(self.context.content.sources_of(judgment.points), citations, numbers)
                    text = " ".join(judgment.text.split())
                    blocks.append(Block("judgment", [Run(text, anchor=anchor(module.id, "key_judgment")),
                                                     *self._assessment_runs(judgment.confidence), marker],
                                        kind="bullet", trace=self._judgment_trace(judgment.points)))
                    confidence = f" Confidence: {judgment.confidence}." if judgment.confidence else ""
                    notes.append(f"{module.title}: {text}{confidence} Supported by: "
                                 + cite.with_period("; ".join(content.points[p].headline for p in judgment.points)))
                sections.append(Section("judgments", title=self.text("judgments_title"),
                                        kicker=self.text("judgments_kicker"), blocks=blocks, notes=notes,
                                        reference_numbers=sorted(numbers)))
            elif frame.role == "module":
                module = content.module(frame.module_id or "")
                title = self.text("continued_title", module=module) if frame.continued else \
                    self._fitting_title("module_title", "module_title_fallback", module)
                blocks, notes, numbers = [], [], list[int]()
                for pick in frame.picks:
                    point = content.points[pick.point_id]
                    blocks.extend(self._slide_point(point, pick.level, citations, numbers))
                    notes.append(self._point_notes(point, citations))
                section = Section("module", title=title, kicker=self.text("module_kicker", module=module),
                                  module_id=module.id, blocks=blocks, notes=notes, reference_numbers=sorted(numbers))
                sections.append(section)
            elif frame.role == "digest":
                blocks, notes, numbers = [], [], list[int]()
                for module_id in frame.modules:
                    module = content.module(module_id)
                    module_picks = [p for p in frame.picks if content.point_module[p.point_id] == module_id]
                    if not module_picks:
                        continue
                    blocks.append(Block("digest_module", [Run(self.text("module_kicker", module=module))]))
                    for pick in module_picks:
                        point = content.points[pick.point_id]
                        blocks.extend(self._slide_point(point, pick.level, citations, numbers))
                        notes.append(self._point_notes(point, citations))
                sections.append(Section("digest", title=self.text("digest_title"), kicker=self.text("digest_kicker"),
                                        blocks=blocks, notes=notes, reference_numbers=sorted(numbers)))
            elif frame.role in ("timeline", "figures"):
                sections.append(self._drawn_section(frame, citations))
            elif frame.role == "sources":
                sections.append(Section("sources", title=self.text("sources_title"), kicker=self.text("sources_kicker")))
        for section in sections:
            if section.reference_numbers and section.role != "sources":
                labels = [f"[{n}] {self.labels[citations.order[n - 1]]}"
                          for n in section.reference_numbers]
                section.footer = " ".join([*section.footnotes, self.text("source_line", refs="; ".join(labels))])
        return sections, citations

    def _drawn_section(self, frame: Frame, citations: Citations) -> Section:
        """A timeline or key-figures slide: one block per event or card, drawn by render/deck.py."""
        content = self.context.content
        blocks: list[Block] = []
        notes: list[str] = []
        numbers: list[int] = []
        differ: list[str] = []
        for pick in frame.picks:
            point = content.points[pick.point_id]
            self._cite_on_slide(point.source_ids, citations, numbers)  # drawn items show no marker
            # A disputed item carries a dagger; the slide's foot says how the sources differ.
            mark = " " + dagger(len(differ)) if point.conflicts else ""
            if point.conflicts:
                differ.append(dagger(len(differ)) + "".join(run.text for run in self._conflict_runs(point, brief=True)))
            if frame.role == "timeline":
                shown = anchor(point.id, "label" if point.label else "headline")
                blocks.append(Block("event_label", [Run((point.label or point.headline) + mark, anchor=shown)],
                                    kind="event",
                                    marker=event_date(point.date or ""), trace=self._trace(point, "headline")))
            else:
                assert point.figure is not None
                blocks.append(Block("figure_caption", [Run(point.figure.caption + mark, anchor=anchor(point.id, "caption"))],
                                    kind="figure",
                                    marker=point.figure.value, trace=self._trace(point, "headline")))
            notes.append(self._point_notes(point, citations))
        role = frame.role
        span = ""
        if role == "timeline" and blocks:
            span = f" from {blocks[0].marker} to {blocks[-1].marker}"
        alt = (f"Timeline of {len(blocks)} events{span}, read left to right." if role == "timeline"
               else f"{len(blocks)} key figures, read left to right and top to bottom.")
        module = content.module(frame.modules[0])
        title = self._fitting_title(f"{role}_title", f"{role}_title_fallback", module)
        section = Section(role, title=title, kicker=self.text(f"{role}_kicker", module=module), blocks=blocks,
                          notes=notes, reference_numbers=sorted(numbers), footnotes=differ)
        section.alt_text = alt
        return section

    def _point_notes(self, point: Point, citations: Citations) -> str:
        lines = [f"{point.headline}. {point.shown('detail')}"]
        for conflict in point.conflicts:
            lines.append("Sources differ: " + " ".join(conflict.summary.split()))
            for position in conflict.positions:
                number = citations.numbers([position.source])[0]
                lines.append(f"  [{number}] {position.says}")
        for item in point.evidence:
            number = citations.numbers([item.source])[0]
            lines.append(f"[{number}] {self.labels[item.source]}: “{' '.join(item.quote.split())}”")
        return "\n".join(lines)
