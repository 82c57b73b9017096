"""YAML loading that remembers the line of every value, so errors can name it."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefwright import safety
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


class _Budget:
    """Values built so far: aliases can make a small file expand exponentially."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.values = 0

    def spend(self, node: yaml.Node, depth: int) -> None:
        self.values += 1
        line = node.start_mark.line + 1
        if self.values > safety.MAX_YAML_VALUES:
            raise fail("yaml-too-large", Where(self.file, line), f"the file expands to more than "
                       f"{safety.MAX_YAML_VALUES:,} values (anchors and aliases repeated?)",
                       "write the values out, or use fewer aliases")
        if depth > safety.MAX_YAML_DEPTH:
            raise fail("yaml-too-deep", Where(self.file, line), f"values are nested more than "
                       f"{safety.MAX_YAML_DEPTH} levels deep", "flatten the structure")


# The tags plain data needs; anything else (!!python/name, !!python/object, !!binary, local
# tags) would build an object or bytes where text is expected, and is refused by its line.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq",
                                                         "timestamp", "merge")}


def _check_tag(node: yaml.Node, file: Path, path: FieldPath) -> None:
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        shown = tag if len(tag) <= 60 else tag[:60] + "…"
        raise fail("yaml-tag", Where(file, node.start_mark.line + 1, format_field_path(path) or None),
                   f"the tag '{shown}' is not allowed: briefwright reads plain data only",
                   "remove the tag; write text, numbers, true/false, lists and mappings")


def _construct(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], file: Path,
               budget: _Budget | None = None) -> Any:
    budget = budget or _Budget(file)
    budget.spend(node, len(path))
    _check_tag(node, file, path)
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            _check_tag(key_node, file, path)
            if not isinstance(key_node, yaml.ScalarNode):
                raise fail("yaml-key", Where(file, key_node.start_mark.line + 1, format_field_path(path) or None),
                           "a mapping key is a list or mapping", "use plain words as keys")
            key = _scalar(key_node)
            if not isinstance(key, (str, int)):
                raise fail("yaml-key", Where(file, key_node.start_mark.line + 1), f"mapping key {key!r} is not text",
                           "use plain words as keys")
            key = str(key)
            if key in result:
                raise fail("yaml-duplicate-key", Where(file, key_node.start_mark.line + 1, format_field_path(path + (key,))),
                           f"key '{key}' appears twice in the same mapping", "remove or rename one of them")
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, path + (key,), lines, file, budget)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (index,), lines, file, budget) for index, child in enumerate(node.value)]
    value = _scalar(node)
    if isinstance(value, str) and (bad := safety.forbidden_character(value)) is not None:
        offset, code = bad
        raise fail("yaml-control-character", Where(file, node.start_mark.line + 1, format_field_path(path)),
                   f"the text holds {code} at character {offset + 1}, which Word and PowerPoint files cannot hold",
                   "remove it (control characters and lone surrogates are not text)")
    return value


def _scalar(node: yaml.Node) -> Any:
    # Dates stay text: "2022-11-15" must not become a datetime whose printed
    # form depends on Python, and "unknown"/"inferred: …" share the field.
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    return yaml.SafeLoader.construct_object(_SCALAR_LOADER, node, deep=True)


_SCALAR_LOADER = yaml.SafeLoader("")
# libyaml's parser, where PyYAML was built with it, reads the same nodes with the same marks
# about ten times faster than the pure-Python one; values are still constructed by SafeLoader.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError:
        # A file libyaml refuses is read again by the pure-Python parser, whose messages say more
        # (a lone surrogate escape is reported by its field, with the code point) and which
        # decides what is and is not valid exactly as before.
        return yaml.compose(text, Loader=yaml.SafeLoader)


_CACHE: dict[tuple[str, str, int, int], YamlDocument] = {}


def load_yaml(path: Path, display_path: Path | None = None) -> YamlDocument:
    """The parsed file, with a line for every field. A file read before and unchanged since
    (same size and modification time) is not parsed again; callers get their own copy."""
    shown = display_path or path
    try:
        stat = path.stat()
        key = (str(path.resolve()), str(shown), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key is not None and key in _CACHE:
        cached = _CACHE[key]
        return YamlDocument(cached.path, copy.deepcopy(cached.data), dict(cached.lines))
    document = _load_yaml(path, shown)
    if key is not None:
        _CACHE[key] = YamlDocument(document.path, copy.deepcopy(document.data), dict(document.lines))
    return document


def _too_deep_line(text: str) -> int | None:
    """The line where nesting first goes deeper than allowed, found by the scanner (which does not recurse)."""
    depth = 0
    opening = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
               yaml.FlowSequenceStartToken)
    closing = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):  # libyaml stops at its own depth limit
            depth += isinstance(token, opening) - isinstance(token, closing)
            if depth > safety.MAX_YAML_DEPTH:
                return token.start_mark.line + 1
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def _load_yaml(path: Path, shown: Path) -> YamlDocument:
    try:
        safety.check_size(path, safety.MAX_YAML_BYTES, Where(shown), "YAML file")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("file-missing", Where(shown), "file not found") from None
    except IsADirectoryError:
        raise fail("file-missing", Where(shown), "a folder stands where a file is expected") from None
    except UnicodeDecodeError as exc:
        raise fail("file-encoding", Where(shown), f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                   "save the file as UTF-8") from None
    try:
        node = _compose(text)
    except RecursionError:  # the parser recurses per nesting level, before the budget can count them
        raise fail("yaml-too-deep", Where(shown, _too_deep_line(text)), f"values are nested more than "
                   f"{safety.MAX_YAML_DEPTH} levels deep", "flatten the structure") from None
    except yaml.reader.ReaderError as exc:  # NUL and other characters YAML cannot hold
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise fail("yaml-syntax", Where(shown, text.count("\n", 0, exc.position) + 1),
                   f"YAML cannot hold the character U+{code:04X} "
                   f"(column {exc.position - text.rfind(chr(10), 0, exc.position)})",
                   "remove control characters; save the file as plain UTF-8 text") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise fail("yaml-syntax", Where(shown, line), f"YAML syntax: {problem}",
                   "check indentation and quoting near this line") from None
    except yaml.YAMLError as exc:  # the reader's refusals: NUL and other control characters
        raise fail("yaml-syntax", Where(shown), f"YAML cannot be read: {exc}",
                   "remove control characters; save the file as plain UTF-8 text") from None
    lines: dict[FieldPath, int] = {}
    data = _construct(node, (), lines, shown) if node is not None else None
    return YamlDocument(shown, data, lines)
