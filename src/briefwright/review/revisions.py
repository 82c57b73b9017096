"""A git revision of the project, built: the project's files at that revision are extracted
(`git archive`) into a temporary folder inside the project's build folder and built there, so
two editions can be compared without touching the working copy."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefwright.build import build
from briefwright.diagnostics import BriefwrightError, Where, fail
from briefwright.project import PROJECT_FILE, Project, load_project


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False, timeout=120)
    except FileNotFoundError:
        raise fail("diff-no-git", Where(root), "git is not installed", "give two build folders instead") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise fail("diff-revision", Where(root), f"git {args[0]} failed: {message[-1] if message else 'unknown error'}",
                   "give a build folder, a manifest.json, or a revision git knows (a commit, tag or branch)")
    return done.stdout


def is_revision(project: Project, name: str) -> bool:
    try:
        _git(project.root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    except BriefwrightError:  # not a repository, or not a revision: either way, not one
        return False
    return True


def _extract(project: Project, revision: str, destination: Path) -> Path:
    prefix = _git(project.root, "rev-parse", "--show-prefix").decode("utf-8").strip()
    archive = _git(project.root, "archive", "--format=tar", f"{revision}:{prefix}" if prefix else revision)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")  # the data filter refuses links and paths outside
    if not (destination / PROJECT_FILE).is_file():
        raise fail("diff-revision", Where(project.root), f"revision {revision} has no {PROJECT_FILE} here",
                   "pick a revision that has the project")
    return destination


@contextmanager
def built_revision(project: Project, revision: str, products: list[str] | None,
                   audiences: list[str] | None) -> Iterator[Path]:
    """The build folder of the project as it was at revision (removed afterwards)."""
    project.build_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".diff-", dir=project.build_dir))
    try:
        source = _extract(project, revision, folder / "project")
        out = folder / "build"
        build(load_project(source, explicit=True), products, audiences, out)
        yield out
    finally:
        shutil.rmtree(folder, ignore_errors=True)
