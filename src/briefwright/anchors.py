"""Anchors: which content field a stretch of output text shows, carried into every format.

An anchor is "owner:field". The field says what kind of owner it is:

- a point's own text: headline, summary, detail, label (timeline), caption (key figures);
- a module's: intro, key_judgment;
- the topic's (owner "topic"): bluf, background.

Word keeps an anchor as a bookmark around the runs (bookmarks are invisible to readers and
survive Word's and LibreOffice's save), HTML as the id of a span, PowerPoint as a tag on the
slide. Bookmark names follow Word's rules (at most 40 characters, a letter first, then
letters, digits and underscores, unique in the document); a name that had to be shortened
or numbered is still found through the evidence map, which records every name with its anchor.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefwright.model import Run

if TYPE_CHECKING:
    from briefwright.content.modules import Content

MODULE_FIELDS = ("intro", "key_judgment")
TOPIC_FIELDS = ("bluf", "background")
TOPIC_OWNER = "topic"
PREFIX = "bw_"
MAX_BOOKMARK = 40  # Word truncates longer names and then cannot find the bookmark again
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


@dataclass(frozen=True)
class Anchor:
    owner: str  # point id, module id, or "topic"
    field: str

    @property
    def key(self) -> str:
        return f"{self.owner}:{self.field}"

    @property
    def kind(self) -> str:
        """point, module or topic: which content object the field belongs to."""
        if self.field in MODULE_FIELDS:
            return "module"
        if self.field in TOPIC_FIELDS:
            return "topic"
        return "point"

    @classmethod
    def parse(cls, key: str) -> Anchor:
        owner, _, field = key.rpartition(":")
        return cls(owner, field)

    def yaml_path(self, index: int | None = None) -> tuple[str | int, ...]:
        """Where the field's text sits in its YAML file (index: the point's place in its module)."""
        if self.kind == "point":
            assert index is not None
            if self.field == "caption":
                return ("points", index, "figure", "caption")
            return ("points", index, self.field)
        return (self.field, "text")


def anchor(owner: str, field: str) -> str:
    return Anchor(owner, field).key


class BookmarkNamer:
    """Word-safe, document-unique names for anchors, given in document order.

    The Word writer, the HTML writer and the evidence map each make one and ask in the same
    order (blocks, then table rows and cells, then runs), so they agree on every name."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    @property
    def count(self) -> int:
        """How many names were given: the next bookmark's w:id."""
        return len(self._used)

    def name(self, key: str) -> str:
        base = PREFIX + _UNSAFE.sub("_", key.replace(":", "_"))
        if len(base) > MAX_BOOKMARK:
            digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
            base = base[:MAX_BOOKMARK - 7] + "_" + digest
        name, number = base, 1
        while name in self._used:
            number += 1
            suffix = f"_{number}"
            name = base[:MAX_BOOKMARK - len(suffix)] + suffix
        self._used.add(name)
        return name


def anchored_runs(runs: list[Run]) -> Iterator[tuple[str, list[Run]]]:
    """Consecutive runs that show the same field, grouped: (anchor key or "", runs)."""
    group: list[Run] = []
    current = ""
    for run in runs:
        if run.anchor != current and group:
            yield current, group
            group = []
        current = run.anchor
        group.append(run)
    if group:
        yield current, group


def field_value(content: Content, key: str) -> str | None:
    """The content's own text of an anchored field (whitespace normalised), or None if it is gone."""
    anchor = Anchor.parse(key)
    value: object = None
    if anchor.kind == "point":
        point = content.points.get(anchor.owner)
        if point is not None:
            caption = point.figure.caption if point.figure else None
            value = caption if anchor.field == "caption" else getattr(point, anchor.field, None)
    elif anchor.kind == "module":
        module = next((m for m in content.modules if m.id == anchor.owner), None)
        value = getattr(module, anchor.field).text if module is not None else None
    else:
        part = getattr(content.topic, anchor.field, None)
        value = part.text if part is not None else None
    return " ".join(value.split()) if isinstance(value, str) else None
