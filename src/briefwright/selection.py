"""What the planner decides: which points go in which frame (section or slide), at what level."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.content import DetailLevel


@dataclass(frozen=True)
class Pick:
    point_id: str
    level: DetailLevel


@dataclass
class Frame:
    """A planned section (Word) or slide (PowerPoint)."""

    role: str  # masthead | bluf | module | sources | title | judgments
    module_id: str | None = None
    picks: list[Pick] = field(default_factory=list)
    continued: bool = False
