"""The build as a whole: determinism, atomic writes, nothing written on failure."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefwright.build import Output, build
from briefwright.diagnostics import BriefwrightError
from briefwright.output import FIXED_ZIP_TIME, write_atomic
from briefwright.project import load_project
from tests.conftest import BuiltExample


class Describe_determinism:
    def it_gives_identical_bytes_for_identical_inputs(self, outputs: dict[str, Output],
                                                      built_example: BuiltExample) -> None:
        # Two shared builds of the example, each from its own copy into its own folder: every default
        # product built in this process (`outputs`), and built by the command line in another process
        # (another hash seed). (Two builds in one process are compared by test_incremental's workers test.)
        assert built_example.run.returncode == 0, built_example.run.stderr
        names = sorted(name for name in outputs if "-analyst." in name)  # not the A4 audience's memo
        assert names == ["brief-analyst.docx", "brief-html-analyst.html", "deck-10-analyst.pptx", "deck-20-analyst.pptx",
                         "deck-5-analyst.pptx",
                         "memo-analyst.docx", "report-analyst.docx"]
        for name in names:
            assert outputs[name].path.parent != built_example.out
            assert outputs[name].path.read_bytes() == (built_example.out / name).read_bytes(), name

    def it_fixes_zip_entry_times(self, built: dict[str, Path]) -> None:
        for path in built.values():
            if path.suffix == ".html":
                continue  # a page, not a package
            with zipfile.ZipFile(path) as package:
                assert {info.date_time for info in package.infolist()} == {FIXED_ZIP_TIME}


class Describe_failure:
    def it_writes_nothing_when_verification_fails(self, project_dir: Path) -> None:
        path = project_dir / "content/threat-picture.yaml"
        path.write_text(path.read_text().replace("five of which landed", "six of which landed"))
        out = project_dir / "build"
        with pytest.raises(BriefwrightError):
            build(load_project(project_dir, explicit=True), out_dir=out)
        assert not out.exists() or not any(out.iterdir())

    def it_keeps_the_previous_file_when_a_write_fails(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = tmp_path / "memo.docx"
        target.write_bytes(b"old")

        def failing_replace(source: str, destination: Path) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("briefwright.output.os.replace", failing_replace)
        with pytest.raises(OSError):
            write_atomic(target, b"new")
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["memo.docx"]  # no temporary file left behind


class Describe_product_names:
    def it_writes_one_file_for_a_product_asked_for_by_alias_and_by_name(self, project_dir: Path,
                                                                         tmp_path: Path) -> None:
        result = build(load_project(project_dir, explicit=True), products=["deck", "deck-10"], out_dir=tmp_path)
        assert [o.path.name for o in result.outputs] == ["deck-10-analyst.pptx"]
        assert sorted(p.name for p in tmp_path.glob("*.pptx")) == ["deck-10-analyst.pptx"]
