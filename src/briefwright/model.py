"""The neutral document model. Renderers read it; nothing here knows docx or pptx."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    cite: bool = False  # a citation marker, drawn in the muted colour
    anchor: str = ""  # the content field this text shows, "owner:field" (see briefwright.anchors)


@dataclass(frozen=True)
class EvidenceRef:
    """Where a block's claim comes from: the point and the verified quotes behind it."""

    point_id: str | None
    level: str | None
    source_ids: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...] = ()  # (source id, quote)
    points: tuple[str, ...] = ()  # for judgments: the points whose evidence carries them


@dataclass
class Cell:
    runs: list[Run]
    footnotes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Row:
    cells: list[Cell]
    trace: EvidenceRef | None = None
    header: bool = False


@dataclass
class Block:
    style: str  # a key into the product's styles
    runs: list[Run]
    kind: str = "paragraph"  # paragraph | heading | bullet | field | table | event | figure
    level: int = 1
    trace: EvidenceRef | None = None
    footnotes: list[str] = field(default_factory=list)  # notes referenced at the end of the block
    rows: list[Row] = field(default_factory=list)  # tables: header row first
    columns: list[float] = field(default_factory=list)  # tables: column widths as fractions
    alt_text: str = ""  # tables and drawings: what a screen reader announces
    marker: str = ""  # events: the date shown; figures: the number shown
    page_break_before: bool = False  # the first block of a section that starts a new page

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Section:
    """A titled stretch of the document; for decks, exactly one slide."""

    role: str  # masthead | bluf | module | sources | title | judgments
    title: str = ""
    kicker: str = ""
    module_id: str | None = None
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reference_numbers: list[int] = field(default_factory=list)
    footer: str = ""
    footnotes: list[str] = field(default_factory=list)  # drawn slides: what a dagger on an item means
    alt_text: str = ""  # drawn slides: what the drawing shows, for screen readers


@dataclass(frozen=True)
class Reference:
    number: int
    source_id: str
    full: str
    short: str


@dataclass
class Document:
    product_id: str
    audience_id: str
    title: str
    subject: str
    date: str  # as printed
    issued: str  # ISO date, for document properties
    author: str
    sections: list[Section]
    references: list[Reference]
    banner: str | None = None  # handling banner at the top and bottom of every page and slide
    language: str = "en-US"

    def blocks(self):
        for section in self.sections:
            yield from section.blocks
