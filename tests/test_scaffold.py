"""Starting a project: a clean start, the example from an installed wheel, profiles checked
against the content they are used with."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from briefwright.build import Output, Workspace, check_audiences
from briefwright.diagnostics import Report
from briefwright.measure import fontmetrics
from briefwright.scaffold import init_project
from tests.conftest import cli_in_process, with_templates_of

REPO = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefwright", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, env=env)


class Describe_a_clean_start:
    # What init and check report and refuse: the command line's main, run in this process.
    def it_leaks_nothing_of_the_example(self, tmp_path: Path) -> None:
        project = init_project(tmp_path / "new")
        audiences = sorted(p.name for p in (project / "templates/audiences").iterdir())
        assert audiences == ["reader.yaml"]
        text = "\n".join(p.read_text(encoding="utf-8") for p in project.rglob("*.yaml"))
        for leak in ("Japan", "Taiwan", "analyst", "acronyms", "GCTF", "Kotani"):
            assert leak not in text, leak
        assert not list((project / "seeds").glob("*.txt"))

    def it_says_what_to_add_first(self, tmp_path: Path) -> None:
        init_project(tmp_path / "new")
        result = cli_in_process("check", "--project", str(tmp_path / "new"), cwd=tmp_path)  # an exception fails it
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "seeds/sources.yaml" in result.stderr and "lists no sources" in result.stderr
        assert "no module files" in result.stderr

    def it_names_the_commands_that_bring_sources_and_evidence_in(self, tmp_path: Path) -> None:
        result = cli_in_process("init", str(tmp_path / "fresh"), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        next_step = result.stdout.splitlines()[-1]
        assert next_step.startswith("next: `briefwright add-source FILE…`")
        assert "`briefwright quote find`" in next_step and "`briefwright check`" in next_step

    def it_refuses_a_folder_that_is_not_empty(self, tmp_path: Path) -> None:
        (tmp_path / "taken").mkdir()
        (tmp_path / "taken/file.txt").write_text("x", encoding="utf-8")
        result = cli_in_process("init", str(tmp_path / "taken"), cwd=tmp_path)
        assert result.returncode == 1 and "not empty" in result.stderr


class Describe_the_example_from_an_installed_wheel:
    def it_ships_and_builds(self, tmp_path: Path, outputs: dict[str, Output]) -> None:
        wheel_dir = tmp_path / "wheel"
        # Built from a copy: setuptools builds in the source tree's build/ (our outputs folder), and
        # a build/lib left there by an earlier layout would slip stale modules into the wheel.
        source = tmp_path / "source"
        shutil.copytree(REPO, source, symlinks=True,
                        ignore=shutil.ignore_patterns("build", ".venv", ".git", "__pycache__", ".pytest_cache",
                                                      "*.egg-info"))
        made = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir),
                               str(source)], capture_output=True, text=True, check=False)
        assert made.returncode == 0, made.stderr
        wheel = next(wheel_dir.glob("briefwright-*.whl"))
        names = zipfile.ZipFile(wheel).namelist()
        assert "briefwright/writers/evidence.js" in names and not any("/render/" in name for name in names)
        assert "briefwright/example/seeds/sources.yaml" in names and "briefwright/starter/briefwright.yaml" in names
        assert sum(name.startswith("briefwright/metrics/") and name.endswith(".json") for name in names) == \
            len(fontmetrics.SHIPPED) == 18
        # The wheel's package, not the source tree's, on a path with no fontconfig.
        site = tmp_path / "site"
        zipfile.ZipFile(wheel).extractall(site)
        env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(site), "HOME": str(tmp_path)}
        created = _run("init", str(tmp_path / "example"), "--example", cwd=tmp_path, env=env)
        assert created.returncode == 0, created.stderr
        built = _run("build", "--product", "memo,brief-html", "--quiet", cwd=tmp_path / "example", env=env)
        assert built.returncode == 0, built.stderr
        # The source tree's build of the example (the session's, in this process): byte for byte the same.
        for name in ("memo-analyst.docx", "brief-html-analyst.html"):  # the HTML writer's script ships too
            assert (tmp_path / "example/build" / name).read_bytes() == outputs[name].data, name


class Describe_profiles_against_the_content:
    def it_reports_unknown_modules_weights_and_tags_with_file_and_line(self, project_dir: Path,
                                                                         example_workspace: Workspace) -> None:
        shared = project_dir / "templates/audiences/_japan-taiwan.yaml"
        shared.write_text(shared.read_text(encoding="utf-8").replace(
            "module_order: [threat-picture,", "module_order: [threats,"), encoding="utf-8")
        defence = project_dir / "templates/audiences/defence.yaml"
        defence.write_text(defence.read_text(encoding="utf-8").replace(
            "module_weights: {threat-picture: 1.5,", "module_weights: {threat: 1.5,").replace(
            "exclude: [economic, dialogue]", "exclude: [economy, dialogue]"), encoding="utf-8")
        workspace = with_templates_of(example_workspace, project_dir)  # only the profiles were edited
        report = Report()
        check_audiences(workspace, ["defence", "analyst"], report)
        found = {(d.code, str(d.where).split(" ")[0]) for d in report.warnings}
        assert ("audience-unknown-module", "templates/audiences/_japan-taiwan.yaml:6") in found  # inherited
        assert any(code == "audience-unknown-module" and where.startswith("templates/audiences/defence.yaml:")
                   for code, where in found)
        assert any(d.code == "audience-unknown-tag" and "'economy'" in d.message for d in report.warnings)

    def it_fails_a_strict_build(self, project_dir: Path) -> None:
        public = project_dir / "templates/audiences/public.yaml"
        public.write_text(public.read_text(encoding="utf-8").replace("exclude: [gray-zone]", "exclude: [grey-zone]"),
                          encoding="utf-8")
        result = cli_in_process("build", "--audience", "public", "--product", "memo", "--strict", "--out", "o",
                                cwd=project_dir)
        assert result.returncode == 1 and "grey-zone" in result.stderr and "public.yaml:" in result.stderr
        assert not (project_dir / "o").exists()
