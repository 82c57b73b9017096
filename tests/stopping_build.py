"""`briefwright build --quiet`, stopped by a real signal at one named moment of the build.

Run as `python -P tests/stopping_build.py SIGNAL MOMENT` from a project folder. The process is the
command line's own (`briefwright.entry.run`, as `python -m briefwright` runs it); the only
difference is that it sends itself SIGNAL (os.kill: delivered and handled exactly as a Ctrl-C or a
kill from outside) at MOMENT, instead of a test sleeping and hoping the signal lands where it
meant to. A timer lands anywhere, or nowhere, on a loaded machine; these land where named, every time.

A moment of the start-up:
  importing:MODULE  as the command line, which has just put its Ctrl-C handler in place, imports MODULE
Moments of a build that has something to write:
  jobs      one product made, the forked workers' pool still open (nothing staged yet)
  manifest  every file staged and the manifest written, under the destination's lock, before the journal
  journal   the journal written: the build is committed and its files about to be moved into place
Moments of a build with nothing to do (its shutdown):
  returned  the command line has returned its status, before Ctrl-C is held back for the shutdown
  exiting   in the exit handlers the process runs as it leaves
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _stop(how: int) -> None:
    os.kill(os.getpid(), how)


class _StopAtImport:
    """A finder that finds nothing: asked for the module named, it sends the signal, so it lands
    in the middle of the import (the import system's own frames), as a Ctrl-C during start-up does."""

    def __init__(self, how: int, module: str) -> None:
        self.how, self.module = how, module

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == self.module:
            _stop(self.how)


def _arm(how: int, moment: str) -> None:
    if moment.startswith("importing:"):
        sys.meta_path.insert(0, _StopAtImport(how, moment.removeprefix("importing:")))
        return
    from briefwright import build, checkcache, publish

    if moment == "jobs":
        run_jobs = build.run_jobs

        def stopping_jobs(*args: Any, **kwargs: Any) -> Iterator[Any]:
            jobs = run_jobs(*args, **kwargs)
            yield next(jobs)
            _stop(how)
            yield from jobs

        build.run_jobs = stopping_jobs
    elif moment in ("manifest", "journal"):
        write_atomic = publish.write_atomic
        name = build.MANIFEST if moment == "manifest" else publish.JOURNAL

        def stopping_write(path: Path, data: bytes) -> None:
            write_atomic(path, data)
            if path.name == name and path.parent.name.startswith(publish.STAGING_PREFIX):
                _stop(how)

        publish.write_atomic = stopping_write
    elif moment == "returned":
        main = checkcache.main

        def stopping_main(argv: list[str] | None = None) -> int:
            status = main(argv)
            _stop(how)
            return status

        checkcache.main = stopping_main
    elif moment == "exiting":
        atexit.register(_stop, how)
    else:
        raise SystemExit(f"unknown moment {moment!r}")


if __name__ == "__main__":
    _arm(int(sys.argv[1]), sys.argv[2])
    sys.argv = ["briefwright", "build", "--quiet"]
    from briefwright.entry import run

    raise SystemExit(run())
