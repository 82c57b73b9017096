"""A profile's fonts checked before anything is measured, so a missing one is named where it is set."""

from __future__ import annotations

from briefwright.audience import AudienceProfile, profile_chain, where_set
from briefwright.diagnostics import BriefwrightError, fail
from briefwright.measure.fonts import INSTALL_HINT, find_face
from briefwright.templates import Layers


def check_profile_fonts(layers: Layers, audience: AudienceProfile) -> None:
    """Every face branding.fonts names can be measured; else an error at the profile's file and line."""
    fonts = audience.branding.fonts
    for role, family in (("heading", fonts.heading), ("body", fonts.body), ("east_asian", fonts.east_asian)):
        try:
            for bold in (False, True):
                find_face(family, bold, east_asian=role == "east_asian")
        except BriefwrightError:
            where = where_set(profile_chain(layers, audience.id), ("branding", "fonts", role))
            raise fail("font-missing", where, f"font family '{family}' is not installed, and briefwright ships "
                       "no metrics for it", INSTALL_HINT) from None
