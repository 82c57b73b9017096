"""The product and profile a deck is really made with, once its reference master is honoured.

One place computes them for a (product, audience) pair: the planner measures with the
result, the deck builder draws into its boxes and the renderer writes its fonts and
colours, so what fits in the plan fits on the slide. With no reference deck the product
and profile come back unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pptx

from briefwright.audience import AudienceProfile, overridden_fields
from briefwright.diagnostics import BriefwrightError, Where, fail
from briefwright.measure.fonts import find_face
from briefwright.products import Product
from briefwright.reference import contrast
from briefwright.reference.deck_geometry import too_small, with_master_geometry
from briefwright.reference.pptx_master import Master, read_master
from briefwright.reference.pptx_roles import Choice, choose
from briefwright.templates import Layers

DEFAULT_TEMPLATE = Path(pptx.__file__).parent / "templates" / "default.pptx"
Overrides = dict[tuple[str, ...], Where]
_TEXT_KEYS = ("ink", "inverse", "accent", "muted", "paper")


def role_mapping(audience: AudienceProfile) -> dict[str, str]:
    """The profile's branding.layouts: role → layout name."""
    return {str(role): name for role, name in audience.branding.layouts.items()}


def master_of(audience: AudienceProfile) -> Master:
    """The reference deck's master, or python-pptx's default deck when the profile names none."""
    return read_master(audience.branding.reference_pptx or DEFAULT_TEMPLATE)


def layout_choice(audience: AudienceProfile) -> tuple[Master, Choice]:
    master = master_of(audience)
    return master, choose(master, role_mapping(audience))


def _check_layout_names(master: Master, audience: AudienceProfile, overrides: Overrides) -> None:
    names = [layout.name for layout in master.layouts]
    for role, name in audience.branding.layouts.items():
        if name not in names:
            raise fail("template-layout-missing", overrides.get(("branding", "layouts", role),
                                                                Where(field=f"branding.layouts.{role}")),
                       f"layout '{name}' is not in {master.path.name}",
                       f"available layouts: {', '.join(repr(n) for n in names)}")


def _theme_fonts(audience: AudienceProfile, master: Master, overrides: Overrides) -> AudienceProfile:
    fonts = audience.branding.fonts
    theme = master.theme
    wanted = {"heading": theme.major_latin, "body": theme.minor_latin,
              "east_asian": theme.major_east_asian or theme.minor_east_asian}
    update = {role: family for role, family in wanted.items()
              if family and ("branding", "fonts", role) not in overrides}
    if not update:
        return audience
    branding = audience.branding.model_copy(update={"fonts": fonts.model_copy(update=update)})
    return audience.model_copy(update={"branding": branding})


def _theme_palette(audience: AudienceProfile, master: Master, choice: Choice, overrides: Overrides) -> AudienceProfile:
    assert choice.slide is not None
    paper = choice.slide.background
    ink = contrast.readable(master.colour("tx1"), paper)
    accent = contrast.readable(master.colour("accent1"), paper)
    muted = contrast.readable(contrast.mix(ink, paper, 0.3), paper)
    inverse = paper if contrast.ratio(paper, ink) >= contrast.AA_TEXT else ("000000" if not contrast.is_dark(ink)
                                                                           else "FFFFFF")
    theme = {"ink": ink, "accent": accent, "muted": muted, "rule": contrast.mix(ink, paper, 0.75),
             "fill": contrast.mix(ink, paper, 0.92), "paper": paper, "inverse": inverse}
    update = {key: value for key, value in theme.items() if ("branding", "palette", key) not in overrides}
    branding = audience.branding.model_copy(update={"palette": audience.branding.palette.model_copy(update=update)})
    return audience.model_copy(update={"branding": branding})


def _backgrounds(product: Product, audience: AudienceProfile, choice: Choice) -> dict[str, list[str]]:
    """style name → the colours it is drawn on, for the backgrounds the master draws."""
    assert choice.slide is not None and choice.title is not None
    palette = audience.branding.palette
    found: dict[str, list[str]] = {}
    for name in product.styles:
        if name.startswith("cover_"):
            if product.cover_fill is None:
                found[name] = [choice.title.background]
            continue
        found[name] = [choice.slide.background]
        if name.startswith("figure_"):  # drawn on the key-figure cards
            found[name].append(palette.hex("fill"))
    return found


def readable_styles(product: Product, audience: AudienceProfile, choice: Choice) -> Product:
    """Each style's colour, or the palette colour that reads best where that style is drawn (WCAG AA)."""
    palette = audience.branding.palette
    styles = dict(product.styles)
    for name, grounds in _backgrounds(product, audience, choice).items():
        style = styles[name]
        if min(contrast.ratio(palette.hex(style.color), ground) for ground in grounds) >= contrast.AA_TEXT:
            continue
        best = max(_TEXT_KEYS, key=lambda key: min(contrast.ratio(palette.hex(key), ground) for ground in grounds))
        styles[name] = style.model_copy(update={"color": best})
    return product.model_copy(update={"styles": styles})


def _check_fonts(audience: AudienceProfile, master: Master | None, overrides: Overrides) -> None:
    """Every font the deck will be measured in can be measured; else where it is named and what to install."""
    fonts = audience.branding.fonts
    for role in ("heading", "body", "east_asian"):
        family = getattr(fonts, role)
        try:
            find_face(family, False, east_asian=role == "east_asian")
        except BriefwrightError:
            where = overrides.get(("branding", "fonts", role))
            if where is None and master is not None:
                scheme = "majorFont" if role == "heading" else "minorFont"
                where = Where(master.path, field=f"theme {scheme} ({'ea' if role == 'east_asian' else 'latin'})")
            raise fail("font-missing", where or Where(field=f"branding.fonts.{role}"),
                       f"font '{family}' ({role}) is not installed and briefwright ships no widths for it, "
                       "so the fit cannot be measured",
                       f"install '{family}' (or a metric-compatible twin) into ~/.local/share/fonts, "
                       f"or name an installed font in the profile as branding.fonts.{role}") from None


def effective(product: Product, audience: AudienceProfile, layers: Layers) -> tuple[Product, AudienceProfile]:
    """The (product, audience) a deck is planned, built and rendered with."""
    reference = audience.branding.reference_pptx
    if product.kind != "slides" or reference is None:
        return product, audience
    overrides = overridden_fields(layers, audience.id)
    master = read_master(reference)
    _check_layout_names(master, audience, overrides)
    choice = choose(master, role_mapping(audience))
    for role, message in choice.mapping_errors.items():
        raise fail("template-layout-role", overrides.get(("branding", "layouts", role), Where(reference)), message,
                   f"run 'briefwright template check {reference.name}' to see each layout's role")
    if choice.errors:
        raise fail("template-unusable", Where(reference, field="branding.reference_pptx"),
                   "; ".join(choice.errors), f"run 'briefwright template check {reference.name}' to see its layouts")
    use = audience.branding.from_master
    if use.fonts:
        audience = _theme_fonts(audience, master, overrides)
    if use.colours:
        audience = _theme_palette(audience, master, choice, overrides)
    _check_fonts(audience, master, overrides)
    if use.geometry:
        product = with_master_geometry(product, master, choice, audience.banner is not None)
        small = too_small(product.boxes, product)
        if small:
            raise fail("template-too-small", Where(reference, field="branding.reference_pptx"), "; ".join(small),
                       "give the master's layouts larger title and body placeholders, or set "
                       "branding.from_master.geometry: false to keep the product's own boxes")
    return readable_styles(product, audience, choice), audience
