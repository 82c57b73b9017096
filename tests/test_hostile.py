"""Hostile input: nothing read outside the project, bounded work, clear refusals, and a build
that lands whole or not at all — even when killed or run twice at once."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from briefwright import publish
from tests.conftest import cli_in_process

SECRET = "TOP-SECRET-MARKER-OUTSIDE-THE-PROJECT"
TINY = Path(__file__).resolve().parent / "roots" / "tiny"  # the small project root


def _cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefwright", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, timeout=timeout)


def _refused(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for text in expected:
        assert text in result.stderr, (text, result.stderr[-2000:])
    assert SECRET not in result.stderr + result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _outside_seed(tmp_path: Path) -> Path:
    """A file outside the project whose checksum is recorded, so only confinement can stop it."""
    outside = tmp_path / "outside.txt"
    outside.write_text(f"{SECRET}\n" * 20, encoding="utf-8")
    return outside


def _point_seed_at(project_dir: Path, file_value: str, target: Path) -> None:
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    sources = project_dir / "seeds/sources.yaml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace("file: lim-2022-improving-military-cooperation-with-japan.txt", f"file: {file_value}", 1)
    text = text.replace("5dcec3d64460d6655eafb27083c4c5e56fff2faabc5866d7b12747b959c9bb53", digest, 1)
    sources.write_text(text, encoding="utf-8")


class Describe_paths_from_data:
    @pytest.mark.parametrize("kind", ["dotdot", "absolute", "symlink"])
    def it_refuses_a_seed_outside_the_project_before_reading_it(self, kind: str, project_dir: Path,
                                                                   tmp_path: Path) -> None:
        outside = _outside_seed(tmp_path)
        value = {"dotdot": os.path.relpath(outside, project_dir / "seeds"), "absolute": str(outside),
                 "symlink": "linked.txt"}[kind]
        if kind == "symlink":
            (project_dir / "seeds/linked.txt").symlink_to(outside)
        _point_seed_at(project_dir, value, outside)
        _refused(cli_in_process("check", cwd=project_dir), "seeds/sources.yaml:", "[sources[0].file]",
                 "leads outside seeds/")

    def it_refuses_a_logo_linked_from_outside(self, project_dir: Path, tmp_path: Path) -> None:
        (tmp_path / "logo.png").write_bytes((project_dir / "templates/assets/logo.png").read_bytes())
        (project_dir / "templates/assets/logo.png").unlink()
        (project_dir / "templates/assets/logo.png").symlink_to(tmp_path / "logo.png")
        _refused(cli_in_process("build", "--product", "memo", "--out", "o", cwd=project_dir),
                 "[branding.logo]", "leads outside the project")

    def it_refuses_project_folders_outside_the_project(self, project_dir: Path) -> None:
        _edit(project_dir / "briefwright.yaml", "  seeds: seeds", "  seeds: /etc")
        _refused(cli_in_process("check", cwd=project_dir), "briefwright.yaml:", "[paths.seeds]", "leads outside")


class Describe_limits:
    def it_refuses_a_huge_logo_without_decoding_it(self, project_dir: Path) -> None:
        from PIL import Image
        Image.new("1", (5000, 5000)).save(project_dir / "templates/assets/logo.png")
        started = time.monotonic()
        _refused(cli_in_process("build", "--product", "memo", "--out", "o", cwd=project_dir),
                 "templates/audiences/_japan-taiwan.yaml:", "[branding.logo]", "5000×5000 pixels")
        assert time.monotonic() - started < 20

    def it_refuses_a_zip_bomb_reference_file(self, project_dir: Path) -> None:
        bomb = project_dir / "templates/reference/defence.docx"
        with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as package:
            package.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
        _refused(cli_in_process("build", "--product", "memo", "--audience", "defence", "--out", "o", cwd=project_dir),
                 "templates/audiences/defence.yaml:", "[branding.reference_docx]", "compressed")

    def it_refuses_a_seed_over_the_size_limit(self, project_dir: Path) -> None:
        seed = project_dir / "seeds/lim-2022-improving-military-cooperation-with-japan.txt"
        seed.write_bytes(seed.read_bytes() + b"padding " * (9 * 1024 * 1024 // 8))
        _refused(cli_in_process("check", cwd=project_dir), "[sources[0].file]", "at most 8 MiB")

    def it_refuses_a_yaml_alias_bomb_quickly(self, tmp_path: Path) -> None:
        project_dir = tmp_path / "project"  # the small root: what is claimed is about reading any content file
        shutil.copytree(TINY, project_dir)
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, "
                  f"*a{n - 1}, *a{n - 1}, *a{n - 1}]" for n in range(1, 9)]
        (project_dir / "content/bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        # In this process (what is claimed is the reading, not a process): its CPU, not wall time, as a
        # loaded machine slows the clock, not the work. Expanding the ten billion values would take
        # hours; refusing takes well under a second.
        before = time.process_time()
        _refused(cli_in_process("check", cwd=project_dir), "content/bomb.yaml:", "expands to more than")
        assert time.process_time() - before < 10

    def it_refuses_yaml_nested_too_deep(self, project_dir: Path) -> None:
        (project_dir / "content/deep.yaml").write_text("a: " + "[" * 60 + "]" * 60 + "\n", encoding="utf-8")
        _refused(cli_in_process("check", cwd=project_dir), "content/deep.yaml:", "nested more than")

    @pytest.mark.parametrize("template, expected", [
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "longer than 2 s"),
        ("{% for i in range(100000) %}{{ i }}{% endfor %}", "more than 20,000 characters"),
        ("{{ 'x' * 1000000000 }}", "repeating a value"),
        ("{{ 9 ** 9 ** 9 }}", "powers are limited"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
    ])
    def it_bounds_and_reports_a_text_template(self, template: str, expected: str, tmp_path: Path) -> None:
        # The small root: the claim is about the product's template, which every project's memo renders.
        # In this process, on its main thread, where the build's timer can stop a render as it does in the CLI.
        project_dir = tmp_path / "project"
        shutil.copytree(TINY, project_dir)
        products = project_dir / "templates/products"
        products.mkdir(parents=True, exist_ok=True)
        builtin = Path(__file__).resolve().parents[1] / "src/briefwright/templates/products/memo.yaml"
        text = builtin.read_text(encoding="utf-8").replace('  kicker: Memorandum', f'  kicker: "{template}"')
        assert text != builtin.read_text(encoding="utf-8")
        (products / "memo.yaml").write_text(text, encoding="utf-8")
        started = time.monotonic()
        _refused(cli_in_process("build", "--product", "memo", "--out", "o", cwd=project_dir),
                 "templates/products/memo.yaml:", "[text.kicker]", expected)
        assert time.monotonic() - started < 30
        assert not (project_dir / "o").exists()


class Describe_bad_assets_and_text:
    def it_refuses_a_corrupt_logo(self, project_dir: Path) -> None:
        (project_dir / "templates/assets/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really" * 50)
        _refused(cli_in_process("build", "--product", "memo", "--out", "o", cwd=project_dir),
                 "[branding.logo]", "cannot be read")

    def it_refuses_a_corrupt_reference_file(self, project_dir: Path) -> None:
        (project_dir / "templates/reference/defence.pptx").write_bytes(b"PK\x03\x04 broken")
        _refused(cli_in_process("build", "--product", "deck-5", "--audience", "defence", "--out", "o", cwd=project_dir),
                 "[branding.reference_pptx]", "not a valid Office file")

    def it_refuses_a_nul_in_yaml(self, project_dir: Path) -> None:
        path = project_dir / "content/threat-picture.yaml"
        path.write_bytes(path.read_bytes().replace(b"title: Threat picture", b"title: Threat\x00picture"))
        _refused(cli_in_process("check", cwd=project_dir), "content/threat-picture.yaml", "control characters")

    @pytest.mark.parametrize("escape, code", [("\\a", "U+0007"), ("\\ud800", "U+D800"), ("\\x1b", "U+001B")])
    def it_refuses_control_characters_and_lone_surrogates_by_line_and_field(self, escape: str, code: str,
                                                                            project_dir: Path) -> None:
        _edit(project_dir / "content/threat-picture.yaml",
              "headline: Chinese missiles landed in Japan's EEZ in August 2022",
              f'headline: "Chinese missiles landed{escape} in Japan\'s EEZ in August 2022"')
        _refused(cli_in_process("build", "--product", "memo", "--out", "o", cwd=project_dir),
                 "content/threat-picture.yaml:", "[points[3].headline]", code)
        assert not (project_dir / "o").exists()

    def it_names_the_inherited_profile_that_holds_a_bad_field(self, project_dir: Path) -> None:
        _edit(project_dir / "templates/audiences/_japan-taiwan.yaml", "branding:\n",
              "branding:\n  palette:\n    accent: not-a-colour\n")
        _refused(cli_in_process("build", "--product", "memo", "--audience", "legislator", "--out", "o", cwd=project_dir),
                 "templates/audiences/_japan-taiwan.yaml:", "[branding.palette.accent]")


def _consistent(folder: Path) -> dict[str, str]:
    """Every file the manifest lists is there with the checksum it records; returns file → sha256."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    found = {}
    for entry in manifest["files"]:
        data = (folder / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]
        found[entry["file"]] = entry["sha256"]
    return found


