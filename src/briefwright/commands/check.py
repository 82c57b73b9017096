"""`briefwright check`: verify checksums, schemas and every quote; `check --list` names every check."""

from __future__ import annotations

import argparse
import sys

from briefwright.commands.common import EXIT_FAILED, EXIT_OK, overlay, print_report, project_of


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check_parser = sub.add_parser("check", parents=[common], help="verify sources, content and every quote",
                                  description="Verify checksums, schemas and every quote; exit non-zero on errors.")
    check_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check_parser.add_argument("--list", action="store_true",
                              help="print every check's code, stage and default severity (set them under checks: "
                                   "in briefwright.yaml)")
    check_parser.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    if args.list:
        from briefwright.codes import listing

        print(listing())
        return EXIT_OK
    from briefwright.audience import audience_names
    from briefwright.build import check_audiences, collect
    from briefwright.content.coverage import coverage, format_coverage
    from briefwright.diagnostics import BriefwrightError
    from briefwright.review.approvals import require_current

    project = project_of(args)
    try:
        workspace = collect(project, strict=args.strict, overlay=overlay(args))
    except BriefwrightError as error:
        print_report(error.report)
        errors = len(error.report.errors)
        print(f"check failed: {errors} error(s), {len(error.report.warnings)} warning(s)", file=sys.stderr)
        return EXIT_FAILED
    check_audiences(workspace, audience_names(workspace.layers), workspace.report)
    if args.strict:  # products the project file says must be approved as they stand
        require_current(project.build_dir, project.config.review.require_approval, workspace.report)
    print_report(workspace.report)
    if workspace.report.failed(args.strict):
        print(f"check failed: {len(workspace.report.errors)} error(s), {len(workspace.report.warnings)} warning(s)",
              file=sys.stderr)
        return EXIT_FAILED
    quotes = sum(len(p.evidence) + sum(len(c.positions) for c in p.conflicts) for p in workspace.content.points.values())
    print(f"ok: {len(workspace.sources)} sources (checksums match), {len(workspace.content.modules)} modules, "
          f"{len(workspace.content.points)} points, {quotes} quotes verified against their sources")
    print(format_coverage(coverage(workspace.content, workspace.sources)))
    return EXIT_OK
