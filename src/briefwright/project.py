"""The project file (briefwright.yaml): where things are and what to build."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from briefwright import codes, safety
from briefwright.diagnostics import Report, Where, configure_checks, fail
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
    # Severity per check code (briefwright check --list): a warning may become an error, or off.
    checks: dict[str, Literal["error", "warning", "off"]] = {}

    @field_validator("checks", mode="before")
    @classmethod
    def _off_is_not_false(cls, value: object) -> object:
        # YAML 1.1 reads a bare `off` as false; the user wrote the word.
        if isinstance(value, dict):
            return {key: "off" if setting is False else setting for key, setting in value.items()}
        return value


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
    project_file = safety.confined(root, PROJECT_FILE, Where(Path(PROJECT_FILE)), "project file")
    document = load_yaml(project_file, Path(PROJECT_FILE))
    report = Report()
    config = validate_into(ProjectFile, document.data, document, (), report)
    report.raise_if_failed()
    assert config is not None
    # Every folder briefwright reads or writes is the project's own, build/ included: a project
    # someone else wrote must not put its outputs (or read a manifest) elsewhere through a link.
    for name in ("seeds", "content", "templates", "overlay", "build"):
        value = getattr(config.paths, name)
        if value is not None:
            safety.confined(root, value, document.where(("paths", name)), f"{name} folder")
    safety.checked_name(config.default_audience, document.where(("default_audience",)), "audience name")
    for key in ("products", "audiences"):
        for index, name in enumerate(getattr(config.build, key)):
            safety.checked_name(name, document.where(("build", key, index)), f"{key[:-1]} name")
    _check_settings(config.checks, document.where)
    configure_checks(config.checks)
    return Project(root, config)


def _check_settings(settings: Mapping[str, str], where_of: Callable[[tuple[str, ...]], Where]) -> None:
    """Every code the project file sets is a real check, and only warnings are adjusted."""
    report = Report()
    for code, setting in settings.items():
        check = codes.lookup(code)
        where = where_of(("checks", code))
        if check is None:
            report.error("checks-setting", where, f"no check has the code '{code}'",
                         "`briefwright check --list` prints every code; correct the name or remove the line")
        elif not check.adjustable and setting != "error":
            report.error("checks-setting", where,
                         f"'{code}' is an error (it guards a promise) and cannot be set to {setting}",
                         "remove the line; fix what the check reports instead")
    report.raise_if_failed()
