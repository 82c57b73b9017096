"""The command line: help everywhere, clear errors, exit codes, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BuiltExample, cli_in_process, copy_project

COMMANDS = ["build", "check", "list", "plan"]


@pytest.fixture(scope="module")
def example_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example for the commands that only read it (check, list, plan): the first one
    verifies it and keeps the verification in its build folder, as a user's project would; never change it."""
    return copy_project(tmp_path_factory.mktemp("cli") / "project")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefwright", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)


class Describe_cli:
    # Help and the errors of a missing project or product run `python -m briefwright` itself (exit
    # status and streams of a real process); finding the project, a failed check, list, plan and the
    # builds run the same `main` in this process (the shared build, built_example, is a real process).
    @pytest.mark.parametrize("command", COMMANDS)
    def it_has_help_for_every_command(self, command: str, tmp_path: Path) -> None:
        result = run(command, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "usage: briefwright" in result.stdout

    def it_finds_the_project_by_walking_up(self, example_root: Path) -> None:
        result = cli_in_process("check", cwd=example_root / "content")
        assert result.returncode == 0, result.stderr
        assert "quotes verified" in result.stdout

    def it_builds_into_the_out_folder(self, built_example: BuiltExample) -> None:
        # The shared build is `build --project ROOT --out OUT`, run from a folder that holds both.
        result = built_example.run
        assert result.returncode == 0, result.stderr
        assert not (built_example.root / "build").exists()  # --out, not the project's own build folder
        names = {p.name for p in built_example.out.iterdir()}
        products = {n for n in names if n.endswith((".docx", ".pptx", ".html"))}
        assert len(products) == 7 and {"memo-analyst.docx", "deck-10-analyst.pptx", "brief-html-analyst.html"} <= products
        for name in products:  # every product has its evidence map beside it
            stem = name.rsplit(".", 1)[0]
            assert {f"{stem}.evidence.json", f"{stem}.evidence.md"} <= names

    def it_keeps_deck_as_an_alias_of_deck_10(self, project_dir: Path, tmp_path: Path) -> None:
        result = cli_in_process("build", "--product", "deck", "--out", str(tmp_path / "out"), cwd=project_dir)
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == \
            ["deck-10-analyst.evidence.json", "deck-10-analyst.evidence.md", "deck-10-analyst.pptx", "manifest.json"]
        assert "(10 slides;" in result.stdout

    def it_builds_a_single_product(self, project_dir: Path, tmp_path: Path) -> None:
        result = cli_in_process("build", "--product", "memo", "--out", str(tmp_path / "out"), cwd=project_dir)
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == \
            ["manifest.json", "memo-analyst.docx", "memo-analyst.evidence.json", "memo-analyst.evidence.md"]

    def it_builds_several_products_for_several_audiences_named_either_way(self, project_dir: Path,
                                                                         tmp_path: Path) -> None:
        result = cli_in_process("build", "--product", "memo", "--product", "deck-5,brief-html",
                                "--audience", "analyst,defence", "--out", str(tmp_path / "out"), cwd=project_dir)
        assert result.returncode == 0, result.stderr
        built = sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix in (".docx", ".pptx", ".html"))
        assert built == [f"{product}-{audience}{suffix}" for product, suffix in
                         (("brief-html", ".html"), ("deck-5", ".pptx"), ("memo", ".docx"))
                         for audience in ("analyst", "defence")]

    def it_fails_check_on_a_tampered_quote_without_a_traceback(self, project_dir: Path) -> None:
        path = project_dir / "content/recommendations.yaml"
        path.write_text(path.read_text().replace("close ties built on mutual trust", "close ties built on trust"))
        result = cli_in_process("check", cwd=project_dir)  # an exception escaping main fails this test
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "content/recommendations.yaml:" in result.stderr and "joint-scenario-planning" in result.stderr

    def it_explains_a_missing_project(self, tmp_path: Path) -> None:
        result = run("build", cwd=tmp_path)
        assert result.returncode == 1
        assert "no briefwright.yaml" in result.stderr and "Traceback" not in result.stderr

    def it_explains_an_unknown_product(self, project_dir: Path) -> None:
        result = run("build", "--product", "poster", cwd=project_dir)
        assert result.returncode == 1
        assert "no product named 'poster'" in result.stderr and "available: " in result.stderr

    def it_lists_products_audiences_modules_and_sources(self, example_root: Path) -> None:
        result = cli_in_process("list", cwd=example_root)
        assert result.returncode == 0
        for expected in ("memo", "brief", "report", "deck-5", "deck-10", "deck-20", "alias: deck", "analyst",
                         "threat-picture", "kotani", "林 翔"):
            assert expected in result.stdout

    def it_explains_the_plan(self, example_root: Path) -> None:
        result = cli_in_process("plan", "memo", cwd=example_root)
        assert result.returncode == 0, result.stderr
        assert "predicted 1 page(s)" in result.stdout and "dropped (" in result.stdout


class Describe_progress:
    def it_draws_one_updating_line_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import io

        from briefwright.commands import common

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        terminal = Terminal()
        monkeypatch.setattr(common.sys, "stderr", terminal)
        show = common.progress(quiet=False)
        assert show is not None
        show(1, 2, "memo × analyst")
        show(2, 2, "deck × analyst")
        assert terminal.getvalue() == "\r\x1b[K[  1/2] memo × analyst\r\x1b[K[  2/2] deck × analyst\n"
        assert common.progress(quiet=True) is None

    def it_stays_silent_when_not_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import io

        from briefwright.commands import common

        monkeypatch.setattr(common.sys, "stderr", io.StringIO())
        assert common.progress(quiet=False) is None
