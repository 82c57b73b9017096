"""Product definitions: data files under templates/products/ (structure, budget, styles)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from briefwright.content import DETAIL_LEVELS, DetailLevel
from briefwright.diagnostics import Report, Where, fail
from briefwright.validation import validate_into
from briefwright.yamlio import load_yaml


class Style(BaseModel):
    """One paragraph style. Sizes and spacing in points; line is the exact line pitch."""

    model_config = ConfigDict(extra="forbid")
    word_style: str | None = None
    font: Literal["heading", "body"] = "body"
    size: float = Field(gt=0)
    line: float = Field(gt=0)
    bold: bool = False
    italic: bool = False
    caps: bool = False
    color: str = "ink"
    align: Literal["left", "right", "center"] = "left"
    before: float = 0
    after: float = 0
    indent: float = 0
    hanging: float = 0
    bullet: str | None = None
    keep_with_next: bool = False
    fill: str | None = None
    border_left: str | None = None
    rule_below: str | None = None
    tab: float | None = None

    @model_validator(mode="after")
    def _line_holds_the_text(self) -> "Style":
        if self.line < self.size:
            raise ValueError(f"line ({self.line}pt) is smaller than size ({self.size}pt); glyphs would be clipped")
        return self


class Budget(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pages: int | None = Field(default=None, ge=1)
    min_pages: int | None = Field(default=None, ge=1)
    slides: int | None = Field(default=None, ge=3)
    min_fill: float = Field(default=0.0, ge=0, le=1)
    min_font_size: float = Field(default=7.0, gt=0)


class Margins(BaseModel):
    model_config = ConfigDict(extra="forbid")
    top: float
    bottom: float
    left: float
    right: float


class Box(BaseModel):
    """A rectangle on a slide, in inches from the top-left corner."""

    model_config = ConfigDict(extra="forbid")
    x: float
    y: float
    w: float = Field(gt=0)
    h: float = Field(gt=0)
    inset: float = Field(default=0.05, ge=0, description="Inner margin on every side, inches")


class Product(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    title: str
    description: str = ""
    format: Literal["docx", "pptx"]
    aliases: list[str] = []
    budget: Budget
    structure: list[str]
    levels: list[DetailLevel]
    prefer: DetailLevel
    max_points_per_module: int | None = Field(default=None, ge=1)
    max_points_per_slide: int = Field(default=4, ge=1)
    margins: Margins | None = None
    slide_size: tuple[float, float] = (13.333, 7.5)
    boxes: dict[str, Box] = {}
    styles: dict[str, Style]
    text: dict[str, str] = {}

    @model_validator(mode="after")
    def _consistent(self) -> "Product":
        if self.prefer not in self.levels:
            raise ValueError(f"prefer '{self.prefer}' is not one of levels {self.levels}")
        order = [DETAIL_LEVELS.index(level) for level in self.levels]
        if order != sorted(order):
            raise ValueError("levels must run from shortest to longest: headline, summary, detail")
        if self.format == "docx" and (self.budget.pages is None or self.margins is None):
            raise ValueError("a docx product needs budget.pages and margins")
        if self.format == "pptx" and self.budget.slides is None:
            raise ValueError("a pptx product needs budget.slides")
        return self


def product_files(products_dir: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(products_dir.glob("*.yaml"))}


def load_product(products_dir: Path, name: str, root: Path) -> Product:
    files = product_files(products_dir)
    path = files.get(name)
    if path is None:
        for candidate in files.values():
            document = load_yaml(candidate, _display(candidate, root))
            if isinstance(document.data, dict) and name in (document.data.get("aliases") or []):
                path = candidate
                break
    if path is None:
        raise fail("product-missing", Where(_display(products_dir, root)), f"no product named '{name}'",
                   f"available: {', '.join(files) or 'none'}")
    document = load_yaml(path, _display(path, root))
    report = Report()
    data = {**document.data, "id": path.stem} if isinstance(document.data, dict) else document.data
    product = validate_into(Product, data, document, (), report)
    report.raise_if_failed()
    assert product is not None
    return product


def _display(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path
