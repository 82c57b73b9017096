"""Compose a plan into the neutral document model, using the product's text templates.

The kind's composer (flow.py for pages, slides.py for decks) makes the sections; this one
adds what both share once the citations are known: the glossary and the sources list.
"""

from __future__ import annotations

from briefwright.compose.flow import FlowComposer
from briefwright.compose.pieces import ComposeContext
from briefwright.compose.selection import Frame
from briefwright.compose.slides import SlideComposer
from briefwright.compose.vocabulary import Settled, VocabularyPass
from briefwright.measure.layout import Typesetter
from briefwright.model import Block, Document, Reference, Run, Section
from briefwright.products import FlowProduct


class Composer:
    def __init__(self, context: ComposeContext, typesetter: Typesetter) -> None:
        self.context = context
        self.typesetter = typesetter
        self.kind = FlowComposer(context) if isinstance(context.product, FlowProduct) \
            else SlideComposer(context, self._fits_title)
        self._settled_vocabulary: Settled = {}
        self._sources_blocks: dict[tuple[str, ...], list[Block]] = {}  # cited sources → the list's blocks

    def _fits_title(self, title: str) -> bool:
        return self.typesetter.fits_box([Block("title", [Run(title)])], self.context.product.boxes["title"])

    def text(self, key: str, **extra: object) -> str:
        """A text template of the product, rendered (see pieces.Pieces.text)."""
        return self.kind.text(key, **extra)

    def compose(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Document:
        """The document for a plan; page_numbers (section key → page) fill a contents list."""
        vocabulary = VocabularyPass(self.context.audience.vocabulary, self._settled_vocabulary)
        sections, citations = self.kind.compose_sections(frames, page_numbers, vocabulary)
        if self._wants_glossary(sections) and vocabulary.used:
            sections.insert(next(i for i, s in enumerate(sections) if s.role == "sources"),
                            self._glossary(vocabulary.used))
        references = self.kind.references(citations, self.context.product.references)
        for section in sections:
            if section.role == "sources":
                self._fill_sources(section, references)
        topic = self.context.content.topic
        return Document(self.context.product.id, self.context.audience.id, topic.title, topic.subject,
                        self.kind.date_text, self.context.issued, self.context.audience.branding.organisation,
                        sections, references, banner=self.context.audience.banner)

    def _wants_glossary(self, sections: list[Section]) -> bool:
        return (self.context.audience.vocabulary.glossary and self.kind.takes_glossary
                and any(s.role == "sources" for s in sections))

    def _glossary(self, used: list[str]) -> Section:
        acronyms = self.context.audience.vocabulary.acronyms
        heading = self.text("glossary_heading") if "glossary_heading" in self.context.product.text else "Glossary"
        blocks = [Block("heading", [Run(heading)], kind="heading")]
        blocks += [Block("reference", [Run(f"{acronym} — {acronyms[acronym]}")]) for acronym in sorted(used)]
        return Section("glossary", title=heading, blocks=blocks)

    def _fill_sources(self, section: Section, references: list[Reference]) -> None:
        # The same sources in the same order give the same list (numbers and entries follow from
        # them): the planner's trials reuse it, and with it its measured blocks.
        key = tuple(reference.source_id for reference in references)
        if key not in self._sources_blocks:
            self._sources_blocks[key] = self.kind.sources_blocks(references)
        section.blocks = list(self._sources_blocks[key])
        if self.kind.numbers_sources:  # a slide's source line lists the numbers it shows
            section.reference_numbers = [r.number for r in references]
