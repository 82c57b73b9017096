"""`briefwright pdf` and `preview` take only files a build wrote, and run LibreOffice and Chromium
boxed: a private HOME, caches and profile per run, removed afterwards, bounded in size and time."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefwright
from briefwright.cli import main

TINY = Path(__file__).parent / "roots" / "tiny"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny project, built once (memo, 5-slide deck and HTML brief) into its build/."""
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(TINY, project)
    assert main(["build", "--project", str(project), "-q", "--product", "memo,deck-5,brief-html"]) == 0
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _list_in_manifest(build: Path, name: str, data: bytes, file_format: str = "docx") -> None:
    """Add an entry as a build would write it (for files the tests put there on purpose)."""
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"].append({"file": name, "format": file_format, "sha256": hashlib.sha256(data).hexdigest()})
    (build / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _refused(capfd: pytest.CaptureFixture[str], argv: list[str], *expected: str) -> None:
    status = main(argv)
    out, err = capfd.readouterr()
    assert status == 1, (status, out, err)
    assert "Traceback" not in err and "internal error" not in err
    for text in expected:
        assert text in err, (text, err)


class Describe_only_built_files:
    def it_refuses_a_text_file_named_docx(self, project: Path, capfd: pytest.CaptureFixture[str]) -> None:
        (project / "build/notes.docx").write_text("not a document\n", encoding="utf-8")
        _refused(capfd, ["pdf", "--project", str(project), str(project / "build/notes.docx")],
                 "notes.docx", "not listed in build/manifest.json")

    def it_refuses_a_listed_name_that_is_a_link_to_a_system_file(self, project: Path,
                                                                 capfd: pytest.CaptureFixture[str]) -> None:
        memo = project / "build/memo-reader.docx"
        memo.unlink()
        memo.symlink_to("/etc/passwd")
        _refused(capfd, ["pdf", "--project", str(project), str(memo)], "memo-reader.docx", "symbolic link")
        assert not (project / "build/pdf").exists()

    def it_refuses_a_huge_file_before_reading_it(self, project: Path, capfd: pytest.CaptureFixture[str]) -> None:
        huge = project / "build/huge.docx"
        with huge.open("wb") as stream:
            stream.truncate(300 * 1024 * 1024)  # sparse: 300 MiB that is no zip
        _list_in_manifest(project / "build", "huge.docx", b"")
        _refused(capfd, ["pdf", "--project", str(project), str(huge)], "huge.docx", "300.0 MiB", "at most 64 MiB")

    def it_refuses_a_file_changed_since_the_build(self, project: Path, capfd: pytest.CaptureFixture[str]) -> None:
        with (project / "build/memo-reader.docx").open("ab") as stream:
            stream.write(b"appended")
        _refused(capfd, ["pdf", "--project", str(project), "--all"], "memo-reader.docx", "sha256 differs")

    def it_refuses_a_file_whose_suffix_is_not_its_format(self, project: Path,
                                                         capfd: pytest.CaptureFixture[str]) -> None:
        data = (project / "build/deck-5-reader.pptx").read_bytes()
        (project / "build/deck.docx").write_bytes(data)
        _list_in_manifest(project / "build", "deck.docx", data, "pptx")
        _refused(capfd, ["preview", "--project", str(project), str(project / "build/deck.docx")],
                 "deck.docx", "suffix")

    def it_refuses_files_beside_no_manifest_or_a_linked_one(self, project: Path, tmp_path: Path,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
        loose = tmp_path / "loose"
        loose.mkdir()
        shutil.copy(project / "build/memo-reader.docx", loose)
        _refused(capfd, ["pdf", "--project", str(project), str(loose / "memo-reader.docx")], "no manifest.json")
        (loose / "manifest.json").symlink_to(project / "build/manifest.json")
        _refused(capfd, ["pdf", "--project", str(project), str(loose / "memo-reader.docx")],
                 "manifest.json", "symbolic link")

    def it_refuses_an_out_folder_with_a_link_in_it(self, project: Path, tmp_path: Path,
                                                   capfd: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / "memo-reader.pdf").symlink_to(tmp_path / "elsewhere.pdf")
        _refused(capfd, ["pdf", "--project", str(project), "--all", "--out", str(out)], "[--out]", "is a link")
        assert not (tmp_path / "elsewhere.pdf").exists()


def _run_boxed_cli(project: Path, tmp_path: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """The command with HOME and TMPDIR pointing at empty folders of the test's own."""
    home, scratch = tmp_path / "home", tmp_path / "scratch"
    home.mkdir()
    scratch.mkdir()
    environment = {**os.environ, "HOME": str(home), "TMPDIR": str(scratch), "XDG_CONFIG_HOME": str(home / ".config"),
                   "XDG_CACHE_HOME": str(home / ".cache"),
                   "PYTHONPATH": str(Path(briefwright.__file__).resolve().parent.parent)}  # this code, from any cwd
    result = subprocess.run([sys.executable, "-m", "briefwright", *argv], cwd=project, env=environment,
                            capture_output=True, text=True, check=False, timeout=600)
    return result, home, scratch


@pytest.mark.office
class Describe_LibreOffice_boxed:
    def it_converts_a_name_that_reads_like_an_option_and_writes_nothing_to_home(self, project: Path,
                                                                                 tmp_path: Path) -> None:
        data = (project / "build/memo-reader.docx").read_bytes()
        (project / "build/-rf.docx").write_bytes(data)
        _list_in_manifest(project / "build", "-rf.docx", data)
        result, home, scratch = _run_boxed_cli(project, tmp_path, "pdf", "./build/-rf.docx",
                                               "build/deck-5-reader.pptx")
        assert result.returncode == 0, result.stderr
        assert (project / "build/pdf/-rf.pdf").read_bytes().startswith(b"%PDF")
        assert (project / "build/pdf/deck-5-reader.pdf").read_bytes().startswith(b"%PDF")
        assert list(home.iterdir()) == [] and list(scratch.iterdir()) == []
        assert (project / "build/-rf.docx").read_bytes() == data

    def it_stops_a_conversion_that_runs_too_long_naming_the_file_and_leaves_nothing(
            self, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        import tempfile

        from briefwright import box
        from briefwright.diagnostics import BriefwrightError
        from briefwright.office import convert_to_pdf

        scratch = Path(tempfile.mkdtemp(prefix="bw-", dir="/tmp"))  # short: the box goes here, not to /tmp
        monkeypatch.setattr(tempfile, "tempdir", str(scratch))
        assert box._short_base() == str(scratch)
        with pytest.raises(BriefwrightError) as raised:
            convert_to_pdf([project / "build/memo-reader.docx"], tmp_path / "pdf", file_seconds=0.0,
                           start_seconds=0.3)
        diagnostic = raised.value.report.items[0]
        assert diagnostic.code == "office-timeout" and "memo-reader.docx" in diagnostic.message
        assert list(scratch.iterdir()) == []
        leftover = [entry for entry in Path("/proc").iterdir() if entry.name.isdigit() and
                    str(scratch).encode() in _cmdline(entry)]
        assert leftover == []
        scratch.rmdir()  # empty: the box was removed


def _cmdline(entry: Path) -> bytes:
    try:
        return (entry / "cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.browser
class Describe_Chromium_boxed:
    def it_prints_and_previews_html_writing_nothing_to_home(self, project: Path, tmp_path: Path) -> None:
        result, home, scratch = _run_boxed_cli(project, tmp_path, "preview", "build/brief-html-reader.html")
        assert result.returncode == 0, result.stderr
        assert (project / "build/preview/brief-html-reader.pdf").read_bytes().startswith(b"%PDF")
        assert list(home.iterdir()) == [] and list(scratch.iterdir()) == []


class Describe_what_is_converted_is_what_was_checked:
    def it_copies_the_checked_bytes_and_refuses_a_swap_to_a_link(self, project: Path, tmp_path: Path) -> None:
        from briefwright.diagnostics import BriefwrightError
        from briefwright.verified import accept

        memo = project / "build/memo-reader.docx"
        keep = tmp_path / "keep"
        keep.mkdir()
        copy = accept(memo, keep=keep)
        assert copy == keep / "memo-reader.docx" and copy.read_bytes() == memo.read_bytes()
        memo.unlink()
        memo.symlink_to("/etc/passwd")
        with pytest.raises(BriefwrightError) as raised:
            accept(memo, keep=tmp_path)
        assert raised.value.report.items[0].code == "file-link"
