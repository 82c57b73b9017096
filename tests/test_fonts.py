"""Fonts: Office names in the files, exact metrics shipped, nothing to install to build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefwright.build import Output, build
from briefwright.diagnostics import BriefwrightError
from briefwright.measure import fontmetrics, fonts
from briefwright.measure.text import Segment, wrap
from briefwright.project import load_project

REPO = Path(__file__).resolve().parent.parent
TINY = REPO / "tests" / "roots" / "tiny"  # the small project root


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch):
    """A machine with no fonts at all: fontconfig gone, the font folders empty."""
    monkeypatch.setattr(fonts, "_FONT_DIRS", ())
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    fonts.find_face.cache_clear()
    yield
    fonts.find_face.cache_clear()


def _part(package: Path, name: str) -> str:
    """One part of a built file, read from the file on disk."""
    with zipfile.ZipFile(package) as opened:
        return opened.read(name).decode("utf-8")


class Describe_shipped_metrics:
    @pytest.mark.office  # needs Debian's fonts-liberation, -crosextra-* and -noto-cjk (CI installs them)
    @pytest.mark.parametrize("entry", fontmetrics.SHIPPED, ids=lambda e: e.file)
    def it_matches_the_installed_font_glyph_for_glyph(self, entry: fontmetrics.Snapshot) -> None:
        path = Path(entry.font_file)
        if not path.exists():
            pytest.skip(f"{path} is not installed")
        units, advances, _, line_height = fontmetrics.advances_from_font(path, entry.index)
        shipped = fontmetrics.load(entry).widths
        assert shipped == {code: advance / units for code, advance in advances.items()}
        assert fontmetrics.load(entry).line_height == pytest.approx(line_height, abs=1e-6)

    def it_measures_office_names_with_their_metric_compatible_twins(self) -> None:
        assert fontmetrics.shipped("Arial", False, False, east_asian=False).family == "Liberation Sans"
        assert fontmetrics.shipped("Times New Roman", True, True, east_asian=False).file == \
            "liberation-serif-bold-italic.json"
        assert fontmetrics.shipped("Calibri", True, False, east_asian=False).file == "carlito-bold.json"
        assert fontmetrics.shipped("Cambria", False, True, east_asian=False).file == "caladea-italic.json"
        assert fontmetrics.shipped("Yu Gothic", False, False, east_asian=True).family == "Noto Sans CJK JP"
        assert fontmetrics.shipped("Yu Gothic", False, False, east_asian=False) is None  # never for Latin text

    def it_measures_italics_with_italic_metrics(self, no_system_fonts: None) -> None:
        upright = fonts.find_face("Times New Roman")
        italic = fonts.find_face("Times New Roman", italic=True)
        text = "The Foreign Policy Research Institute calls the post a military attaché."
        italic_width, upright_width = sum(map(italic.advance, text)) * 10, sum(map(upright.advance, text)) * 10
        assert abs(italic_width - upright_width) > 2  # the faces differ (here the italic is wider)
        # A measure between the two: only the right face gives the right number of lines.
        width = (italic_width + upright_width) / 2
        lines = {face: len(wrap([Segment(text, face, 10)], width)) for face in (italic, upright)}
        assert lines[italic] == (1 if italic_width < width else 2)
        assert lines[italic] != lines[upright]


class Describe_a_machine_without_fonts:
    def it_builds_byte_identical_files(self, project_dir: Path, no_system_fonts: None,
                                       outputs: dict[str, Output]) -> None:
        result = build(load_project(project_dir, explicit=True), products=["memo", "deck-5"],
                       out_dir=project_dir / "out")
        for output in result.outputs:
            assert output.path.read_bytes() == outputs[output.path.name].path.read_bytes(), output.path.name

    def it_names_a_font_it_cannot_measure(self, tmp_path: Path, no_system_fonts: None) -> None:
        project_dir = Path(shutil.copytree(TINY, tmp_path / "project"))  # the small root: any profile's font
        profile = project_dir / "templates/audiences/reader.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "branding:\n  fonts:\n    body: Garamond\n",
                           encoding="utf-8")
        with pytest.raises(BriefwrightError) as caught:
            build(load_project(project_dir, explicit=True), products=["memo"], out_dir=project_dir / "out")
        message = caught.value.report.errors[0].format()
        assert "'Garamond'" in message and "Calibri or Cambria" in message
        assert "templates/audiences/reader.yaml:" in message and "branding.fonts.body" in message

    def it_runs_from_the_command_line_without_fontconfig(self, project_dir: Path, tmp_path: Path) -> None:
        # PATH without fc-match; the shipped metrics do the measuring.
        bin_dir = Path(sys.executable).parent
        run = subprocess.run([str(bin_dir / "briefwright"), "build", "--product", "memo", "--out", str(tmp_path)],
                             cwd=project_dir, capture_output=True, text=True, env={"PATH": str(bin_dir)})
        assert run.returncode == 0, run.stderr
        assert (tmp_path / "memo-analyst.docx").exists()


class Describe_package_parts:
    def it_declares_the_fonts_it_uses_with_substitution_hints(self, outputs: dict[str, Output]) -> None:
        table = _part(outputs["memo-analyst.docx"].path, "word/fontTable.xml")
        assert table.count("<w:font ") == 3
        assert 'w:name="Arial"' in table and 'w:name="Times New Roman"' in table
        assert 'w:name="Yu Gothic"><w:altName w:val="游ゴシック"/>' in table and '<w:charset w:val="80"/>' in table

    def it_drops_the_stale_styles_with_effects_part(self, outputs: dict[str, Output]) -> None:
        with zipfile.ZipFile(outputs["brief-analyst.docx"].path) as package:
            names = package.namelist()
        assert "word/stylesWithEffects.xml" not in names
        types = _part(outputs["brief-analyst.docx"].path, "[Content_Types].xml")
        assert "stylesWithEffects" not in types

    def it_writes_extended_properties_true_to_the_file(self, outputs: dict[str, Output]) -> None:
        report = outputs["report-analyst.docx"]
        app = _part(report.path, "docProps/app.xml")
        assert f"<Pages>{report.plan.count}</Pages>" in app and "Macintosh" not in app
        assert "<Application>briefwright" in app
        deck = _part(outputs["deck-5-analyst.pptx"].path, "docProps/app.xml")
        assert "<Slides>5</Slides>" in deck and "<PresentationFormat>Widescreen</PresentationFormat>" in deck
        assert "<vt:lpstr>Key judgments</vt:lpstr>" in deck

    def it_gives_the_header_logo_alt_text(self, outputs: dict[str, Output]) -> None:
        header = _part(outputs["memo-analyst.docx"].path, "word/header1.xml")
        assert 'descr="Briefwright research desk logo"' in header
