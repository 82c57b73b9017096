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
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("python-docx", "python-pptx", "lxml", "jinja2", "pydantic", "pyyaml", "fonttools", "pillow")


# Inside the package, what `init` copies (the starter, and links to the example project) is
# not read by a build: hashing it would re-read the example's files on every build.
_NOT_BUILD_INPUTS = {"__pycache__", "starter", "example"}


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return [folder] if folder.is_file() else []
    found = []
    for top, folders, files in os.walk(folder):  # linked folders are listed, never walked into
        here = Path(top)
        for name in (*files, *(name for name in folders if (here / name).is_symlink())):
            path = here / name
            parts = path.relative_to(folder).parts
            if not (folder == PACKAGE and _NOT_BUILD_INPUTS & set(parts)) and "__pycache__" not in parts:
                found.append(path)
    return sorted(found)


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
    lines = []
    for library in libraries:
        try:
            lines.append(f"{library}={metadata.version(library)}\n")
        except metadata.PackageNotFoundError:
            lines.append(f"{library}=absent\n")
    return "".join(lines)


def _digest_folder(digest: hashlib._Hash, folder: Path) -> None:
    for path in _files(folder):
        digest.update(str(path.relative_to(folder.parent if folder.is_file() else folder)).encode())
        digest.update(b"\0")
        digest.update(_content(path, folder.parent if folder.is_file() else folder))


@lru_cache(maxsize=1)
def package_digest() -> str:
    """briefwright's own code and font metrics, hashed once per process: the build fingerprint, the
    verification cache and the cached check all depend on it."""
    digest = hashlib.sha256()
    _digest_folder(digest, PACKAGE)
    return digest.hexdigest()
