"""What briefwright reads from a Word reference document (docx_reference.py fills it in)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ThemeFonts:
    major_latin: str | None = None
    minor_latin: str | None = None
    major_east_asian: str | None = None
    minor_east_asian: str | None = None

    def face(self, theme_name: str) -> str | None:
        """The face a theme reference names: majorHAnsi/majorAscii → major Latin, minorEastAsia → minor EA."""
        major = theme_name.startswith("major")
        if "EastAsia" in theme_name:
            return self.major_east_asian if major else self.minor_east_asian
        return self.major_latin if major else self.minor_latin


@dataclass(frozen=True)
class ResolvedStyle:
    """A style's effective properties (points), after docDefaults and its basedOn chain."""

    style_id: str
    name: str
    kind: str  # paragraph | character | table | numbering
    based_on: str | None
    font: str | None  # Latin face; None when the chain names a theme font the package lacks
    east_asian: str | None
    font_source: str  # "explicit", "theme (minorHAnsi)", "Word's default"
    size: float
    bold: bool
    italic: bool
    caps: bool
    color: str | None  # RRGGBB, None for automatic
    before: float
    after: float
    line_rule: str  # auto | exact | atLeast
    line_value: float  # auto: a multiple of the font's single line; exact/atLeast: points
    indent: float
    hanging: float
    keep_with_next: bool
    align: str

    def pitch(self, line_height_em: float) -> float:
        """Baseline-to-baseline distance (points) for a font whose single line is line_height_em."""
        natural = self.size * line_height_em
        if self.line_rule == "exact":
            return self.line_value
        if self.line_rule == "atLeast":
            return max(self.line_value, natural)
        return natural * self.line_value


@dataclass(frozen=True)
class Drawing:
    width: float  # points
    height: float
    anchored: bool  # floating (wp:anchor) rather than in the line (wp:inline)
    bottom: float | None  # anchored to the page: its bottom edge from the page top, in points


@dataclass(frozen=True)
class PagePart:
    """A header or footer: its paragraphs' styles and text, and the pictures it places."""

    part: str
    texts: list[tuple[str | None, str]]  # (style id, text) per paragraph
    drawings: list[Drawing]

    @property
    def has_content(self) -> bool:
        return any(text.strip() for _, text in self.texts) or bool(self.drawings)


@dataclass(frozen=True)
class PageSetup:
    width: float  # points
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header: float  # header distance from the page top edge
    footer: float


@dataclass
class DocxReference:
    path: Path
    page: PageSetup
    styles: dict[str, ResolvedStyle]  # by style id
    theme: ThemeFonts
    header: PagePart | None
    footer: PagePart | None
    default_paragraph: str | None  # style id of the default paragraph style (Normal)
    problems: list[str] = field(default_factory=list)

    def by_name(self, name: str) -> ResolvedStyle | None:
        """A style by its name as Word shows it (case-insensitive, as Word matches), else by id."""
        wanted = name.strip().lower()
        for style in self.styles.values():
            if style.name.lower() == wanted:
                return style
        return self.styles.get(name)

    def paragraph_style_names(self) -> list[str]:
        return sorted(s.name for s in self.styles.values() if s.kind == "paragraph")

    def table_style_names(self) -> list[str]:
        return sorted(s.name for s in self.styles.values() if s.kind == "table")
