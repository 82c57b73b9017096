"""What the review commands share: the project a command runs in, and names given as options."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefwright.project import Project, load_project


def project_of(args: argparse.Namespace) -> Project:
    if getattr(args, "project", None):
        return load_project(Path(args.project), explicit=True)
    return load_project(Path.cwd())


def names(values: list[str] | None) -> list[str] | None:
    """Names given as repeated options or comma-separated; None when none were given."""
    found = list(dict.fromkeys(name.strip() for value in values or [] for name in value.split(",") if name.strip()))
    return found or None
