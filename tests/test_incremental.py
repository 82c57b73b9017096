"""Rebuilding: workers change no byte, unchanged products are skipped, each format loads only its
own writer. (Speed itself is measured by `make bench`, not asserted here.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefwright.build import build
from briefwright.diagnostics import BriefwrightError
from briefwright.project import load_project
from tests.conftest import copy_project

TINY = Path(__file__).resolve().parent / "roots" / "tiny"


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A writable copy of the small tests/roots/tiny project, with a second audience: what is claimed
    here is about rebuilding any project, which the small root shows as the example does, for less."""
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    (root / "templates/audiences/public.yaml").write_text("extends: reader\nlabel: The public\n"
                                                          "addressee: Larnwick residents\n", encoding="utf-8")
    return root


def _bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if not path.name.startswith(".")}


class Describe_workers:
    def it_writes_the_same_bytes_with_one_worker_or_several(self, tiny_dir: Path, tmp_path: Path) -> None:
        project = load_project(tiny_dir, explicit=True)
        build(project, products=["memo", "deck-5", "brief"], audiences=["reader", "public"],
              out_dir=tmp_path / "one", jobs=1)
        build(project, products=["memo", "deck-5", "brief"], audiences=["reader", "public"],
              out_dir=tmp_path / "two", jobs=2)
        assert _bytes(tmp_path / "one") == _bytes(tmp_path / "two")
        assert len(_bytes(tmp_path / "one")) == 6 * 3 + 1


class Describe_an_unchanged_build:
    def it_skips_every_file_whose_inputs_did_not_change(self, tiny_dir: Path, tmp_path: Path) -> None:
        project = load_project(tiny_dir, explicit=True)
        first = build(project, products=["memo", "deck-5"], out_dir=tmp_path / "out")
        before = _bytes(tmp_path / "out")
        again = build(project, products=["memo", "deck-5"], out_dir=tmp_path / "out")
        assert again.outputs == [] and sorted(p.name for p in again.up_to_date) == sorted(
            o.path.name for o in first.outputs)
        assert _bytes(tmp_path / "out") == before

    def it_rebuilds_when_any_input_changes(self, tiny_dir: Path, tmp_path: Path) -> None:
        project = load_project(tiny_dir, explicit=True)
        build(project, products=["memo"], out_dir=tmp_path / "out")
        profile = tiny_dir / "templates/audiences/reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "\n# a comment changes the inputs\n",
                           encoding="utf-8")
        assert [o.path.name for o in build(project, products=["memo"], out_dir=tmp_path / "out").outputs] == \
            ["memo-reader.docx"]

    def it_rebuilds_a_file_that_was_removed_or_altered(self, tiny_dir: Path, tmp_path: Path) -> None:
        project = load_project(tiny_dir, explicit=True)
        build(project, products=["memo", "deck-5"], audiences=["reader", "public"], out_dir=tmp_path / "out")
        (tmp_path / "out/memo-reader.docx").write_bytes(b"edited by hand")
        (tmp_path / "out/deck-5-reader.evidence.json").unlink()
        rebuilt = build(project, products=["memo", "deck-5"], audiences=["reader", "public"], out_dir=tmp_path / "out")
        assert sorted(o.path.name for o in rebuilt.outputs) == ["deck-5-reader.pptx", "memo-reader.docx"]

    def it_rechecks_under_strict_what_was_built_with_warnings(self, project_dir: Path, tmp_path: Path) -> None:
        # The example: its memo builds without a warning but for the one added here (the small root's
        # memo is under-filled, a warning of its own).
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


_PROBE = ("import sys; from briefwright.cli import main; "
          "rc = main(['build', '--product', sys.argv[1], '--quiet', '--out', sys.argv[2], '--jobs', '1']); "
          "print(rc, *(name in sys.modules for name in sys.argv[3:]))")
_MODULES = ["pptx", "docx", "fontTools", "xml.sax.saxutils", "urllib.request"]


def _loaded_by_a_build(product: str, project_dir: Path, out: Path) -> dict[str, bool]:
    """Which of _MODULES a fresh interpreter has imported after `build --product PRODUCT`."""
    result = subprocess.run([sys.executable, "-c", _PROBE, product, str(out), *_MODULES], cwd=project_dir,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    code, *loaded = result.stdout.split()[-1 - len(_MODULES):]
    assert code == "0", result.stdout
    return dict(zip(_MODULES, (flag == "True" for flag in loaded)))


@pytest.fixture(scope="module")
def memo_build_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bool]:
    """What building the example's memo imports: one run, asked about by both tests below."""
    root = copy_project(tmp_path_factory.mktemp("lazy") / "project")
    return _loaded_by_a_build("memo", root, root / "out")


class Describe_lazy_writers:
    def it_loads_only_the_writer_a_build_needs(self, memo_build_modules: dict[str, bool], tiny_dir: Path,
                                              tmp_path: Path) -> None:
        assert (memo_build_modules["pptx"], memo_build_modules["docx"]) == (False, True)
        deck = _loaded_by_a_build("deck-5", tiny_dir, tmp_path / "deck-5")  # any project's deck
        assert (deck["pptx"], deck["docx"]) == (True, False)

    def it_leaves_out_what_a_build_with_the_shipped_fonts_never_uses(self, memo_build_modules: dict[str, bool]) -> None:
        """fontTools reads installed fonts only; xml.sax.saxutils pulls in urllib and http. Both
        cost start-up time on every command and neither is needed for the example's memo."""
        assert [memo_build_modules[name] for name in ("fontTools", "xml.sax.saxutils", "urllib.request")] == \
            [False, False, False]


class Describe_assets_outside_templates:
    def it_rebuilds_when_a_logo_kept_elsewhere_in_the_project_changes(self, tiny_dir: Path,
                                                                       tmp_path: Path) -> None:
        from PIL import Image

        (tiny_dir / "brand").mkdir()
        Image.new("RGB", (120, 40), "navy").save(tiny_dir / "brand/logo.png")
        profile = tiny_dir / "templates/audiences/reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "branding:\n  logo: ../brand/logo.png\n",
                           encoding="utf-8")
        project = load_project(tiny_dir, explicit=True)
        first = build(project, products=["memo"], out_dir=tmp_path / "out")
        Image.new("RGB", (120, 40), "darkred").save(tiny_dir / "brand/logo.png")
        again = build(project, products=["memo"], out_dir=tmp_path / "out")
        assert [o.path.name for o in again.outputs] == ["memo-reader.docx"], "a changed logo must be rebuilt"
        assert again.outputs[0].data != first.outputs[0].data
