"""`briefwright diff OLD NEW`: two build folders, two manifests or two git revisions, compared
claim by claim; printed, as JSON, or as a redline .docx."""

from __future__ import annotations

import argparse
import json
from contextlib import ExitStack
from pathlib import Path

from briefwright.diagnostics import Where, fail
from briefwright.output import write_atomic
from briefwright.project import Project
from briefwright.review.args import names, project_of
from briefwright.review.compare import Build, compare_builds, read_build, to_json, to_text
from briefwright.review.revisions import built_revision, is_revision


def open_build(project: Project, name: str, stack: ExitStack, products: list[str] | None,
               audiences: list[str] | None) -> Build:
    path = Path(name)
    if path.exists():
        return read_build(path)
    if is_revision(project, name):
        return read_build(stack.enter_context(built_revision(project, name, products, audiences)))
    raise fail("diff-unknown", Where(path), "neither a build folder, a manifest nor a git revision",
               "give a build folder (build/), its manifest.json, or a revision such as HEAD~1 or a tag")


def cmd_diff(args: argparse.Namespace) -> int:
    project = project_of(args)
    products, audiences = names(args.product), names(args.audience)
    with ExitStack() as stack:
        old = open_build(project, args.old, stack, products, audiences)
        new = open_build(project, args.new, stack, products, audiences)
        diffs = compare_builds(old, new, set(products) if products else None)
    if args.redline:
        from briefwright.review.redline import redline_docx  # python-docx only when a redline is asked for

        title = f"What changed: {args.old} → {args.new}"
        data = redline_docx(diffs, title, args.author, f"{project.config.issued}T00:00:00Z")
        write_atomic(Path(args.redline), data)
    if args.json:
        print(json.dumps(to_json(diffs), ensure_ascii=False, indent=2))
    else:
        print(to_text(diffs))
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    diff = sub.add_parser("diff", parents=[common], help="what changed between two builds, claim by claim",
                          description="Compare two builds (build folders, manifest.json files, or git revisions "
                                      "of the project, built into a temporary folder in build/): per product, the "
                                      "judgments, claims, confidence words, citations, quotes and sources that "
                                      "changed, were added or dropped, and the planner's changed decisions.")
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--product", metavar="NAME", action="append", help="only these products (repeat or comma-separate)")
    diff.add_argument("--audience", metavar="NAME", action="append", help="audiences to build revisions for")
    diff.add_argument("--json", action="store_true", help="print the comparison as JSON")
    diff.add_argument("--redline", metavar="FILE.docx", help="also write the changes as tracked changes in Word")
    diff.add_argument("--author", default="briefwright", help="the author the redline's revisions carry")
    diff.set_defaults(handler=cmd_diff)
