"""Putting a build's files in place: all of them, or none.

A build writes every file into a private staging folder inside the destination
(`.briefwright-staging-*`, locked by its owner while it lives). Then, holding the
destination's lock, it merges the manifest with the current one, writes a journal
(`COMMIT`) listing what it will move — the moment the build is committed — and
renames the files into place, manifest last, with SIGINT and SIGTERM held back.

Every build first recovers, under the same lock, what earlier builds left: a staging
folder whose owner is gone is finished if it holds a journal (the build had committed)
and deleted if it does not (it had not, and the previous files were never touched).
So Ctrl-C or a kill before the journal leaves the previous set as it was; one in the
few milliseconds of renaming is completed by the next build. Concurrent builds each
stage on their own and commit one at a time, so no manifest entry is lost.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; builds must not run concurrently
    fcntl = None  # type: ignore[assignment]

from briefwright.output import write_atomic

LOCK_FILE = ".briefwright.lock"
STAGING_PREFIX = ".briefwright-staging-"
OWNER_FILE = ".owner"
JOURNAL = "COMMIT"


def _lock(handle: IO[str], blocking: bool = True) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False


@contextmanager
def destination_lock(destination: Path) -> Iterator[None]:
    """The destination's lock: one build commits (or recovers) at a time."""
    destination.mkdir(parents=True, exist_ok=True)
    with open(destination / LOCK_FILE, "a", encoding="utf-8") as handle:
        _lock(handle)
        yield


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the renames are done (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _finish(staging: Path, destination: Path) -> None:
    """Move a committed staging folder's files into place, manifest last, then remove it."""
    names = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))["files"]
    for name in names:  # the journal lists the manifest last
        source = staging / name
        if source.exists():  # moved already by an earlier, interrupted finish
            os.replace(source, destination / name)
    shutil.rmtree(staging, ignore_errors=True)


def _owner_alive(staging: Path) -> bool:
    """Whether the build that made a staging folder still holds its lock."""
    try:
        with open(staging / OWNER_FILE, "a", encoding="utf-8") as handle:
            return not _lock(handle, blocking=False)  # closing the file releases a lock we took
    except OSError:
        return False


def recover(destination: Path) -> list[str]:
    """Finish or delete what dead builds left (call under destination_lock). Returns what was done."""
    done = []
    for staging in sorted(destination.glob(STAGING_PREFIX + "*")):
        if _owner_alive(staging):
            continue  # a live build is still staging here
        if (staging / JOURNAL).is_file():
            _finish(staging, destination)
            done.append(f"finished the interrupted build in {staging.name}")
        else:
            shutil.rmtree(staging, ignore_errors=True)
            done.append(f"removed {staging.name}, left by a build that stopped before it committed")
    return done


def publish(destination: Path, files: dict[str, bytes], manifest_name: str,
            manifest: Callable[[Path], bytes]) -> list[str]:
    """Write files (name → bytes) into destination as one set; manifest(destination) is computed
    under the lock from the destination's current manifest. Returns any recovery notes."""
    destination.mkdir(parents=True, exist_ok=True)
    staging = destination / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        with open(staging / OWNER_FILE, "a", encoding="utf-8") as owner:
            _lock(owner)  # held while this build lives: recovery leaves a live build's staging alone
            for name, data in files.items():
                write_atomic(staging / name, data)
            with destination_lock(destination):
                notes = recover(destination)
                write_atomic(staging / manifest_name, manifest(destination))
                journal = {"files": [*files, manifest_name]}
                with _signals_held():
                    write_atomic(staging / JOURNAL, (json.dumps(journal) + "\n").encode("utf-8"))  # committed
                    _finish(staging, destination)
        return notes
    finally:
        if not (staging / JOURNAL).is_file():
            shutil.rmtree(staging, ignore_errors=True)  # not committed: the previous set stands
