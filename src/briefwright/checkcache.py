"""`briefwright check` on unchanged inputs answers from the build folder, without loading the package.

A check reads the project file, the seeds, the content, the templates (the project's, an
overlay, the built-ins), the logos and reference files its audiences name, and is decided
by briefwright's own code and the libraries that parse and validate. Its whole answer
(what it printed and its exit status) is kept under the digest of all of those, with the
arguments and the folder it ran in. The next check computes that digest with nothing but
hashlib and PyYAML, and on a match prints the stored answer: the same bytes, in a fraction
of the time it takes to import the modules a real check needs. Anything unusual (a path
leading out of the project, an unreadable project file, a cache that does not parse) means
a real check, never a guess. Every other command goes straight to the command line module.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from briefwright.cachekey import file_identity
from briefwright.fingerprint import library_versions, package_digest

PROJECT_FILE = "briefwright.yaml"
CACHE_FOLDER = ".briefwright-cache"
LIBRARIES = ("pydantic", "pydantic-core", "pyyaml", "jinja2", "rapidfuzz")


class _Tee:
    """Writes through to the real stream and remembers what was written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _check_arguments(argv: list[str]) -> dict[str, str | bool] | None:
    """The options of a plain `check` (--strict, --project, --templates), or None for anything else."""
    if not argv or argv[0] != "check":
        return None
    options: dict[str, str | bool] = {"strict": False}
    rest = argv[1:]
    while rest:
        item = rest.pop(0)
        if item == "--strict":
            options["strict"] = True
        elif item in ("--project", "--templates") and rest:
            options[item[2:]] = rest.pop(0)
        elif item.startswith(("--project=", "--templates=")):
            name, _, value = item[2:].partition("=")
            options[name] = value
        else:
            return None  # --help, a typo: the real parser answers
    return options


def _project_root(options: dict[str, str | bool]) -> Path | None:
    if isinstance(options.get("project"), str):
        root = Path(str(options["project"])).resolve()
        return root if (root / PROJECT_FILE).is_file() else None
    here = Path.cwd().resolve()
    return next((folder for folder in (here, *here.parents) if (folder / PROJECT_FILE).is_file()), None)


def _inside(root: Path, name: object) -> Path | None:
    if not isinstance(name, str) or not name:
        return None
    path = (root / name).resolve()
    return path if path == root or root in path.parents else None


def _configured_paths(project_file: Path) -> dict[str, Any] | None:
    """The project file's paths: mapping, or None when the file is too large, unreadable or unusual."""
    import yaml

    if project_file.stat().st_size > 2 * 1024 * 1024:
        return None
    try:
        config = yaml.safe_load(project_file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    paths = (config or {}).get("paths", {}) if isinstance(config, dict) else None
    return paths if isinstance(paths, dict) else None


def _folders(root: Path, options: dict[str, str | bool]) -> tuple[list[Path], Path] | None:
    """The folders a check reads and the build folder, from the project file; None if unusual."""
    paths = _configured_paths(root / PROJECT_FILE)
    if paths is None:
        return None
    named = {key: paths.get(key, key) for key in ("seeds", "content", "templates", "build")}
    folders = [_inside(root, named[key]) for key in ("seeds", "content", "templates")]
    if paths.get("overlay") is not None:
        folders.append(_inside(root, paths["overlay"]))
    if isinstance(options.get("templates"), str):  # outside the project: the real check refuses it
        folders.append(_inside(root, str(Path(str(options["templates"])).resolve())))
    build = _inside(root, named["build"])
    if build is None or any(folder is None for folder in folders):
        return None
    return [folder for folder in folders if folder is not None], build


def _digest_files(digest: Any, folder: Path) -> None:
    if folder.is_file():
        digest.update(folder.name.encode() + b"\0" + folder.read_bytes() + file_identity(folder))
        return
    base = folder.resolve()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_symlink():  # never followed: the link itself is what the project holds
            digest.update(f"{relative}\0link\0{os.readlink(path)}\n".encode())
        elif not path.resolve().is_relative_to(base):
            digest.update(f"{relative}\0outside\n".encode())  # under a linked folder: not read
        elif path.is_file():
            # The file's identity on this machine too: an answer forged in a project's build folder cannot match.
            digest.update(str(relative).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest()
                          + file_identity(path))


def _base_key(root: Path, folders: list[Path], options: dict[str, str | bool]) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps([sys.version, str(root), str(Path.cwd()), sorted(options.items())]).encode())
    digest.update(library_versions(LIBRARIES).encode())
    _digest_files(digest, root / PROJECT_FILE)
    for folder in folders:
        digest.update(f"\0folder {folder}\n".encode())
        if folder.exists():
            _digest_files(digest, folder)
    digest.update(f"briefwright code {package_digest()}\n".encode())
    return digest.hexdigest()


