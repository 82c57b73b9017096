"""What the commands share: the project a command runs in, names given as options, the report printer.

Kept light (no project model, no build): `briefwright --help` and every command's own help
import this module, and each command imports what its work needs when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from briefwright.diagnostics import Report
    from briefwright.project import Project

EXIT_OK, EXIT_FAILED, EXIT_INTERNAL = 0, 1, 70


def project_of(args: argparse.Namespace) -> Project:
    """--project DIR, or the project found by walking up from here."""
    from briefwright.project import load_project

    if args.project:
        return load_project(Path(args.project), explicit=True)
    return load_project(Path.cwd())


def overlay(args: argparse.Namespace) -> Path | None:
    # Not resolved here: Layers confines it to the project, through the one rule (safety.confined).
    return Path(args.templates).absolute() if getattr(args, "templates", None) else None


def option_names(names: list[str], option: str) -> list[str]:
    """Names given on the command line: each a name, never a path ('../x' is refused)."""
    from briefwright import safety
    from briefwright.diagnostics import Where

    return [safety.checked_name(name, Where(field=option), option.lstrip("-") + " name") for name in names]


def print_report(report: Report, stream: TextIO | None = None) -> None:
    for diagnostic in report.items:
        print(diagnostic.format(), file=stream or sys.stderr)  # looked up now: tests capture it


def display(path: Path) -> str:
    """A path as the user would type it: relative to here when it is inside, else as it is."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def progress(quiet: bool) -> Callable[[int, int, str], None] | None:
    """A one-line progress display on a terminal; nothing when piped or quiet."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(number: int, total: int, label: str) -> None:
        end = "\n" if number == total else ""
        print(f"\r\033[K[{number:>3}/{total}] {label}", end=end, file=sys.stderr, flush=True)

    return show


def names(values: list[str] | None) -> list[str]:
    """Names given as repeated options or comma-separated (--product memo,brief --product deck-5)."""
    return list(dict.fromkeys(name.strip() for value in values or [] for name in value.split(",") if name.strip()))
