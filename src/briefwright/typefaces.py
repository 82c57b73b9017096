"""Which family a style is set in: the one mapping from a style's font role (heading or body) to
the audience profile's families, for the measurer and every writer."""

from __future__ import annotations

from briefwright.audience import Fonts
from briefwright.products import Style

FONT_ROLES = ("heading", "body")  # the roles a style's `font` names


def role_family(fonts: Fonts, role: str) -> str:
    """The profile's family for a font role."""
    return fonts.heading if role == "heading" else fonts.body


def style_family(style: Style, fonts: Fonts) -> str:
    """A style's face: its own (from a Word reference document) or its role's in the profile."""
    return style.family or role_family(fonts, style.font)
