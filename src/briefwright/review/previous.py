"""The previous edition a re-issued product compares itself with: a build folder (or its
manifest.json) named by `build --since` or the project file's review.since."""

from __future__ import annotations

import json
from pathlib import Path

from briefwright.compose.changes import PreviousEdition
from briefwright.diagnostics import Where, fail
from briefwright.manifest import MANIFEST


def since_folder(path: Path) -> Path:
    folder = path.parent if path.name == MANIFEST else path
    if not (folder / MANIFEST).is_file():
        raise fail("since-missing", Where(path), "no build manifest here to compare the new edition with",
                   "give the previous edition's build folder or its manifest.json (build --since, review.since)")
    return folder


def previous_edition(folder: Path, file_name: str) -> PreviousEdition | None:
    """The previous edition of one built file, or None when that edition did not include it."""
    try:
        files = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("files", [])
        entry = next((item for item in files if item.get("file") == file_name), None)
        if entry is None:
            return None
        evidence = json.loads((folder / entry["evidence"]).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise fail("since-unreadable", Where(folder / MANIFEST), f"the previous edition of {file_name} cannot be read",
                   "build the previous edition again, or point --since at another build folder") from None
    values: dict[str, str] = {}
    for record in evidence.get("anchors", []):
        # builds before anchors recorded the field as written compare the text as shown
        values.setdefault(record["anchor"], record.get("value") or record["text"])
    points = frozenset(entry_point for item in evidence.get("entries", [])
                       for entry_point in ([item["point"]] if item.get("point") else []))
    return PreviousEdition(values, points)
