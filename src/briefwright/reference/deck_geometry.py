"""A deck's boxes derived from the master's chosen layouts, clear of its pictures and bands.

The product's own boxes describe briefwright's design on its own 16:9 slide; with an
organisation's master the text goes where the master's placeholders put it. Each box is
cut from a placeholder's real frame (or the free area a layout leaves), then shrunk until
it touches none of the layout's and master's pictures and filled shapes.
"""

from __future__ import annotations

from briefwright.products import Box, Product
from briefwright.reference.pptx_master import Layout, Master, Rect
from briefwright.reference.pptx_roles import Choice, body_placeholders, subtitle_placeholder, title_placeholder

GAP = 0.08  # inches between stacked boxes
LOGO = (0.75, 0.25)  # the profile logo's frame, as in the built-in products
MARGIN = 0.3
Limits = tuple[float, float]  # the top and bottom y that text may use (banners take what is outside)


def clear_of(rect: Rect, obstacles: list[Rect]) -> Rect:
    """The largest part of rect left when each obstacle that touches it is cut away from one side."""
    for obstacle in obstacles:
        if not rect.overlaps(obstacle):
            continue
        candidates = [
            Rect(rect.x, rect.y, obstacle.x - GAP - rect.x, rect.h),  # keep the part left of it
            Rect(obstacle.right + GAP, rect.y, rect.right - obstacle.right - GAP, rect.h),
            Rect(rect.x, rect.y, rect.w, obstacle.y - GAP - rect.y),  # above it
            Rect(rect.x, obstacle.bottom + GAP, rect.w, rect.bottom - obstacle.bottom - GAP),
        ]
        rect = max(candidates, key=lambda candidate: (candidate.area if candidate.w > 0 and candidate.h > 0 else -1))
        if rect.w <= 0 or rect.h <= 0:
            return Rect(rect.x, rect.y, 0.0, 0.0)
    return rect


def _on_slide(rect: Rect, master: Master, limits: Limits) -> Rect:
    """rect clipped to the slide, between the limits the banners leave."""
    top, bottom = limits
    y = max(rect.y, top)
    return Rect(max(rect.x, 0.0), y, min(rect.right, master.width) - max(rect.x, 0.0), min(rect.bottom, bottom) - y)


def _box(rect: Rect, inset: float) -> Box:
    return Box(x=round(rect.x, 4), y=round(rect.y, 4), w=round(max(rect.w, 0.01), 4), h=round(max(rect.h, 0.01), 4),
               inset=inset)


def _content_area(layout: Layout, body_layout: Layout | None, master: Master, title: Rect) -> Rect:
    """Where a slide's body goes: the content layout's body placeholder, else the free area a title leaves."""
    source = body_placeholders(body_layout) if body_layout is not None else []
    if source and source[0].rect is not None:
        return source[0].rect
    if title.y > master.height / 2:  # a title at the bottom leaves the area above it
        return Rect(title.x, MARGIN, title.w, title.y - MARGIN - GAP)
    return Rect(title.x, title.bottom + GAP, title.w, master.height - MARGIN - title.bottom - GAP)


