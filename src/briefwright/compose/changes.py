"""The "what changed" box at the top of a re-issued memo or brief (product setting what_changed).

The previous edition is its evidence map: each field it showed, with the field's text as the
content had it then. The box names, in the reader's terms, the points and judgments whose text
changed, the points this edition shows for the first time, and those it no longer shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.anchors import Anchor, field_value
from briefwright.content.modules import Content
from briefwright.model import Block, Run


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
        runs.append(Run("nothing in the content has changed since the last edition."))
    for index, (name, items) in enumerate(groups):
        runs.append(Run((" " if index else "") + f"{name}: ", italic=True))
        runs.append(Run("; ".join(items) + "."))
    return Block(style, runs)
