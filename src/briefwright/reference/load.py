"""The reference file a writer opens: read once per file version, sanitised, its drops reported."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefwright.diagnostics import Report, Where, fail
from briefwright.reference.opc import PackageError
from briefwright.reference.sanitize import Kind, Sanitised, sanitise

T = TypeVar("T")

_FIELD = {"docx": "branding.reference_docx", "pptx": "branding.reference_pptx"}
_WHAT = {"docx": "reference document", "pptx": "reference deck"}
_CACHE: dict[tuple[Path, int, int], Sanitised] = {}
_LIMIT = 32  # versions kept per cache; a resident `watch` sees a template saved again and again


def cached_by_version(cache: dict[tuple[Path, int, int], T], path: Path, make: Callable[[], T]) -> T:
    """What make() gives for this version of the file (path, modification time, size): read once per
    build for all its products, and again after the file is saved. The one cache every reader of a
    reference uses, so the master measured is always the version drawn. A file that cannot be
    stat'ed is not cached: make() reports it."""
    try:
        status = path.stat()
    except OSError:
        return make()
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in cache:
        if len(cache) >= _LIMIT:
            cache.clear()
        cache[key] = make()
    return cache[key]


def sanitised_reference(path: Path, kind: Kind, report: Report, where: Where | None = None) -> io.BytesIO:
    """The reference's clean package; each dropped piece of active content is a warning (an error
    under --strict) naming the file and the part. An unusable reference is a clear error."""
    try:
        clean = cached_by_version(_CACHE, path, lambda: sanitise(path.read_bytes(), kind))
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
