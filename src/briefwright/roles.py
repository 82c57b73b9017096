"""The names of a product's structure parts, what each shows, which modules each covers, the styles
and boxes each draws with and which parts and settings belong to each kind of product:
one place for the role names every stage (planner, composers, writers) uses."""

from __future__ import annotations

from pydantic import BaseModel

ROLES = {
    "masthead": "kicker, title and the to / from / date / subject block (Word)",
    "bluf": "the bottom line up front (Word)",
    "background": "the topic's background paragraph (Word)",
    "summary": "executive summary: BLUF and each module's key judgment (Word)",
    "contents": "contents with page numbers (Word)",
    "modules": "one section (Word) or one or more slides (PowerPoint) per module; "
               "'modules:analysis' or 'modules:recommendations' keeps one role",
    "digest": "one slide of several modules' essential points; 'digest:analysis' (PowerPoint)",
    "sources": "the numbered sources",
    "title": "the cover slide (PowerPoint)",
    "judgments": "the key-judgments slide (PowerPoint)",
    "timeline": "dated events: a drawn timeline slide (PowerPoint) or a compact table (Word)",
    "figures": "key figures: a slide of number cards (PowerPoint) or a small table (Word)",
}
MODULE_ROLES = ("analysis", "recommendations")
NARRATIVE_ROLES = MODULE_ROLES  # what 'modules' and 'digest' cover when not narrowed
DRAWN_ROLES = ("timeline", "figures")  # parts that draw points (events, figure cards) picked from all modules


class Part(BaseModel):
    """One entry of a product's structure, e.g. 'modules:analysis'."""

    role: str
    only: str | None = None

    @classmethod
    def parse(cls, entry: str) -> Part:
        role, _, only = entry.partition(":")
        if role not in ROLES:
            raise ValueError(f"unknown structure part '{entry}'; known: {', '.join(ROLES)}")
        if only and only not in MODULE_ROLES:
            raise ValueError(f"'{entry}': after ':' use one of {', '.join(MODULE_ROLES)}")
        if only and role not in ("modules", "digest"):
            raise ValueError(f"'{entry}': only modules and digest take a ':role' filter")
        return cls(role=role, only=only or None)

    def includes(self, module_role: str) -> bool:
        if self.role in DRAWN_ROLES:
            return module_role == self.role
        if self.role in ("summary", "judgments"):
            return module_role in NARRATIVE_ROLES
        return module_role == self.only if self.only else module_role in NARRATIVE_ROLES


# The styles each structure part draws with: a product file must define them all, so a missing
# one is reported when the file loads, with its line, not found half-way through a render.
WORD_PART_STYLES: dict[str, tuple[str, ...]] = {
    "masthead": ("kicker", "title", "field", "field_last"), "bluf": ("bluf",), "background": ("heading", "body"),
    "summary": ("heading", "bluf", "bullet"), "contents": ("heading", "contents_entry"),
    "timeline": ("heading", "table", "table_header", "table_cell"),
    "figures": ("heading", "table", "table_header", "table_cell"),
}
DECK_PART_STYLES: dict[str, tuple[str, ...]] = {
    "title": ("cover_kicker", "cover_title", "cover_subtitle", "cover_meta"), "judgments": ("judgment",),
    "modules": ("point", "point_summary"), "digest": ("digest_module", "point", "point_summary"),
    "timeline": ("event_label", "event_date"), "figures": ("figure_caption", "figure_value"), "sources": ("reference",),
}
DECK_FURNITURE = ("kicker", "title", "source_line", "page_number", "banner")


# What belongs to each kind of product: a page product's file naming slide boxes (or the reverse)
# is a mistake the reader should hear about, not a setting silently ignored.
KIND_PARTS: dict[str, tuple[str, ...]] = {
    "flow": ("masthead", "bluf", "background", "summary", "contents", "modules", "timeline", "figures", "sources"),
    "slides": ("title", "judgments", "modules", "digest", "timeline", "figures", "sources"),
}
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "flow": ("margins", "new_page", "logo_height", "max_points_per_module", "points_as"),
    "slides": ("boxes", "slide_size", "max_points_per_slide", "cover_fill"),
}
WRITER_FIELDS: dict[str, tuple[str, ...]] = {"source_text": ("html",)}  # settings one writer reads
SLIDE_BOXES = ("kicker", "title", "title_rule", "body", "source_line", "page_number")
COVER_BOXES = ("cover_kicker", "cover_title", "cover_subtitle", "cover_meta")
BANNER_BOXES = ("banner_top", "banner_bottom")
