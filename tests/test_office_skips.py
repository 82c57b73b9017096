"""Without LibreOffice the rendering tests skip with one line; CI makes that skip a failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _pytest_without_office(require: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "BRIEFWRIGHT_REQUIRE_OFFICE"}
    env["PATH"] = str(Path(sys.executable).parent)  # no soffice, pdftoppm or pandoc on it
    if require:
        env["BRIEFWRIGHT_REQUIRE_OFFICE"] = "1"
    # Without the hypothesis plugin, which no test here uses: importing hypothesis is most of the run's cost.
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                           "tests/test_memo.py::Describe_memo_as_rendered"],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)


class Describe_a_machine_without_libreoffice:
    def it_skips_the_office_tests_with_one_line(self) -> None:
        result = _pytest_without_office(require=False)
        assert result.returncode == 0, result.stdout
        lines = [line for line in result.stdout.splitlines() if "office test(s) skipped" in line]
        assert len(lines) == 1 and "make office-deps" in lines[0]

    def it_fails_when_ci_requires_them(self) -> None:
        result = _pytest_without_office(require=True)
        assert result.returncode == 1 and "office test(s) skipped" in result.stdout
