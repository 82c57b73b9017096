"""The reference file a writer opens: read once per file version, sanitised, its drops reported."""

from __future__ import annotations

import io
from pathlib import Path

from briefwright.diagnostics import Report, Where, fail
from briefwright.reference.opc import PackageError
from briefwright.reference.sanitize import Kind, Sanitised, sanitise

_FIELD = {"docx": "branding.reference_docx", "pptx": "branding.reference_pptx"}
_WHAT = {"docx": "reference document", "pptx": "reference deck"}
_CACHE: dict[tuple[str, int, int], Sanitised] = {}


def sanitised_reference(path: Path, kind: Kind, report: Report, where: Where | None = None) -> io.BytesIO:
    """The reference's clean package; each dropped piece of active content is a warning (an error
    under --strict) naming the file and the part. An unusable reference is a clear error."""
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        clean = _CACHE.get(key)
        if clean is None:
            clean = _CACHE[key] = sanitise(path.read_bytes(), kind)
    except OSError as exc:
        raise fail("reference-unreadable", where or Where(path, field=_FIELD[kind]),
                   f"the {_WHAT[kind]} cannot be read ({exc.strerror or type(exc).__name__})") from None
    except PackageError as exc:
        app = "Word as .docx" if kind == "docx" else "PowerPoint as .pptx"
        raise fail("reference-unusable", where or Where(path, field=_FIELD[kind]),
                   f"the {_WHAT[kind]} {path.name} cannot be used: {exc}",
                   exc.hint or f"save it again from {app}, or remove {_FIELD[kind].split('.')[-1]} from the "
                   "profile") from None
    for dropped in dict.fromkeys(clean.dropped):  # an object shared by a master and its layout: once
        report.warning("reference-active-content", Where(path, field=dropped.part),
                       f"left out of the products: {dropped.what} in part '{dropped.part}' of the {_WHAT[kind]}",
                       "briefwright never copies active or external content from a reference; remove it "
                       "from the file to silence this warning")
    return io.BytesIO(clean.data)


def open_reference_deck(path: Path, report: Report):  # -> pptx.presentation.Presentation (imported lazily)
    """The reference deck, sanitised, opened with python-pptx: the one way the master is read and drawn."""
    from pptx import Presentation  # python-pptx only where a deck is built or a master described

    clean = sanitised_reference(path, "pptx", report)
    try:
        return Presentation(clean)
    except Exception as exc:  # python-pptx raises many kinds on a damaged package
        raise fail("reference-unreadable", Where(path, field="branding.reference_pptx"),
                   f"the reference deck cannot be opened ({type(exc).__name__})",
                   "save it again from PowerPoint as .pptx, or remove reference_pptx from the profile") from None
