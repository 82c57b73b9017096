"""`briefwright build`: plan, render, check and write products."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefwright.commands.common import EXIT_OK, display, names, option_names, overlay, print_report, progress, project_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    build_parser = sub.add_parser("build", parents=[common], help="build products into build/",
                                  description="Plan, render and check products; write them atomically.")
    build_parser.add_argument("--product", metavar="NAME", action="append",
                              help="a product name, several (repeat the option or separate with commas), or 'all' "
                                   "(default: the project's list)")
    build_parser.add_argument("--audience", metavar="NAME", action="append",
                              help="an audience profile, several, or 'all' (default: the project's)")
    build_parser.add_argument("--out", metavar="DIR", help="output folder (default: build/)")
    build_parser.add_argument("--all", action="store_true",
                              help="every product for every audience (writes build/manifest.json as always)")
    build_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    build_parser.add_argument("-j", "--jobs", type=int, metavar="N",
                              help="worker processes (default: one per core); the files are the same for any N")
    build_parser.add_argument("--since", metavar="DIR",
                              help="the previous edition's build folder (or manifest.json): products with "
                                   "what_changed: true open with a 'what changed' box")
    build_parser.set_defaults(handler=cmd_build)


def _requested(args: argparse.Namespace) -> tuple[list[str] | None, list[str] | None]:
    """The products and audiences asked for: None means the project's own list."""
    if args.all:
        return ["*"], ["all"]
    named_products = option_names(names(args.product), "--product")
    named_audiences = option_names(names(args.audience), "--audience")
    products = None if not named_products or "all" in named_products else named_products
    audiences = ["all"] if "all" in named_audiences else named_audiences or None
    return products, audiences


def cmd_build(args: argparse.Namespace) -> int:
    from briefwright.build import build

    project = project_of(args)
    started = time.perf_counter()
    products, audiences = _requested(args)
    out_dir = Path(args.out) if args.out else None
    result = build(project, products, audiences, out_dir, strict=args.strict, overlay=overlay(args),
                   progress=progress(args.quiet), jobs=args.jobs, since=Path(args.since) if args.since else None)
    print_report(result.report)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        for output in result.outputs:
            unit = output.plan.unit
            counts = output.plan.summary()
            print(f"wrote {display(output.path)}  ({output.plan.count} {unit}{'s' if output.plan.count != 1 else ''}; "
                  f"{counts['kept']} points kept, {counts['condensed']} condensed, {counts['dropped']} dropped)")
        for path in result.up_to_date:
            print(f"up to date {display(path)}  (inputs unchanged since it was built)")
        current = f", {len(result.up_to_date)} up to date" if result.up_to_date else ""
        print(f"built {len(result.outputs)} file(s){current} in {elapsed:.2f}s")
    return EXIT_OK
