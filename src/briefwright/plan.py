"""Fit content to a product's budget: choose points by priority and their level of detail.

Priority 1 points are must-keep: if they cannot fit even at their shortest level,
planning fails with a message naming the product, the budget and what does not fit.
Everything else is added, in priority order and round-robin across modules, at the
product's preferred level, falling back to a shorter level, until the budget is full.
Every decision is recorded so `briefwright plan` can explain it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.compose import Composer, module_order
from briefwright.content import DETAIL_LEVELS, Content, DetailLevel, Module, Point
from briefwright.diagnostics import Where, fail
from briefwright.layout import Typesetter
from briefwright.model import Document
from briefwright.selection import Frame, Pick

PRIORITY_WEIGHT = {1: 100.0, 2: 10.0, 3: 1.0}


@dataclass(frozen=True)
class Decision:
    point_id: str
    module_id: str
    priority: int
    outcome: str  # kept | condensed | dropped
    level: str | None
    reason: str


@dataclass
class Plan:
    product_id: str
    audience_id: str
    frames: list[Frame]
    document: Document
    decisions: list[Decision]
    fills: list[float]  # per page (Word) or per slide body (PowerPoint)
    unit: str  # "page" | "slide"

    @property
    def count(self) -> int:
        return len(self.fills)

    def summary(self) -> dict[str, int]:
        counts = {"kept": 0, "condensed": 0, "dropped": 0}
        for decision in self.decisions:
            counts[decision.outcome] += 1
        return counts


@dataclass
class _Candidate:
    point: Point
    module: Module
    rank: int  # position within its module
    module_index: int


def _levels_up_to(product_levels: list[DetailLevel], prefer: DetailLevel) -> list[DetailLevel]:
    """Levels to try for an optional point: preferred first, then shorter ones."""
    allowed = [level for level in product_levels if DETAIL_LEVELS.index(level) <= DETAIL_LEVELS.index(prefer)]
    return list(reversed(allowed))


class Planner:
    def __init__(self, content: Content, composer: Composer, typesetter: Typesetter) -> None:
        self.content = content
        self.composer = composer
        self.typesetter = typesetter
        self.product = composer.context.product
        self.audience = composer.context.audience
        self.modules = module_order(content, self.audience)

    def candidates(self) -> list[_Candidate]:
        items = [_Candidate(point, module, rank, module_index)
                 for module_index, module in enumerate(self.modules)
                 for rank, point in enumerate(module.points)]
        # Priority first; within a priority, round-robin across modules so each gets its share.
        return sorted(items, key=lambda c: (c.point.priority, c.rank, c.module_index))

    def plan(self) -> Plan:
        if self.product.format == "docx":
            return self._plan_pages()
        return self._plan_slides()

    # -- Word: flowing pages -----------------------------------------------------

    def _frames_for(self, picks: dict[str, list[Pick]]) -> list[Frame]:
        frames: list[Frame] = []
        for role in self.product.structure:
            if role == "modules":
                for module in self.modules:
                    order = {p.id: i for i, p in enumerate(module.points)}
                    chosen = sorted(picks.get(module.id, []), key=lambda pick: order[pick.point_id])
                    if chosen:
                        frames.append(Frame("module", module.id, chosen))
            else:
                frames.append(Frame(role))
        return frames

    def _fits_pages(self, picks: dict[str, list[Pick]]) -> tuple[bool, Document, list[float]]:
        document = self.composer.compose(self._frames_for(picks))
        pagination = self.typesetter.paginate(document)
        budget = self.product.budget.pages or 1
        return pagination.pages <= budget, document, pagination.fills

    def _plan_pages(self) -> Plan:
        shortest = self.product.levels[0]
        picks: dict[str, list[Pick]] = {m.id: [] for m in self.modules}
        candidates = self.candidates()
        must_keep = [c for c in candidates if c.point.priority == 1]
        for candidate in must_keep:
            picks[candidate.module.id].append(Pick(candidate.point.id, shortest))
        fits, document, fills = self._fits_pages(picks)
        if not fits:
            pages = len(fills)
            raise fail("budget-exceeded", Where(field=f"products.{self.product.id}.budget"),
                       f"product '{self.product.id}' for '{self.audience.id}': the {len(must_keep)} priority-1 points "
                       f"need {pages} pages even at '{shortest}' level, but the budget is "
                       f"{self.product.budget.pages} page(s)",
                       "lower some points to priority 2, shorten their headlines, or choose a longer product")
        cap = self.product.max_points_per_module
        reasons: dict[str, str] = {}
        for candidate in candidates:
            module_picks = picks[candidate.module.id]
            existing = next((p for p in module_picks if p.point_id == candidate.point.id), None)
            if existing is None and cap is not None and len(module_picks) >= cap:
                reasons[candidate.point.id] = f"module already has {cap} points (the product's cap)"
                continue
            for level in _levels_up_to(self.product.levels, self.product.prefer):
                if existing is not None and DETAIL_LEVELS.index(level) <= DETAIL_LEVELS.index(existing.level):
                    break
                trial = {k: list(v) for k, v in picks.items()}
                trial_list = trial[candidate.module.id]
                if existing is not None:
                    trial_list[trial_list.index(existing)] = Pick(candidate.point.id, level)
                else:
                    trial_list.append(Pick(candidate.point.id, level))
                ok, trial_document, trial_fills = self._fits_pages(trial)
                if ok:
                    picks, document, fills = trial, trial_document, trial_fills
                    break
            else:
                if existing is None:
                    reasons[candidate.point.id] = "no room left within the page budget"
        frames = self._frames_for(picks)
        return Plan(self.product.id, self.audience.id, frames, document,
                    self._decisions(picks, reasons), fills, "page")

    # -- PowerPoint: fixed slides -----------------------------------------------

    def _fixed_roles(self) -> list[str]:
        return [role for role in self.product.structure if role != "modules"]

    def _plan_slides(self) -> Plan:
        total = self.product.budget.slides or 0
        module_slots = total - len(self._fixed_roles())
        where = Where(field=f"products.{self.product.id}.budget.slides")
        allocation: dict[str, int] = {}
        packed: dict[str, tuple[list[list[Pick]], float]] = {}
        for module in self.modules:
            slides = 1
            result = self._pack_module(module, slides)
            while result is None and slides < max(module_slots, 1):
                slides += 1
                result = self._pack_module(module, slides)
            if result is None:
                raise fail("budget-exceeded", where,
                           f"product '{self.product.id}' ({total} slides): the priority-1 points of module "
                           f"'{module.id}' do not fit even as headlines on the {module_slots} content slides",
                           "raise the slide budget or lower some points to priority 2")
            allocation[module.id], packed[module.id] = slides, result
        needed = sum(allocation.values())
        if needed > module_slots:
            detail = ", ".join(f"{m}: {n}" for m, n in allocation.items())
            raise fail("budget-exceeded", where,
                       f"product '{self.product.id}': must-keep (priority-1) points need {needed} content slides "
                       f"({detail}) but {total} slides leave {module_slots} after "
                       f"{', '.join(self._fixed_roles())}",
                       "raise budget.slides, raise max_points_per_slide, or lower some points to priority 2")
        for _ in range(module_slots - needed):
            options = []
            for module in self.modules:
                grown = self._pack_module(module, allocation[module.id] + 1)
                if grown is not None:
                    # Most dropped value first; then the module with fewer slides; then reading order.
                    rank = (packed[module.id][1], -allocation[module.id], -self.modules.index(module))
                    options.append((rank, module, grown))
            if not options:
                raise fail("budget-unfillable", where,
                           f"product '{self.product.id}': the content has too few points to fill {total} slides",
                           "add points, or choose a shorter deck")
            _, module, grown = max(options, key=lambda option: option[0])
            allocation[module.id] += 1
            packed[module.id] = grown
        frames: list[Frame] = []
        picks: dict[str, list[Pick]] = {}
        for role in self.product.structure:
            if role != "modules":
                frames.append(Frame(role))
                continue
            for module in self.modules:
                slides, _ = packed[module.id]
                picks[module.id] = [pick for slide in slides for pick in slide]
                for index, slide in enumerate(slides):
                    frames.append(Frame("module", module.id, slide, continued=index > 0))
        document = self.composer.compose(frames)
        fills = []
        for section in document.sections:
            fit = self.typesetter.slide_fit(section)
            if not fit.fits:
                raise fail("slide-overflow", Where(field=f"products.{self.product.id}"),
                           f"product '{self.product.id}', slide {len(fills) + 1} ({section.role}): "
                           + "; ".join(fit.problems),
                           "shorten the text, or enlarge the box in the product file")
            fills.append(fit.body_fill)
        reasons = {p.id: "no room left on the module's slides" for m in self.modules for p in m.points}
        return Plan(self.product.id, self.audience.id, frames, document, self._decisions(picks, reasons), fills, "slide")

    def _slide_fits(self, module: Module, slide: list[Pick]) -> bool:
        if len(slide) > self.product.max_points_per_slide:
            return False
        frame = Frame("module", module.id, slide)
        section = self.composer.compose([frame]).sections[0]
        return self.typesetter.fits_box(section.blocks, self.product.boxes["body"])

    def _layout(self, module: Module, picks: list[Pick], slides: int) -> list[list[Pick]] | None:
        """Spread picks (in module order) over exactly `slides` slides, as evenly as they fit."""
        if len(picks) < slides:
            return None
        order = {p.id: i for i, p in enumerate(module.points)}
        picks = sorted(picks, key=lambda pick: order[pick.point_id])
        base, extra = divmod(len(picks), slides)
        sizes = [base + (1 if i < extra else 0) for i in range(slides)]
        balanced, start = [], 0
        for size in sizes:
            balanced.append(picks[start:start + size])
            start += size
        if all(self._slide_fits(module, slide) for slide in balanced):
            return balanced
        # Uneven text lengths: fill greedily, then check the slide count.
        greedy: list[list[Pick]] = [[]]
        for pick in picks:
            if greedy[-1] and not self._slide_fits(module, greedy[-1] + [pick]):
                greedy.append([])
            greedy[-1].append(pick)
        if len(greedy) > slides or not all(self._slide_fits(module, s) for s in greedy):
            return None
        while len(greedy) < slides:  # split the fullest slide so no slide is empty
            fullest = max(range(len(greedy)), key=lambda i: len(greedy[i]))
            if len(greedy[fullest]) < 2:
                return None
            half = len(greedy[fullest]) // 2
            greedy[fullest:fullest + 1] = [greedy[fullest][:half], greedy[fullest][half:]]
        return greedy

    def _pack_module(self, module: Module, slides: int) -> tuple[list[list[Pick]], float] | None:
        """Best use of `slides` slides for one module, or None if its must-keep points cannot fit them."""
        shortest = self.product.levels[0]
        ranked = sorted(enumerate(module.points), key=lambda item: (item[1].priority, item[0]))
        chosen: list[Pick] = [Pick(p.id, shortest) for _, p in ranked if p.priority == 1]
        if len(chosen) >= slides and self._layout(module, chosen, slides) is None:
            return None
        dropped_value = 0.0
        for _, point in ranked:
            existing = next((p for p in chosen if p.point_id == point.id), None)
            for level in _levels_up_to(self.product.levels, self.product.prefer):
                if existing is not None and DETAIL_LEVELS.index(level) <= DETAIL_LEVELS.index(existing.level):
                    break
                trial = [p for p in chosen if p.point_id != point.id] + [Pick(point.id, level)]
                if len(trial) < slides or self._layout(module, trial, slides) is not None:
                    chosen = trial
                    break
            else:
                if existing is None:
                    dropped_value += PRIORITY_WEIGHT[point.priority]
        layout = self._layout(module, chosen, slides)
        return None if layout is None else (layout, dropped_value)

    # -- reporting ---------------------------------------------------------------

    def _decisions(self, picks: dict[str, list[Pick]], reasons: dict[str, str]) -> list[Decision]:
        decisions = []
        prefer_index = DETAIL_LEVELS.index(self.product.prefer)
        for module in self.modules:
            chosen = {p.point_id: p for p in picks.get(module.id, [])}
            for point in module.points:
                pick = chosen.get(point.id)
                if pick is None:
                    decisions.append(Decision(point.id, module.id, point.priority, "dropped", None,
                                              reasons.get(point.id, "no room")))
                elif DETAIL_LEVELS.index(pick.level) < prefer_index:
                    decisions.append(Decision(point.id, module.id, point.priority, "condensed", pick.level,
                                              f"kept at '{pick.level}' (preferred '{self.product.prefer}') to fit"))
                else:
                    decisions.append(Decision(point.id, module.id, point.priority, "kept", pick.level,
                                              "priority 1: must keep" if point.priority == 1 else "room in budget"))
        return decisions
