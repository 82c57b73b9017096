"""Geometry of the drawn slides — timeline and key figures — shared by fitting and drawing.

All boxes are in inches inside the product's body box, so the planner can measure the
text that goes in each one before anything is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefwright.products import Box

SPINE_GAP = 0.16
LABEL_GAP = 0.45  # between neighbouring labels on the same side of the spine
MARKER = 0.2  # timeline marker diameter
DATE_HEIGHT = 0.34
CARD_GAP = 0.25
VALUE_HEIGHT = 0.78  # a 40pt number on a 46pt line plus insets


@dataclass(frozen=True)
class EventGeometry:
    marker: Box
    date: Box
    label: Box
    above: bool


@dataclass(frozen=True)
class TimelineGeometry:
    spine: Box
    events: list[EventGeometry]


def timeline(body: Box, count: int) -> TimelineGeometry:
    """Events on a horizontal spine, labels alternating above and below it, every label as wide.

    The end events sit half a label in from the body's edges, so their labels are as wide as
    the others and centred on their markers, instead of squeezed into tall stacks of short lines;
    a label still never reaches the next one on its side of the spine."""
    spine_y = body.y + body.h / 2
    if count > 1:
        # Labels on one side are two steps apart: L <= 2 * step - gap, step = (w - L) / (count - 1).
        label_width = min((2 * body.w - LABEL_GAP * (count - 1)) / (count + 1), 2.6)
        step = (body.w - label_width) / (count - 1)
    else:
        label_width, step = min(body.w, 2.6), 0.0
    side_height = body.h / 2 - SPINE_GAP - MARKER / 2
    label_height = side_height - DATE_HEIGHT
    events = []
    for index in range(count):
        centre = body.x + label_width / 2 + index * step if count > 1 else body.x + body.w / 2
        left, width = centre - label_width / 2, label_width
        marker = Box(x=centre - MARKER / 2, y=spine_y - MARKER / 2, w=MARKER, h=MARKER, inset=0)
        above = index % 2 == 0
        if above:
            date = Box(x=left, y=spine_y - MARKER / 2 - SPINE_GAP - DATE_HEIGHT, w=width, h=DATE_HEIGHT)
            label = Box(x=left, y=date.y - label_height, w=width, h=label_height)
        else:
            date = Box(x=left, y=spine_y + MARKER / 2 + SPINE_GAP, w=width, h=DATE_HEIGHT)
            label = Box(x=left, y=date.y + DATE_HEIGHT, w=width, h=label_height)
        events.append(EventGeometry(marker, date, label, above))
    spine = Box(x=body.x, y=spine_y - 0.015, w=body.w, h=0.03, inset=0)
    return TimelineGeometry(spine, events)


@dataclass(frozen=True)
class CardGeometry:
    card: Box
    value: Box
    caption: Box


def figure_grid(body: Box, count: int) -> list[CardGeometry]:
    """Number cards in a grid: up to three a row, read left to right, top to bottom."""
    columns = 2 if count == 4 else min(3, count)
    rows = math.ceil(count / columns)
    width = (body.w - (columns - 1) * CARD_GAP) / columns
    height = (body.h - (rows - 1) * CARD_GAP) / rows
    cards = []
    for index in range(count):
        row, column = divmod(index, columns)
        x, y = body.x + column * (width + CARD_GAP), body.y + row * (height + CARD_GAP)
        card = Box(x=x, y=y, w=width, h=height, inset=0)
        value = Box(x=x + 0.15, y=y + 0.12, w=width - 0.3, h=VALUE_HEIGHT)
        caption = Box(x=x + 0.15, y=y + 0.12 + VALUE_HEIGHT, w=width - 0.3, h=height - VALUE_HEIGHT - 0.24)
        cards.append(CardGeometry(card, value, caption))
    return cards
