"""A Word product as the audience's reference document shapes it: the reference's look is the default.

For each of the product's paragraph styles, the reference style it maps to (the profile's
`branding.styles`, else the product's `word_style` name) lends its face, size, weight, colour,
spacing, line pitch and indents; a style the reference lacks keeps the product's sizes in the
reference's faces (its Heading 1 face for headings, its Normal face for text). The page size,
margins and header/footer (letterhead) are the reference's too; the body area starts below a
header taller than the top margin allows. The profile overrides any of these, and says so:
its own `paper:` (the page size), its own `branding.fonts` (the faces), or
`branding.reference_overrides: [page, margins, styles, fonts, header]`. Values that only the
built-in base profile sets are defaults, not overrides.

The planner measures with the product made here and the writer draws it, so the fit holds:
each kept line pitch is written as an exact pitch (the reference's single/multiple spacing
turned into points with the face's own line height), which is what the page model counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefwright.audience import AudienceProfile, set_by_profile
from briefwright.diagnostics import BriefwrightError, Where, fail
from briefwright.measure.fonts import FontFace, find_face
from briefwright.measure.layout import PAPER_SIZES_IN
from briefwright.products import Margins, Product, Style, load_product
from briefwright.reference.docx_reference import DocxReference, PagePart, ResolvedStyle, read_reference
from briefwright.reference.load import cached_by_version
from briefwright.templates import Layers

# Role names a profile may use besides the product's own style keys.
ROLE_ALIASES = {"heading_1": "heading", "heading_2": "subheading", "heading_3": "subsubheading",
                "list_bullet": "bullet", "footnote_text": "footnote", "normal": "body", "body_text": "body",
                "toc_1": "contents_entry"}
HEADER_GAP_PT = 12.0  # between a letterhead and the first line of text (LibreOffice adds about 7)
HEADER_LINE_EM = 1.25  # a header line's height per point of size: above any shipped face's single line


@dataclass(frozen=True)
class Overrides:
    """Which parts of the reference's look the profile replaces."""

    page: bool
    margins: bool
    styles: bool
    fonts: bool
    header: bool


def overrides_for(layers: Layers, audience: AudienceProfile) -> Overrides:
    listed = set(audience.branding.reference_overrides)
    paper = set_by_profile(layers, audience.id, ("paper",)) is not None
    fonts = any(set_by_profile(layers, audience.id, ("branding", "fonts", role)) is not None
                for role in ("heading", "body"))
    return Overrides("page" in listed or paper, "margins" in listed, "styles" in listed,
                     "fonts" in listed or fonts, "header" in listed)


def _role(key: str) -> str:
    return ROLE_ALIASES.get(key.strip().lower(), key)


def mapped_names(layers: Layers, audience: AudienceProfile, product: Product,
                 reference: DocxReference) -> dict[str, str]:
    """Product style key → reference style name, from the profile's `branding.styles`; an error with
    the profile's file and line, and the styles the reference has, for a name it does not hold."""
    names = {}
    for key, name in audience.branding.styles.items():
        role = _role(key)
        where = set_by_profile(layers, audience.id, ("branding", "styles", key)) or \
            Where(field=f"branding.styles.{key}")
        if role not in product.styles:
            # Another Word product may have the role (a memo has no contents entry); a role no
            # product defines is a mistake.
            known = known_roles(layers)
            if role not in known:
                raise fail("style-role-unknown", where, f"'{key}' is not a style role of any Word product",
                           f"use one of: {', '.join(sorted({*known, *ROLE_ALIASES}))}")
            continue
        if reference.by_name(name) is None:
            available = ", ".join(reference.paragraph_style_names())
            raise fail("style-not-in-reference", where,
                       f"the reference document {reference.path.name} has no style '{name}'",
                       f"name one of its paragraph styles: {available}")
        names[role] = name
    return names


@lru_cache(maxsize=8)
def known_roles(layers: Layers) -> frozenset[str]:
    """The style keys of every Word product the templates define."""
    roles: set[str] = set()
    for name in layers.files("products"):
        product = load_product(layers, name)
        if product.format == "docx":
            roles.update(product.styles)
    return frozenset(roles)


