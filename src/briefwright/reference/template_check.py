"""`briefwright template check FILE`: what briefwright finds in a template and makes of it.

For a PowerPoint master: its slide size, each layout and the role it is given, the theme's
fonts and colours, the box each role leaves for text, and every problem with what to do.
A Word reference document is described by briefwright.reference.docx_reference when that
module is present.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from briefwright import safety
from briefwright.audience import AudienceProfile
from briefwright.diagnostics import BriefwrightError, Report, Where
from briefwright.products import Product
from briefwright.reference import contrast
from briefwright.reference.deck_adapter import effective, role_mapping
from briefwright.reference.pptx_master import Layout, Master, read_master
from briefwright.reference.pptx_roles import ROLES, choose, classify_all
from briefwright.templates import Layers

Print = Callable[[str], None]
_SHOWN_BOXES = ("title", "kicker", "body", "source_line", "page_number", "logo", "cover_title", "cover_subtitle",
                "cover_meta")


def _layout_line(entry_layout: Layout, role: str, why: str, chosen: dict[str, str]) -> str:
    uses = [use for use, name in chosen.items() if name == entry_layout.name]
    mark = f"  ← used for {', '.join(uses)}" if uses else ""
    extras = f"; {len(entry_layout.obstacles)} picture(s)/band(s)" if entry_layout.obstacles else ""
    return f"  {entry_layout.name!r}: {role} ({why}{extras}); background #{entry_layout.background}{mark}"


def _describe_master(master: Master, show: Print, mapping: dict[str, str]) -> dict[str, str]:
    show(f"slide size: {master.width:.2f} × {master.height:.2f} in")
    choice = choose(master, mapping)
    chosen = {use: layout.name for use, layout in (("cover", choice.title), ("slides", choice.slide),
                                                   ("body box", choice.content)) if layout is not None}
    show("layouts (role given from placeholder types and geometry; roles: " + ", ".join(ROLES) + "):")
    for entry in classify_all(master):
        show(_layout_line(entry.layout, entry.role, entry.why, chosen))
    theme = master.theme
    show(f"theme fonts: headings {theme.major_latin or '(none)'} (East Asian {theme.major_east_asian or 'none'}), "
         f"body {theme.minor_latin or '(none)'} (East Asian {theme.minor_east_asian or 'none'})")
    colours = ", ".join(f"{key} #{value}" for key, value in theme.colours.items())
    show(f"theme colours: {colours}")
    show("colour map: " + ", ".join(f"{key}→{value}" for key, value in theme.colour_map.items()))
    return chosen


def _describe_result(product: Product, audience: AudienceProfile, show: Print) -> None:
    fonts, palette = audience.branding.fonts, audience.branding.palette
    kept = [name for name, used in audience.branding.from_master if not used]
    if kept:
        show(f"the profile keeps its own {', '.join(kept)} (branding.from_master: false)")
    show(f"drawn with (profile overrides win): headings {fonts.heading}, body {fonts.body}, "
         f"East Asian {fonts.east_asian}; ink #{palette.ink}, accent #{palette.accent}, muted #{palette.muted}")
    show(f"usable boxes for {product.id} on {product.slide_size[0]:.2f} × {product.slide_size[1]:.2f} in:")
    for name in _SHOWN_BOXES:
        box = product.boxes.get(name)
        if box is not None:
            show(f"  {name:<15} {box.w:5.2f} × {box.h:4.2f} in at ({box.x:.2f}, {box.y:.2f})")


def _problems(master: Master, mapping: dict[str, str], report: Report) -> None:
    where = Where(master.path)
    if master.slide_count:
        report.error("reference-has-slides", where, f"the file has {master.slide_count} slide(s); a master may "
                     "hold only masters and layouts", "delete its slides and keep the layouts")
    choice = choose(master, mapping)
    for message in [*choice.mapping_errors.values(), *choice.errors]:
        report.error("template-unusable", where, message, "fix the master, or map roles in the profile's "
                     "branding.layouts to usable layouts")
    for message in choice.warnings:
        report.warning("layout-fallback", where, message, "add the layout to the master, or name one in the "
                       "profile as branding.layouts")
    for layout in master.layouts:
        if layout.background_note:
            report.warning("template-background", where, f"layout {layout.name!r} has {layout.background_note}",
                           "check the contrast of the rendered slides")
    paper = choice.slide.background if choice.slide else "FFFFFF"
    text = master.colour("tx1")
    if contrast.ratio(text, paper) < contrast.AA_TEXT:
        report.warning("template-contrast", where, f"the theme's text colour #{text} on the background #{paper} "
                       f"reads at {contrast.ratio(text, paper):.1f}:1 (WCAG AA asks 4.5:1)",
                       "briefwright draws a readable shade instead; fix the theme's colour map to match")


def check_pptx(path: Path, product: Product, audience: AudienceProfile, layers: Layers, show: Print) -> Report:
    """Describe a master for one deck product and audience; problems go into the returned report."""
    report = Report()
    safety.check_package(path, Where(path), "reference file")
    master = read_master(path)
    mapping = role_mapping(audience)
    _describe_master(master, show, mapping)
    _problems(master, mapping, report)
    if report.errors:
        return report  # the build would stop at the same problem: said once
    profile = audience.model_copy(update={"branding": audience.branding.model_copy(update={"reference_pptx": path})})
    try:
        deck, drawn = effective(product, profile, layers)
    except BriefwrightError as error:
        report.extend(error.report)
        return report
    _describe_result(deck, drawn, show)
    return report


def check_docx(path: Path, show: Print) -> Report:
    """Word references are described by the Word side's module where it exists."""
    try:
        module = importlib.import_module("briefwright.reference.docx_reference")
    except ModuleNotFoundError:
        show(f"{path.name}: Word reference documents are not described yet; only PowerPoint masters (.pptx) are")
        return Report()
    result = module.describe_template(path)
    if isinstance(result, Report):
        return result
    for line in [result] if isinstance(result, str) else list(result or []):
        show(str(line))
    return Report()
