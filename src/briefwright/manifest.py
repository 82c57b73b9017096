"""build/manifest.json: every built file with its product, audience, checksum, size and plan."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefwright.evidence import evidence_paths

if TYPE_CHECKING:
    from briefwright.built import Output

MANIFEST = "manifest.json"


def entry(output: Output) -> dict[str, Any]:
    plan = output.plan
    return {
        "file": output.path.name,
        "product": output.product.id,
        "audience": output.audience.id,
        "format": output.product.format,
        "sha256": output.sha256,
        f"{plan.unit}s": plan.count,
        "plan": {**plan.summary(), "fill": [round(fill, 3) for fill in plan.fills],
                 "reading_grade": plan.reading_grade,
                 # point → "kept detail", "condensed headline", "dropped": what `briefwright diff` compares
                 "decisions": {d.point_id: " ".join(filter(None, (d.outcome, d.level))) for d in plan.decisions}},
        "evidence": evidence_paths(output.path)[0].name,
        "inputs": output.inputs,
        "clean": output.clean,
    }


def updated_manifest(out_dir: Path, outputs: list[Output]) -> bytes:
    """The manifest for out_dir: this build's files, plus earlier entries whose files still exist."""
    path = out_dir / MANIFEST
    entries: dict[str, dict[str, Any]] = {}
    if path.is_file():
        try:
            for old in json.loads(path.read_text(encoding="utf-8")).get("files", []):
                if (out_dir / old["file"]).is_file():
                    entries[old["file"]] = old
        except (ValueError, KeyError, TypeError):
            entries = {}  # an unreadable manifest is rebuilt from this build alone
    for output in outputs:
        entries[output.path.name] = entry(output)
    document = {"generator": "briefwright", "files": [entries[name] for name in sorted(entries)]}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def current_files(out_dir: Path, fingerprint: str, strict: bool) -> dict[tuple[str, str], Path]:
    """(audience, product) → file, for every file built from exactly these inputs and untouched
    since (its bytes still match the manifest; its evidence map is beside it). With strict, only
    files built without a warning count."""
    path = out_dir / MANIFEST
    try:
        files = json.loads(path.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return {}
    current: dict[tuple[str, str], Path] = {}
    for item in files:
        try:
            if item.get("inputs") != fingerprint or (strict and not item.get("clean")):
                continue
            built = out_dir / item["file"]
            evidence_json, evidence_md = evidence_paths(built)
            if not (built.is_file() and evidence_json.is_file() and evidence_md.is_file()):
                continue
            if hashlib.sha256(built.read_bytes()).hexdigest() == item["sha256"]:
                current[(item["audience"], item["product"])] = built
        except (KeyError, TypeError, AttributeError, OSError):
            continue
    return current
