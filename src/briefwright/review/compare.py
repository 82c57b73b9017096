"""Two builds compared claim by claim: per product, which judgments and claims changed, were
added or dropped, and how (text, confidence word, citations, quotes), which sources changed,
and which planner decisions changed. Read from the manifests and evidence maps alone."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefwright.anchors import Anchor
from briefwright.diagnostics import Where, fail
from briefwright.manifest import MANIFEST


@dataclass(frozen=True)
class ShownField:
    """One content field as a product shows it, with what it rests on."""

    anchor: str
    text: str
    confidence: str | None
    sources: tuple[str, ...]
    quotes: tuple[str, ...]  # "source: quote"
    where: str


@dataclass
class FieldChange:
    anchor: str
    status: str  # added | dropped | changed
    old: ShownField | None
    new: ShownField | None
    aspects: list[str] = field(default_factory=list)  # text, confidence, citations, quotes


@dataclass
class ProductDiff:
    file: str
    status: str  # changed | unchanged | added | dropped
    fields: list[FieldChange] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)  # added / dropped / changed
    decisions: dict[str, tuple[str, str]] = field(default_factory=dict)  # point → (old, new)


def shown_fields(evidence: dict[str, Any]) -> dict[str, ShownField]:
    """Anchor key → the field as shown (the first time, where a field is shown twice)."""
    entries = {name: entry for entry in evidence.get("entries", []) for name in entry.get("anchors", [])}
    shown: dict[str, ShownField] = {}
    for record in evidence.get("anchors", []):
        entry = entries.get(record["name"], {})
        quotes = tuple(f"{q['source']}: {q['quote']}" for q in entry.get("quotes", []))
        shown.setdefault(record["anchor"], ShownField(record["anchor"], " ".join(record["text"].split()),
                                                      record.get("confidence"), tuple(entry.get("sources", [])),
                                                      quotes, record["where"]))
    return shown


def _aspects(old: ShownField, new: ShownField) -> list[str]:
    aspects = []
    if old.text != new.text:
        aspects.append("text")
    if old.confidence != new.confidence:
        aspects.append("confidence")
    if old.sources != new.sources:
        aspects.append("citations")
    if old.quotes != new.quotes:
        aspects.append("quotes")
    return aspects


def compare_fields(old: dict[str, ShownField], new: dict[str, ShownField]) -> list[FieldChange]:
    changes = []
    for key in [*old, *(k for k in new if k not in old)]:
        before, after = old.get(key), new.get(key)
        if before is None:
            changes.append(FieldChange(key, "added", None, after))
        elif after is None:
            changes.append(FieldChange(key, "dropped", before, None))
        elif aspects := _aspects(before, after):
            changes.append(FieldChange(key, "changed", before, after, aspects))
    return changes


def _sources(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[str]]:
    before, after = old.get("sources", {}), new.get("sources", {})
    result = {"added": sorted(set(after) - set(before)), "dropped": sorted(set(before) - set(after)),
              "changed": sorted(s for s in set(before) & set(after) if before[s].get("sha256") != after[s].get("sha256"))}
    return {kind: ids for kind, ids in result.items() if ids}


def _decisions(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[str, str]]:
    before = old.get("plan", {}).get("decisions")
    after = new.get("plan", {}).get("decisions")
    if before is None or after is None:
        return {}  # a build from before manifests recorded decisions: nothing to compare
    return {point: (before.get(point, "absent"), after.get(point, "absent"))
            for point in [*before, *(p for p in after if p not in before)]
            if before.get(point) != after.get(point)}


@dataclass(frozen=True)
class Build:
    """A build folder's manifest, read: file name → its manifest entry."""

    folder: Path
    files: dict[str, dict[str, Any]]

    def evidence(self, name: str) -> dict[str, Any]:
        entry = self.files[name]
        path = self.folder / entry.get("evidence", "")
        try:
            loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise fail("diff-unreadable", Where(path), "the evidence map is missing or unreadable",
                       "build the product again") from None
        return loaded


