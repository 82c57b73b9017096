"""The project file (briefwright.yaml): where things are and what to build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from briefwright import safety
from briefwright.diagnostics import Report, Where, fail
from briefwright.validation import validate_into
from briefwright.yamlio import load_yaml

PROJECT_FILE = "briefwright.yaml"


class Paths(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seeds: str = "seeds"
    content: str = "content"
    templates: str = "templates"
    overlay: str | None = None  # a user's own templates folder, layered over templates/
    build: str = "build"


class BuildDefaults(BaseModel):
    model_config = ConfigDict(extra="forbid")
    products: list[str] = ["memo", "deck-10"]
    audiences: list[str] = []


class ReviewSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # products whose built files `check --strict` requires to be approved as they stand
    require_approval: list[str] = []
    # the previous edition (a build folder or its manifest.json, relative to the project) that
    # products with what_changed: true compare themselves with
    since: str | None = None


class ProjectFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    default_audience: str
    issued: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$",
                        description="Date printed on products; fixed so builds are reproducible.")
    paths: Paths = Paths()
    build: BuildDefaults = BuildDefaults()
    review: ReviewSettings = ReviewSettings()


@dataclass(frozen=True)
class Project:
    root: Path
    config: ProjectFile

    def path(self, name: str) -> Path:
        return self.root / getattr(self.config.paths, name)

    @property
    def seeds_dir(self) -> Path:
        return self.path("seeds")

    @property
    def content_dir(self) -> Path:
        return self.path("content")

    @property
    def templates_dir(self) -> Path:
        return self.path("templates")

    @property
    def build_dir(self) -> Path:
        return self.path("build")

    def display(self, path: Path) -> Path:
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path


def find_project_root(start: Path) -> Path:
    """Walk up from start to the folder holding briefwright.yaml, as git does for .git."""
    current = start.resolve()
    for folder in (current, *current.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    raise fail("no-project", Where(start), f"no {PROJECT_FILE} here or in any parent folder",
               "run inside a briefwright project, or pass --project DIR")


def load_project(start: Path, explicit: bool = False) -> Project:
    if explicit:
        if not (start / PROJECT_FILE).is_file():
            raise fail("no-project", Where(start), f"{PROJECT_FILE} not found in this folder",
                       "pass the folder that holds the project file")
        root = start.resolve()
    else:
        root = find_project_root(start)
    document = load_yaml(root / PROJECT_FILE, Path(PROJECT_FILE))
    report = Report()
    config = validate_into(ProjectFile, document.data, document, (), report)
    report.raise_if_failed()
    assert config is not None
    # Folders briefwright reads must be the project's own; build/ may be anywhere the user chooses.
    for name in ("seeds", "content", "templates", "overlay"):
        value = getattr(config.paths, name)
        if value is not None:
            safety.confined(root, value, document.where(("paths", name)), f"{name} folder")
    return Project(root, config)
