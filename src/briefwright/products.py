"""Product definitions: data files under templates/products/ (structure, budget, styles)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from briefwright import safety
from briefwright.content.modules import DETAIL_LEVELS, DetailLevel
from briefwright.diagnostics import Report, Where, fail
from briefwright.roles import (
    BANNER_BOXES,
    COVER_BOXES,
    DECK_FURNITURE,
    DECK_PART_STYLES,
    KIND_FIELDS,
    KIND_PARTS,
    ROLES,
    SLIDE_BOXES,
    WORD_PART_STYLES,
    WRITER_FIELDS,
    Part,
)
from briefwright.templates import Layers
from briefwright.validation import validate_into
from briefwright.writers.registry import WRITERS, Kind, WriterSpec
from briefwright.yamlio import YamlDocument, load_yaml


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
    page_break_before: bool = False
    outline: int | None = Field(default=None, ge=0, le=8, description="Heading level for navigation (0 = level 1)")
    fill: str | None = None
    border_left: str | None = None
    rule_below: str | None = None
    tab: float | None = None
    max_lines: int | None = Field(default=None, ge=1, description="A paragraph in this style may not run longer")
    tab_align: Literal["left", "right"] = "left"
    tab_leader: Literal["none", "dot"] = "none"
    # Set from a Word reference document whose look is kept (reference/docx_look.py): its face
    # for this style, and its colour (RRGGBB; "auto" for Word's automatic colour).
    family: str | None = None
    rgb: str | None = None

    @model_validator(mode="after")
    def _line_holds_the_text(self) -> Style:
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
    """A product file. It may name every setting of either kind, so a setting of the other kind is
    reported with its line (kind_problems) rather than refused as unknown; a loaded product is a
    FlowProduct or a SlidesProduct (AnyProduct), by its writer's kind."""

    model_config = ConfigDict(extra="forbid")
    _source: YamlDocument | None = PrivateAttr(default=None)  # for errors that name a line
    id: str
    title: str
    description: str = ""
    format: str = Field(description="The writer: " + ", ".join(f"{spec.format} ({spec.description})"
                                                               for spec in WRITERS.values()))
    aliases: list[str] = []
    budget: Budget
    structure: list[str]

    def where(self, field_path: tuple[str, ...]) -> Where:
        """The product file and line of a field, for refusals about this product."""
        if self._source is None:
            return Where(field=".".join(("products", self.id, *field_path)))
        return self._source.where(field_path)
    levels: list[DetailLevel]
    prefer: DetailLevel
    max_points_per_module: int | None = Field(default=None, ge=1)
    points_as: Literal["bullets", "paragraphs"] = "bullets"
    new_page: list[str] = Field(default=[], description="Structure parts whose sections start on a new page")
    references: Literal["compact", "full"] = "full"
    what_changed: bool = Field(default=False, description="A re-issued edition opens with a 'what changed' box "
                                                          "(a deck: the slide after the cover, inside the budget; "
                                                          "build --since or review.since names the last)")
    citations: Literal["markers", "footnotes"] = "markers"  # [n] markers, or footnotes (formats that carry them)
    max_points_per_slide: int = Field(default=4, ge=1)
    max_events: int = Field(default=8, ge=2, description="Most events a timeline shows")
    max_figures: int = Field(default=6, ge=1, description="Most numbers a key-figures slide or table shows")
    margins: Margins | None = None
    slide_size: tuple[float, float] = (13.333, 7.5)
    logo_height: float = Field(default=0.22, gt=0, description="Logo height in the Word header, inches")
    # Set from a Word reference document (reference/docx_look.py), never in a product file: its
    # page size in inches (else the audience's paper), and which parts of its look are kept.
    _page_size: tuple[float, float] | None = PrivateAttr(default=None)
    _reference_styles: bool = PrivateAttr(default=False)  # its styles and defaults, not reset
    _reference_header: bool = PrivateAttr(default=False)  # its header and footer (letterhead)
    boxes: dict[str, Box] = {}
    cover_fill: str | None = Field(default="ink", description="Palette key of the cover slide's background; "
                                                                "null leaves the master's own")
    styles: dict[str, Style]
    text: dict[str, str] = {}
    source_text: Literal["passages", "whole"] = Field(
        default="passages", description="HTML: show only the source paragraphs the product quotes (the default), or "
                                        "whole source texts, beside the product")

    @field_validator("styles")
    @classmethod
    def _never_below_minimum(cls, styles: dict[str, Style], info: ValidationInfo) -> dict[str, Style]:
        budget = info.data.get("budget")
        minimum = budget.min_font_size if budget is not None else Budget().min_font_size
        for name, style in styles.items():
            if style.size < minimum:
                raise ValueError(f"style '{name}' is {style.size}pt, below the product's minimum of {minimum}pt "
                                 "(budget.min_font_size); text is never shrunk to fit")
        return styles

    @property
    def page_size(self) -> tuple[float, float] | None:
        return self._page_size

    @property
    def reference_styles(self) -> bool:
        return self._reference_styles

    @property
    def reference_header(self) -> bool:
        return self._reference_header

    def with_reference_look(self, styles: dict[str, Style], margins: Margins | None,
                            page_size: tuple[float, float] | None, keep_styles: bool, keep_header: bool) -> Product:
        """This product as a Word reference document shapes it (see reference/docx_look.py)."""
        copy = self.model_copy(update={"styles": styles, "margins": margins})
        copy._page_size, copy._reference_styles, copy._reference_header = page_size, keep_styles, keep_header
        return copy

    @field_validator("format")
    @classmethod
    def _known_writer(cls, value: str) -> str:
        if value not in WRITERS:
            raise ValueError(f"no writer for format '{value}'; known: {', '.join(WRITERS)}")
        return value

    @property
    def writer(self) -> WriterSpec:
        return WRITERS[self.format]

    @property
    def kind(self) -> Kind:
        """flow (pages) or slides: how the product is measured, fitted and composed."""
        return self.writer.kind

    @property
    def parts(self) -> list[Part]:
        return [Part.parse(entry) for entry in self.structure]

    @model_validator(mode="after")
    def _consistent(self) -> Product:
        """One refusal at a time, in the order a reader fixes a file: styles, structure, levels, kind."""
        parts = self.parts  # an unknown part is the first refusal
        self._word_styles_agree()
        self._structure_valid(parts)
        self._levels_valid()
        if self.format in WRITERS:  # else reported by the format field's own check
            self._kind_settings_valid()
        return self

    def _word_styles_agree(self) -> None:
        by_word_style: dict[str, Style] = {}
        for key, style in self.styles.items():
            if style.word_style is None:
                continue
            other = by_word_style.setdefault(style.word_style, style)
            if other.model_dump(exclude={"page_break_before"}) != style.model_dump(exclude={"page_break_before"}):
                raise ValueError(f"styles sharing word_style '{style.word_style}' must match except "
                                 f"page_break_before ('{key}' differs)")

    def _structure_valid(self, parts: list[Part]) -> None:
        for role in self.new_page:
            if role not in ROLES:
                raise ValueError(f"new_page names unknown part '{role}'; known: {', '.join(ROLES)}")
        if sum(1 for part in parts if part.role == "modules") > 1:
            raise ValueError("structure may name 'modules' once (use a ':role' filter to narrow it)")

    def _levels_valid(self) -> None:
        if self.prefer not in self.levels:
            raise ValueError(f"prefer '{self.prefer}' is not one of levels {self.levels}")
        order = [DETAIL_LEVELS.index(level) for level in self.levels]
        if order != sorted(order):
            raise ValueError("levels must run from shortest to longest: headline, summary, detail")

    def _kind_settings_valid(self) -> None:
        if self.kind == "flow" and (self.budget.pages is None or self.margins is None):
            raise ValueError(f"a {self.format} product (pages) needs budget.pages and margins")
        if self.kind == "slides" and self.budget.slides is None:
            raise ValueError(f"a {self.format} product (slides) needs budget.slides")
        if self.citations == "footnotes" and (not self.writer.footnotes or "footnote" not in self.styles):
            raise ValueError("footnotes need a format that carries them ("
                             + ", ".join(s.format for s in WRITERS.values() if s.footnotes) + ") and a 'footnote' style")
        if self.budget.min_pages and self.budget.pages and self.budget.min_pages > self.budget.pages:
            raise ValueError("budget.min_pages is larger than budget.pages")


