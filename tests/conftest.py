"""Shared fixtures: a private copy of the example project, built outputs, LibreOffice renders."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefwright.build import Output, Workspace, build, collect, template_layers
from briefwright.office import convert_to_pdf
from briefwright.project import load_project

if TYPE_CHECKING:  # the faithfulness rules cost time to load: a pytest run that lints nothing skips them
    from tests.faith_edits import Example

REPO = Path(__file__).resolve().parent.parent
# Tests that need LibreOffice (and the fonts and tools installed beside it) carry the
# "office" marker, or use the fixtures that render. Without LibreOffice they are skipped
# with one line saying so; CI sets BRIEFWRIGHT_REQUIRE_OFFICE=1, and then any skipped
# office test fails the run, so a green CI always means the rendering was checked.
OFFICE_FIXTURES = {"rendered"}
REQUIRE_OFFICE = os.environ.get("BRIEFWRIGHT_REQUIRE_OFFICE") == "1"
OFFICE_MISSING = shutil.which("soffice") is None and shutil.which("libreoffice") is None
# The HTML writer's tests click through its pages in Debian's Chromium, driven by chromedriver;
# they are skipped, and refused in CI, the same way.
BROWSER_MISSING = shutil.which("chromium") is None or shutil.which("chromedriver") is None
_skipped_office: list[str] = []


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if OFFICE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.office)
        if OFFICE_MISSING and item.get_closest_marker("office"):
            item.add_marker(pytest.mark.skip(reason="LibreOffice is not installed"))
        if BROWSER_MISSING and item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason="Chromium or chromedriver is not installed"))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and ("office" in report.keywords or "browser" in report.keywords):
        _skipped_office.append(report.nodeid)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not _skipped_office:
        return
    line = (f"{len(_skipped_office)} office test(s) skipped: LibreOffice, Chromium, their fonts or tools are missing — "
            "run `make office-deps` as root or with sudo (Debian), or see the README")
    terminalreporter.write_line(line, red=REQUIRE_OFFICE, yellow=not REQUIRE_OFFICE)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if REQUIRE_OFFICE and _skipped_office:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
PROJECT_PARTS = ("briefwright.yaml", "seeds", "content", "templates")


ROOTS = REPO / "tests" / "roots"


def _roots_with_a_build() -> set[str]:
    return {path.parent.name for path in ROOTS.glob("*/build")}


@pytest.fixture(autouse=True)
def _test_roots_stay_clean() -> Iterator[None]:
    """A test reads the small project roots in tests/roots but never writes into them (a build/
    left there, e.g. a verification cache, changes what a later test or run sees)."""
    before = _roots_with_a_build()
    yield
    added = sorted(_roots_with_a_build() - before)
    assert not added, (f"the test wrote a build/ into tests/roots/{', '.join(added)}: copy the root to tmp_path, "
                       "or give collect a cache_dir")


@pytest.fixture(scope="session")
def example_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The example collected (loaded and verified) once per session, for tests that read what collect
    gives; its verification cache goes to a scratch folder, never into the repository. Never change it:
    a test that edits only its own copy's templates plans with `with_templates_of`."""
    return collect(load_project(REPO, explicit=True), cache_dir=tmp_path_factory.mktemp("example-workspace"))


def with_templates_of(workspace: Workspace, project_dir: Path) -> Workspace:
    """What collecting the copy at project_dir would give when only its templates were edited: collect
    reads no template to load and verify the sources and content, so those are the collected example's;
    the project and its template layers are the copy's, and the report a copy of its own."""
    project = load_project(project_dir, explicit=True)
    return dataclasses.replace(workspace, project=project, layers=template_layers(project),
                               report=copy.deepcopy(workspace.report))


@pytest.fixture(scope="session")
def example(example_workspace: Workspace) -> Example:
    """The example's claims and lint context, worked out once for every faithfulness test that lints
    an edited claim (tests/faith_edits.py); a module may define its own `example` instead."""
    from tests.faith_edits import example_of

    return example_of(example_workspace)


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A writable copy of the example project, for tests that break things on purpose."""
    return copy_project(tmp_path / "project")


def collect_errors(project_dir: Path) -> list[str]:
    """The formatted errors that collecting (loading and verifying) a broken project reports."""
    from briefwright.build import collect
    from briefwright.diagnostics import BriefwrightError

    with pytest.raises(BriefwrightError) as caught:
        collect(load_project(project_dir, explicit=True))
    return [d.format() for d in caught.value.report.errors]


A4_PROFILE = "extends: analyst\nlabel: Analysts (A4)\npaper: a4\n"


@pytest.fixture(scope="session")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Output]:
    """Every default product, plus the memo for an A4 audience, built once per session."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    (root / "templates/audiences/analyst-a4.yaml").write_text(A4_PROFILE, encoding="utf-8")
    project = load_project(root, explicit=True)
    result = build(project)
    result_a4 = build(project, products=["memo"], audiences=["analyst-a4"])
    return {output.path.name: output for output in result.outputs + result_a4.outputs}


@pytest.fixture(scope="session")
def built(outputs: dict[str, Output]) -> dict[str, Path]:
    return {name: output.path for name, output in outputs.items()}


@pytest.fixture(scope="session")
def rendered(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """PDFs that LibreOffice makes of the built products (one LibreOffice run)."""
    out_dir = tmp_path_factory.mktemp("pdf")
    files = sorted(built.values())
    return {path.name: pdf for path, pdf in zip(files, convert_to_pdf(files, out_dir))}


@dataclass(frozen=True)
class BuiltExample:
    root: Path  # a copy of the example project (never built into, never changed)
    out: Path  # where a command-line build of it put every default product: a folder outside root
    seconds: float  # how long that build took, wall time: what a full build costs on this machine now
    run: subprocess.CompletedProcess[str]  # `build --project ROOT --out OUT`, run from OUT's parent folder

    def copy_to(self, destination: Path) -> Path:
        """A writable copy of the project with the build in its build/ folder, up to date (times are kept)."""
        assert self.run.returncode == 0, self.run.stderr
        shutil.copytree(self.root, destination, symlinks=True)
        shutil.copytree(self.out, destination / "build", symlinks=True)
        return destination


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> BuiltExample:
    """The example built once by `briefwright build --project … --out …` from outside the project,
    for tests whose claim starts from a project that was built before (copy it with `copy_to`;
    never change it) and for the command line's own claims about that build."""
    folder = tmp_path_factory.mktemp("built-example")
    root, out = copy_project(folder / "project"), folder / "out"
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "briefwright", "build", "--project", str(root), "--out", str(out)],
                          cwd=folder, capture_output=True, text=True, check=False, timeout=300)
    return BuiltExample(root, out, time.monotonic() - started, done)


def cli_in_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line's `main`, run in this process from `cwd`: its exit status and what it
    printed, shaped like subprocess.run's answer. For claims about what a command reports or
    refuses, not about a process starting or stopping (those run `python -m briefwright`): it
    spares the interpreter's start and the package's import, most of a short command's cost.
    An exception that escapes `main` fails the test, as a traceback would."""
    from briefwright.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return subprocess.CompletedProcess(["briefwright", *args], status, out.getvalue(), err.getvalue())
