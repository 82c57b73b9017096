"""Property-based fuzzing of what users hand briefwright: content YAML and reference packages.

The property, for every mutated input: the build ends in a BriefwrightError whose lines stay
readable, or it writes products that reopen and hold no active content. Anything else (an
exception of another kind, a product with an external link) is a bug. Shared by
tests/test_fuzz.py (a short, derandomised run) and bench/fuzz.py (`make fuzz`, minutes long).
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from briefwright.build import build
from briefwright.diagnostics import BriefwrightError
from briefwright.project import load_project
from briefwright.reference.active import active_content

TINY = Path(__file__).resolve().parent / "roots" / "tiny"
REFERENCES = Path(__file__).resolve().parent.parent / "templates" / "reference"
YAML_FILES = ("content/topic.yaml", "content/findings.yaml", "content/actions.yaml", "seeds/sources.yaml",
              "templates/audiences/reader.yaml", "briefwright.yaml")
MAX_MESSAGE_LINE = 600
FUZZ_MARKER = "fuzz-marker.example"

# -- values and text -------------------------------------------------------------------------------

_ODD = ["x", " ", "é", "\u202e", "\u200b", "<script>", "{{ x }}", "{% for %}", "%s", "\\", "😀", "\t", "\r",
        "\x00", "\x07", "\ud800", "'", '"', "\n", "- ", ": ", "#", "&a", "*a", "!!python/name:os.system"]
huge_text = st.builds(lambda piece, count: piece * count, st.sampled_from(_ODD), st.integers(0, 12_000))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
                    huge_text, st.sampled_from(["2026-01-15", "0000-00-00", "yes", "null", "~", "1e999", ".inf"]))
values = st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4),
                                                           st.dictionaries(st.text(max_size=10), children,
                                                                           max_size=4)), max_leaves=10)
_TEXT_INSERTS = ["!!python/name:os.system ", "!!python/object/apply:os.system [x] ", "!!binary ", "!foo ", "&a ",
                 "*a ", "*nowhere ", "<<: *a\n", "\x00", "\ufeff", "\t", "[" * 200, "{", "- ", "---\n", "...\n",
                 "%YAML 1.1\n", "? ", "|\n", ">-\n", "'", '"']


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, prefix + (index,))
    return found


def _at(node: Any, path: tuple) -> Any:
    for key in path:
        node = node[key]
    return node


def mutate_tree(data: st.DataObject, tree: Any) -> Any:
    """One structural change at a random place: a new value, a key removed or added, deeper nesting."""
    path = data.draw(st.sampled_from(_paths(tree)), label="path")
    kind = data.draw(st.sampled_from(["replace", "delete", "add", "nest", "duplicate"]), label="mutation")
    if not path:
        return data.draw(values) if kind == "replace" else tree
    parent, key = _at(tree, path[:-1]), path[-1]
    if kind == "replace":
        parent[key] = data.draw(values, label="value")
    elif kind == "delete":
        del parent[key]
    elif kind == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=12), label="key")] = data.draw(values, label="value")
    elif kind == "nest":
        for _ in range(data.draw(st.integers(1, 120), label="depth")):
            parent[key] = [parent[key]]
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(key, parent[key])
    return tree


def mutate_text(data: st.DataObject, text: str) -> str:
    """One change to the raw text: a tag, alias or odd character inserted, a span cut, the file truncated."""
    offset = data.draw(st.integers(0, len(text)), label="offset")
    kind = data.draw(st.sampled_from(["insert", "cut", "truncate", "odd"]), label="text mutation")
    if kind == "insert":
        return text[:offset] + data.draw(st.sampled_from(_TEXT_INSERTS), label="inserted") + text[offset:]
    if kind == "cut":
        return text[:offset] + text[offset + data.draw(st.integers(1, 200), label="length"):]
    if kind == "truncate":
        return text[:offset]
    return text[:offset] + data.draw(st.text(min_size=1, max_size=5), label="odd") + text[offset:]


# -- reference packages ----------------------------------------------------------------------------

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_KINDS = ["hyperlink", "image", "attachedTemplate", "oleObject", "package", "vbaProject", "styles", "theme",
          "slideLayout", "slideMaster", "header", "control", "frame", "subDocument", "aFChunk"]
_TARGETS = [f"http://{FUZZ_MARKER}/t.dotm", f"file:///etc/{FUZZ_MARKER}", f"\\\\{FUZZ_MARKER}\\share\\x.png",
            "../../../../etc/passwd", "/word/styles.xml", "styles.xml", "", "%00", "slideLayouts/slideLayout1.xml"]


_CORRUPTIONS = [b"", b"<", b"&bogus;", b"\x00", b"</w:x>", b"]]>",
                b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>']


def mutate_package(data: st.DataObject, kind: str) -> bytes:
    """The example reference with a few random changes: parts removed or renamed, relationships added
    (external or to odd targets), XML corrupted, content types changed."""
    with zipfile.ZipFile(REFERENCES / f"defence.{kind}") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        names = sorted(parts)
        name = data.draw(st.sampled_from(names), label="part")
        change = data.draw(st.sampled_from(["remove", "rename", "relate", "corrupt", "retype", "duplicate-id",
                                            "unrelate", "retarget"]), label="package change")
        if change == "remove":
            del parts[name]
        elif change == "rename":
            parts[name.replace(".xml", "1.xml") if name.endswith(".xml") else name + "x"] = parts.pop(name)
        elif change == "relate":
            rels = data.draw(st.sampled_from([n for n in names if n.endswith(".rels")] or ["_rels/.rels"]), label="rels")
            external = data.draw(st.booleans(), label="external")
            mode = ' TargetMode="External"' if external else ""
            rel = (f'<Relationship Id="rFz{len(parts)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/{data.draw(st.sampled_from(_KINDS))}" Target="{data.draw(st.sampled_from(_TARGETS))}"'
                   f'{mode}/>')
            text = parts.get(rels, f'<Relationships xmlns="{_RELS}"></Relationships>'.encode()).decode("utf-8", "replace")
            parts[rels] = text.replace("</Relationships>", rel + "</Relationships>").encode()
        elif change == "corrupt":
            blob = parts[name]
            cut = data.draw(st.integers(0, len(blob)), label="cut")
            parts[name] = blob[:cut] + data.draw(st.sampled_from(_CORRUPTIONS), label="corruption") + blob[cut + 1:]
        elif change == "retype":
            parts["[Content_Types].xml"] = parts.get("[Content_Types].xml", b"").replace(
                b"main+xml", data.draw(st.sampled_from([b"macroEnabled.main+xml", b"x+xml", b"main+xml"])), 1)
        elif change == "duplicate-id" and name.endswith(".rels"):
            parts[name] = parts[name].replace(b'Id="rId2"', b'Id="rId1"')
        elif change in ("unrelate", "retarget") and name.endswith(".rels"):
            found = list(re.finditer(rb"<Relationship [^>]*/>", parts[name]))
            if found:
                chosen = data.draw(st.sampled_from(found), label="relationship")
                replacement = b"" if change == "unrelate" else re.sub(
                    rb'Target="[^"]*"', b'Target="' + data.draw(st.sampled_from(names)).encode() + b'"', chosen.group())
                parts[name] = parts[name][:chosen.start()] + replacement + parts[name][chosen.end():]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


# -- the property ----------------------------------------------------------------------------------

def build_ends_cleanly(root: Path, products: list[str]) -> None:
    """A clean refusal, or products that reopen and hold no active content; anything else raises."""
    import docx
    from pptx import Presentation

    out = root / "out"
    try:
        result = build(load_project(root, explicit=True), products, out_dir=out, jobs=1)
    except BriefwrightError as error:
        too_long = [line[:200] for line in str(error).splitlines() if len(line) > MAX_MESSAGE_LINE]
        assert not too_long, f"unreadable message line: {too_long[0]}…"
        return
    for output in result.outputs:
        assert FUZZ_MARKER.encode() not in output.data
        if output.path.suffix in (".docx", ".pptx"):
            assert active_content(output.data) == [], (output.path.name, active_content(output.data))
        if output.path.suffix == ".docx":
            docx.Document(io.BytesIO(output.data))
        elif output.path.suffix == ".pptx":
            Presentation(io.BytesIO(output.data))


def fuzz_content(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(prefix="bw-fuzz-") as folder:
        root = Path(folder) / "tiny"
        shutil.copytree(TINY, root)
        target = root / data.draw(st.sampled_from(YAML_FILES), label="file")
        text = target.read_text(encoding="utf-8")
        for _ in range(data.draw(st.integers(1, 3), label="mutations")):
            if data.draw(st.booleans(), label="structural"):
                try:
                    tree = yaml.safe_load(text)
                except yaml.YAMLError:  # an earlier text mutation broke it: mutate the text again
                    text = mutate_text(data, text)
                    continue
                text = yaml.safe_dump(mutate_tree(data, tree), allow_unicode=True, sort_keys=False)
            else:
                text = mutate_text(data, text)
        target.write_bytes(text.encode("utf-8", "surrogatepass"))
        build_ends_cleanly(root, ["memo", "deck-5", "brief-html"])


def fuzz_reference(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["docx", "pptx"]), label="kind")
    with tempfile.TemporaryDirectory(prefix="bw-fuzz-") as folder:
        root = Path(folder) / "tiny"
        shutil.copytree(TINY, root)
        (root / "templates/reference").mkdir()
        (root / f"templates/reference/org.{kind}").write_bytes(mutate_package(data, kind))
        profile = root / "templates/audiences/reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + f"branding:\n  reference_{kind}: reference/org.{kind}\n",
                           encoding="utf-8")
        build_ends_cleanly(root, ["memo" if kind == "docx" else "deck-5"])