def _slide_boxes(master: Master, choice: Choice, product: Product, limits: Limits) -> dict[str, Box]:
    layout = choice.slide
    assert layout is not None
    obstacles = [o.rect for o in layout.obstacles]
    boxes = product.boxes
    placeholder = title_placeholder(layout)
    assert placeholder is not None and placeholder.rect is not None
    title = clear_of(_on_slide(placeholder.rect, master, limits), obstacles)
    body = clear_of(_on_slide(_content_area(layout, choice.content, master, placeholder.rect), master, limits), obstacles)
    kicker_h, rule_h = boxes["kicker"].h, boxes["title_rule"].h
    on_top = placeholder.rect.y < master.height / 2
    # The kicker sits above the title, in free space when the master leaves it, else in the title's top.
    kicker = clear_of(_on_slide(Rect(title.x, title.y - kicker_h - GAP / 2, title.w, kicker_h), master, limits),
                      obstacles)
    inside = kicker.h < kicker_h - 0.01 or kicker.overlaps(body)
    need = boxes["title"].h + (kicker_h if inside else 0.0)
    if title.h < need:  # a band or logo took part of the title's place: it grows into the body's side
        grown = Rect(title.x, title.y, title.w, need) if on_top else Rect(title.x, title.bottom - need, title.w, need)
        title = clear_of(_on_slide(grown, master, limits), obstacles)
    if inside:
        kicker = Rect(title.x, title.y, title.w, kicker_h)
        title = Rect(title.x, title.y + kicker_h, title.w, title.h - kicker_h)
    if on_top:  # the rule under the title; the body starts below it
        rule = Rect(title.x, max(title.bottom, body.y - rule_h - GAP) if body.y - title.bottom > rule_h + GAP
                    else title.bottom, min(boxes["title_rule"].w, title.w), rule_h)
        top = max(body.y, rule.bottom + GAP)
        body = Rect(body.x, top, body.w, body.bottom - top)
    else:  # a title at the bottom: the rule goes above the kicker, the body ends above it
        rule = Rect(kicker.x, kicker.y - rule_h - GAP / 2, min(boxes["title_rule"].w, kicker.w), rule_h)
        body = Rect(body.x, body.y, body.w, min(body.bottom, rule.y - GAP) - body.y)
    source_h = boxes["source_line"].h
    # The source line goes below the body where the master leaves room (its footer strip), else
    # it is cut from the body's foot.
    source = Rect(body.x, body.bottom + GAP, body.w, source_h)
    limit = min(limits[1], master.height - 0.1)
    if source.bottom > limit or clear_of(source, obstacles) != source or (not on_top and source.overlaps(rule)):
        source = Rect(body.x, body.bottom - source_h, body.w, source_h)
        body = Rect(body.x, body.y, body.w, body.h - source_h - GAP)
    number_w = boxes["page_number"].w
    number = Rect(source.right - number_w, source.bottom - boxes["page_number"].h, number_w, boxes["page_number"].h)
    source = Rect(source.x, source.y, source.w - number_w - GAP, source.h)
    logo = Rect(kicker.right - LOGO[0], kicker.y + (kicker.h - LOGO[1]) / 2, *LOGO)
    kicker = Rect(kicker.x, kicker.y, kicker.w - LOGO[0] - GAP, kicker.h)
    inset = boxes["body"].inset
    return {"kicker": _box(kicker, boxes["kicker"].inset), "title": _box(title, boxes["title"].inset),
            "title_rule": _box(rule, 0), "body": _box(body, inset),
            "source_line": _box(source, boxes["source_line"].inset),
            "page_number": _box(number, boxes["page_number"].inset), "logo": _box(logo, 0)}


def _cover_boxes(master: Master, layout: Layout, product: Product, limits: Limits, logo: Rect) -> dict[str, Box]:
    boxes = product.boxes
    obstacles = [o.rect for o in layout.obstacles] + [logo]
    placeholder = title_placeholder(layout)
    assert placeholder is not None and placeholder.rect is not None
    title = clear_of(_on_slide(placeholder.rect, master, limits), obstacles)
    kicker_h = boxes["cover_kicker"].h
    kicker = clear_of(_on_slide(Rect(title.x, title.y - kicker_h - GAP / 2, title.w, kicker_h), master, limits),
                      obstacles)
    if kicker.h < kicker_h - 0.01:
        kicker = Rect(title.x, title.y, title.w, kicker_h)
        title = Rect(title.x, title.y + kicker_h, title.w, title.h - kicker_h)
    subtitle_ph = subtitle_placeholder(layout)
    below = Rect(title.x, title.bottom + GAP, title.w, master.height - MARGIN - title.bottom - GAP)
    lower = subtitle_ph.rect if subtitle_ph is not None and subtitle_ph.rect is not None \
        and subtitle_ph.rect.y >= title.bottom - 0.01 else below
    lower = clear_of(_on_slide(lower, master, limits), obstacles)
    meta_h = boxes["cover_meta"].h
    if lower.h < boxes["cover_subtitle"].h + meta_h + GAP:  # too short for both: take the free area below too
        extended = clear_of(_on_slide(Rect(lower.x, lower.y, lower.w, master.height - MARGIN - lower.y), master, limits),
                            obstacles)
        lower = extended if extended.h > lower.h else lower
    subtitle_h = max(min(boxes["cover_subtitle"].h, lower.h - meta_h - GAP), lower.h * 0.5)
    subtitle = Rect(lower.x, lower.y, lower.w, subtitle_h)
    meta = Rect(lower.x, subtitle.bottom + GAP, lower.w, lower.bottom - subtitle.bottom - GAP)
    return {"cover_kicker": _box(kicker, boxes["cover_kicker"].inset),
            "cover_title": _box(title, boxes["cover_title"].inset),
            "cover_subtitle": _box(subtitle, boxes["cover_subtitle"].inset),
            "cover_meta": _box(meta, boxes["cover_meta"].inset)}


