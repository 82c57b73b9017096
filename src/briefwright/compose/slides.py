"""Compose a deck: a section a slide, each point a headline bullet with its summary below, the
sources a slide cites on its source line, and the speaker notes that carry the detail."""

from __future__ import annotations

from collections.abc import Callable

from briefwright.anchors import anchor
from briefwright.compose.changes import changes_label, insert_changes, shown_points
from briefwright.compose.pieces import Citations, ComposeContext, Pieces, dagger, event_date
from briefwright.compose.selection import Frame
from briefwright.compose.vocabulary import VocabularyPass
from briefwright.content.modules import DetailLevel, Module, Point
from briefwright.model import Block, Reference, Run, Section
from briefwright.roles import DRAWN_ROLES
from briefwright.sources import cite


class SlideComposer(Pieces):
    """fits_title says whether a title fits the title box: a long module title gives way to its fallback."""

    numbers_sources = True  # the sources slide's source line shows every number
    takes_glossary = False  # a glossary is for page products, before their full list of sources

    def __init__(self, context: ComposeContext, fits_title: Callable[[str], bool]) -> None:
        super().__init__(context)
        self.fits_title = fits_title

    @staticmethod
    def sources_blocks(references: list[Reference]) -> list[Block]:
        return [Block("reference", [Run(f"[{r.number}] {r.full}")]) for r in references]

    def compose_sections(self, frames: list[Frame], page_numbers: dict[str, int] | None,
                         vocabulary: VocabularyPass) -> tuple[list[Section], Citations]:
        """A deck has no page numbers; its vocabulary is settled over the whole deck at once."""
        sections, citations = self._compose_slides(frames)
        vocabulary.apply(sections)
        product = self.context.product  # a re-issued deck's "what changed" slide, after the cover
        insert_changes(sections, self.context.content, product, self.context.previous, shown_points(frames),
                       changes_label(product, self.text))
        return sections, citations

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
                         kind="bullet", trace=self.trace(point, level))
        below = self.point_body_runs(point, level, citations)[:-1]  # the marker is on the headline
        if not below:
            return [headline]
        return [headline, Block("point_summary", [Run(below[0].text.lstrip(), below[0].italic, anchor=below[0].anchor),
                                                 *below[1:]],
                                trace=headline.trace)]

    def _fitting_title(self, key: str, fallback_key: str, module: Module) -> str:
        """The title template's text if it fits the title box, else the fallback's (when defined)."""
        title = self.text(key, module=module)
        if fallback_key in self.context.product.text and not self.fits_title(title):
            title = self.text(fallback_key, module=module)
        return title

    def _compose_slides(self, frames: list[Frame]) -> tuple[list[Section], Citations]:
        citations = Citations()
        sections: list[Section] = []
        for frame in frames:
            section = self._slide(frame, citations)
            if section is not None:
                sections.append(section)
        for section in sections:
            if section.reference_numbers and section.role != "sources":
                labels = [f"[{n}] {self.labels[citations.order[n - 1]]}"
                          for n in section.reference_numbers]
                section.footer = " ".join([*section.footnotes, self.text("source_line", refs="; ".join(labels))])
        return sections, citations

    def _slide(self, frame: Frame, citations: Citations) -> Section | None:
        """One frame's slide; its citations numbered after the slides before it."""
        if frame.role == "title":
            return self._title_slide()
        if frame.role == "judgments":
            return self._judgments_slide(frame, citations)
        if frame.role == "module":
            return self._module_slide(frame, citations)
        if frame.role == "digest":
            return self._digest_slide(frame, citations)
        if frame.role in DRAWN_ROLES:
            return self._drawn_section(frame, citations)
        if frame.role == "sources":
            return Section("sources", title=self.text("sources_title"), kicker=self.text("sources_kicker"))
        return None

    def _title_slide(self) -> Section:
        blocks = [Block("cover_kicker", [Run(self.text("cover_kicker"))]),
                  Block("cover_title", [Run(self.text("cover_title"))]),
                  Block("cover_subtitle", [Run(self.text("cover_subtitle"))]),
                  Block("cover_meta", [Run(self.text("cover_meta"))])]
        return Section("title", title=self.text("cover_title"), blocks=blocks)

    def _judgments_slide(self, frame: Frame, citations: Citations) -> Section:
        """Each module's key judgment as a bullet; the notes give the bottom line and the support."""
        content = self.context.content
        blocks, notes, numbers = [], [], list[int]()
        notes.append("Bottom line: " + " ".join(content.topic.bluf.text.split()))
        for module in (content.module(m) for m in frame.modules):
            judgment = module.key_judgment
            marker = self._cite_on_slide(content.sources_of(judgment.points), citations, numbers)
            text = " ".join(judgment.text.split())
            blocks.append(Block("judgment", [Run(text, anchor=anchor(module.id, "key_judgment")),
                                             *self.assessment_runs(judgment.confidence), marker],
                                kind="bullet", trace=self.judgment_trace(judgment.points)))
            confidence = f" Confidence: {judgment.confidence}." if judgment.confidence else ""
            notes.append(f"{module.title}: {text}{confidence} Supported by: "
                         + cite.with_period("; ".join(content.points[p].headline for p in judgment.points)))
        return Section("judgments", title=self.text("judgments_title"), kicker=self.text("judgments_kicker"),
                       blocks=blocks, notes=notes, reference_numbers=sorted(numbers))

    def _module_slide(self, frame: Frame, citations: Citations) -> Section:
        content = self.context.content
        module = content.module(frame.module_id or "")
        title = self.text("continued_title", module=module) if frame.continued else \
            self._fitting_title("module_title", "module_title_fallback", module)
        blocks: list[Block] = []
        notes: list[str] = []
        numbers: list[int] = []
        for pick in frame.picks:
            point = content.points[pick.point_id]
            blocks.extend(self._slide_point(point, pick.level, citations, numbers))
            notes.append(self._point_notes(point, citations))
        return Section("module", title=title, kicker=self.text("module_kicker", module=module),
                       module_id=module.id, blocks=blocks, notes=notes, reference_numbers=sorted(numbers))

    def _digest_slide(self, frame: Frame, citations: Citations) -> Section:
        """Several modules' headlines, each module's under its kicker."""
        content = self.context.content
        blocks: list[Block] = []
        notes: list[str] = []
        numbers: list[int] = []
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
        return Section("digest", title=self.text("digest_title"), kicker=self.text("digest_kicker"),
                       blocks=blocks, notes=notes, reference_numbers=sorted(numbers))

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
                differ.append(dagger(len(differ)) + "".join(run.text for run in self.conflict_runs(point, brief=True)))
            if frame.role == "timeline":
                shown = anchor(point.id, "label" if point.label else "headline")
                blocks.append(Block("event_label", [Run((point.label or point.headline) + mark, anchor=shown)],
                                    kind="event",
                                    marker=event_date(point.date or ""), trace=self.trace(point, "headline")))
            else:
                assert point.figure is not None
                blocks.append(Block("figure_caption", [Run(point.figure.caption + mark, anchor=anchor(point.id, "caption"))],
                                    kind="figure",
                                    marker=point.figure.value, trace=self.trace(point, "headline")))
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
