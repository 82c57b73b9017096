"""`briefwright quote add POINT SOURCE LINE[:COL-COL]`: copy a source's exact text into a point.

The content file is edited as text, not re-dumped: one evidence item is inserted after
the point's last one (or an `evidence:` list is started), so every other line, comment
and quoting style stays as the analyst wrote it. The new file must load and hold the
quote, or nothing is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefwright import safety
from briefwright.diagnostics import BriefwrightError, Where, fail
from briefwright.output import write_atomic
from briefwright.project import Project
from briefwright.quotes.find import in_excluded, load_registry
from briefwright.sources.registry import Source
from briefwright.sources.sentences import line_starts, one_line

MIN_QUOTE_CHARS = 12  # as content/modules.py requires of a quote
_PLACE = re.compile(r"^(\d+)(?::(\d+)-(?:(\d+):)?(\d+))?$")  # LINE, LINE:COL-COL or LINE:COL-LINE:COL


@dataclass(frozen=True)
class AddedQuote:
    file: Path
    line: int
    quote: str


def passage_at(source: Source, place: str) -> str:
    """The exact text at LINE, LINE:COL-COL or LINE:COL-LINE:COL of a source (1-based, inclusive), a
    line break inside it written as one space (quote verification reads any run of spaces as one)."""
    where = Where(field="LINE[:COL-[LINE:]COL]")
    found = _PLACE.match(place.strip())
    if not found:
        raise fail("quote-place", where, f"'{place}' is not LINE, LINE:COL-COL or LINE:COL-LINE:COL",
                   "give a line number, or where the text starts and ends, e.g. 16:163-323 or 26:45-27:34 "
                   "(as `briefwright quote find` prints)")
    lines = source.text.split("\n")
    number = int(found.group(1))
    last_number = int(found.group(3)) if found.group(3) else number
    for line_number in (number, last_number):
        if not 1 <= line_number <= len(lines):
            raise fail("quote-place", where, f"source '{source.id}' has lines 1–{len(lines)}, not {line_number}",
                       "take the line from `briefwright quote find`")
    if last_number < number:
        raise fail("quote-place", where, f"{place} ends on line {last_number}, before it starts (line {number})",
                   "take the place from `briefwright quote find`")
    first, last = (int(found.group(2)), int(found.group(4))) if found.group(2) else (1, len(lines[number - 1]))
    _check_column(source, lines, number, first, place)
    _check_column(source, lines, last_number, last, place)
    if last_number == number and last < first:
        raise fail("quote-place", where, f"{place} ends at column {last}, before it starts (column {first})",
                   "take the columns from `briefwright quote find`")
    starts = line_starts(source.text)
    offset = starts[number - 1] + first - 1
    text = one_line(source.text[offset:starts[last_number - 1] + last]).strip()
    if len(text) < MIN_QUOTE_CHARS:
        raise fail("quote-short", where, f"the text at {place} is shorter than {MIN_QUOTE_CHARS} characters",
                   "quote a whole clause or sentence")
    if in_excluded(source, offset):
        raise fail("quote-excluded", where, f"line {number} of '{source.id}' is in a stretch excluded from the work",
                   "quote the work's own text; see the source's `excluded:` in seeds/sources.yaml")
    return text


def _check_column(source: Source, lines: list[str], number: int, column: int, place: str) -> None:
    width = len(lines[number - 1])
    if not 1 <= column <= max(width, 1):
        raise fail("quote-place", Where(field="LINE[:COL-[LINE:]COL]"), f"line {number} of '{source.id}' has "
                   f"columns 1–{width}; {place} is outside it", "take the columns from `briefwright quote find`")


def _point_node(root: yaml.Node, point_id: str) -> yaml.MappingNode | None:
    points = _value(root, "points")
    if not isinstance(points, yaml.SequenceNode):
        return None
    for item in points.value:
        if isinstance(item, yaml.MappingNode):
            id_node = _value(item, "id")
            if isinstance(id_node, yaml.ScalarNode) and id_node.value == point_id:
                return item
    return None


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _content_end(text: str, index: int) -> int:
    """The offset just after the line holding the last non-blank character before index."""
    last = len(text[:index].rstrip())
    newline = text.find("\n", last)
    return len(text) if newline == -1 else newline + 1


def insert_evidence(text: str, point_id: str, source_id: str, quote: str) -> tuple[str, int] | None:
    """text with one evidence item added to point_id, and the line it starts on; None when no such point."""
    root = yaml.compose(text)
    point = _point_node(root, point_id) if root is not None else None
    if point is None:
        return None
    evidence = _value(point, "evidence")
    key_column = point.start_mark.column
    if isinstance(evidence, yaml.SequenceNode) and evidence.value and not evidence.flow_style:
        dash = evidence.value[0].start_mark.column - 2
        at = _content_end(text, evidence.end_mark.index)
        block = _item(dash, source_id, quote)
    elif isinstance(evidence, yaml.SequenceNode) and not evidence.value:  # evidence: []
        before = text[:evidence.start_mark.index].rstrip(" ")
        after = text[evidence.end_mark.index:]
        new = before + "\n" + _item(key_column + 2, source_id, quote).rstrip("\n") + after
        return new, before.count("\n") + 2
    elif evidence is None:
        at = _content_end(text, point.end_mark.index)
        block = " " * key_column + "evidence:\n" + _item(key_column + 2, source_id, quote)
    else:
        return None
    if at == len(text) and not text.endswith("\n"):
        text += "\n"
        at += 1
    return text[:at] + block + text[at:], text[:at].count("\n") + 1 + block[:block.index("- ")].count("\n")


def _item(dash_column: int, source_id: str, quote: str) -> str:
    pad = " " * dash_column
    return f"{pad}- source: {source_id}\n{pad}  quote: {json.dumps(quote, ensure_ascii=False)}\n"


def add_quote(project: Project, point_id: str, source_id: str, place: str) -> AddedQuote:
    sources = load_registry(project)
    if source_id not in sources:
        raise fail("unknown-source", Where(field="SOURCE"), f"no source '{source_id}' (known: "
                   f"{', '.join(sources.ids) or 'none'})", "give an id from seeds/sources.yaml")
    quote = passage_at(sources[source_id], place)
    for path in sorted(project.content_dir.glob("*.yaml")):
        safety.check_size(path, safety.MAX_YAML_BYTES, Where(path), "YAML file")
        text = path.read_text(encoding="utf-8")
        if point_id not in text:
            continue
        try:
            inserted = insert_evidence(text, point_id, source_id, quote)
        except yaml.YAMLError:
            raise fail("yaml-syntax", Where(path), "the file is not valid YAML", "run `briefwright check` and fix it "
                       "first") from None
        if inserted is None:
            continue
        new_text, line = inserted
        _check_written(path, new_text, point_id, source_id, quote)
        write_atomic(path, new_text.encode("utf-8"))
        return AddedQuote(path, line, quote)
    raise fail("unknown-point", Where(project.content_dir), f"no module in content/ defines point '{point_id}'",
               "give the id of an existing point (`briefwright list` shows the modules), or write the point first")


def _check_written(path: Path, text: str, point_id: str, source_id: str, quote: str) -> None:
    """The edited file must load and the point must hold the new quote, else nothing is written."""
    try:
        data = yaml.safe_load(text)
        point = next(p for p in data["points"] if p.get("id") == point_id)
        if any(e.get("quote") == quote and e.get("source") == source_id for e in point["evidence"]):
            return
    except (yaml.YAMLError, KeyError, StopIteration, TypeError, AttributeError):
        pass
    raise BriefwrightError(fail("quote-add-layout", Where(path), f"could not add the quote to point '{point_id}' "
                                "without changing the file's meaning (an unusual layout?)",
                                "add it by hand: `- source: …` and `quote: …` under the point's evidence").report)
