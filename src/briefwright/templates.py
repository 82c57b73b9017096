"""Where templates come from: a user's overlay, the project's templates/, then the built-ins.

A profile, product or asset in a higher layer overrides one of the same name below it.
Only data is read from these folders (YAML, images, reference .docx/.pptx); no code in
them ever runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from briefwright import safety
from briefwright.diagnostics import BriefwrightError, Where, fail

BUILTIN_DIR = Path(__file__).resolve().parent / "templates"
T = TypeVar("T")


@dataclass(frozen=True)
class Layer:
    label: str  # "overlay" | "project" | "built-in"
    path: Path


@dataclass(frozen=True)
class Layers:
    layers: tuple[Layer, ...]
    project_root: Path
    # Audience profiles and products read from these layers, each once: the build environment
    # every stage reads (planner, writers, checks, the build's asset list) instead of its own copy.
    # Loaded objects are never changed after loading; a new build (or watch's next rebuild)
    # collects new Layers, so a saved file is read again.
    _loaded: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_project(cls, project_root: Path, project_templates: Path, overlay: Path | None) -> Layers:
        found = []
        if overlay is not None:
            overlay = safety.confined(project_root, overlay.absolute(), Where(field="--templates"), "templates folder",
                                      absolute=True)
            if not overlay.is_dir():
                raise fail("templates-missing", Where(overlay), "templates folder not found",
                           "pass an existing folder to --templates")
            found.append(Layer("overlay", overlay.resolve()))
        if project_templates.is_dir():
            found.append(Layer("project", project_templates.resolve()))
        found.append(Layer("built-in", BUILTIN_DIR))
        return cls(tuple(found), project_root.resolve())

    def once(self, kind: str, name: str, load: Callable[[], T]) -> T:
        """What load reads for (kind, name), read the first time it is asked for and then shared."""
        key = (kind, name)
        if key not in self._loaded:
            self._loaded[key] = load()
        loaded: T = self._loaded[key]
        return loaded

    def bound(self, layer: Layer) -> Path:
        """What a layer's files may point into: the package for the built-ins, else the project."""
        return layer.path if layer.label == "built-in" else self.project_root

    def inside(self, layer: Layer, path: Path) -> Path:
        """path (a file in layer) resolved once through the confinement rule; refused if it leads outside."""
        bound = self.bound(layer)
        return safety.confined(bound, path.relative_to(bound), Where(self.display(path)), f"{path.parent.name} file")

    def files(self, kind: str) -> dict[str, tuple[Path, Layer]]:
        """name → (file, layer) for every YAML file of a kind; the highest layer wins. A file whose
        stem is not a name, or that links outside the project, is refused, not skipped."""
        found: dict[str, tuple[Path, Layer]] = {}
        for layer in self.layers:
            for path in sorted((layer.path / kind).glob("*.yaml")):
                safety.checked_name(path.stem, Where(self.display(path)), f"{kind[:-1]} file name")
                found.setdefault(path.stem, (self.inside(layer, path), layer))
        return found

    def find(self, kind: str, name: str, below: Layer | None = None,
             where: Where | None = None) -> tuple[Path, Layer] | None:
        """The file for name; with `below`, only layers under that one (for 'extends: <own name>').
        name must be a name (where says who gave it): '../x' is refused, never looked up."""
        safety.checked_name(name, where or Where(field=kind[:-1]), f"{kind[:-1]} name")
        layers = self.layers
        if below is not None:
            layers = layers[layers.index(below) + 1:]
        for layer in layers:
            path = layer.path / kind / f"{name}.yaml"
            if path.is_file():
                return self.inside(layer, path), layer
        return None

    def display(self, path: Path) -> Path:
        for base in (self.project_root, *(layer.path for layer in self.layers)):
            try:
                return path.relative_to(base) if base == self.project_root else \
                    Path(f"<{self._label_of(base)}>") / path.relative_to(base)
            except ValueError:
                continue
        return path

    def _label_of(self, base: Path) -> str:
        return next(layer.label for layer in self.layers if layer.path == base)

    def asset(self, relative: str, defined_in: Layer, where: Where) -> Path:
        """Resolve an asset path from a profile; it must stay inside the project (the package, for a
        built-in profile)."""
        bound = self.bound(defined_in)
        if Path(relative).is_absolute() or "\x00" in relative:
            raise fail("asset-outside", where, f"asset path '{safety.shown(relative)}' leads outside the project",
                       "keep logos and reference files inside templates/, named relative to it")
        try:
            candidate = safety.confined(bound, (defined_in.path / relative).relative_to(bound), where, "asset")
        except BriefwrightError:
            raise fail("asset-outside", where, f"asset path '{safety.shown(relative)}' leads outside the project",
                       "keep logos and reference files inside templates/, with no '..' or link out of the "
                       "project") from None
        if not candidate.is_file():
            raise fail("asset-missing", where, f"asset '{relative}' not found (looked in {self.display(candidate)})",
                       "check the path; it is relative to the templates folder that names it")
        return candidate
