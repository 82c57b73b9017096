"""Audience profiles: data files under templates/audiences/, layered and inherited.

A profile `extends` another and overrides only what differs. A profile may extend one
of its own name: the parent is then looked up in the layers below it (an overlay
refining the project's `analyst`, say).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from briefwright import safety
from briefwright.diagnostics import Report, Where, fail
from briefwright.templates import Layer, Layers
from briefwright.validation import validate_into
from briefwright.yamlio import YamlDocument, load_yaml

HEX = r"^[0-9A-Fa-f]{6}$"
ASSET_KEYS = ("logo", "reference_docx", "reference_pptx")


# A font family as a font menu shows it: letters (any script), digits, spaces and . + & ( ) -.
# Quotes, semicolons, braces and slashes are in no family name, and would end a CSS string or rule.
FONT_NAME = re.compile(r"[\w.+&()-](?:[\w .+&()-]{0,62}[\w.+&()-])?")


class Fonts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heading: str
    body: str
    east_asian: str

    @field_validator("heading", "body", "east_asian")
    @classmethod
    def _family_name(cls, value: str) -> str:
        if not FONT_NAME.fullmatch(value):
            shown = value if len(value) <= 40 else value[:40] + "…"
            raise ValueError(f"'{shown}' is not a font family name (at most 64 letters, digits, spaces and . + & ( ) -, "
                             "no quotes, semicolons, braces or slashes) — write the name as the font menu shows it")
        return value


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


class FromMaster(BaseModel):
    """What a reference deck's master gives the products (true) or leaves to the product and profile."""

    model_config = ConfigDict(extra="forbid")
    geometry: bool = Field(default=True, description="Slide size and text boxes from the master's layouts")
    fonts: bool = Field(default=True, description="Theme fonts, where the profile names none of its own")
    colours: bool = Field(default=True, description="Theme colours, where the profile's palette sets none")


LayoutRole = Literal["title", "content", "title_only", "blank"]


class Branding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisation: str
    fonts: Fonts
    palette: Palette
    logo: Path | None = None  # resolved, contained paths (see Layers.asset)
    reference_docx: Path | None = None
    reference_pptx: Path | None = None
    layouts: dict[LayoutRole, str] = Field(default={}, description="Role → layout name in reference_pptx")
    from_master: FromMaster = FromMaster()
    # Word: product style roles (heading, subheading, body, … or heading_1, heading_2, list_bullet,
    # footnote_text) → the reference document's own style names, e.g. {heading_1: "Corp Heading 1"}.
    styles: dict[str, str] = {}
    # Word: what the product and profile set instead of the reference document's look (which is
    # otherwise kept). A profile's own `paper:` overrides the page size, its `fonts:` the faces.
    reference_overrides: list[Literal["page", "margins", "styles", "fonts", "header"]] = []


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    acronyms: dict[str, str] = {}
    expand: Literal["first-use", "never"] = "never"
    glossary: bool = False
    replace: dict[str, str] = {}  # plain-language substitutions in the project's own prose, never in quotes


class TagRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    favour: list[str] = []
    exclude: list[str] = []


class JudgmentDisplay(BaseModel):
    model_config = ConfigDict(extra="forbid")
    show_confidence: bool = Field(default=False, description="Mark key judgments and the BLUF as assessments "
                                                             "with their confidence (ICD 203)")


class ReadingLevel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_grade: float | None = Field(default=None, gt=0, description="Flesch–Kincaid grade of the product's prose")


class AudienceProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    extends: str | None = None
    label: str
    description: str = ""
    addressee: str
    module_order: list[str] = []
    module_weights: dict[str, float] = {}
    tags: TagRules = TagRules()
    vocabulary: Vocabulary = Vocabulary()
    reading_level: ReadingLevel = ReadingLevel()
    judgments: JudgmentDisplay = JudgmentDisplay()
    paper: Literal["letter", "a4"] = "letter"
    date_format: str = "%d %B %Y"
    banner: str | None = None
    branding: Branding
    _chain: list[YamlDocument] = PrivateAttr(default_factory=list)  # its file and those it extends

    def where(self, field_path: tuple) -> Where:
        """The file and line that set a field of this profile (or the nearest it inherits it from)."""
        return where_set(self._chain, field_path)

    @field_validator("module_weights")
    @classmethod
    def _positive(cls, value: dict[str, float]) -> dict[str, float]:
        for module, weight in value.items():
            if weight <= 0:
                raise ValueError(f"weight of '{module}' must be above 0")
        return value

    def weight(self, module_id: str) -> float:
        return self.module_weights.get(module_id, 1.0)


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _chain(layers: Layers, name: str) -> list[tuple[YamlDocument, Layer]]:
    """The profile's file and each file it extends, nearest first. A profile may extend its own
    name: the parent is then looked up in the layers below the one that holds it."""
    chain: list[tuple[YamlDocument, Layer]] = []
    visited: list[str] = []
    below: Layer | None = None
    named_by = Where(field="audience")
    while True:
        found = layers.find("audiences", name, below, named_by)
        if found is None:
            available = ", ".join(audience_names(layers)) or "none"
            if visited:
                raise fail("audience-missing", chain[-1][0].where(("extends",)),
                           f"profile '{visited[-1]}' extends '{name}', which no templates folder defines",
                           f"available: {available}")
            raise fail("audience-missing", Where(field="audience"), f"no audience profile named '{name}'",
                       f"available: {available}")
        path, layer = found
        document = load_yaml(path, layers.display(path))
        chain.append((document, layer))
        parent = document.data.get("extends") if isinstance(document.data, dict) else None
        if parent is None:
            return chain
        named_by = document.where(("extends",))
        safety.checked_name(parent, named_by, "profile name in extends")
        if parent in visited and parent != name:
            raise fail("audience-cycle", document.where(("extends",)),
                       f"'{name}' extends itself through {' → '.join(visited)}")
        visited.append(name)
        below = layer if parent == name else None
        name = str(parent)


