"""The planner on small content against fake layout engines: its choices alone, nothing composed.

A point takes 1, 2 or 3 units at headline, summary or detail (small_project.LEVEL_UNITS); a memo's
masthead, BLUF and sources take a unit each and a module's heading one more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.audience import TagRules
from briefwright.diagnostics import BriefwrightError
from briefwright.plan.planner import Planner
from tests.small_project import FakeFlowEngine, FakeSlidesEngine, builtin, content, module, point


def _outcomes(fit) -> dict[str, tuple[str, str | None]]:
    return {decision.point_id: (decision.outcome, decision.level) for decision in fit.decisions}


def _refusal(planner: Planner):
    with pytest.raises(BriefwrightError) as refused:
        planner.fit()
    return refused.value.report.errors[0]


class Describe_planning_pages:
    def it_keeps_every_point_at_the_preferred_level_when_the_page_has_room(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        fit = Planner(content(module("m", point("a", 1), point("b", 2), point("c", 3))), product, audience,
                      FakeFlowEngine(100)).fit()
        assert _outcomes(fit) == {"a": ("kept", "summary"), "b": ("kept", "summary"), "c": ("kept", "summary")}
        assert (fit.unit, fit.count, fit.fills) == ("page", 1, [0.1])  # 3 fixed + 1 heading + 3 × 2 units

    def it_shortens_a_point_before_it_drops_it(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        points = content(module("m", point("a", 1), point("b", 2), point("c", 3)))
        # 4 units of furniture, a and b at summary: 8. Nine units take c as a headline, eight none of it.
        condensed = Planner(points, product, audience, FakeFlowEngine(9)).fit()
        assert _outcomes(condensed)["c"] == ("condensed", "headline")
        assert condensed.fills == [1.0]
        dropped = Planner(points, product, audience, FakeFlowEngine(8)).fit()
        assert _outcomes(dropped)["c"] == ("dropped", None)
        assert next(d.reason for d in dropped.decisions if d.point_id == "c") == "no room left within the page budget"

    def it_drops_the_lowest_priority_first(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        points = content(module("m", point("a", 1), point("c", 3), point("b", 2)))  # c comes first in the module
        outcomes = _outcomes(Planner(points, product, audience, FakeFlowEngine(8)).fit())
        assert outcomes["b"] == ("kept", "summary") and outcomes["c"] == ("dropped", None)

    def it_puts_a_point_the_audience_favours_ahead_of_others_of_its_priority(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        points = content(module("m", point("a", 1), point("b", 2), point("c", 2, tags=("ports",))))
        assert _outcomes(Planner(points, product, audience, FakeFlowEngine(8)).fit())["c"] == ("dropped", None)
        favouring = audience.model_copy(update={"tags": TagRules(favour=["ports"])})
        outcomes = _outcomes(Planner(points, product, favouring, FakeFlowEngine(8)).fit())
        assert outcomes["c"] == ("kept", "summary") and outcomes["b"] == ("dropped", None)

    def it_leaves_out_what_the_audience_excludes_but_never_a_must_keep_point(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        points = content(module("m", point("a", 1, tags=("legal",)), point("b", 2, tags=("legal",))))
        excluding = audience.model_copy(update={"tags": TagRules(exclude=["legal"])})
        fit = Planner(points, product, excluding, FakeFlowEngine(100)).fit()
        assert _outcomes(fit) == {"a": ("kept", "summary"), "b": ("dropped", None)}
        assert fit.decisions[1].reason == "the audience leaves out tag 'legal'"

    def it_serves_modules_round_robin_within_a_priority(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        points = content(module("m", *(point(f"m{n}", 2) for n in range(4))),
                         module("n", *(point(f"n{n}", 2) for n in range(4))))
        # 3 fixed + 2 headings = 5; 6 more units hold three summaries: m0, n0, then m1.
        fit = Planner(points, product, audience, FakeFlowEngine(11)).fit()
        kept = [d.point_id for d in fit.decisions if d.outcome == "kept"]
        assert kept == ["m0", "m1", "n0"]

    def it_stops_a_module_at_the_products_cap(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        capped = product.model_copy(update={"max_points_per_module": 2})
        fit = Planner(content(module("m", point("a", 2), point("b", 2), point("c", 2))), capped, audience,
                      FakeFlowEngine(100)).fit()
        assert _outcomes(fit)["c"] == ("dropped", None)
        assert fit.decisions[2].reason == "the module already has 2 points (the product's cap)"

    def it_refuses_must_keep_points_the_budget_cannot_hold(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "memo")
        refusal = _refusal(Planner(content(module("m", point("a", 1), point("b", 1), point("c", 1))), product,
                                   audience, FakeFlowEngine(6)))
        assert refusal.code == "budget-exceeded"
        assert "the 3 priority-1 points need 2 pages even at 'headline' level, but the budget is 1 page(s)" \
            in refusal.message

    def it_refuses_content_too_short_for_the_products_minimum(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "report")  # 4 to 6 pages
        refusal = _refusal(Planner(content(module("m", point("a", 1))), product, audience, FakeFlowEngine(100)))
        assert refusal.code == "budget-unfillable"
        assert "all the content fills only 1 page(s); the product needs at least 4" in refusal.message

    def it_prints_the_contents_page_numbers_the_engine_laid_out(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "report")
        product = product.model_copy(update={"budget": product.budget.model_copy(update={"min_pages": None})})
        engine = FakeFlowEngine(8)
        points = content(module("m", point("a", 1), point("b", 2)), module("n", point("c", 1), point("d", 2)))
        fit = Planner(points, product, audience, engine).fit()
        contents = next(frame for frame in fit.frames if frame.role == "contents")
        assert contents.entries == [("m", "M"), ("n", "N"), ("sources", "Sources heading")]
        # masthead, summary, contents: 3 units on page 1; module m (1 + 2 × 3 = 7) starts page 2, n page 3.
        assert fit.page_numbers == {"masthead": 1, "summary": 1, "contents": 1, "m": 2, "n": 3, "sources": 3}
        assert engine.numbered == [fit.page_numbers]  # laid out once more with the numbers printed
        assert _outcomes(fit) == {"a": ("kept", "detail"), "b": ("kept", "detail"), "c": ("kept", "detail"),
                                  "d": ("kept", "detail")}


class Describe_planning_slides:
    def it_fills_exactly_the_slide_budget(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "deck-10")
        deck = product.model_copy(update={"budget": product.budget.model_copy(update={"slides": 6})})
        points = content(module("m", *(point(f"m{n}", 1 if n == 0 else 2) for n in range(6))),
                         module("n", point("n0", 1), point("n1", 2)))
        fit = Planner(points, deck, audience, FakeSlidesEngine(4)).fit()
        # No timeline or figures module: those parts give their slides to the modules.
        assert [frame.role for frame in fit.frames] == ["title", "judgments", "module", "module", "module", "sources"]
        assert (fit.unit, fit.count) == ("slide", 6)
        # Two summaries fill a slide body of four units: m takes the spare slide, n needs one.
        assert [(f.module_id, [p.point_id for p in f.picks], f.continued) for f in fit.frames if f.role == "module"] \
            == [("m", ["m0", "m1"], False), ("m", ["m2", "m3"], True), ("n", ["n0", "n1"], False)]
        assert fit.fills[2:5] == [1.0, 1.0, 1.0]
        dropped = {d.point_id: d.reason for d in fit.decisions if d.outcome == "dropped"}
        assert dropped == {"m4": "no room left on the module's slides", "m5": "no room left on the module's slides"}

    def it_asks_the_engine_about_one_module_slide_at_a_time(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "deck-10")
        deck = product.model_copy(update={"budget": product.budget.model_copy(update={"slides": 5})})
        engine = FakeSlidesEngine(4)
        Planner(content(module("m", point("a", 1), point("b", 2), point("c", 2))), deck, audience, engine).fit()
        assert engine.measured and all(frame.role == "module" and frame.module_id == "m" for frame in engine.measured)
        assert max(len(frame.picks) for frame in engine.measured) <= deck.max_points_per_slide

    def it_says_what_a_deck_lacks_when_the_content_cannot_fill_it(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "deck-10")  # 3 fixed slides, 7 for modules
        refusal = _refusal(Planner(content(module("m", point("a", 1), point("b", 2))), product, audience,
                                   FakeSlidesEngine(4)))
        assert refusal.code == "budget-unfillable"
        assert "gives 7 slide(s) to the modules of role analysis or recommendations, but their 2 point(s) fill " \
               "only 2: modules 'm' (2)" in refusal.message
        assert refusal.hint.startswith("add at least 5 more point(s) to these modules")

    def it_refuses_must_keep_points_that_need_more_slides_than_the_deck_has(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "deck-10")
        deck = product.model_copy(update={"budget": product.budget.model_copy(update={"slides": 4})})
        refusal = _refusal(Planner(content(module("m", *(point(f"m{n}", 1) for n in range(5)))), deck, audience,
                                   FakeSlidesEngine(4)))
        assert refusal.code == "budget-exceeded"
        assert "the priority-1 points of module 'm' do not fit even as headlines on the 1 content slides" \
            in refusal.message

    def it_refuses_a_slide_the_engine_finds_overflowing(self, tmp_path: Path) -> None:
        product, audience = builtin(tmp_path, "deck-10")
        deck = product.model_copy(update={"budget": product.budget.model_copy(update={"slides": 4})})
        refusal = _refusal(Planner(content(module("m", point("a", 1))), deck, audience,
                                   FakeSlidesEngine(4, overflowing=(2,))))
        assert refusal.code == "slide-overflow"
        assert refusal.message == "product 'deck-10', slide 2 (judgments): body needs more than its box"


class Describe_the_engine_for_a_product:
    def it_loads_each_product_as_its_kind_and_plans_it_with_that_kinds_engine(self, tmp_path: Path) -> None:
        from briefwright.products import FlowProduct, SlidesProduct

        memo, _ = builtin(tmp_path, "memo")
        deck, _ = builtin(tmp_path, "deck-10")
        assert isinstance(memo, FlowProduct) and memo.page_budget == 1
        assert isinstance(deck, SlidesProduct) and deck.slide_budget == 10
        # A product shaped by a reference document or a master stays of its kind.
        assert isinstance(memo.model_copy(update={"styles": memo.styles}), FlowProduct)
