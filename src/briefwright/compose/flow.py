"""Compose a flowing product (Word, HTML): masthead, summary, modules, tables and sources as
sections of blocks, the citation markers turned into footnotes where the product asks."""

from __future__ import annotations

from dataclasses import replace

from briefwright.anchors import TOPIC_OWNER, anchor
from briefwright.compose.changes import changes_label, insert_changes, shown_points
from briefwright.compose.pieces import Citations, ComposeContext, Pieces, event_date
from briefwright.compose.selection import Frame, Pick
from briefwright.compose.vocabulary import VocabularyPass
from briefwright.content.modules import Module
from briefwright.model import Block, Cell, Reference, Row, Run, Section
from briefwright.roles import DRAWN_ROLES
from briefwright.sources import cite


def _frame_key(frame: Frame, page_numbers: dict[str, int]) -> tuple:
    pages = tuple(page_numbers.get(key) for key, _ in frame.entries)
    return (frame.role, frame.module_id, tuple(frame.picks), frame.continued, tuple(frame.modules),
            tuple(frame.entries), pages)



class FlowComposer(Pieces):
    numbers_sources = False  # the list numbers itself; no slide shows its numbers

    def __init__(self, context: ComposeContext) -> None:
        super().__init__(context)
        self._docx_sections: dict[tuple, tuple[Section, tuple[str, ...], frozenset[str], tuple[str, ...],
                                               frozenset[str]]] = {}

    @property
    def takes_glossary(self) -> bool:
        """A glossary sits before a full list of sources (a compact line has no room for one)."""
        return self.context.product.references == "full"

    def sources_blocks(self, references: list[Reference]) -> list[Block]:
        if self.context.product.references == "compact":
            runs = [Run(self.text("sources_label") + "  ", bold=True)]
            for reference in references:
                separator = "  " if reference.number < len(references) else ""
                runs.append(Run(f"[{reference.number}] {reference.full}{separator}"))
            return [Block("sources", runs)]
        blocks = [Block("heading", [Run(self.text("sources_heading"))], kind="heading")]
        if self.context.product.citations == "footnotes":
            # The notes carry the citations; the list is a bibliography, alphabetical by author.
            metas = sorted((self.context.sources[r.source_id].meta for r in references), key=cite.bibliography_key)
            return blocks + [Block("reference", [Run(cite.bibliography_entry(meta))]) for meta in metas]
        return blocks + [Block("reference", [Run(f"[{r.number}] {r.full}")]) for r in references]

    def compose_sections(self, frames: list[Frame], page_numbers: dict[str, int] | None,
                         vocabulary: VocabularyPass) -> tuple[list[Section], Citations]:
        sections, citations = self._compose_flow(frames, page_numbers or {}, vocabulary)
        self._add_changes_box(sections, frames)
        return sections, citations

    def _add_changes_box(self, sections: list[Section], frames: list[Frame]) -> None:
        """A re-issued edition's "what changed" box, after the masthead (product setting what_changed)."""
        product = self.context.product
        insert_changes(sections, self.context.content, product, self.context.previous, shown_points(frames),
                       changes_label(product, self.text))

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

    def _module_blocks(self, module: Module, picks: list[Pick], citations: Citations) -> list[Block]:
        product = self.context.product
        blocks = [Block("heading", [Run(self.text("module_heading", module=module))], kind="heading")]
        if product.points_as == "bullets":
            for pick in picks:
                point = self.context.content.points[pick.point_id]
                blocks.append(Block("bullet", self.point_runs(point, pick.level, citations), kind="bullet",
                                    trace=self.trace(point, pick.level)))
            return blocks
        blocks.append(self.judgment_block("intro", module.intro.text, module.intro_points, citations, "paragraph",
                                           field=anchor(module.id, "intro")))
        for pick in picks:
            point = self.context.content.points[pick.point_id]
            if pick.level == "headline":
                runs = self.point_runs(point, pick.level, citations)
            else:
                blocks.append(Block("subheading", [Run(point.headline, anchor=anchor(point.id, "headline"))],
                                    kind="heading", level=2))
                first, *rest = self.point_body_runs(point, pick.level, citations)
                runs = [replace(first, text=first.text.lstrip()), *rest]
            blocks.append(Block("body", runs, trace=self.trace(point, pick.level)))
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
            block = self.judgment_block("bluf", topic.bluf.text, topic.bluf.points, citations, "paragraph",
                                         self.text("bluf_label") + ": ", topic.bluf.confidence,
                                         anchor(TOPIC_OWNER, "bluf"))
            return Section("bluf", blocks=[block])
        if frame.role == "background":
            assert topic.background is not None  # the planner leaves the part out otherwise
            blocks = [Block("heading", [Run(self.text("background_heading"))], kind="heading"),
                      self.judgment_block("body", topic.background.text, topic.background.points, citations,
                                           "paragraph", field=anchor(TOPIC_OWNER, "background"))]
            return Section("background", title=self.text("background_heading"), blocks=blocks)
        if frame.role == "summary":
            blocks = [Block("heading", [Run(self.text("summary_heading"))], kind="heading"),
                      self.judgment_block("bluf", topic.bluf.text, topic.bluf.points, citations, "paragraph",
                                           self.text("bluf_label") + ": ", topic.bluf.confidence,
                                           anchor(TOPIC_OWNER, "bluf"))]
            for module in frame.modules:
                judgment = content.module(module).key_judgment
                blocks.append(self.judgment_block("bullet", judgment.text, judgment.points, citations, "bullet",
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
        assert frame.role in DRAWN_ROLES, frame.role
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
                          *self.conflict_runs(point, brief=True), marker]
            else:
                assert point.figure is not None
                caption = point.figure.caption[0].upper() + point.figure.caption[1:]
                first = point.figure.value
                second = [Run(caption, anchor=anchor(point.id, "caption")), *self.conflict_runs(point, brief=True),
                          marker]
            rows.append(Row([Cell([Run(first, bold=True)]), Cell(second)], trace=self.trace(point, "summary")))
        span = ""
        if frame.role == "timeline" and frame.picks:
            dates = [content.points[p.point_id].date or "" for p in frame.picks]
            span = f" from {dates[0][:4]} to {dates[-1][:4]}"
        alt = (f"Table: {len(frame.picks)} dated events{span}, one a row, oldest first." if frame.role == "timeline"
               else f"Table: {len(frame.picks)} key figures, each with what it counts.")
        table = Block("table", [], kind="table", rows=rows, columns=columns, alt_text=alt)
        return Section(frame.role, title=heading,
                       blocks=[Block("heading", [Run(heading)], kind="heading"), table])

