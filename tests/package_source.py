"""The package's modules parsed once per test run, for the tests that read its source (the import
graph, the codes its diagnostics use): the files do not change while the tests run."""

from __future__ import annotations

import ast
import functools
from pathlib import Path


@functools.cache
def parsed(path: Path) -> ast.Module:
    """The module at path, parsed. Shared between callers: read it (ast.walk), never change it."""
    return ast.parse(path.read_text(encoding="utf-8"))
