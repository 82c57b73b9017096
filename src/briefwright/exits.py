"""Exit statuses and the one line an interrupted command prints, shared by the entry point and the CLI."""

from __future__ import annotations

EXIT_INTERRUPTED = 130
INTERRUPTED_MESSAGE = "interrupted: a build writes all its files or none, so the folder holds a complete set"
