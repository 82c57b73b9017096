"""WCAG 2 contrast between RRGGBB colours, and the nudges that make text readable."""

from __future__ import annotations

AA_TEXT = 4.5  # WCAG 2 AA for body text; briefwright holds all slide text to it


def _channel(value: int) -> float:
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.03928 else ((scaled + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def ratio(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(colour: str) -> bool:
    """Darker than mid-grey: light ink reads better on it than dark ink does."""
    return ratio(colour, "FFFFFF") > ratio(colour, "000000")


def mix(colour: str, other: str, share: float) -> str:
    """colour moved share of the way towards other (0: colour, 1: other)."""
    channels = [round(int(colour[i:i + 2], 16) * (1 - share) + int(other[i:i + 2], 16) * share) for i in (0, 2, 4)]
    return "".join(f"{value:02X}" for value in channels)


def readable(colour: str, background: str, minimum: float = AA_TEXT) -> str:
    """colour, or the nearest shade of it towards black or white that meets the contrast."""
    if ratio(colour, background) >= minimum:
        return colour.upper()
    target = "FFFFFF" if is_dark(background) else "000000"
    for step in range(1, 21):
        candidate = mix(colour, target, step / 20)
        if ratio(candidate, background) >= minimum:
            return candidate
    return target