TITLE = "title: Late Buses in Larnwick"
EDITED_TITLE = "title: Late Buses in Larnwick Town"
TINY_FILES = {"memo-reader.docx", "deck-5-reader.pptx"}
STOPPING_BUILD = Path(__file__).resolve().parent / "stopping_build.py"


@pytest.fixture(scope="module")
def built_tiny_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small tests/roots/tiny project, built once (memo and deck): what is claimed here is about
    publishing a build's set of files, which a build of the small root does as the example's does,
    in a third of the time. Copy it (`_built_copy`); never change it."""
    root = tmp_path_factory.mktemp("tiny-built") / "project"
    shutil.copytree(TINY, root)
    assert _cli("build", "--quiet", cwd=root).returncode == 0
    return root


def _built_copy(built_tiny_root: Path, destination: Path) -> Path:
    shutil.copytree(built_tiny_root, destination, symlinks=True)  # times kept: the copy is up to date
    return destination


def _memo_text(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def _stopped_build(project_dir: Path, how: signal.Signals, moment: str) -> subprocess.CompletedProcess[str]:
    """The command line's build, sent `how` by itself at `moment` (see tests/stopping_build.py)."""
    return subprocess.run([sys.executable, "-P", str(STOPPING_BUILD), str(int(how)), moment], cwd=project_dir,
                          capture_output=True, text=True, check=False, timeout=120)