def _banner_boxes(master: Master, product: Product, obstacles: list[Rect]) -> tuple[dict[str, Box], float, float]:
    """The classification banners at the top and bottom centre, below or above any band the master draws
    there; and the top and bottom limits they leave for everything else."""
    top, bottom = product.boxes["banner_top"], product.boxes["banner_bottom"]
    width = min(top.w, master.width - 2 * MARGIN)
    x = (master.width - width) / 2
    upper = Rect(x, 0.04, width, top.h)
    while (hit := [o for o in obstacles if upper.overlaps(o)]) and upper.bottom < master.height / 2:
        upper = Rect(x, max(o.bottom for o in hit) + 0.04, width, top.h)
    lower = Rect(x, master.height - 0.04 - bottom.h, width, bottom.h)
    while (hit := [o for o in obstacles if lower.overlaps(o)]) and lower.y > master.height / 2:
        lower = Rect(x, min(o.y for o in hit) - 0.04 - bottom.h, width, bottom.h)
    boxes = {"banner_top": _box(upper, top.inset), "banner_bottom": _box(lower, bottom.inset)}
    return boxes, upper.bottom + 0.02, lower.y - 0.02


def derive_boxes(master: Master, choice: Choice, product: Product, banner: bool) -> dict[str, Box]:
    """Every box the deck builder draws into, from the master. No accent band: the master decorates."""
    assert choice.title is not None and choice.slide is not None
    obstacles = [o.rect for o in (*choice.title.obstacles, *choice.slide.obstacles)]
    banners, top, bottom = _banner_boxes(master, product, obstacles)
    limits = (top, bottom) if banner else (0.0, master.height)
    slide = _slide_boxes(master, choice, product, limits)
    logo = slide["logo"]
    cover = _cover_boxes(master, choice.title, product, limits, Rect(logo.x, logo.y, logo.w, logo.h))
    return {**slide, **cover, **banners}


def with_master_geometry(product: Product, master: Master, choice: Choice, banner: bool) -> Product:
    """The product on the master's slide size with boxes from its layouts."""
    boxes = derive_boxes(master, choice, product, banner)
    return product.model_copy(update={"slide_size": (master.width, master.height), "boxes": boxes,
                                      "cover_fill": None})


def too_small(boxes: dict[str, Box], product: Product) -> list[str]:
    """Boxes the master leaves too small to hold one line of their style, named for the reader."""
    problems = []
    pairs = {"title": "title", "body": "point", "kicker": "kicker", "source_line": "source_line",
             "cover_title": "cover_title", "cover_meta": "cover_meta"}
    for name, style in pairs.items():
        box, chosen = boxes.get(name), product.styles.get(style)
        if box is None or chosen is None:
            continue
        if box.h - 2 * box.inset < chosen.line / 72 or box.w < 1.0:
            problems.append(f"the {name.replace('_', ' ')} area left by the master is {box.w:.2f} × {box.h:.2f} in, "
                            f"too small for one line of {chosen.size:g} pt text")
    return problems

