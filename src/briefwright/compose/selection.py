"""What the planner decides: which points go in which frame (section or slide), at what level."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.audience import AudienceProfile
from briefwright.content.modules import Content, DetailLevel, Module


@dataclass(frozen=True)
class Pick:
    point_id: str
    level: DetailLevel


@dataclass
class Frame:
    """A planned section (Word) or slide (PowerPoint)."""

    role: str  # a structure role (see roles.ROLES), or "module" for one module's section or slide
    module_id: str | None = None
    picks: list[Pick] = field(default_factory=list)
    continued: bool = False
    modules: list[str] = field(default_factory=list)  # modules a summary, judgments or digest covers
    entries: list[tuple[str, str]] = field(default_factory=list)  # contents: (section key, title)


def module_order(content: Content, audience: AudienceProfile) -> list[Module]:
    """Audience order first, then the topic's order for modules the audience does not name."""
    ordered: list[Module] = []
    for module_id in [*audience.module_order, *content.topic.module_order, *(m.id for m in content.modules)]:
        if module_id not in [m.id for m in ordered] and any(m.id == module_id for m in content.modules):
            ordered.append(content.module(module_id))
    return ordered

