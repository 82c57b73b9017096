"""The "what changed" box at the top of a re-issued product (product setting what_changed).

The previous edition is its evidence map: each field it showed, with the field's text as the
content had it then. The box names, in the reader's terms, the points and judgments whose text
changed, the points this edition shows for the first time, and those it no longer shows.

A memo or brief opens with it after the masthead, as one paragraph. A deck gives it the slide after
the cover, one bullet a kind of change, in the body box; the planner keeps that slide inside the
slide budget (changes_slides) and measures it like every other slide, so a list too long for the
body is reported as a slide overflow, never drawn off the slide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from briefwright.anchors import Anchor, field_value
from briefwright.compose.selection import Frame
from briefwright.content.modules import Content
from briefwright.diagnostics import Where, fail
from briefwright.model import Block, Run, Section
from briefwright.products import Product

# The product style the box is drawn in: its own what_changed style when the product has one, else
# the style of the part a reader reads first (a memo's bottom line, a deck's key judgments).
_STYLES = {"flow": ("what_changed", "bluf"), "slides": ("what_changed", "judgment", "point")}
_NOTHING = "nothing in the content has changed since the last edition."


@dataclass(frozen=True)
class PreviousEdition:
    values: dict[str, str]  # anchor key → the field's text in the previous edition
    points: frozenset[str] = field(default_factory=frozenset)  # points it showed


def _subject(content: Content, anchor: Anchor) -> str:
    if anchor.kind == "point":
        return content.points[anchor.owner].headline
    if anchor.kind == "module":
        module = content.module(anchor.owner)
        return f"the {'key judgment' if anchor.field == 'key_judgment' else 'introduction'} on {module.title}"
    return "the bottom line" if anchor.field == "bluf" else "the background"


def what_changed(content: Content, previous: PreviousEdition, shown_points: list[str]) -> list[tuple[str, list[str]]]:
    """(label, subjects) for revised, new and no longer shown points and judgments, in content order."""
    revised: list[str] = []
    for key, old in previous.values.items():
        anchor = Anchor.parse(key)
        now = field_value(content, key)
        if now is None or " ".join(old.split()) == now:
            continue
        subject = _subject(content, anchor)
        if subject not in revised:
            revised.append(subject)
    new = [content.points[p].headline for p in shown_points if p not in previous.points]
    gone = [p for p in previous.points if p not in shown_points]
    dropped = [content.points[p].headline if p in content.points else p for p in sorted(gone)]
    return [(label, items) for label, items in (("Revised", revised), ("New", new),
                                                 ("No longer included", dropped)) if items]


def changes_block(style: str, label: str, groups: list[tuple[str, list[str]]]) -> Block:
    runs = [Run(label + ": ", bold=True)]
    if not groups:
        runs.append(Run(_NOTHING))
    for index, (name, items) in enumerate(groups):
        runs.append(Run((" " if index else "") + f"{name}: ", italic=True))
        runs.append(Run("; ".join(items) + "."))
    return Block(style, runs)


def changes_bullets(style: str, groups: list[tuple[str, list[str]]]) -> list[Block]:
    """The box on a slide: one bullet a kind of change ("Revised: …"), or one saying nothing changed."""
    if not groups:
        return [Block(style, [Run(_NOTHING[0].upper() + _NOTHING[1:])], kind="bullet")]
    return [Block(style, [Run(f"{name}: ", bold=True), Run("; ".join(items) + ".")], kind="bullet")
            for name, items in groups]


def changes_slides(product: Product, previous: PreviousEdition | None) -> int:
    """How many of a deck's budgeted slides the box takes: one when it is asked for and there is a last edition."""
    if product.kind != "slides" or not product.what_changed or previous is None:
        return 0
    if not any(part.role == "title" for part in product.parts):
        raise fail("product-structure", product.where(("structure",)),
                   f"product '{product.id}' asks for a 'what changed' slide, which follows the cover, "
                   "but its structure has no title slide", "add title to the structure, or remove what_changed")
    return 1


def _style(product: Product) -> str:
    style = next((name for name in _STYLES[product.kind] if name in product.styles), None)
    if style is None:
        names = " or ".join(f"'{name}'" for name in _STYLES[product.kind])
        raise fail("product-style", Where(field=f"{product.id}.styles"),
                   f"product '{product.id}' asks for a 'what changed' box but has no {names} style",
                   "add a what_changed style to the product")
    return style


def shown_points(frames: list[Frame]) -> list[str]:
    """The points a plan shows, in order, once each."""
    return list(dict.fromkeys(pick.point_id for frame in frames for pick in frame.picks))


def changes_label(product: Product, text: Callable[[str], str]) -> str:
    """The box's title: the product's what_changed_label template (rendered by text), else "What changed"."""
    return text("what_changed_label") if "what_changed_label" in product.text else "What changed"


def insert_changes(sections: list[Section], content: Content, product: Product, previous: PreviousEdition | None,
                   shown_points: list[str], label: str) -> None:
    """Put the box into a composed document: after a memo's masthead, or as a deck's second slide."""
    if not product.what_changed or previous is None:
        return
    opening = "title" if product.kind == "slides" else "masthead"
    at = next((i + 1 for i, section in enumerate(sections) if section.role == opening), None)
    if at is None and product.kind == "slides":
        return  # no cover: the planner's one-slide trial of a module, which the box must not displace
    style = _style(product)
    groups = what_changed(content, previous, shown_points)
    blocks = changes_bullets(style, groups) if product.kind == "slides" else [changes_block(style, label, groups)]
    sections.insert(at or 0, Section("changes", title=label, blocks=blocks))