class FlowProduct(Product):
    """Laid out on pages (Word, HTML): composed, then paginated within its page budget."""

    @property
    def page_budget(self) -> int:
        assert self.budget.pages is not None  # _kind_settings_valid refuses a page product without one
        return self.budget.pages

    @property
    def page_margins(self) -> Margins:
        assert self.margins is not None  # as page_budget
        return self.margins


class SlidesProduct(Product):
    """Laid out on slides (PowerPoint): composed, then each slide's text fitted into its boxes."""

    @property
    def slide_budget(self) -> int:
        assert self.budget.slides is not None  # _kind_settings_valid refuses a deck without one
        return self.budget.slides


AnyProduct = FlowProduct | SlidesProduct


def as_flow(product: Product) -> FlowProduct:
    """A product a page stage was handed (pagination, the Word and HTML writers), typed as one."""
    assert isinstance(product, FlowProduct), f"product '{product.id}' is not a page product"
    return product


def as_slides(product: Product) -> SlidesProduct:
    """A product a slide stage was handed (slide planning, the PowerPoint writer), typed as one."""
    assert isinstance(product, SlidesProduct), f"product '{product.id}' is not a deck"
    return product
_KIND_CLASSES: dict[str, type[FlowProduct] | type[SlidesProduct]] = {"flow": FlowProduct, "slides": SlidesProduct}