def read_build(path: Path) -> Build:
    manifest = path / MANIFEST if path.is_dir() else path
    try:
        document = json.loads(manifest.read_text(encoding="utf-8"))
        files = {item["file"]: item for item in document["files"]}
    except FileNotFoundError:
        raise fail("diff-no-manifest", Where(manifest), "no build manifest here",
                   "give a build folder, its manifest.json, or a git revision of the project") from None
    except (ValueError, KeyError, TypeError):
        raise fail("diff-no-manifest", Where(manifest), "the manifest is not a briefwright build manifest",
                   "build again to rewrite it") from None
    return Build(manifest.parent, files)


def compare_builds(old: Build, new: Build, only: set[str] | None = None) -> list[ProductDiff]:
    diffs = []
    for name in sorted(set(old.files) | set(new.files)):
        entry = new.files.get(name) or old.files[name]
        if only and entry.get("product") not in only and name not in only:
            continue
        if name not in old.files:
            diffs.append(ProductDiff(name, "added"))
            continue
        if name not in new.files:
            diffs.append(ProductDiff(name, "dropped"))
            continue
        before, after = old.evidence(name), new.evidence(name)
        diff = ProductDiff(name, "unchanged", compare_fields(shown_fields(before), shown_fields(after)),
                           _sources(before, after), _decisions(old.files[name], new.files[name]))
        if diff.fields or diff.sources or diff.decisions:
            diff.status = "changed"
        diffs.append(diff)
    return diffs


def _field_json(shown: ShownField | None) -> dict[str, Any] | None:
    if shown is None:
        return None
    return {"text": shown.text, "confidence": shown.confidence, "sources": list(shown.sources),
            "quotes": list(shown.quotes), "where": shown.where}


def to_json(diffs: list[ProductDiff]) -> dict[str, Any]:
    return {"products": [
        {"file": d.file, "status": d.status,
         "judgments": [_change_json(c) for c in d.fields if _is_judgment(c)],
         "claims": [_change_json(c) for c in d.fields if not _is_judgment(c)],
         "sources": d.sources,
         "decisions": {point: {"old": old, "new": new} for point, (old, new) in d.decisions.items()}}
        for d in diffs]}


def _is_judgment(change: FieldChange) -> bool:
    return Anchor.parse(change.anchor).kind != "point"


def _change_json(change: FieldChange) -> dict[str, Any]:
    return {"anchor": change.anchor, "status": change.status, "changed": change.aspects,
            "old": _field_json(change.old), "new": _field_json(change.new)}


def to_text(diffs: list[ProductDiff]) -> str:
    lines = []
    for diff in diffs:
        if diff.status != "changed":
            lines.append(f"{diff.file}: {diff.status}")
            continue
        lines.append(f"{diff.file}:")
        for change in diff.fields:
            lines += _field_lines(change)
        for kind, ids in diff.sources.items():
            lines.append(f"  sources {kind}: {', '.join(ids)}")
        for point, (old, new) in diff.decisions.items():
            lines.append(f"  planner: {point}: {old} → {new}")
    changed = sum(d.status != "unchanged" for d in diffs)
    lines.append(f"{changed} of {len(diffs)} product file(s) differ")
    return "\n".join(lines)


def _field_lines(change: FieldChange) -> list[str]:
    """One claim or judgment that changed, was added or dropped, as printed lines."""
    kind = "judgment" if _is_judgment(change) else "claim"
    shown = change.new or change.old
    assert shown is not None
    if change.status != "changed":
        mark = "+" if change.status == "added" else "-"
        return [f"  {mark} {kind} {change.anchor} {change.status} ({shown.where}): {shown.text[:100]}"]
    old, new = change.old, change.new
    assert old is not None and new is not None
    lines = [f"  ~ {kind} {change.anchor} ({', '.join(change.aspects)}; {shown.where})"]
    if "text" in change.aspects:
        lines += [f"      - {old.text}", f"      + {new.text}"]
    if "confidence" in change.aspects:
        lines.append(f"      confidence: {old.confidence} → {new.confidence}")
    if "citations" in change.aspects:
        lines.append(f"      sources: {', '.join(old.sources)} → {', '.join(new.sources)}")
    lines += [f"      quote dropped: {quote[:100]}" for quote in sorted(set(old.quotes) - set(new.quotes))]
    lines += [f"      quote added: {quote[:100]}" for quote in sorted(set(new.quotes) - set(old.quotes))]
    return lines
