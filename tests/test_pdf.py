"""`briefwright pdf`: every built file to PDF, LibreOffice and Chromium each started once for all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import pdf


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefwright", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, timeout=600)


@pytest.mark.office
@pytest.mark.browser
class Describe_pdf:
    def it_converts_every_built_file_with_the_pages_the_plan_promised(self, built: dict[str, Path],
                                                                       tmp_path: Path) -> None:
        project = built["memo-analyst.docx"].parents[1]
        result = _run("pdf", "--all", "--project", str(project), "--out", str(tmp_path / "pdf"), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        made = {p.name for p in (tmp_path / "pdf").glob("*.pdf")}
        assert {f"{Path(name).stem}.pdf" for name in built} <= made
        assert pdf.page_count(tmp_path / "pdf/memo-analyst.pdf") == 1
        assert pdf.page_count(tmp_path / "pdf/deck-10-analyst.pdf") == 10
        assert pdf.page_count(tmp_path / "pdf/brief-html-analyst.pdf") == 2  # printed by Chromium, its @page rules


class Describe_pdf_refusals:
    def it_names_a_file_that_does_not_exist(self, project_dir: Path) -> None:
        result = _run("pdf", "build/nothing.docx", cwd=project_dir)
        assert result.returncode == 1 and "not found: build/nothing.docx" in result.stderr
        assert "Traceback" not in result.stderr