def _face_checker(reference: DocxReference) -> Callable[[str, str], FontFace]:
    """find_face, with an error naming the reference style whose face is not installed."""
    def check(family: str, style_name: str) -> FontFace:
        try:
            return find_face(family)
        except BriefwrightError:
            raise fail("font-missing", Where(reference.path, field=f"styles.{style_name}"),
                       f"the reference document's style '{style_name}' uses '{family}', which is not installed "
                       "and has no shipped metrics", f"install '{family}' (its font files, or the Debian package "
                       "that has it), or set branding.fonts in the profile and add 'fonts' to "
                       "branding.reference_overrides") from None
    return check


def _kept_style(spec: Style, source: ResolvedStyle, name: str, family: str | None, face: FontFace | None,
                keep_styles: bool) -> Style:
    if not keep_styles:
        return spec.model_copy(update={"word_style": name, "family": family})
    line_height = face.line_height if face is not None else 1.15
    pitch = round(max(source.pitch(line_height), source.size), 2)
    # A bullet's indent usually lives in the reference's numbering, not its style: without one in
    # the style, the product's indent and hanging place the bullet (and so the text's measure).
    indent, hanging = (source.indent, source.hanging) if source.indent > 0 or not spec.bullet else \
        (spec.indent, spec.hanging)
    return spec.model_copy(update={
        "word_style": name, "family": family, "size": source.size, "line": pitch, "bold": source.bold,
        "italic": source.italic, "caps": source.caps, "rgb": source.color or "auto", "before": source.before,
        "after": source.after, "indent": max(indent, 0.0), "hanging": max(hanging, 0.0),
        "keep_with_next": source.keep_with_next or spec.keep_with_next,
        "align": source.align if source.align in ("left", "right", "center") else spec.align})


def _ui_name(internal: str) -> str:
    """The name Word shows for a style ("heading 1" → "Heading 1"), as python-docx reports it."""
    from docx.styles import BabelFish  # python-docx only when a Word product is built (decks never load it)

    return BabelFish.internal2ui(internal)


def _styles(product: Product, reference: DocxReference, names: dict[str, str], overrides: Overrides) -> dict[str, Style]:
    check = _face_checker(reference)
    role_faces = _role_faces(reference)
    styles = {}
    for key, spec in product.styles.items():
        name = names.get(key) or spec.word_style
        source = _paragraph_style(reference, name)
        family = None if overrides.fonts else (source.font if source is not None else None) or role_faces[spec.font]
        face = check(family, name or key) if family is not None else None
        if source is None:
            styles[key] = spec.model_copy(update={"family": family})
        else:
            word_name = _ui_name(source.name) if key in names else (name or source.name)
            styles[key] = _kept_style(spec, source, word_name, family, face, not overrides.styles)
    return styles


def _role_faces(reference: DocxReference) -> dict[str, str | None]:
    """The faces a style the reference lacks takes: its Normal face for text, its Heading 1 face for headings."""
    normal = reference.styles.get(reference.default_paragraph or "") or reference.by_name("Normal")
    heading = reference.by_name("heading 1") or normal
    return {"body": normal.font if normal else None, "heading": heading.font if heading else None}


def _paragraph_style(reference: DocxReference, name: str | None) -> ResolvedStyle | None:
    """The reference's paragraph style of that name; None for no name, no such style or a character style."""
    source = reference.by_name(name) if name else None
    return source if source is not None and source.kind == "paragraph" else None


