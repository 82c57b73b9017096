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
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if path.is_file() and not (folder == PACKAGE and _NOT_BUILD_INPUTS & set(parts)) and "__pycache__" not in parts:
            found.append(path)
    return sorted(found)


def inputs_fingerprint(project_file: Path, folders: list[Path]) -> str:
    digest = hashlib.sha256()
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent\n".encode())
    for folder in [project_file, *folders, PACKAGE]:
        for path in _files(folder):
            digest.update(str(path.relative_to(folder.parent if folder.is_file() else folder)).encode())
            digest.update(b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
