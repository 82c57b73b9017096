"""YAML loading that remembers the line of every value, so errors can name it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefwright.diagnostics import Where, fail

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any
    lines: dict[FieldPath, int]

    def line_of(self, field_path: FieldPath) -> int | None:
        """The line of a field, or of its nearest ancestor that has one."""
        probe = tuple(field_path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), None)

    def where(self, field_path: FieldPath, display_path: Path | None = None) -> Where:
        return Where(display_path or self.path, self.line_of(field_path), format_field_path(field_path))


def format_field_path(field_path: FieldPath) -> str:
    text = ""
    for part in field_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _construct(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], file: Path) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, (str, int)):
                raise fail("yaml-key", Where(file, key_node.start_mark.line + 1), f"mapping key {key!r} is not text",
                           "use plain words as keys")
            key = str(key)
            if key in result:
                raise fail("yaml-duplicate-key", Where(file, key_node.start_mark.line + 1, format_field_path(path + (key,))),
                           f"key '{key}' appears twice in the same mapping", "remove or rename one of them")
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, path + (key,), lines, file)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (index,), lines, file) for index, child in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    # Dates stay text: "2022-11-15" must not become a datetime whose printed
    # form depends on Python, and "unknown"/"inferred: …" share the field.
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    return yaml.SafeLoader.construct_object(_SCALAR_LOADER, node, deep=True)


_SCALAR_LOADER = yaml.SafeLoader("")


def load_yaml(path: Path, display_path: Path | None = None) -> YamlDocument:
    shown = display_path or path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("file-missing", Where(shown), "file not found") from None
    except UnicodeDecodeError as exc:
        raise fail("file-encoding", Where(shown), f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                   "save the file as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise fail("yaml-syntax", Where(shown, line), f"YAML syntax: {problem}",
                   "check indentation and quoting near this line") from None
    lines: dict[FieldPath, int] = {}
    data = _construct(node, (), lines, shown) if node is not None else None
    return YamlDocument(shown, data, lines)
