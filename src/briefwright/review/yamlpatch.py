"""Replace one text field in a YAML file, leaving every other byte of the file as it was.

The field's value is found through the parser's own marks (start and end of its node), and
written back in the style it had: a folded or literal block stays a block, re-wrapped at the
file's indentation; a plain or quoted scalar stays on its line, quoted only when it must be.
The result is parsed again and must differ from the original in that field alone.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from typing import Any

import yaml

FieldPath = tuple[str | int, ...]
WRAP = 88


class PatchError(ValueError):
    """The field cannot be replaced safely (not found, not text, or the file would change elsewhere)."""


def _node_at(root: yaml.Node, path: FieldPath) -> yaml.ScalarNode:
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            match = node.value[part]
        else:
            match = None
        if match is None:
            raise PatchError(f"no field {'.'.join(map(str, path))}")
        node = match
    if not isinstance(node, yaml.ScalarNode):
        raise PatchError(f"field {'.'.join(map(str, path))} is not text")
    return node


def _plain_ok(text: str) -> bool:
    try:
        return yaml.safe_load(text) == text and "\n" not in text and not text.startswith(("'", '"'))
    except yaml.YAMLError:
        return False


def _render(node: yaml.ScalarNode, original: str, new_text: str) -> str:
    if node.style in (">", "|"):
        header = original.split("\n", 1)[0]
        body = original[len(header) + 1:]
        content_end = len(body.rstrip())
        trailing = body[content_end:]
        first = next((line for line in body.split("\n") if line.strip()), "")
        indent = first[:len(first) - len(first.lstrip())] or " " * (node.start_mark.column + 2)
        width = max(40, WRAP - len(indent))
        lines = textwrap.wrap(new_text, width=width, break_long_words=False, break_on_hyphens=False)
        return header + "\n" + "\n".join(indent + line for line in lines) + (trailing or "\n")
    if node.style is None and _plain_ok(new_text):
        return new_text
    if node.style == "'" and "\n" not in new_text:
        return "'" + new_text.replace("'", "''") + "'"
    return json.dumps(new_text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _set(data: Any, path: FieldPath, value: str) -> Any:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def replace_field(text: str, path: FieldPath, new_text: str) -> str:
    """The file's text with the field at path holding new_text (raises PatchError)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        before = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PatchError(f"the file is not valid YAML ({exc})") from None
    if root is None:
        raise PatchError("the file is empty")
    node = _node_at(root, path)
    start, end = node.start_mark.index, node.end_mark.index
    patched = text[:start] + _render(node, text[start:end], new_text) + text[end:]
    try:
        after = yaml.safe_load(patched)
    except yaml.YAMLError as exc:
        raise PatchError(f"the patched file would not parse ({exc})") from None
    expected = _set(before, path, new_text)
    value = after
    for part in path:
        value = value[part]
    if " ".join(str(value).split()) != " ".join(new_text.split()) or _set(after, path, new_text) != expected:
        raise PatchError("the patched file would change more than the field")
    return patched


def unified(old: str, new: str, name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}"))
