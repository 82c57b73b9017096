"""What the planner chooses from, and in what order: the product's parts, the modules they show,
the points ranked by priority and the audience, and the decision recorded for every point.

Nothing here composes or measures; the kind's planner (pages.py, slides.py) asks a layout
engine (engine.py) whether a choice fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwright.audience import AudienceProfile
from briefwright.compose.selection import Frame, Pick, module_order
from briefwright.content.modules import DETAIL_LEVELS, Content, DetailLevel, Module, Point
from briefwright.diagnostics import fail
from briefwright.plan.engine import LayoutEngine, Unit
from briefwright.products import Product
from briefwright.roles import DRAWN_ROLES, NARRATIVE_ROLES, Part


@dataclass(frozen=True)
class Decision:
    point_id: str
    module_id: str
    priority: int
    outcome: str  # kept | condensed | dropped
    level: str | None
    reason: str


@dataclass
class Fit:
    """What the planner decides, and nothing composed: which points go in which frame (section or
    slide) at what level, why each point was kept, condensed or dropped, how full each page or
    slide is, and the page each section starts on (for a contents list)."""

    product_id: str
    audience_id: str
    frames: list[Frame]
    decisions: list[Decision]
    fills: list[float]  # per page (flow) or per slide body (slides)
    unit: Unit
    page_numbers: dict[str, int]  # section key → first page, when the product has a contents part

    @property
    def count(self) -> int:
        return len(self.fills)


def levels_down_from(product_levels: list[DetailLevel], prefer: DetailLevel) -> list[DetailLevel]:
    """Levels to try for a point: preferred first, then shorter ones."""
    allowed = [level for level in product_levels if DETAIL_LEVELS.index(level) <= DETAIL_LEVELS.index(prefer)]
    return list(reversed(allowed))


def better(level: DetailLevel, than: DetailLevel) -> bool:
    return DETAIL_LEVELS.index(level) > DETAIL_LEVELS.index(than)


Picks = dict[str, list[Pick]]  # module id → its chosen points


class Choices:
    """The parts and modules a product shows for an audience, and the points ranked for it."""

    def __init__(self, content: Content, product: Product, audience: AudienceProfile, engine: LayoutEngine) -> None:
        self.content = content
        self.product = product
        self.audience = audience
        self.engine = engine
        self.ordered = module_order(content, audience)
        self.parts, self.modules = self._shown_parts_and_modules()
        self.where = product.where(("budget",))
        # What every trial layout needs and no pick changes, worked out once: a point's place in
        # its module, and the events and figures a drawn part shows (chosen from all points by rank).
        self.position = {point.id: index for module in content.modules for index, point in enumerate(module.points)}
        self._drawn: dict[tuple[str, tuple[str, ...]], list[Pick]] = {}

    def _shown_parts_and_modules(self) -> tuple[list[Part], list[Module]]:
        # A part with nothing to show in this project (no timeline module, no background) is left
        # out, and a deck gives its slide to the modules.
        parts = [part for part in self.product.parts if self._has_content(part)]
        modules_part = next((part for part in parts if part.role == "modules"), None)
        if modules_part is None:
            return parts, []
        modules = [m for m in self.ordered if modules_part.includes(m.role)]
        if modules_part.only and not modules:
            # No module has the role the part keeps (a young project has no recommendations yet): the
            # part shows every module instead, and a digest of those same modules would repeat it.
            modules = [m for m in self.ordered if m.role in NARRATIVE_ROLES]
            parts = [part for part in parts if part.role != "digest"]
        return parts, modules

    def _has_content(self, part: Part) -> bool:
        if part.role in (*DRAWN_ROLES, "digest"):
            return any(part.includes(m.role) and m.points for m in self.ordered)
        if part.role == "background":
            return self.content.topic.background is not None
        return True

    def modules_part(self) -> Part:
        return next(part for part in self.parts if part.role == "modules")

    def excluded(self, point: Point) -> str | None:
        """Why the audience leaves this point out, or None. Must-keep points are never left out."""
        hits = sorted(set(point.tags) & set(self.audience.tags.exclude))
        if hits and point.priority > 1:
            return f"the audience leaves out tag '{hits[0]}'"
        return None

    def effective_priority(self, point: Point) -> float:
        """Favoured tags move a point ahead of others of its priority (never into must-keep)."""
        favoured = bool(set(point.tags) & set(self.audience.tags.favour))
        return point.priority - 0.5 if favoured and point.priority > 1 else float(point.priority)

    def ranked(self, modules: list[Module]) -> list[tuple[Point, Module]]:
        """By effective priority; within it, round-robin across modules, heavier modules served more often."""
        items = []
        for index, module in enumerate(modules):
            weight = self.audience.weight(module.id)
            seen: dict[float, int] = {}
            for point in module.points:
                if self.excluded(point):
                    continue
                priority = self.effective_priority(point)
                rank = seen.get(priority, 0)  # position among the module's points of this priority
                seen[priority] = rank + 1
                items.append((point, module, priority, rank / weight, index))
        items.sort(key=lambda item: (item[2], item[3], item[4]))
        return [(point, module) for point, module, *_ in items]

    # -- frames --------------------------------------------------------------------

    def _select_drawn(self, part: Part, covered: list[str]) -> list[Pick]:
        """Events or figures for a timeline or key-figures part: priority first, up to the product's cap."""
        key = (part.role, tuple(covered))
        if key not in self._drawn:
            self._drawn[key] = self._rank_drawn(part, covered)
        return list(self._drawn[key])

    def _rank_drawn(self, part: Part, covered: list[str]) -> list[Pick]:
        cap = self.product.max_events if part.role == "timeline" else self.product.max_figures
        modules = [self.content.module(m) for m in covered]
        ranked = [point for point, _ in self.ranked(modules)]
        must = [point for point in ranked if point.priority == 1]
        if len(must) > cap:
            raise fail("budget-exceeded", self.where,
                       f"product '{self.product.id}': {len(must)} priority-1 {part.role} points, but it shows at most {cap}",
                       f"raise max_{'events' if part.role == 'timeline' else 'figures'} or lower some priorities")
        chosen = ranked[:cap]
        if part.role == "timeline":
            chosen.sort(key=lambda point: point.date or "")
        return [Pick(point.id, "summary") for point in chosen]

    def fixed_frame(self, part: Part, module_frames: list[Frame]) -> Frame:
        """The frame of a part other than the modules (masthead, contents, timeline, sources …)."""
        covered = [m.id for m in self.ordered if part.includes(m.role)]
        frame = Frame(part.role, modules=covered)
        if part.role in DRAWN_ROLES:
            frame.picks = self._select_drawn(part, covered)
        if part.role == "contents":
            after = self.parts[self.parts.index(part) + 1:]
            for later in after:
                if later.role == "modules":
                    frame.entries += [(f.module_id or "", self.content.module(f.module_id or "").title)
                                      for f in module_frames if not f.continued]
                elif later.role in ("background", *DRAWN_ROLES, "sources"):
                    frame.entries.append((later.role, self.engine.heading(later.role)))
        return frame

    def frames_for(self, picks: Picks) -> list[Frame]:
        """Every part's frame, a module's picks in the module's own order (one frame a module)."""
        module_frames = []
        for module in self.modules:
            chosen = sorted(picks.get(module.id, []), key=lambda pick: self.position[pick.point_id])
            if chosen:
                module_frames.append(Frame("module", module.id, chosen))
        frames: list[Frame] = []
        for part in self.parts:
            frames.extend(module_frames if part.role == "modules" else [self.fixed_frame(part, module_frames)])
        return frames

    # -- reporting ---------------------------------------------------------------

    def with_drawn(self, picks: Picks, frames: list[Frame]) -> Picks:
        """The picks and, added to their modules, the events and figures the drawn frames show."""
        merged = {key: list(value) for key, value in picks.items()}
        for frame in frames:
            if frame.role in DRAWN_ROLES:
                for pick in frame.picks:
                    merged.setdefault(self.content.point_module[pick.point_id], []).append(pick)
        return merged

    def decisions(self, picks: Picks, reasons: dict[str, str]) -> list[Decision]:
        """Every point of every module, in reading order: kept, condensed or dropped, and why."""
        decisions = []
        for module in self.ordered:
            chosen = {p.point_id: p for p in picks.get(module.id, [])}
            decide = self._drawn_decision if module.role in DRAWN_ROLES else self._told_decision
            decisions += [decide(module, point, chosen.get(point.id), reasons) for point in module.points]
        return decisions

    def _drawn_decision(self, module: Module, point: Point, pick: Pick | None, reasons: dict[str, str]) -> Decision:
        if pick is not None:
            reason = f"shown in the {module.role}"
        elif not any(part.role == module.role for part in self.parts):
            reason = "its module is not part of this product"
        else:
            cap = "max_events" if module.role == "timeline" else "max_figures"
            reason = self.excluded(point) or f"beyond the product's {cap}"
        return Decision(point.id, module.id, point.priority, "kept" if pick else "dropped",
                        "headline" if pick else None, reason)

    def _told_decision(self, module: Module, point: Point, pick: Pick | None, reasons: dict[str, str]) -> Decision:
        if pick is None:
            reason = self.excluded(point) or (
                reasons.get(point.id, "no room") if module in self.modules or point.id in reasons
                else "its module is not part of this product")
            return Decision(point.id, module.id, point.priority, "dropped", None, reason)
        if DETAIL_LEVELS.index(pick.level) < DETAIL_LEVELS.index(self.product.prefer):
            return Decision(point.id, module.id, point.priority, "condensed", pick.level,
                            f"kept at '{pick.level}' (preferred '{self.product.prefer}') to fit")
        return Decision(point.id, module.id, point.priority, "kept", pick.level,
                        "priority 1: must keep" if point.priority == 1 else "room in budget")

    def fit(self, frames: list[Frame], picks: Picks, reasons: dict[str, str], fills: list[float],
            page_numbers: dict[str, int]) -> Fit:
        return Fit(self.product.id, self.audience.id, frames, self.decisions(self.with_drawn(picks, frames), reasons),
                   fills, self.engine.unit, page_numbers)
