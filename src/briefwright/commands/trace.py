"""`briefwright trace FILE`: where every claim in a built file comes from, from its evidence map."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from briefwright.commands.common import EXIT_OK

_EVIDENCE_LIMIT = 64 * 1024 * 1024  # far above any real map (the example's largest is under 1 MiB)
_REBUILD = "rebuild the product (briefwright build) to write its evidence map again"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    trace_parser = sub.add_parser("trace", help="show where every claim in a built file comes from",
                                  description="Print the evidence map written beside a built file: for each "
                                              "paragraph, bullet or slide line, its point, sources and quotes.")
    trace_parser.add_argument("file", metavar="FILE", help="a built .docx/.pptx (or its .evidence.json)")
    trace_parser.add_argument("--json", action="store_true", help="print the map as JSON")
    trace_parser.set_defaults(handler=cmd_trace)


def cmd_trace(args: argparse.Namespace) -> int:
    from briefwright import safety
    from briefwright.diagnostics import BriefwrightError, Diagnostic, Severity, Where
    from briefwright.evidence import evidence_paths, to_markdown

    target = Path(args.file)
    json_path = target if target.name.endswith(".evidence.json") else evidence_paths(target)[0]
    if not json_path.is_file() and not json_path.is_symlink():
        raise BriefwrightError(f"no evidence map at {json_path}", where=Where(target), code="trace-missing")
    # A build wrote it: a regular file, never a link to something else to print.
    safety.regular_file(json_path, Where(json_path), "evidence map", _EVIDENCE_LIMIT)
    evidence = _read_evidence_map(json_path)
    try:
        text = json.dumps(evidence, ensure_ascii=False, indent=2) if args.json else to_markdown(evidence)
    except (KeyError, TypeError, AttributeError, IndexError) as problem:
        raise BriefwrightError(Diagnostic(
            "trace-malformed", Severity.ERROR, Where(json_path),
            f"the evidence map is not in the shape briefwright writes ({type(problem).__name__}: {problem})",
            _REBUILD)) from None
    print(text)
    return EXIT_OK


def _read_evidence_map(path: Path) -> dict[str, Any]:
    from briefwright.diagnostics import BriefwrightError, Diagnostic, Severity, Where

    def malformed(message: str, line: int | None = None) -> BriefwrightError:
        return BriefwrightError(Diagnostic("trace-malformed", Severity.ERROR, Where(path, line), message, _REBUILD))

    if path.stat().st_size > _EVIDENCE_LIMIT:
        raise malformed(f"the evidence map is larger than {_EVIDENCE_LIMIT // 2**20} MiB")
    try:
        evidence = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as problem:
        raise malformed(f"the evidence map is not UTF-8 (byte {problem.start})") from None
    except json.JSONDecodeError as problem:
        raise malformed(f"the evidence map is not valid JSON: {problem.msg} (column {problem.colno})",
                        problem.lineno) from None
    if not isinstance(evidence, dict):
        raise malformed("the evidence map is not a JSON object")
    return evidence