def _staging(project_dir: Path) -> list[Path]:
    return list((project_dir / "build").glob(publish.STAGING_PREFIX + "*"))


def _killed_left_the_set(project_dir: Path, stopped: subprocess.CompletedProcess[str], moment: str,
                         before: dict[str, str], after: dict[str, str]) -> None:
    assert stopped.returncode == -signal.SIGKILL, (moment, stopped.returncode, stopped.stderr[-2000:])
    assert after == before, f"a build killed at {moment} touched the previous set"
    # What it left for the next build: nothing yet; a staging folder without a journal; and at the
    # journal, only its own committed folder (it had removed the one killed at the manifest).
    left = [(path / publish.JOURNAL).is_file() for path in _staging(project_dir)]
    assert left == {"jobs": [], "manifest": [False], "journal": [True]}[moment], moment


def _interrupted_left_the_set(project_dir: Path, stopped: subprocess.CompletedProcess[str], moment: str,
                              before: dict[str, str], after: dict[str, str]) -> None:
    assert stopped.returncode == 130 and "Traceback" not in stopped.stderr, (moment, stopped.stderr[-2000:])
    assert "interrupted" in stopped.stderr
    assert not _staging(project_dir), moment
    if moment != "journal":
        assert after == before, f"a build stopped at {moment} touched the previous set"
    else:  # committed before the Ctrl-C was let through: the whole new set landed
        assert after != before and set(after) == set(before)


