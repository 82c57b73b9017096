"""The names of a product's structure parts, what each shows, and which modules each covers:
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
