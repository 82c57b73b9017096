"""Where templates come from: a user's overlay, the project's templates/, then the built-ins.

A profile, product or asset in a higher layer overrides one of the same name below it.
Only data is read from these folders (YAML, images, reference .docx/.pptx); no code in
them ever runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefwright.diagnostics import Where, fail

BUILTIN_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Layer:
    label: str  # "overlay" | "project" | "built-in"
    path: Path


@dataclass(frozen=True)
class Layers:
    layers: tuple[Layer, ...]
    project_root: Path

    @classmethod
    def for_project(cls, project_root: Path, project_templates: Path, overlay: Path | None) -> Layers:
        found = []
        if overlay is not None:
            if not overlay.is_dir():
                raise fail("templates-missing", Where(overlay), "templates folder not found",
                           "pass an existing folder to --templates")
            found.append(Layer("overlay", overlay.resolve()))
        if project_templates.is_dir():
            found.append(Layer("project", project_templates.resolve()))
        found.append(Layer("built-in", BUILTIN_DIR))
        return cls(tuple(found), project_root.resolve())

    def files(self, kind: str) -> dict[str, tuple[Path, Layer]]:
        """name → (file, layer) for every YAML file of a kind; the highest layer wins."""
        found: dict[str, tuple[Path, Layer]] = {}
        for layer in self.layers:
            for path in sorted((layer.path / kind).glob("*.yaml")):
                found.setdefault(path.stem, (path, layer))
        return found

    def find(self, kind: str, name: str, below: Layer | None = None) -> tuple[Path, Layer] | None:
        """The file for name; with `below`, only layers under that one (for 'extends: <own name>')."""
        layers = self.layers
        if below is not None:
            layers = layers[layers.index(below) + 1:]
        for layer in layers:
            path = layer.path / kind / f"{name}.yaml"
            if path.is_file():
                return path, layer
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
        """Resolve an asset path from a profile; it must stay inside the project or a templates layer."""
        candidate = (defined_in.path / relative).resolve()
        allowed = (self.project_root, *(layer.path for layer in self.layers))
        if not any(candidate == base or base in candidate.parents for base in allowed):
            raise fail("asset-outside", where, f"asset path '{relative}' leads outside the project and its "
                       "templates folders", "keep logos and reference files inside templates/")
        if not candidate.is_file():
            raise fail("asset-missing", where, f"asset '{relative}' not found (looked in {self.display(candidate)})",
                       "check the path; it is relative to the templates folder that names it")
        return candidate
