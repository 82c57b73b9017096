"""The planner: priority first, shortest level before dropping, clear failure when must-keep cannot fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.build import Workspace, collect, plan_product
from briefwright.diagnostics import BriefwrightError
from briefwright.project import load_project
from briefwright.templates import BUILTIN_DIR
from tests.conftest import cli_in_process, with_templates_of


def _override_product(project_dir: Path, name: str, edit) -> None:
    """A project-level product of the same name overrides the built-in one."""
    target = project_dir / "templates/products" / f"{name}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    original = (BUILTIN_DIR / "products" / f"{name}.yaml").read_text(encoding="utf-8")
    changed = edit(original)
    assert changed != original
    target.write_text(changed, encoding="utf-8")


def _plan(project_dir: Path, product: str):
    workspace = collect(load_project(project_dir, explicit=True))
    return plan_product(workspace, product, "analyst")[2]


def _plan_with_templates(collected: Workspace, project_dir: Path, product: str):
    """The plan of a copy whose products were edited, from the example collected once (conftest)."""
    return plan_product(with_templates_of(collected, project_dir), product, "analyst")[2]


@pytest.fixture(scope="module")
def example_plans(example_workspace) -> dict[str, object]:
    """The analyst's plan of each built-in product (and of the alias `deck`) for the unchanged example."""
    return {product: plan_product(example_workspace, product, "analyst")[2]
            for product in ("memo", "brief", "report", "deck-5", "deck-10", "deck-20", "deck")}


class Describe_Planner:
    def it_keeps_every_priority_one_point(self, example_plans: dict) -> None:
        for product in ("memo", "brief", "report", "deck-5", "deck-10", "deck-20"):
            plan = example_plans[product]
            assert all(d.outcome != "dropped" for d in plan.decisions
                       if d.priority == 1 and d.reason != "its module is not part of this product"), product

    def it_drops_lowest_priority_first(self, project_dir: Path, example_workspace: Workspace) -> None:
        # A memo that caps each module at two points: the points the cap turns away must never
        # outrank a point the module kept.
        _override_product(project_dir, "memo", lambda text: text.replace("max_points_per_module: 4",
                                                                          "max_points_per_module: 2"))
        plan = _plan_with_templates(example_workspace, project_dir, "memo")
        capped = [d for d in plan.decisions if d.outcome == "dropped" and "cap" in d.reason]
        assert {d.priority for d in capped} == {2, 3}  # the cap really bites, so the check below is not vacuous
        for decision in capped:
            kept = [d.priority for d in plan.decisions if d.module_id == decision.module_id and d.outcome != "dropped"]
            assert decision.priority >= max(kept), f"{decision.point_id} (P{decision.priority}) lost to a P{max(kept)}"

    def it_serves_modules_round_robin_within_a_priority(self, example_plans: dict) -> None:
        plan = example_plans["memo"]
        analysis = ["threat-picture", "legal-constraints", "cooperation-avenues", "recommendations"]
        kept = {m: sum(1 for d in plan.decisions if d.module_id == m and d.outcome != "dropped") for m in analysis}
        assert max(kept.values()) - min(kept.values()) <= 1, kept

    def it_is_deterministic(self, project_dir: Path, example_plans: dict) -> None:
        # A workspace collected afresh from another copy plans the memo as the shared one did.
        assert _plan(project_dir, "memo").decisions == example_plans["memo"].decisions

    def it_predicts_one_page_for_the_memo_and_ten_slides_for_the_deck(self, example_plans: dict) -> None:
        assert example_plans["memo"].count == 1
        assert example_plans["deck"].count == 10  # the alias of deck-10

    def it_fails_clearly_when_must_keep_points_cannot_fit(self, project_dir: Path, example_workspace: Workspace) -> None:
        _override_product(project_dir, "deck-10", lambda text: text.replace("slides: 10", "slides: 6").replace(
            "max_points_per_slide: 4", "max_points_per_slide: 1"))
        with pytest.raises(BriefwrightError) as caught:
            _plan_with_templates(example_workspace, project_dir, "deck-10")
        message = caught.value.report.errors[0].format()
        assert "product 'deck-10'" in message and "priority-1" in message and "6 slides" in message

    def it_refuses_a_bluf_longer_than_the_product_allows(self, project_dir: Path, example_workspace: Workspace) -> None:
        _override_product(project_dir, "memo", lambda text: text.replace("max_lines: 4", "max_lines: 2"))
        with pytest.raises(BriefwrightError) as caught:
            _plan_with_templates(example_workspace, project_dir, "memo")
        message = caught.value.report.errors[0].format()
        assert "the bluf paragraph takes 4 lines; the product allows 2" in message
        assert "content/topic.yaml bluf.text" in message

    def it_never_shrinks_type_below_the_product_minimum(self, project_dir: Path, example_workspace: Workspace) -> None:
        _override_product(project_dir, "memo", lambda text: text.replace("size: 7.5, line: 9.5", "size: 6, line: 8"))
        with pytest.raises(BriefwrightError) as caught:
            _plan_with_templates(example_workspace, project_dir, "memo")
        message = caught.value.report.errors[0].format()
        assert "templates/products/memo.yaml:" in message and "[styles]" in message
        assert "style 'sources' is 6.0pt, below the product's minimum of 7.5pt" in message
        result = cli_in_process("build", "--product", "memo", cwd=project_dir)  # the command line reports it too
        assert result.returncode == 1 and "Traceback" not in result.stderr and "below the product's minimum" in result.stderr


