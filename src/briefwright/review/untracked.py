"""Edits outside every anchor that left no revision mark: a paragraph typed with Track Changes off,
or one whose tracked insertion was accepted (Word's or LibreOffice's Accept All) before the file came
back. Nothing in the reviewed file says these are new, so the file is compared, paragraph by
paragraph, with the product as built (the .docx beside its evidence map): a paragraph that holds no
anchor and is not in the built file is listed for the author, never dropped silently.

Anchored paragraphs are left to the field comparison (importer), moved ones included: a move keeps
its bookmarks. Paragraphs already listed from their revision marks are not listed twice.
"""

from __future__ import annotations

import difflib
import json
import zipfile
from pathlib import Path

from lxml import etree

from briefwright.review.wordread import LooseEdit, ReviewedDocument, read_reviewed

UNTRACKED = "(untracked edit)"
REWRITE_RATIO = 0.6  # difflib's similarity above which a paragraph is an old one reworded, not a new one


def built_product(evidence_path: Path, reviewed_path: Path) -> ReviewedDocument | None:
    """The product as built, read like a reviewed file; None when it is not there (or is the reviewed
    file itself, edited in place: then only revision marks can tell what changed)."""
    try:
        name = json.loads(evidence_path.read_text(encoding="utf-8")).get("file")
    except (OSError, ValueError, AttributeError):
        return None
    built = evidence_path.with_name(name) if isinstance(name, str) and name else None
    if built is None or not built.is_file() or built.resolve() == reviewed_path.resolve():
        return None
    try:
        return read_reviewed(built.read_bytes())
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return None


def _texts(document: ReviewedDocument) -> list[tuple[int, str]]:
    """(paragraph number, words) for every paragraph with text, in order."""
    return [(number, " ".join(review.after.split())) for number, review in sorted(document.paragraphs.items())
            if review.after.strip()]


def untracked_edits(built: ReviewedDocument, reviewed: ReviewedDocument, listed: set[int]) -> list[LooseEdit]:
    """Paragraphs without an anchor that the reviewed file has and the built one has not (listed: the
    paragraphs already reported from their revision marks)."""
    anchored = {review.paragraph for review in reviewed.anchors.values()}
    old, new = _texts(built), _texts(reviewed)
    matcher = difflib.SequenceMatcher(None, [text for _, text in old], [text for _, text in new], autojunk=False)
    found: list[LooseEdit] = []
    for tag, old_start, old_end, start, end in matcher.get_opcodes():
        if tag not in ("insert", "replace"):
            continue
        replaced = [text for _, text in old[old_start:old_end]]
        for number, text in new[start:end]:
            if number not in anchored and number not in listed:
                kind = "rewritten paragraph" if _rewrites(text, replaced) else "new paragraph"
                found.append(LooseEdit(kind, text, UNTRACKED, "", number, text))
    return found


def _rewrites(text: str, replaced: list[str]) -> bool:
    """Whether the paragraph is one it stands in for, reworded (an edited heading, say): it keeps the
    old words whole, or mostly."""
    return any(old in text or text in old or difflib.SequenceMatcher(None, text, old, autojunk=False).ratio()
               >= REWRITE_RATIO for old in replaced)