def _product_class(data: object) -> type[Product]:
    """The class the file's format asks for; the base class when the format is unknown (its own check reports it)."""
    format_name = data.get("format") if isinstance(data, dict) else None
    spec = WRITERS.get(format_name) if isinstance(format_name, str) else None
    return _KIND_CLASSES[spec.kind] if spec is not None else Product


Problems = list[tuple[tuple[str | int, ...], str]]  # (where in the file, what is wrong)
_KIND_LABEL = {"flow": "page", "slides": "slide"}


def _formats_of(kind: str) -> str:
    return ", ".join(s.format for s in WRITERS.values() if s.kind == kind)


def kind_problems(product: Product) -> Problems:
    """(where in the file, what is wrong) for each part, field or box that does not suit the kind."""
    return [*_kind_part_problems(product), *_kind_field_problems(product), *_missing_box_problems(product)]


def _kind_part_problems(product: Product) -> Problems:
    kind = product.kind
    other = "slides" if kind == "flow" else "flow"
    problems: Problems = []
    for index, entry in enumerate(product.structure):
        role = Part.parse(entry).role
        if role not in KIND_PARTS[kind]:
            problems.append((("structure", index), f"part '{role}' is for {_KIND_LABEL[other]} products "
                             f"({_formats_of(other)}); a {_KIND_LABEL[kind]} product ({product.format}) may use: "
                             f"{', '.join(KIND_PARTS[kind])}"))
    return problems


def _kind_field_problems(product: Product) -> Problems:
    kind = product.kind
    other = "slides" if kind == "flow" else "flow"
    problems: Problems = []
    for name in KIND_FIELDS[other]:
        if name in product.model_fields_set:
            problems.append(((name,), f"'{name}' is for {_KIND_LABEL[other]} products ({_formats_of(other)}); "
                             f"this is a {_KIND_LABEL[kind]} product ({product.format})"))
    for name, formats_reading in WRITER_FIELDS.items():
        if name in product.model_fields_set and product.format not in formats_reading:
            problems.append(((name,), f"'{name}' is read only by the {', '.join(formats_reading)} writer; "
                             f"this product is {product.format}"))
    return problems


def _missing_box_problems(product: Product) -> Problems:
    if product.kind != "slides":
        return []
    needed = [*SLIDE_BOXES, *BANNER_BOXES]
    if any(Part.parse(entry).role == "title" for entry in product.structure):
        needed += [*COVER_BOXES, "cover_band"]
    return [(("boxes",), f"box '{name}' is missing; every slide draws it") for name in needed if name not in product.boxes]


def required_styles(product: Product) -> list[str]:
    """Every style key the product's structure will draw with."""
    needed: list[str] = []
    for part in product.parts:
        if product.kind == "flow":
            if part.role == "modules":
                needed += ["heading", *(("bullet",) if product.points_as == "bullets" else ("intro", "subheading",
                                                                                         "body"))]
            elif part.role == "sources":
                needed += ["sources"] if product.references == "compact" else ["heading", "reference"]
            else:
                needed += WORD_PART_STYLES.get(part.role, ())
        else:
            needed += [*DECK_FURNITURE, *DECK_PART_STYLES.get(part.role, ())]
    return list(dict.fromkeys(needed))


def load_product(layers: Layers, name: str) -> AnyProduct:
    """The product named (or aliased) name, validated for its kind (once per build)."""
    safety.checked_name(name, Where(field="product"), "product name")
    return layers.once("products", name, lambda: _read_product(layers, name))


def _read_product(layers: Layers, name: str) -> AnyProduct:
    files = layers.files("products")
    found = files.get(name)
    if found is None:
        for path, layer in files.values():
            document = load_yaml(path, layers.display(path))
            if isinstance(document.data, dict) and name in (document.data.get("aliases") or []):
                found = (path, layer)
                break
    if found is None:
        raise fail("product-missing", Where(field="product"), f"no product named '{name}'",
                   f"available: {', '.join(sorted(files)) or 'none'}")
    path, _ = found
    document = load_yaml(path, layers.display(path))
    report = Report()
    data = {**document.data, "id": path.stem} if isinstance(document.data, dict) else document.data
    product = validate_into(_product_class(data), data, document, (), report)
    report.raise_if_failed()
    assert isinstance(product, (FlowProduct, SlidesProduct))
    for where, problem in kind_problems(product):
        report.error("product-kind", document.where(where), f"product '{product.id}': {problem}",
                     "remove it, or change format: to a writer of that kind")
    report.raise_if_failed()
    missing = [key for key in required_styles(product) if key not in product.styles]
    if missing:
        raise fail("product-style-missing", document.where(("styles",)),
                   f"product '{product.id}' draws with style(s) {', '.join(missing)}, which its styles do not define",
                   "add them under styles: (see the built-in product files for examples)")
    product._source = document
    return product
