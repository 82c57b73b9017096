"""Plan a flowing product (Word, HTML): must-keep points first, then each point in rank order at
the longest level that keeps the document within its page budget."""

from __future__ import annotations

from briefwright.compose.selection import Frame, Pick
from briefwright.content.modules import Module, Point
from briefwright.diagnostics import fail
from briefwright.plan.choices import Choices, Fit, Picks, better, levels_down_from
from briefwright.plan.engine import Layout, LayoutEngine
from briefwright.products import Product, as_flow

REFERENCE_HINT = ("; the audience's Word reference document sets the page, margins and styles (its "
                  "branding.reference_overrides: [page, margins, styles] keeps the product's)")


def reference_hint(product: Product) -> str:
    """Where a page or line limit may come from a reference document rather than the product."""
    return REFERENCE_HINT if product.reference_styles or product.page_size else ""


class PagePlanner:
    def __init__(self, choices: Choices, engine: LayoutEngine) -> None:
        self.choices = choices
        self.engine = engine
        self.product = choices.product
        self.budget = as_flow(choices.product).page_budget
        self.frames: list[Frame] = []
        self.layout = Layout(0, [])

    def _try(self, picks: Picks) -> bool:
        """Lay the picks out; keep the layout as the plan so far when it is within the budget."""
        frames = self.choices.frames_for(picks)
        layout = self.engine.lay_out(frames)
        if layout.count > self.budget:
            return False
        self.frames, self.layout = frames, layout
        return True

    def fit(self) -> Fit:
        ranked = self.choices.ranked(self.choices.modules)
        picks = self._must_keep(ranked)
        reasons: dict[str, str] = {}
        for point, module in ranked:
            reason = self._add(picks, point, module)
            if reason:
                reasons[point.id] = reason
        budget = self.product.budget
        if budget.min_pages and self.layout.count < budget.min_pages:
            raise fail("budget-unfillable", self.choices.where,
                       f"product '{self.product.id}': all the content fills only {self.layout.count} page(s); "
                       f"the product needs at least {budget.min_pages}",
                       "add content, or lower budget.min_pages")
        return self.choices.fit(self.frames, picks, reasons, self.layout.fills, self._number_contents())

    def _must_keep(self, ranked: list[tuple[Point, Module]]) -> Picks:
        """Every priority-1 point at the shortest level; the budget must hold them all."""
        shortest = self.product.levels[0]
        picks: Picks = {m.id: [] for m in self.choices.modules}
        must_keep = [(p, m) for p, m in ranked if p.priority == 1]
        for point, module in must_keep:
            picks[module.id].append(Pick(point.id, shortest))
        self.frames = self.choices.frames_for(picks)
        self.layout = self.engine.lay_out(self.frames)
        if self.layout.count > self.budget:
            raise fail("budget-exceeded", self.choices.where,
                       f"product '{self.product.id}' for '{self.choices.audience.id}': the {len(must_keep)} "
                       f"priority-1 points need {self.layout.count} pages even at '{shortest}' level, but the "
                       f"budget is {self.product.budget.pages} page(s)",
                       "lower some points to priority 2, shorten them, or choose a longer product"
                       + reference_hint(self.product))
        return picks

    def _add(self, picks: Picks, point: Point, module: Module) -> str | None:
        """Place a point (or lengthen a must-keep one) at the longest level that fits; why not, if none does."""
        module_picks = picks[module.id]
        existing = next((p for p in module_picks if p.point_id == point.id), None)
        cap = self.product.max_points_per_module
        if existing is None and cap is not None and len(module_picks) >= cap:
            return f"the module already has {cap} points (the product's cap)"
        for level in levels_down_from(self.product.levels, self.product.prefer):
            if existing is not None and not better(level, existing.level):
                return None
            trial = self._with_pick(picks, module.id, existing, Pick(point.id, level))
            if self._try(trial):
                picks.clear()
                picks.update(trial)
                return None
        return None if existing is not None else "no room left within the page budget"

    @staticmethod
    def _with_pick(picks: Picks, module_id: str, existing: Pick | None, pick: Pick) -> Picks:
        trial = {key: list(value) for key, value in picks.items()}
        if existing is not None:
            trial[module_id][trial[module_id].index(existing)] = pick
        else:
            trial[module_id].append(pick)
        return trial

    def _number_contents(self) -> dict[str, int]:
        """Print the contents' page numbers, read off the layout itself.

        Done once, on the chosen plan: a contents line is one line whatever its digits, so the
        trial layouts do not need the numbers to know how many pages they take.
        """
        if not any(frame.role == "contents" for frame in self.frames):
            return {}
        pages = self.layout.starts
        numbered = self.engine.lay_out(self.frames, pages)
        assert (numbered.fills, numbered.starts) == (self.layout.fills, pages), "page numbers moved the layout"
        return pages

