"""Every output to PDF in one command: each file goes to the client its writer names, and each
client is started once for all its files (LibreOffice for Word and PowerPoint, Chromium for HTML)."""

from __future__ import annotations

from pathlib import Path

from briefwright.browser import print_to_pdf
from briefwright.diagnostics import Where, fail
from briefwright.office import convert_to_pdf
from briefwright.writers.registry import OUTPUT_SUFFIXES, writer_for_file


def to_pdf(files: list[Path], out_dir: Path, screenshots: bool = False) -> list[Path]:
    """PDFs for files, in the same order, written into out_dir; with screenshots, the browser that
    prints a web page also takes its screenshot (browser.screenshot_path)."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        spec = writer_for_file(path)
        if spec is None:
            raise fail("pdf-unknown-file", Where(path), f"no writer makes '{path.suffix}' files",
                       f"name built outputs ({', '.join(OUTPUT_SUFFIXES)})")
        groups.setdefault(spec.printer, []).append(path)
    made: dict[Path, Path] = {}
    for printer, group in groups.items():
        pdfs = convert_to_pdf(group, out_dir) if printer == "libreoffice" else print_to_pdf(group, out_dir, screenshots)
        made.update(zip(group, pdfs))
    return [made[path] for path in files]