def _with_assets(layers: Layers, document: YamlDocument, layer: Layer) -> dict[str, Any]:
    """A profile's own fields, its logo and reference paths resolved, confined and checked."""
    data = dict(document.data) if isinstance(document.data, dict) else {}
    branding = data.get("branding")
    if isinstance(branding, dict):
        branding = dict(branding)
        for key in ASSET_KEYS:
            if isinstance(branding.get(key), str):
                where = document.where(("branding", key))
                asset = layers.asset(branding[key], layer, where)
                if key == "logo":
                    safety.check_image(asset, where)
                else:
                    safety.check_package(asset, where, "reference file")
                branding[key] = str(asset)
        data["branding"] = branding
    return data


def load_audience(layers: Layers, name: str) -> AudienceProfile:
    """The audience profile name, its chain of `extends` merged and validated (once per build)."""
    return layers.once("audiences", name, lambda: _read_audience(layers, name))


def _read_audience(layers: Layers, name: str) -> AudienceProfile:
    chain = _chain(layers, name)
    own = [_with_assets(layers, document, layer) for document, layer in chain]  # nearest checked first
    data: dict[str, Any] = {}
    for fields in reversed(own):  # the base first; each profile overrides what it sets
        data = _deep_merge(data, fields)
    data = {**data, "id": name}
    documents = [document for document, _ in chain]
    report = Report()
    profile = validate_into(AudienceProfile, data, documents[0], (), report,
                            locate=lambda field_path: where_set(documents, field_path))
    report.raise_if_failed()
    assert profile is not None
    profile._chain = documents
    return profile


def asset_paths(profile: AudienceProfile) -> list[Path]:
    """The logo and reference files a profile's products are made with."""
    branding = profile.branding
    return [path for path in (branding.logo, branding.reference_docx, branding.reference_pptx) if path is not None]


def _own_profiles(layers: Layers, name: str) -> list[YamlDocument]:
    """The profile's chain without the built-in base profile: what the base supplies is a default a
    template's own look replaces, not an override (one rule for the Word and PowerPoint references)."""
    return [document for document, layer in _chain(layers, name)
            if not (layer.label == "built-in" and document.data.get("extends") is None)]


def overridden_fields(layers: Layers, name: str) -> dict[tuple[str, ...], Where]:
    """Leaf fields a profile sets itself (or inherits from a project or overlay profile), with where."""
    found: dict[tuple[str, ...], Where] = {}
    for document in _own_profiles(layers, name):
        for path in _leaf_paths(document.data, ()):
            found.setdefault(path, document.where(path))
    return found


def _leaf_paths(data: Any, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
    if not isinstance(data, dict):
        return [prefix] if prefix else []
    return [path for key, value in data.items() for path in _leaf_paths(value, (*prefix, str(key)))]


def profile_chain(layers: Layers, name: str) -> list[YamlDocument]:
    """The profile's file and each file it extends, nearest first (for naming where a field is set)."""
    return [document for document, _ in _chain(layers, name)]


def set_by_profile(layers: Layers, name: str, field_path: tuple) -> Where | None:
    """Where the audience's own profiles (not the built-in base every profile extends) set a field."""
    return next((document.where(field_path) for document in _own_profiles(layers, name)
                 if _has_path(document.data, field_path)), None)


def where_set(chain: list[YamlDocument], field_path: tuple) -> Where:
    """The file and line that set a field: the nearest profile in the chain that has it."""
    for document in chain:
        if document.line_of(field_path) is not None and _has_path(document.data, field_path):
            return document.where(field_path)
    return chain[0].where(field_path) if chain else Where(field=".".join(map(str, field_path)))


def _has_path(data: Any, field_path: tuple) -> bool:
    for key in field_path:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            return False
    return True


def audience_names(layers: Layers) -> list[str]:
    """Profiles a user can build for (names starting with '_', and base, are abstract)."""
    return sorted(name for name in layers.files("audiences") if not name.startswith("_") and name != "base")
