"""The printed page, in one place for the measurer and the Word writer: paper sizes, the page's
geometry for a product and audience, the spacing rule between paragraphs, and the fixed
distances the writer draws (borders, rules, cell padding) that the measurer must count."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefwright.audience import AudienceProfile
from briefwright.model import Block
from briefwright.products import Product, Style, as_flow

PAPER_SIZES_IN = {"letter": (8.5, 11.0), "a4": (8.2677, 11.6929)}
BORDER_LEFT_PT = 7.0  # 3pt bar + 4pt gap, drawn inside the paragraph by LibreOffice
RULE_BELOW_PT = 5.0  # 0.75pt hairline + 4pt gap
CELL_PAD_H = 4.0  # table cell margins the renderer sets (left/right and top/bottom)
CELL_PAD_V = 2.0
ROW_RULE = 0.5  # hairline under each table row


@dataclass(frozen=True)
class PageGeometry:
    width: float  # points
    height: float
    content_width: float
    content_height: float


def paper_size(product: Product, audience: AudienceProfile) -> tuple[float, float]:
    """Width and height in inches: a Word reference document's page, else the audience's paper."""
    return product.page_size or PAPER_SIZES_IN[audience.paper]


def page_geometry(product: Product, audience: AudienceProfile) -> PageGeometry:
    width_in, height_in = paper_size(product, audience)
    margins = as_flow(product).page_margins
    return PageGeometry(width_in * 72, height_in * 72, (width_in - margins.left - margins.right) * 72,
                        (height_in - margins.top - margins.bottom) * 72)


def paragraph_gaps(blocks: Iterable[Block], styles: dict[str, Style]) -> list[float]:
    """Space above each block: the larger of the previous block's after and its own before.

    Clients differ on whether adjacent spacing adds up (LibreOffice takes the larger), so the
    renderer writes exactly this gap as space-before and no space-after on every paragraph.
    """
    gaps, previous_after = [], 0.0
    for block in blocks:
        style = styles[block.style]
        gaps.append(max(previous_after, style.before))
        previous_after = style.after
    return gaps