class Describe_block_measures:
    """Pagination measures each composed block once and reuses the measure for every trial layout
    that contains the block; that is only right if no block changes after it was measured."""

    def it_finds_every_reused_measure_still_true_at_the_end_of_planning(self, example_workspace) -> None:
        from briefwright.audience import load_audience
        from briefwright.compose.composer import ComposeContext, Composer
        from briefwright.measure.layout import Typesetter
        from briefwright.plan.planner import Planner
        from briefwright.products import load_product

        workspace = example_workspace
        for name in ("memo", "brief", "report"):
            product, audience = load_product(workspace.layers, name), load_audience(workspace.layers, "analyst")
            typesetter = Typesetter(product, audience)
            composer = Composer(ComposeContext(workspace.content, workspace.sources, product, audience,
                                               workspace.project.config.issued), typesetter)
            Planner.for_product(workspace.content, composer, typesetter).fit()
            fresh = Typesetter(product, audience)
            entries = list(typesetter._measured.values())
            assert len(entries) > 20, name  # the planner measured through the cache
            for block, (width, first_note), measure in entries:
                assert fresh.measure(block, width, first_note) == measure, (name, block.text[:60])

    def it_keeps_a_measure_per_block_and_width(self, example_workspace) -> None:
        from briefwright.audience import load_audience
        from briefwright.measure.layout import Typesetter
        from briefwright.model import Block, Run
        from briefwright.products import load_product

        workspace = example_workspace
        product, audience = load_product(workspace.layers, "brief"), load_audience(workspace.layers, "analyst")
        typesetter = Typesetter(product, audience)
        block = Block("body", [Run("A short line.")])
        one_line = typesetter.measure(block, 400.0)
        longer = Block("body", [Run("A far longer paragraph that will need several lines at this width. " * 6)])
        assert typesetter.measure(longer, 400.0)[0] > one_line[0]
        assert typesetter.measure(block, 200.0) == typesetter.measure(Block("body", [Run("A short line.")]), 200.0)
        # The same block at a narrower width is measured again, not handed its wider measure.
        narrower = typesetter.measure(longer, 150.0)
        assert narrower[0] > typesetter.measure(longer, 400.0)[0]
        assert narrower == Typesetter(product, audience).measure(longer, 150.0)

    def it_measures_footnote_marks_on_the_last_line(self, example_workspace) -> None:
        """report-defence printed one page more than planned: "Taiwan." fitted its line, "Taiwan.²⁸" did not."""
        from briefwright.audience import load_audience
        from briefwright.measure.layout import SUPERSCRIPT_SCALE, Typesetter
        from briefwright.measure.text import WIDTH_SAFETY
        from briefwright.model import Block, Run
        from briefwright.products import load_product

        workspace = example_workspace
        product, audience = load_product(workspace.layers, "report"), load_audience(workspace.layers, "analyst")
        typesetter = Typesetter(product, audience)
        text = "Japan's ruling party has concluded that Japan must mobilise the SDF in support."
        face = typesetter.segments(Block("body", [Run(text)]))[0].face
        width = sum(face.advance(char) for char in text) * typesetter.style("body").size
        mark = sum(face.advance(char) for char in "28") * typesetter.style("body").size * SUPERSCRIPT_SCALE
        noted = Block("body", [Run(text)], footnotes=["Liao."])
        available = (width + mark * 0.75) / WIDTH_SAFETY  # room for the text and one digit, not two
        assert typesetter.line_count(Block("body", [Run(text)]), available) == 1
        assert typesetter.measure(noted, available, first_note=28)[0] == 2
        assert typesetter.measure(noted, available, first_note=2)[0] == 1  # one digit is narrower
