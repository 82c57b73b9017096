"""LibreOffice, the client we can run: convert outputs to PDF, boxed (see box.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from briefwright import box
from briefwright.diagnostics import Where, fail
from briefwright.safety import MAX_CONVERT_BYTES

INSTALL_HINT = ("install LibreOffice headless: apt-get install libreoffice-writer-nogui "
                "libreoffice-impress-nogui fonts-noto-cjk fonts-liberation fonts-crosextra-carlito "
                "fonts-crosextra-caladea")
START_SECONDS = 60.0  # LibreOffice's own start with a fresh profile, on a busy machine
FILE_SECONDS = 90.0  # one product; a 20-slide deck takes a few seconds


def soffice_path() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise fail("office-missing", Where(), "LibreOffice (soffice) is not installed", INSTALL_HINT)


def convert_to_pdf(files: list[Path], out_dir: Path, file_seconds: float = FILE_SECONDS,
                   start_seconds: float = START_SECONDS) -> list[Path]:
    """Convert several files in one boxed LibreOffice run; returns the PDFs (out_dir/<stem>.pdf) in
    the same order. LibreOffice sees copies under neutral names in its box, never the files named."""
    executable = soffice_path()
    out_dir.mkdir(parents=True, exist_ok=True)
    with box.boxed("briefwright-lo-") as run_box:
        copies = run_box.take(files, "file to convert", MAX_CONVERT_BYTES)
        converted = run_box.folder("out")
        command = [executable, f"-env:UserInstallation={run_box.folder('profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(converted),
                   *map(str, copies)]
        pdfs = [converted / f"{copy.stem}.pdf" for copy in copies]
        try:
            result = box.run(command, run_box, timeout=start_seconds + file_seconds * len(files))
        except subprocess.TimeoutExpired:
            stuck = next(path for path, pdf in zip(files, pdfs) if not pdf.is_file()) if not all(
                pdf.is_file() for pdf in pdfs) else files[-1]
            raise fail("office-timeout", Where(stuck), f"LibreOffice did not finish converting '{stuck.name}' in "
                       f"time ({file_seconds:g} s a file)",
                       "check that it opens in LibreOffice; if it is very large, convert it on its own") from None
        missing = [path.name for path, pdf in zip(files, pdfs) if not pdf.is_file()]
        if result.returncode != 0 or missing:
            raise fail("office-failed", Where(), f"LibreOffice did not produce a PDF of {', '.join(missing) or 'all files'} "
                       f"(exit {result.returncode}): {result.stderr.strip()[:300]}",
                       "check that the file opens in LibreOffice")
        made = []
        for path, pdf in zip(files, pdfs):
            target = out_dir / f"{path.stem}.pdf"
            shutil.move(pdf, target)
            made.append(target)
    return made