class Describe_an_all_or_nothing_build:
    def it_keeps_every_entry_when_two_builds_run_at_once(self, tmp_path: Path) -> None:
        project_dir = tmp_path / "project"
        shutil.copytree(TINY, project_dir)
        for _ in range(3):
            runs = [subprocess.Popen([sys.executable, "-m", "briefwright", "build", "--product", product, "--quiet"],
                                     cwd=project_dir, stderr=subprocess.PIPE, text=True)
                    for product in ("memo", "deck-5")]
            results = [(run.communicate(timeout=120), run.returncode) for run in runs]
            assert [code for _, code in results] == [0, 0], results
            assert set(_consistent(project_dir / "build")) >= TINY_FILES
        assert not _staging(project_dir)

    # Where a stop can land, and what the next build finds (publish.py): before the journal nothing
    # has been touched (a Ctrl-C removes its staging folder; a kill leaves it, lock and all, for the
    # next build to remove); once the journal is written the build is committed (a Ctrl-C waits
    # until the files are in place; a kill leaves them staged for the next build to move).
    # A Ctrl-C: the workers' pool stopped; the staging folder removed; held back until the set landed.
    # A kill: the workers die with the build; its lock freed by its death; the committed set finished next.
    @pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
    def it_leaves_the_previous_set_whole_when_a_build_is_stopped(self, how: signal.Signals, built_tiny_root: Path,
                                                                 tmp_path: Path) -> None:
        project_dir = _built_copy(built_tiny_root, tmp_path / "project")
        before = _consistent(project_dir / "build")
        _edit(project_dir / "content/topic.yaml", TITLE, EDITED_TITLE)
        for moment in ("jobs", "manifest", "journal"):  # in this order: each starts from what the last left
            stopped = _stopped_build(project_dir, how, moment)
            after = _consistent(project_dir / "build")  # whole: each file matches the manifest's checksum
            if how == signal.SIGKILL:
                _killed_left_the_set(project_dir, stopped, moment, before, after)
            else:
                _interrupted_left_the_set(project_dir, stopped, moment, before, after)
        recovering = _cli("build", cwd=project_dir)  # recovers whatever was left, then builds what is missing
        assert recovering.returncode == 0, recovering.stderr[-2000:]
        assert not _staging(project_dir)
        landed = _consistent(project_dir / "build")
        assert landed != before and set(landed) == set(before)  # the new title landed, every file of it
        assert EDITED_TITLE.removeprefix("title: ") in _memo_text(project_dir / "build/memo-reader.docx")

    @pytest.mark.parametrize("module", ["briefwright.cli", "pydantic_core._pydantic_core", "lxml.etree",
                                        "briefwright.build"])
    def it_answers_an_interrupt_during_start_up_with_exit_130(self, module: str, tmp_path: Path) -> None:
        # Importing the command line takes a few tenths of a second; Ctrl-C there is still a clean
        # stop, wherever in the imports it lands: in the command line's own modules, or in compiled
        # extensions' (pydantic-core has turned an interrupt into an error of its own).
        project_dir = tmp_path / "project"
        shutil.copytree(TINY, project_dir)
        stopped = _stopped_build(project_dir, signal.SIGINT, f"importing:{module}")
        assert stopped.returncode == 130 and "Traceback" not in stopped.stderr, (stopped.returncode, stopped.stderr)
        assert "interrupted" in stopped.stderr
        assert not (project_dir / "build").exists()

    def it_ends_a_finished_build_with_its_status_when_ctrl_c_lands_during_shutdown(self, built_tiny_root: Path,
                                                                                  tmp_path: Path) -> None:
        # A rebuild with nothing to do ends within about a second; an interrupt landing after the
        # command returned, or in the exit handlers, is never death by signal (-2) nor a traceback.
        project_dir = _built_copy(built_tiny_root, tmp_path / "project")
        started = time.monotonic()
        assert "built 0 file(s)" in _cli("build", cwd=project_dir).stdout  # the copy is up to date
        duration = time.monotonic() - started
        for moment in ("returned", "exiting"):
            stopped = _stopped_build(project_dir, signal.SIGINT, moment)
            assert stopped.returncode in (0, 130), (moment, stopped.returncode)
            assert "Traceback" not in stopped.stderr, stopped.stderr  # the whole traceback: where it landed
        # And interrupts swept across the end of a real run, timed from what one took just now: they
        # land during the work, after it, or while Python shuts down.
        codes = set()
        for fraction in (0.5, 0.65, 0.8, 0.9, 1.0, 1.1):
            run = subprocess.Popen([sys.executable, "-m", "briefwright", "build", "--quiet"], cwd=project_dir,
                                   stderr=subprocess.PIPE, text=True)
            time.sleep(duration * fraction)
            run.send_signal(signal.SIGINT)
            _, stderr = run.communicate(timeout=120)
            codes.add(run.returncode)
            assert "Traceback" not in stderr, stderr
        assert codes <= {0, 130}, codes

    def it_finishes_a_committed_build_and_drops_an_uncommitted_one(self, built_tiny_root: Path,
                                                                   tmp_path: Path) -> None:
        build = _built_copy(built_tiny_root, tmp_path / "project") / "build"
        good = (build / "memo-reader.docx").read_bytes()
        # A build that died while staging: files staged, no journal.
        dead = build / f"{publish.STAGING_PREFIX}1-dead"
        dead.mkdir()
        (dead / publish.OWNER_FILE).write_text("", encoding="utf-8")
        (dead / "memo-reader.docx").write_bytes(b"half a build")
        # A build that died after committing: journal written, one file not yet moved.
        committed = build / f"{publish.STAGING_PREFIX}2-committed"
        committed.mkdir()
        (committed / publish.OWNER_FILE).write_text("", encoding="utf-8")
        (committed / "extra.txt").write_bytes(b"from the committed build")
        (committed / publish.JOURNAL).write_text(json.dumps({"files": ["extra.txt"]}), encoding="utf-8")
        with publish.destination_lock(build):
            notes = publish.recover(build)
        assert len(notes) == 2
        assert (build / "memo-reader.docx").read_bytes() == good
        assert (build / "extra.txt").read_bytes() == b"from the committed build"
        assert not list(build.glob(publish.STAGING_PREFIX + "*"))


class Describe_product_files:
    @pytest.mark.parametrize("product, style", [("memo", "bullet"), ("deck-5", "point_summary"),
                                                 ("report", "table_cell")])
    def it_names_a_style_the_structure_needs_but_the_file_lacks(self, product: str, style: str,
                                                                 project_dir: Path) -> None:
        builtin = Path(__file__).resolve().parents[1] / f"src/briefwright/templates/products/{product}.yaml"
        lines = [line for line in builtin.read_text(encoding="utf-8").splitlines()
                 if not line.startswith(f"  {style}:")]
        (project_dir / "templates/products").mkdir(parents=True, exist_ok=True)
        (project_dir / f"templates/products/{product}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        _refused(cli_in_process("build", "--product", product, "--out", "o", "--jobs", "1", cwd=project_dir),
                 f"templates/products/{product}.yaml:", "[styles]", style)
