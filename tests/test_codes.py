"""The check registry: every code the source reports is listed, and the project file sets severities."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefwright
from briefwright import codes
from briefwright.diagnostics import BriefwrightError, Diagnostic, Report, Severity, Where, configure_checks
from briefwright.project import load_project
from tests.package_source import parsed

PACKAGE = Path(briefwright.__file__).resolve().parent
TINY = Path(__file__).parent / "roots" / "tiny"


def _codes_in_source() -> dict[str, str]:
    """Every code written as a literal where a diagnostic is made: report.error/warning, fail,
    Diagnostic and BriefwrightError(code=...)."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(parsed(path)):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            first = node.args[0] if node.args else None
            if name in ("error", "warning", "fail", "Diagnostic", "Finding", "RenderedFinding") \
                    and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found[first.value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            for keyword in node.keywords:
                if name == "BriefwrightError" and keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                    found[keyword.value.value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


@pytest.fixture
def settings() -> Iterator[None]:
    yield
    configure_checks({})


def _project_with(tmp_path: Path, lines: str) -> Path:
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    with (root / "briefwright.yaml").open("a", encoding="utf-8") as handle:
        handle.write(lines)
    return root


class Describe_the_registry:
    def it_lists_every_code_the_source_reports(self) -> None:
        found = _codes_in_source()
        assert len(found) > 60  # the scan sees the call sites (a broken scan would pass trivially)
        missing = {code: place for code, place in found.items() if codes.lookup(code) is None}
        assert not missing, f"codes not in briefwright/codes.py: {missing}"

    def it_knows_families_and_rejects_strangers(self) -> None:
        family = codes.lookup("schema-int_parsing")
        assert family is not None and family.code == "schema-" and family.stage == "project"
        assert codes.lookup("no-such-check") is None

    def it_gives_each_check_a_stage_a_severity_and_a_summary(self) -> None:
        for check in codes.CHECKS:
            assert check.stage and check.severity in ("error", "warning") and len(check.summary) > 10, check

    def it_prints_the_code_with_every_diagnostic(self) -> None:
        text = Diagnostic("claim-number", Severity.WARNING, Where(Path("content/x.yaml"), 4, "summary"), "m").format()
        assert text.startswith("warning[claim-number]: content/x.yaml:4 [summary]: m")

    def it_lists_the_checks_on_the_command_line(self) -> None:
        done = subprocess.run([sys.executable, "-m", "briefwright", "check", "--list"], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0
        assert "claim-opinion" in done.stdout and "faithfulness:" in done.stdout and "quote-not-found" in done.stdout


class Describe_severities_from_the_project_file:
    def it_raises_a_warning_to_an_error_and_silences_another(self, tmp_path: Path, settings: None) -> None:
        load_project(_project_with(tmp_path, "checks:\n  claim-opinion: error\n  source-uncited: off\n"), explicit=True)
        report = Report()
        report.warning("claim-opinion", Where(), "stated as fact")
        report.warning("source-uncited", Where(), "not cited")
        report.warning("claim-number", Where(), "a number")
        assert [(d.code, d.severity) for d in report.items] == [
            ("claim-opinion", Severity.ERROR), ("claim-number", Severity.WARNING)]
        assert report.failed()

    def it_forgets_one_projects_settings_when_the_next_loads(self, tmp_path: Path, settings: None) -> None:
        load_project(_project_with(tmp_path, "checks:\n  source-uncited: off\n"), explicit=True)
        load_project(TINY, explicit=True)
        report = Report()
        report.warning("source-uncited", Where(), "not cited")
        assert len(report.warnings) == 1

    def it_refuses_an_unknown_code_and_a_lowered_error_with_their_lines(self, tmp_path: Path, settings: None) -> None:
        root = _project_with(tmp_path, "checks:\n  quote-not-found: warning\n  no-such-check: error\n")
        with pytest.raises(BriefwrightError) as caught:
            load_project(root, explicit=True)
        messages = [d.format() for d in caught.value.report.errors]
        lines = (root / "briefwright.yaml").read_text(encoding="utf-8").splitlines()
        assert f"briefwright.yaml:{lines.index('  quote-not-found: warning') + 1}" in messages[0]
        assert "cannot be set to warning" in messages[0]
        assert "no check has the code 'no-such-check'" in messages[1] and "check --list" in messages[1]
