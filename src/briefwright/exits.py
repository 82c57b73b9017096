"""Exit statuses and the one line an interrupted command prints, shared by the entry point and the CLI."""

from __future__ import annotations

EXIT_INTERRUPTED = 130
INTERRUPTED_MESSAGE = "interrupted: a build writes all its files or none, so the folder holds a complete set"
# The interrupts the entry point's handler has seen: a library may turn the KeyboardInterrupt into an
# error of its own (pydantic-core into a SchemaError or a PanicException), and this is how the
# command line still knows it was Ctrl-C.
RECEIVED: list[int] = []
