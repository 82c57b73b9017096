"""`briefwright plan PRODUCT`: what the planner keeps, condenses and drops, and the predicted fill."""

from __future__ import annotations

import argparse

from briefwright.commands.common import EXIT_OK, option_names, overlay, project_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    plan_parser = sub.add_parser("plan", parents=[common], help="show what a product keeps, condenses and drops",
                                 description="Explain the planner's choices and the predicted fill of each page or slide.")
    plan_parser.add_argument("product", metavar="PRODUCT")
    plan_parser.add_argument("--audience", metavar="NAME")
    plan_parser.set_defaults(handler=cmd_plan)


def cmd_plan(args: argparse.Namespace) -> int:
    from briefwright.build import collect, plan_product

    project = project_of(args)
    workspace = collect(project, overlay=overlay(args))
    audience = option_names([args.audience], "--audience")[0] if args.audience else project.config.default_audience
    product, _, plan = plan_product(workspace, option_names([args.product], "PRODUCT")[0], audience)
    budget = f"{product.budget.pages} page(s)" if product.kind == "flow" else f"{product.budget.slides} slides"
    print(f"plan for {product.id} × {audience}: budget {budget}, predicted {plan.count} {plan.unit}(s)")
    for number, fill in enumerate(plan.fills, start=1):
        label = "body fill" if plan.unit == "slide" else "fill"
        section = plan.document.sections[number - 1] if plan.unit == "slide" else None
        what = f"  {section.role}: {section.title[:60]}" if section else ""
        print(f"  {plan.unit} {number:>2}: {label} {fill:6.1%}{what}")
    for outcome in ("kept", "condensed", "dropped"):
        decisions = [d for d in plan.decisions if d.outcome == outcome]
        print(f"{outcome} ({len(decisions)}):")
        for decision in decisions:
            level = f" at {decision.level}" if decision.level else ""
            print(f"  P{decision.priority} {decision.module_id}/{decision.point_id}{level} — {decision.reason}")
    return EXIT_OK
