"""LibreOffice, the client we can run: convert outputs to PDF with a throwaway profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from briefwright.diagnostics import Where, fail

INSTALL_HINT = ("install LibreOffice headless: apt-get install libreoffice-writer-nogui "
                "libreoffice-impress-nogui fonts-noto-cjk fonts-liberation fonts-crosextra-carlito "
                "fonts-crosextra-caladea")


def soffice_path() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise fail("office-missing", Where(), "LibreOffice (soffice) is not installed", INSTALL_HINT)


def convert_to_pdf(files: list[Path], out_dir: Path, timeout: float = 300) -> list[Path]:
    """Convert several files in one LibreOffice run; returns the PDFs in the same order."""
    executable = soffice_path()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefwright-lo-") as profile:
        command = [executable, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    pdfs = [out_dir / f"{path.stem}.pdf" for path in files]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if result.returncode != 0 or missing:
        raise fail("office-failed", Where(), f"LibreOffice did not produce {', '.join(missing) or 'all PDFs'} "
                   f"(exit {result.returncode}): {result.stderr.strip()[:300]}")
    return pdfs
