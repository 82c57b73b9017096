"""The review loop's commands: `diff`, `review import`, `review approve`, `review status`.

cli.py registers them through register(); each handler returns an exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefwright.review import diff_command
from briefwright.review.approvals import approve, states
from briefwright.review.args import names, project_of
from briefwright.review.importer import FieldChange, ImportResult, apply_import, import_review

EXIT_OK, EXIT_FAILED = 0, 1


def _field(change: FieldChange) -> str:
    return f"{change.anchor.kind} '{change.anchor.owner}', {change.anchor.field}"


def _print_import(result: ImportResult, applied: bool) -> None:
    for change in result.changes:
        _print_change(change)
    for note in result.notes:
        print(f"note: {note['owner']} {note['field']} — {note['author']}: {note['comment']}")
    for edit in result.loose:
        what = f"“{edit.text.strip()}”" if edit.text.strip() else ""
        advice = ("the planner decides the order: change priorities or module_order to reorder"
                  if edit.kind == "moved" else "edit the content by hand if it should stay")
        print(f"not anchored: paragraph {edit.paragraph}: {edit.kind} {what} by {edit.author or 'unknown'}"
              f" — {advice} (paragraph now reads: “{edit.context.strip()[:80]}”)")
    for name in result.missing:
        print(f"missing: the reviewed file no longer has anchor {name} (its text was deleted without tracking, "
              f"or the paragraph removed)")
    for diff in result.diffs.values():
        print(diff, end="" if diff.endswith("\n") else "\n")
    accepted = sum(change.status == "accepted" for change in result.changes)
    held = len(result.changes) - accepted
    verb = "applied" if applied else "proposed (run again with --apply to write them)"
    print(f"{accepted} change(s) {verb}; {held} held back; {len(result.notes)} note(s); "
          f"{len(result.loose)} edit(s) outside any anchor")


def _print_change(change: FieldChange) -> None:
    who = ", ".join(change.reviewers)
    print(f"{change.status}: {_field(change)} ({change.file or 'no file'}) — edited by {who}")
    print(f"    was: {change.old_value}")
    print(f"    now: {change.new_value or change.shown_after.strip()}")
    for comment in change.comments:
        print(f"    comment by {comment.author}: {comment.text}")
    for problem in change.problems:
        print(f"    ✗ {problem}")


def cmd_review_import(args: argparse.Namespace) -> int:
    project = project_of(args)
    docx = Path(args.file)
    result = import_review(project, docx, Path(args.evidence) if args.evidence else None)
    if args.apply:
        for path in apply_import(project, result, docx.name):
            print(f"wrote {path}", file=sys.stderr)
    if args.json:
        print(json.dumps(_import_json(result), ensure_ascii=False, indent=2))
    else:
        _print_import(result, args.apply)
    return EXIT_FAILED if any(change.status != "accepted" for change in result.changes) else EXIT_OK


def _import_json(result: ImportResult) -> dict:
    return {
        "changes": [{"anchor": c.anchor.key, "file": str(c.file) if c.file else None, "status": c.status,
                     "reviewers": c.reviewers, "old": c.old_value, "new": c.new_value, "problems": c.problems,
                     "comments": [{"author": m.author, "date": m.date, "text": m.text} for m in c.comments]}
                    for c in result.changes],
        "notes": result.notes,
        "unanchored": [{"kind": e.kind, "text": e.text, "author": e.author, "date": e.date,
                        "paragraph": e.paragraph} for e in result.loose],
        "missing": result.missing,
        "diff": {str(file): diff for file, diff in result.diffs.items()},
    }


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    review = sub.add_parser("review", parents=[common], help="read a reviewer's Word edits back; approve claims",
                            description="The review loop: import a reviewed .docx as verified content patches, "
                                        "approve a product's claims, and see which approvals have lapsed.")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION")
    actions.required = True
    importer = actions.add_parser("import", parents=[common], help="a reviewed .docx as content patches",
                                  description="Map every tracked change, direct edit and comment in a reviewed "
                                              "product to its content field; show the changes as a diff of "
                                              "content/*.yaml, verified against the quotes and the faithfulness "
                                              "check; write them with --apply.")
    importer.add_argument("file", metavar="FILE.docx")
    importer.add_argument("--apply", action="store_true", help="write the accepted changes and the review notes")
    importer.add_argument("--evidence", metavar="MAP", help="the product's .evidence.json (default: beside the "
                                                            "file, or in build/ by the product it was built as)")
    importer.add_argument("--json", action="store_true", help="print the result as JSON")
    importer.set_defaults(handler=cmd_review_import)
    approve = actions.add_parser("approve", parents=[common], help="sign off a built product's claims",
                                 description="Record who approved which claims of a built product, with the digest "
                                             "of each claim's text, confidence and cited quotes, in "
                                             "build/approvals.json. A later build marks an approval stale for "
                                             "exactly the claims that changed.")
    approve.add_argument("product", metavar="PRODUCT", help="a product id (every audience built) or a built file name")
    approve.add_argument("--by", required=True, metavar="NAME", help="who approves")
    approve.add_argument("--audience", metavar="NAME", help="only this audience's file")
    approve.add_argument("--claim", metavar="ANCHOR", action="append",
                         help="approve only these claims (owner:field; repeat or comma-separate)")
    approve.add_argument("--out", metavar="DIR", help="the build folder (default: build/)")
    approve.set_defaults(handler=cmd_review_approve)
    status = actions.add_parser("status", parents=[common], help="which approvals are current, stale or missing",
                                description="For every built file: claims approved as they stand, approved but "
                                            "changed since (stale), no longer shown, and never approved.")
    status.add_argument("--out", metavar="DIR", help="the build folder (default: build/)")
    status.add_argument("--json", action="store_true", help="print the states as JSON")
    status.set_defaults(handler=cmd_review_status)
    diff_command.register(sub, common)


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.out) if args.out else project_of(args).build_dir


def cmd_review_approve(args: argparse.Namespace) -> int:
    done = approve(_folder(args), args.product, args.by, args.audience, names(args.claim))
    for file, claims in done.items():
        print(f"approved by {args.by}: {file}, {len(claims)} claim(s)")
    return EXIT_OK


def cmd_review_status(args: argparse.Namespace) -> int:
    found = states(_folder(args))
    if args.json:
        print(json.dumps([vars(state) for state in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    for state in found:
        summary = (f"{len(state.current)} current, {len(state.stale)} stale, {len(state.gone)} no longer shown, "
                   f"{len(state.unapproved)} never approved")
        print(f"{state.file}: {summary}")
        for key in state.stale:
            print(f"  stale: {key} (approved by {state.approvers.get(key, '?')}, changed since)")
        for key in state.gone:
            print(f"  no longer shown: {key}")
    return EXIT_OK
