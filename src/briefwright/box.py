"""A private box for the programs briefwright runs (LibreOffice, Chromium).

Each run gets a fresh temporary folder holding its HOME, XDG config/cache/data/state folders,
TMPDIR, its profile and copies of its input files (under neutral names, so no user's file name
can read as an option, and a file swapped after it was checked is never the one converted). The
program runs in its own process group with that environment; when the run ends — normally, on an
error or on a time-out — the whole group is killed and the folder removed. Nothing is written to
the user's home (dconf, .config, font caches) and nothing is left in /tmp.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from briefwright import safety
from briefwright.diagnostics import Where

# What the programs need from the caller's environment; everything else (the session bus, the
# desktop, credentials in variables) stays out of the box.
_KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "FONTCONFIG_FILE", "FONTCONFIG_PATH", "SOURCE_DATE_EPOCH")
_FOLDERS = ("home", "config", "cache", "data", "state", "runtime", "tmp", "profile", "in", "out")


@dataclass(frozen=True)
class Box:
    root: Path

    def folder(self, name: str) -> Path:
        return self.root / name

    @property
    def environment(self) -> dict[str, str]:
        kept = {key: value for key, value in os.environ.items() if key in _KEPT or key.startswith("LC_")}
        tmp = str(self.folder("tmp"))
        return {**kept, "HOME": str(self.folder("home")), "XDG_CONFIG_HOME": str(self.folder("config")),
                "XDG_CACHE_HOME": str(self.folder("cache")), "XDG_DATA_HOME": str(self.folder("data")),
                "XDG_STATE_HOME": str(self.folder("state")), "XDG_RUNTIME_DIR": str(self.folder("runtime")),
                "TMPDIR": tmp, "TMP": tmp, "TEMP": tmp,
                "SAL_USE_VCLPLUGIN": "svp"}  # LibreOffice's headless backend: no desktop, no dconf

    def take(self, files: list[Path], what: str, limit: int) -> list[Path]:
        """Copies of files inside the box as in/001.docx …: each a regular file (not a link) of at
        most limit bytes, read once here; the program sees only the copies."""
        copies = []
        for number, path in enumerate(files, start=1):
            safety.regular_file(path, Where(path), what, limit)
            copy = self.folder("in") / f"{number:03d}{path.suffix.lower()}"
            with open(path, "rb", buffering=0, opener=_no_follow) as source, open(copy, "wb") as target:
                shutil.copyfileobj(source, target, length=1 << 20)
            copies.append(copy)
        return copies


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NOFOLLOW)  # a file swapped for a link after the check is refused


def _short_base() -> str:
    """Where boxes go: the temporary folder, unless its path is so long that a socket inside the box
    would pass the 107-byte limit of a Unix socket path (Chromium's profile lock is one); then /tmp."""
    base = tempfile.gettempdir()
    if len(base) > 24 and os.access("/tmp", os.W_OK | os.X_OK):
        return "/tmp"
    return base


@contextmanager
def boxed(prefix: str) -> Iterator[Box]:
    """A fresh box for one run, removed when the block ends however it ends."""
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=_short_base()))
    try:
        for name in _FOLDERS:
            (root / name).mkdir(mode=0o700)
        yield Box(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def end_group(process_id: int) -> None:
    """Kill what is left of a run's process group (helpers a program forked, which outlive it)."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process_id, signal.SIGKILL)


def run(command: list[str], box: Box, timeout: float) -> subprocess.CompletedProcess[str]:
    """command in box, in its own process group; raises subprocess.TimeoutExpired after timeout
    seconds, with the whole group killed first."""
    with subprocess.Popen(command, cwd=box.root, env=box.environment, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            end_group(process.pid)
            process.communicate()
            raise
        finally:
            end_group(process.pid)
    return subprocess.CompletedProcess(command, process.returncode, out, err)