def part_height(part: PagePart | None, reference: DocxReference, extra_lines: list[float]) -> float:
    """The height a header or footer takes: its paragraphs (a line each, or their pictures) and
    any lines briefwright adds (the banner); a picture placed on the page counts to its edge."""
    if part is None:
        return sum(extra_lines)
    height = 0.0
    inline = [d for d in part.drawings if not d.anchored]
    for style_id, text in part.texts:
        style = reference.styles.get(style_id or "") or reference.styles.get(reference.default_paragraph or "")
        line = style.pitch(HEADER_LINE_EM) if style is not None else 12.5
        height += style.before + style.after if style is not None else 0.0
        height += line if text.strip() or not inline else 0.0
    # A picture in the line sits on the baseline: its height plus the line's descent.
    height += sum(d.height + 0.3 * 12.5 for d in inline)
    return height + sum(extra_lines)


def _margins(product: Product, reference: DocxReference, overrides: Overrides, banner_line: float) -> Margins | None:
    page = reference.page
    base = product.margins if overrides.margins or product.margins is None else \
        Margins(top=round(page.top / 72, 4), bottom=round(page.bottom / 72, 4), left=round(page.left / 72, 4),
                right=round(page.right / 72, 4))
    if base is None or overrides.header or not _has_letterhead(reference):
        return base
    extra = [banner_line] if banner_line else []
    header_bottom = page.header + part_height(reference.header, reference, extra) + HEADER_GAP_PT
    anchored = [d.bottom for d in (reference.header.drawings if reference.header else []) if d.bottom is not None]
    header_bottom = max([header_bottom, *(bottom + HEADER_GAP_PT for bottom in anchored)])
    footer_top = page.footer + part_height(reference.footer, reference, extra) + HEADER_GAP_PT
    return base.model_copy(update={"top": round(max(base.top, header_bottom / 72), 4),
                                   "bottom": round(max(base.bottom, footer_top / 72), 4)})


def _has_letterhead(reference: DocxReference) -> bool:
    return any(part is not None and part.has_content for part in (reference.header, reference.footer))


_READ: dict[tuple[Path, int, int], DocxReference] = {}


def _read_once(path: Path, where: Where) -> DocxReference:
    """A reference read once per build for all its products, and again once it is saved."""
    return cached_by_version(_READ, path, lambda: read_reference(path, where))


def apply_reference(layers: Layers, product: Product, audience: AudienceProfile) -> Product:
    """The product as the audience's reference .docx shapes it; unchanged without one."""
    path = audience.branding.reference_docx
    if path is None or product.format != "docx":
        return product
    where = set_by_profile(layers, audience.id, ("branding", "reference_docx")) or \
        Where(path, field="branding.reference_docx")
    reference = _read_once(path, where)
    overrides = overrides_for(layers, audience)
    names = mapped_names(layers, audience, product, reference)
    styles = _styles(product, reference, names, overrides)
    banner = styles.get("banner")
    banner_line = banner.line if banner is not None and audience.banner else 0.0
    margins = _margins(product, reference, overrides, banner_line)
    page_size = None if overrides.page else (round(reference.page.width / 72, 4), round(reference.page.height / 72, 4))
    keep_header = not overrides.header and _has_letterhead(reference)
    styles = _right_tabs_at_the_margin(styles, product, audience, page_size, margins)
    return product.with_reference_look(styles, margins, page_size, not overrides.styles, keep_header)


def _text_width(page_width: float, margins: Margins | None) -> float:
    """Points between the margins."""
    return (page_width - (margins.left + margins.right if margins is not None else 0.0)) * 72


def _right_tabs_at_the_margin(styles: dict[str, Style], product: Product, audience: AudienceProfile,
                              page_size: tuple[float, float] | None, margins: Margins | None) -> dict[str, Style]:
    """A right tab the product sets at its right margin (the contents' page numbers) moves with the
    reference's measure, keeping its distance from the margin; other tabs stay where they are."""
    before = _text_width(PAPER_SIZES_IN[audience.paper][0], product.margins)
    after = _text_width((page_size or PAPER_SIZES_IN[audience.paper])[0], margins)
    moved = {}
    for key, spec in styles.items():
        if spec.tab is not None and spec.tab_align == "right" and spec.tab >= 0.9 * before:
            spec = spec.model_copy(update={"tab": round(after - (before - spec.tab), 2)})
        moved[key] = spec
    return moved
