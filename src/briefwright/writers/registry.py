"""The writers a product can name in `format:`, and what each declares about itself.

As pandoc's writers or Sphinx's builders: one entry per output format, with its suffix, the kind
of layout it is measured and fitted as, and the module that renders and checks it. The module is
imported only when a product of that format is built, so a Word-only build never loads
python-pptx and the reverse. A new format is one entry here and one module beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["flow", "slides"]


@dataclass(frozen=True)
class WriterSpec:
    format: str  # the value of a product file's `format:`
    suffix: str  # the output file's extension, with its dot
    kind: Kind  # flow: paginated by the page typesetter; slides: fixed boxes on a fixed number of slides
    footnotes: bool  # can carry real footnotes (`citations: footnotes`)
    module: str  # defines WRITER; imported on first use
    description: str
    printer: Literal["libreoffice", "chromium"]  # the client that renders it to PDF (briefwright pdf, preview)


WRITERS: dict[str, WriterSpec] = {spec.format: spec for spec in (
    WriterSpec("docx", ".docx", "flow", True, "briefwright.writers.docx", "Word document (python-docx)", "libreoffice"),
    WriterSpec("pptx", ".pptx", "slides", False, "briefwright.writers.pptx", "PowerPoint deck (python-pptx)",
               "libreoffice"),
    WriterSpec("html", ".html", "flow", True, "briefwright.writers.html",
               "self-contained HTML page with click-through evidence and print CSS", "chromium"),
)}


def writer_for_file(path: Path) -> WriterSpec | None:
    """The writer whose files end like this one, or None for a file no writer makes."""
    return next((spec for spec in WRITERS.values() if spec.suffix == path.suffix.lower()), None)


OUTPUT_SUFFIXES = tuple(spec.suffix for spec in WRITERS.values())
