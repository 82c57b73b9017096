"""build/manifest.json: every built file with its product, audience, checksum, size and plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefwright.evidence import evidence_paths

if TYPE_CHECKING:
    from briefwright.build import Output

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
                 "reading_grade": plan.reading_grade},
        "evidence": evidence_paths(output.path)[0].name,
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
