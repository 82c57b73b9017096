"""From an anchor to the content file and YAML field that holds its text, and from a reviewer's
edit of the shown text to the field's new text."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from briefwright.anchors import Anchor
from briefwright.content.modules import Content
from briefwright.yamlio import FieldPath, YamlDocument


@dataclass(frozen=True)
class FieldLocation:
    file: Path  # as the content loader shows it: relative to the project root
    path: FieldPath
    value: str  # the field's text now


def locate_field(content: Content, anchor: Anchor) -> FieldLocation | None:
    """The file and field path of an anchor, or None when the content no longer has it."""
    document: YamlDocument | None
    if anchor.kind == "point":
        module_id = content.point_module.get(anchor.owner)
        if module_id is None:
            return None
        module = content.module(module_id)
        index = next(i for i, point in enumerate(module.points) if point.id == anchor.owner)
        document, path = content.documents[module_id], anchor.yaml_path(index)
    elif anchor.kind == "module":
        if anchor.owner not in content.documents:
            return None
        document, path = content.documents[anchor.owner], anchor.yaml_path()
    else:
        document, path = content.topic_document, anchor.yaml_path()
    if document is None:
        return None
    value = document.data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(value, str):
        return None
    return FieldLocation(document.path, path, value)


def normal(text: str) -> str:
    return " ".join(text.split())


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def carry_edit(field_text: str, shown_before: str, shown_after: str) -> str | None:
    """The field's text with the reviewer's edit of its shown form carried over, or None when the
    edited stretch cannot be found in the field exactly once (the shown text was rewritten by the
    audience's vocabulary, say, right where the reviewer changed it)."""
    field, before, after = normal(field_text), normal(shown_before), normal(shown_after)
    if before == after:
        return field
    if before == field:
        return after
    prefix = 0
    while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(before), len(after)) - prefix
           and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]):
        suffix += 1
    start = _word_start(before, prefix)
    end_before = _word_end(before, len(before) - suffix)
    tail = len(before) - end_before
    end_after = len(after) - tail
    if end_after < start:
        return None
    old, new = before[start:end_before], after[start:end_after]
    for context in (40, 20, 10, 5, 0):
        left = before[max(0, start - context):start]
        right = before[end_before:end_before + context]
        pattern = left + old + right
        if pattern and field.count(pattern) == 1:
            return normal(field.replace(pattern, left + new + right))
    return None


@dataclass
class ParagraphEdits:
    """A reviewed paragraph's edits, shared out among the fields it shows."""

    fields: dict[int, str]  # index of a field's span → the span's text after review
    outside: list[tuple[str, str]]  # (old, new) edits that touch no field
    crossing: list[tuple[str, str]]  # edits that run across two fields


def split_edits(original: str, reviewed: str, spans: list[tuple[int, int]]) -> ParagraphEdits:
    """Compare a paragraph as built with the same paragraph reviewed, and give each field (a span
    of the original) its own edits. Bookmark boundaries play no part, so a client that moves a
    bookmark's end by a character (LibreOffice does, beside a comment) changes nothing here."""
    matcher = difflib.SequenceMatcher(None, original, reviewed, autojunk=False)
    per_span: dict[int, list[tuple[int, int, str]]] = {}
    outside, crossing = [], []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            continue
        owner = _owning_span(spans, i1, i2)
        if owner is None:
            outside.append((original[i1:i2], reviewed[j1:j2]))
        elif owner < 0:
            crossing.append((original[i1:i2], reviewed[j1:j2]))
        else:
            per_span.setdefault(owner, []).append((i1, i2, reviewed[j1:j2]))
    fields = {}
    for index, edits in per_span.items():
        start, end = spans[index]
        text = original[start:end]
        for i1, i2, new in sorted(edits, reverse=True):
            text = text[:i1 - start] + new + text[i2 - start:]
        fields[index] = text
    return ParagraphEdits(fields, outside, crossing)


def _owning_span(spans: list[tuple[int, int]], i1: int, i2: int) -> int | None:
    """The span an edit falls in (an insertion at a boundary joins the span it follows); None when
    it touches none, -1 when it runs across two."""
    if i1 == i2:
        for index, (start, end) in enumerate(spans):
            if start < i1 <= end or (start == i1 and index == 0) or (start <= i1 < end):
                return index
        return None
    touched = [index for index, (start, end) in enumerate(spans) if i1 < end and i2 > start]
    if not touched:
        return None
    if len(touched) > 1 or not (spans[touched[0]][0] <= i1 and i2 <= spans[touched[0]][1]):
        return -1
    return touched[0]


def field_spans(paragraph: str, texts: list[str]) -> list[tuple[int, int]] | None:
    """Where each field's shown text sits in its paragraph, in order; None if one cannot be found."""
    spans, position = [], 0
    for text in texts:
        start = paragraph.find(text, position)
        if start < 0:
            return None
        spans.append((start, start + len(text)))
        position = start + len(text)
    return spans
