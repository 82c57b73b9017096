"""Audience profiles: data files under templates/audiences/, with inheritance."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from briefwright.diagnostics import Report, Where, fail
from briefwright.validation import validate_into
from briefwright.yamlio import YamlDocument, load_yaml

HEX = r"^[0-9A-Fa-f]{6}$"


class Fonts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heading: str
    body: str
    east_asian: str


class Palette(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ink: str = Field(pattern=HEX)
    accent: str = Field(pattern=HEX)
    muted: str = Field(pattern=HEX)
    rule: str = Field(pattern=HEX)
    fill: str = Field(pattern=HEX)
    paper: str = Field(pattern=HEX)
    inverse: str = Field(pattern=HEX, description="Text colour on ink backgrounds")

    def hex(self, name: str) -> str:
        value = getattr(self, name, None)
        if value is None:
            raise KeyError(name)
        return value.upper()


class Branding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisation: str
    fonts: Fonts
    palette: Palette


class AudienceProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    extends: str | None = None
    label: str
    description: str = ""
    addressee: str
    module_order: list[str] = []
    paper: Literal["letter", "a4"] = "letter"
    date_format: str = "%d %B %Y"
    banner: str | None = None
    branding: Branding


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _raw_profile(audiences_dir: Path, name: str, root: Path, chain: tuple[str, ...]) -> tuple[dict[str, Any], YamlDocument]:
    path = audiences_dir / f"{name}.yaml"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in audiences_dir.glob("*.yaml"))) or "none"
        where = Where(_display(audiences_dir, root))
        if chain:
            raise fail("audience-missing", where, f"profile '{chain[-1]}' extends '{name}', which does not exist",
                       f"available: {available}")
        raise fail("audience-missing", where, f"no audience profile named '{name}'", f"available: {available}")
    document = load_yaml(path, _display(path, root))
    data = document.data if isinstance(document.data, dict) else {}
    parent = data.get("extends")
    if parent is None:
        return data, document
    if parent in chain or parent == name:
        raise fail("audience-cycle", document.where(("extends",)), f"'{name}' extends itself through {' → '.join(chain)}")
    parent_data, _ = _raw_profile(audiences_dir, str(parent), root, chain + (name,))
    return _deep_merge(parent_data, data), document


def load_audience(audiences_dir: Path, name: str, root: Path) -> AudienceProfile:
    data, document = _raw_profile(audiences_dir, name, root, ())
    data = {**data, "id": name}
    report = Report()
    profile = validate_into(AudienceProfile, data, document, (), report)
    report.raise_if_failed()
    assert profile is not None
    return profile


def audience_names(audiences_dir: Path) -> list[str]:
    """Profiles a user can build for (files starting with '_' or named base are abstract)."""
    return sorted(p.stem for p in audiences_dir.glob("*.yaml") if not p.stem.startswith("_") and p.stem != "base")


def _display(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path
