"""What a build's output depends on, as one hash: change anything, and everything is rebuilt.

The fingerprint covers every file a build reads — the project file, seeds, content, each
templates layer (overlay, project, built-ins), the logos and reference files the profiles
name wherever they sit — briefwright's own code and
font metrics, and the versions of the libraries that write the files. The manifest records
it for each file; a later build whose fingerprint matches, and whose file is still the one
the manifest describes, skips that file instead of making it again.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("python-docx", "python-pptx", "lxml", "jinja2", "pydantic", "pyyaml", "fonttools", "pillow")


# Inside the package, what `init` copies (the starter, and links to the example project) is
# not read by a build: hashing it would re-read the example's files on every build.
_NOT_BUILD_INPUTS = {"__pycache__", "starter", "example"}


def _files(folder: Path) -> list[Path]:
    """Every file under folder (and every link to a folder), in the order of their path parts.
    Strings, not pathlib, while walking: a build hashes the package's 170 files every time."""
    if not folder.is_dir():
        return [folder] if folder.is_file() else []
    skipped = _NOT_BUILD_INPUTS if folder == PACKAGE else {"__pycache__"}
    base = str(folder)
    found: list[tuple[list[str], str]] = []
    for top, folders, files in os.walk(base):  # linked folders are listed, never walked into
        relative = top[len(base):].lstrip(os.sep)
        parts = relative.split(os.sep) if relative else []
        linked = [name for name in folders if os.path.islink(os.path.join(top, name))]
        folders[:] = [name for name in folders if name not in skipped]  # nothing below them is kept
        for name in (*files, *linked):
            if not skipped & {*parts, name}:
                found.append(([*parts, name], os.path.join(top, name)))
    return [Path(path) for _, path in sorted(found)]


def _content(path: Path, folder: Path) -> bytes:
    """What a file contributes: its bytes; for a link, where it points, and its target's bytes only
    when that lies inside the folder hashed (a link out of the project is never read here: the build
    refuses it when it is used)."""
    if not path.is_symlink():
        return hashlib.sha256(path.read_bytes()).digest()
    target = path.resolve()
    base = folder.resolve()
    inside = target.is_file() and base in target.parents
    return os.readlink(path).encode() + b"\0" + (hashlib.sha256(target.read_bytes()).digest() if inside else b"")


def inputs_fingerprint(project_file: Path, folders: list[Path]) -> str:
    digest = hashlib.sha256(library_versions(LIBRARIES).encode())
    for folder in [project_file, *folders]:
        _digest_folder(digest, folder)
    digest.update(f"briefwright code {package_digest()}\n".encode())
    return digest.hexdigest()


def library_versions(libraries: tuple[str, ...]) -> str:
    """One line per library, `name=version` (or `absent`): what the installed libraries contribute to a key."""
    installed = _installed_versions()
    return "".join(f"{library}={installed.get(_project_key(library), 'absent')}\n" for library in libraries)


def _project_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()  # the name as a metadata folder spells it (PEP 503, underscored)


@lru_cache(maxsize=1)
def _installed_versions() -> dict[str, str]:
    """Each installed distribution's version, read from the name of its metadata folder
    (`python_docx-1.2.0.dist-info`), the first along sys.path winning as importlib.metadata's
    lookup does. Importing importlib.metadata (email, csv, zipfile...) cost a build more than
    every version it was asked for; the folder's name is what pip writes and changes with it."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file on the path, a folder that went away
            continue
        for name in names:
            stem, _, kind = name.rpartition(".")
            if kind in ("dist-info", "egg-info") and "-" in stem:
                project, _, version = stem.partition("-")
                found.setdefault(_project_key(project), version)
    return found


def _digest_folder(digest: hashlib._Hash, folder: Path) -> None:
    base = folder.parent if folder.is_file() else folder
    prefix = len(str(base).rstrip(os.sep)) + 1
    for path in _files(folder):
        digest.update(str(path)[prefix:].encode())  # the path inside base, as Path.relative_to spells it
        digest.update(b"\0")
        digest.update(_content(path, base))


@lru_cache(maxsize=1)
def package_digest() -> str:
    """briefwright's own code and font metrics, hashed once per process: the build fingerprint, the
    verification cache and the cached check all depend on it."""
    digest = hashlib.sha256()
    _digest_folder(digest, PACKAGE)
    return digest.hexdigest()
