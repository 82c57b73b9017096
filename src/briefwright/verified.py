"""Which files `briefwright pdf` and `preview` take: only what a build wrote.

A file is taken if the manifest.json beside it lists its name, and it is a regular file (not a
link), ends in the suffix its entry's format makes, is within the size bound, and its bytes hash
to the sha256 the entry records. Anything else — a text file renamed .docx, a link to a system
file, a huge file that is no Office package, a file edited since it was built — is refused with
the reason, before any program opens it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from briefwright import safety
from briefwright.diagnostics import Where, fail
from briefwright.manifest import MANIFEST
from briefwright.writers.registry import WRITERS

MAX_MANIFEST_BYTES = 16 * safety.MiB
_REBUILD = "build it again with briefwright build, then convert the file the build wrote"


def manifest_entries(folder: Path) -> dict[str, dict[str, Any]]:
    """file name → entry of folder/manifest.json; refused if it is missing, a link or unreadable."""
    path = folder / MANIFEST
    where = Where(path)
    if not path.exists() and not path.is_symlink():
        raise fail("not-built", where, f"{folder.name}/ holds no {MANIFEST}: no build wrote these files", _REBUILD)
    safety.regular_file(path, where, "build manifest", MAX_MANIFEST_BYTES)
    try:
        files = json.loads(path.read_bytes().decode("utf-8"))["files"]
        entries = {item["file"]: item for item in files if isinstance(item, dict) and isinstance(item.get("file"), str)}
    except (ValueError, KeyError, TypeError):
        raise fail("manifest-unreadable", where, f"{MANIFEST} is not a briefwright build manifest", _REBUILD) from None
    return entries


def accept(path: Path, entries: dict[str, dict[str, Any]] | None = None, keep: Path | None = None) -> Path:
    """path as an absolute path (so no name can read as an option), if the build beside it wrote it.
    With keep, the bytes checked are also copied to keep/<name> and the copy is returned: what is
    converted then is exactly what was checked, even if the file is swapped meanwhile."""
    given, path = path, path.absolute()
    if not path.exists() and not path.is_symlink():
        raise fail("file-missing", Where(path.parent), f"not found: {given}", "build it first, or check the name")
    entries = manifest_entries(path.parent) if entries is None else entries
    where = Where(path)
    entry = entries.get(path.name)
    if entry is None:
        raise fail("not-built", where, f"'{safety.shown(path.name)}' is not listed in {path.parent.name}/{MANIFEST}: "
                   "briefwright converts only files a build wrote", _REBUILD)
    spec = WRITERS.get(str(entry.get("format")))
    if spec is None or path.suffix != spec.suffix:
        raise fail("not-built", where, f"'{safety.shown(path.name)}' does not end in the suffix its manifest entry's "
                   f"format makes ({entry.get('format')!r})", _REBUILD)
    size = safety.regular_file(path, where, "built file", safety.MAX_CONVERT_BYTES)
    copy = keep / path.name if keep is not None else None
    digest = hashlib.sha256()
    with open(path, "rb", opener=_no_follow) as stream, \
            (open(copy, "xb") if copy is not None else contextlib.nullcontext()) as target:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
            size -= len(chunk)
            if target is not None:
                target.write(chunk)
    if size != 0 or digest.hexdigest() != entry.get("sha256"):
        raise fail("built-file-changed", where, f"'{safety.shown(path.name)}' is not the file the build wrote "
                   f"(its sha256 differs from {MANIFEST})", _REBUILD)
    return copy if copy is not None else path


def _no_follow(name: str, flags: int) -> int:
    return os.open(name, flags | os.O_NOFOLLOW)  # swapped for a link after the check: refused, not followed


def all_built(folder: Path, keep: Path | None = None) -> list[Path]:
    """Every file folder/manifest.json lists that is still there, each accepted as above."""
    entries = manifest_entries(folder)
    names = [name for name in sorted(entries) if Path(name).name == name and name not in ("", ".", "..")]
    present = [folder / name for name in names if (folder / name).exists() or (folder / name).is_symlink()]
    return [accept(path, entries, keep) for path in present]
