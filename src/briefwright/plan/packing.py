"""Pack one module's points onto a given number of slides: must-keep points first, then each point
at the longest level that still lets the module's picks spread over those slides, each slide's
body fitting its box."""

from __future__ import annotations

from briefwright.compose.selection import Frame, Pick
from briefwright.content.modules import Module, Point
from briefwright.plan.choices import Choices, better, levels_down_from
from briefwright.plan.engine import LayoutEngine

PRIORITY_WEIGHT = {1: 100.0, 2: 10.0, 3: 1.0}  # what dropping a point costs, by priority

Slides = list[list[Pick]]  # a module's picks, one list a slide
Packing = tuple[Slides, float]  # the slides and the value dropped to fit them


class ModulePacker:
    def __init__(self, choices: Choices, engine: LayoutEngine) -> None:
        self.choices = choices
        self.engine = engine
        self.product = choices.product
        # A module's best packing depends only on how many slides it gets; the slide allocator
        # asks for the same (module, slides) many times while it weighs where a slide goes.
        self._packings: dict[tuple[str, int], Packing | None] = {}
        self._fits: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[bool, float]] = {}  # (fits, body fill)

    def pack(self, module: Module, slides: int) -> Packing | None:
        """Best use of `slides` slides for one module, or None if its must-keep points cannot fill them."""
        key = (module.id, slides)
        if key not in self._packings:
            self._packings[key] = self._pack_uncached(module, slides)
        return self._packings[key]

    def thinnest(self, module: Module, packing: Slides) -> float:
        """The fill of the emptiest slide's body."""
        return min(self.measure(module, slide)[1] for slide in packing)

    def measure(self, module: Module, slide: list[Pick]) -> tuple[bool, float]:
        """Whether a module slide's picks fit its body box, and how full the box is."""
        # A one-slide trial is composed from scratch (its own citation numbers), so whether it fits
        # depends only on the module and its picks; the packer asks the same question many times.
        key = (module.id, tuple((pick.point_id, pick.level) for pick in slide))
        if key not in self._fits:
            fit = self.engine.frame_fit(Frame("module", module.id, slide))
            self._fits[key] = (fit.fits, fit.fill)
        return self._fits[key]

    def _slide_fits(self, module: Module, slide: list[Pick]) -> bool:
        if len(slide) > self.product.max_points_per_slide:
            return False
        return self.measure(module, slide)[0]

    def _pack_uncached(self, module: Module, slides: int) -> Packing | None:
        shortest = self.product.levels[0]
        ranked = [point for point, _ in self.choices.ranked([module])]
        chosen: list[Pick] = [Pick(p.id, shortest) for p in ranked if p.priority == 1]
        if len(chosen) >= slides and self.spread(module, chosen, slides) is None:
            return None
        dropped_value = 0.0
        for point in ranked:
            grown = self._with_point(module, chosen, point, slides)
            if grown is not None:
                chosen = grown
            elif all(pick.point_id != point.id for pick in chosen):
                dropped_value += PRIORITY_WEIGHT[point.priority] * self.choices.audience.weight(module.id)
        layout = self.spread(module, chosen, slides)
        return None if layout is None else (layout, dropped_value)

    def _with_point(self, module: Module, chosen: list[Pick], point: Point, slides: int) -> list[Pick] | None:
        """The picks with the point added (or a must-keep one lengthened) at the longest level that
        still spreads over the slides; None when no level does, or none is longer than it has."""
        existing = next((p for p in chosen if p.point_id == point.id), None)
        for level in levels_down_from(self.product.levels, self.product.prefer):
            if existing is not None and not better(level, existing.level):
                return None
            trial = [p for p in chosen if p.point_id != point.id] + [Pick(point.id, level)]
            if len(trial) < slides or self.spread(module, trial, slides) is not None:
                return trial
        return None

    def spread(self, module: Module, picks: list[Pick], slides: int) -> Slides | None:
        """Spread picks (in module order) over exactly `slides` slides, as evenly as they fit."""
        if len(picks) < slides:
            return None
        order = {p.id: i for i, p in enumerate(module.points)}
        picks = sorted(picks, key=lambda pick: order[pick.point_id])
        base, extra = divmod(len(picks), slides)
        balanced, start = [], 0
        for size in (base + (1 if i < extra else 0) for i in range(slides)):
            balanced.append(picks[start:start + size])
            start += size
        if all(self._slide_fits(module, slide) for slide in balanced):
            return balanced
        return self._spread_greedily(module, picks, slides)

    def _spread_greedily(self, module: Module, picks: list[Pick], slides: int) -> Slides | None:
        """Uneven text lengths: fill greedily, then split the fullest slides until the count is right."""
        greedy: Slides = [[]]
        for pick in picks:
            if greedy[-1] and not self._slide_fits(module, greedy[-1] + [pick]):
                greedy.append([])
            greedy[-1].append(pick)
        if len(greedy) > slides or not all(self._slide_fits(module, s) for s in greedy):
            return None
        while len(greedy) < slides:
            fullest = max(range(len(greedy)), key=lambda i: len(greedy[i]))
            if len(greedy[fullest]) < 2:
                return None
            half = len(greedy[fullest]) // 2
            greedy[fullest:fullest + 1] = [greedy[fullest][:half], greedy[fullest][half:]]
        return greedy