def _assets_key(root: Path, assets: list[str]) -> str | None:
    digest = hashlib.sha256()
    for name in assets:
        path = _inside(root, name)
        if path is None or not path.is_file():
            return None
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest() + file_identity(path))
    return digest.hexdigest()


def _cache_path(build: Path, options: dict[str, str | bool]) -> Path:
    variant = hashlib.sha256(json.dumps(sorted(options.items())).encode()).hexdigest()[:12]
    return build / CACHE_FOLDER / f"check-{variant}.json"


def _replay(path: Path, base: str, root: Path) -> int | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["base"] != base or _assets_key(root, stored["assets"]) != stored["assets_key"]:
            return None
        stdout, stderr, status = stored["stdout"], stored["stderr"], int(stored["status"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    sys.stderr.write(stderr)
    sys.stdout.write(stdout)
    return status


def _assets_read(root: Path, options: dict[str, str | bool]) -> list[str] | None:
    """The logos and reference files the project's audiences name (the check reads them too)."""
    try:
        from briefwright.audience import asset_paths, audience_names, load_audience
        from briefwright.build import template_layers
        from briefwright.project import load_project

        project = load_project(root, explicit=True)
        overlay = Path(str(options["templates"])).resolve() if isinstance(options.get("templates"), str) else None
        layers = template_layers(project, overlay)
        paths = {path for name in audience_names(layers) for path in asset_paths(load_audience(layers, name))}
        return sorted(str(path.resolve().relative_to(root)) for path in paths)
    except Exception:  # noqa: BLE001 - any doubt about what was read means: do not cache
        return None


def _store(out: _Tee, err: _Tee, status: int, options: dict[str, str | bool], root: Path, folders: list[Path],
           build: Path, base: str) -> None:
    if status not in (0, 1) or _base_key(root, folders, options) != base:
        return  # interrupted, a bug, or the files changed while it ran: nothing to keep
    assets = _assets_read(root, options)
    assets_key = _assets_key(root, assets) if assets is not None else None
    if assets is None or assets_key is None:
        return
    from briefwright.output import write_atomic

    stored = {"base": base, "assets": assets, "assets_key": assets_key, "status": status,
              "stdout": "".join(out.parts), "stderr": "".join(err.parts)}
    with contextlib.suppress(OSError):  # a read-only build folder: the next check runs in full
        write_atomic(_cache_path(build, options), json.dumps(stored, ensure_ascii=False).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    """The command line, with `check` answered from the cache when nothing it reads has changed."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    options = _check_arguments(arguments)
    fresh = "briefwright.cli" not in sys.modules  # its report printer must bind to the captured stream
    root = _project_root(options) if options is not None and fresh else None
    located = _folders(root, options) if root is not None and options is not None else None
    if options is None or root is None or located is None:
        from briefwright.cli import main as cli_main

        return cli_main(arguments)
    folders, build = located
    base = _base_key(root, folders, options)
    replayed = _replay(_cache_path(build, options), base, root)
    if replayed is not None:
        return replayed
    # The command line module binds its report printer to sys.stderr when imported: capture from before.
    out, err = _Tee(sys.stdout), _Tee(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        from briefwright.cli import main as cli_main

        status = cli_main(arguments)
    finally:
        sys.stdout, sys.stderr = out.stream, err.stream
    _store(out, err, status, options, root, folders, build, base)
    return status
