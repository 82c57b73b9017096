"""Process entry point: a Ctrl-C at any moment ends with exit 130 and one line, never a traceback.

The command line module imports most of the package, which takes a noticeable part of a second; an
interrupt that lands during those imports would otherwise escape before ``cli.main`` can catch it, and
Python would report it as death by signal (-2) with a traceback.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def run() -> int:
    try:
        from briefwright.cli import main

        return main()
    except KeyboardInterrupt:  # cli.main catches its own; this covers imports and argument parsing
        print("interrupted: a build writes all its files or none, so the folder holds a complete set",
              file=sys.stderr)
        return EXIT_INTERRUPTED
