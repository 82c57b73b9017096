"""Rebuilding: workers change no byte, unchanged products are skipped, each format loads only its
own writer. (Speed itself is measured by `make bench`, not asserted here.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefwright.build import build
from briefwright.diagnostics import BriefwrightError
from briefwright.project import load_project


def _bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if not path.name.startswith(".")}


class Describe_workers:
    def it_writes_the_same_bytes_with_one_worker_or_several(self, project_dir: Path, tmp_path: Path) -> None:
        project = load_project(project_dir, explicit=True)
        build(project, products=["memo", "deck-5", "brief"], audiences=["analyst", "public"],
              out_dir=tmp_path / "one", jobs=1)
        build(project, products=["memo", "deck-5", "brief"], audiences=["analyst", "public"],
              out_dir=tmp_path / "two", jobs=2)
        assert _bytes(tmp_path / "one") == _bytes(tmp_path / "two")
        assert len(_bytes(tmp_path / "one")) == 6 * 3 + 1


class Describe_an_unchanged_build:
    def it_skips_every_file_whose_inputs_did_not_change(self, project_dir: Path, tmp_path: Path) -> None:
        project = load_project(project_dir, explicit=True)
        first = build(project, products=["memo", "deck-5"], out_dir=tmp_path / "out")
        before = _bytes(tmp_path / "out")
        again = build(project, products=["memo", "deck-5"], out_dir=tmp_path / "out")
        assert again.outputs == [] and sorted(p.name for p in again.up_to_date) == sorted(
            o.path.name for o in first.outputs)
        assert _bytes(tmp_path / "out") == before

    def it_rebuilds_when_any_input_changes(self, project_dir: Path, tmp_path: Path) -> None:
        project = load_project(project_dir, explicit=True)
        build(project, products=["memo"], out_dir=tmp_path / "out")
        profile = project_dir / "templates/audiences/analyst.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "\n# a comment changes the inputs\n",
                           encoding="utf-8")
        assert [o.path.name for o in build(project, products=["memo"], out_dir=tmp_path / "out").outputs] == \
            ["memo-analyst.docx"]

    def it_rebuilds_a_file_that_was_removed_or_altered(self, project_dir: Path, tmp_path: Path) -> None:
        project = load_project(project_dir, explicit=True)
        build(project, products=["memo", "deck-5"], out_dir=tmp_path / "out")
        (tmp_path / "out/memo-analyst.docx").write_bytes(b"edited by hand")
        (tmp_path / "out/deck-5-analyst.evidence.json").unlink()
        rebuilt = build(project, products=["memo", "deck-5"], out_dir=tmp_path / "out")
        assert sorted(o.path.name for o in rebuilt.outputs) == ["deck-5-analyst.pptx", "memo-analyst.docx"]

    def it_rechecks_under_strict_what_was_built_with_warnings(self, project_dir: Path, tmp_path: Path) -> None:
        topic = project_dir / "content/threat-picture.yaml"
        topic.write_text(topic.read_text(encoding="utf-8").replace(
            "    priority: 3\n    tags: [strategic, china]\n",
            "    priority: 3\n    tags: [strategic, china]\n    waive:\n      - rule: claim-opinion\n"
            "        reason: a waiver that matches nothing, so the build warns\n"), encoding="utf-8")
        project = load_project(project_dir, explicit=True)
        warned = build(project, products=["memo"], out_dir=tmp_path / "out")
        assert [d.code for d in warned.report.warnings] == ["waiver-unused"]
        assert build(project, products=["memo"], out_dir=tmp_path / "out").up_to_date  # not strict: reused
        with pytest.raises(BriefwrightError):  # strict: checked again, and the warning fails it
            build(project, products=["memo"], out_dir=tmp_path / "out", strict=True)


class Describe_lazy_writers:
    def it_loads_only_the_writer_a_build_needs(self, project_dir: Path, tmp_path: Path) -> None:
        probe = ("import sys; from briefwright.cli import main; "
                 "rc = main(['build', '--product', sys.argv[1], '--quiet', '--out', sys.argv[2], '--jobs', '1']); "
                 "print('pptx' in sys.modules, 'docx' in sys.modules)")
        for product, expected in (("memo", "False True"), ("deck-5", "True False")):
            result = subprocess.run([sys.executable, "-c", probe, product, str(tmp_path / product)],
                                    cwd=project_dir, capture_output=True, text=True, check=False)
            assert result.returncode == 0, result.stderr
            assert result.stdout.split()[-2:] == expected.split(), (product, result.stdout)

    def it_leaves_out_what_a_build_with_the_shipped_fonts_never_uses(self, project_dir: Path, tmp_path: Path) -> None:
        """fontTools reads installed fonts only; xml.sax.saxutils pulls in urllib and http. Both
        cost start-up time on every command and neither is needed for the example's memo."""
        probe = ("import sys; from briefwright.cli import main; "
                 "rc = main(['build', '--product', 'memo', '--quiet', '--out', sys.argv[1], '--jobs', '1']); "
                 "print(rc, 'fontTools' in sys.modules, 'xml.sax.saxutils' in sys.modules, 'urllib.request' in sys.modules)")
        result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "memo")], cwd=project_dir,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[-4:] == ["0", "False", "False", "False"], result.stdout


class Describe_assets_outside_templates:
    def it_rebuilds_when_a_logo_kept_elsewhere_in_the_project_changes(self, project_dir: Path,
                                                                       tmp_path: Path) -> None:
        from PIL import Image

        (project_dir / "brand").mkdir()
        Image.new("RGB", (120, 40), "navy").save(project_dir / "brand/logo.png")
        shared = project_dir / "templates/audiences/_japan-taiwan.yaml"
        shared.write_text(shared.read_text(encoding="utf-8").replace("logo: assets/logo.png", "logo: ../brand/logo.png"),
                          encoding="utf-8")
        project = load_project(project_dir, explicit=True)
        first = build(project, products=["memo"], out_dir=tmp_path / "out")
        Image.new("RGB", (120, 40), "darkred").save(project_dir / "brand/logo.png")
        again = build(project, products=["memo"], out_dir=tmp_path / "out")
        assert [o.path.name for o in again.outputs] == ["memo-analyst.docx"], "a changed logo must be rebuilt"
        assert again.outputs[0].data != first.outputs[0].data
