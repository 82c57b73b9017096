"""Rough edges a new user hit, each fixed at its cause."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from briefwright.audience import Vocabulary
from briefwright.build import build, check_audiences, collect
from briefwright.compose.vocabulary import VocabularyPass
from briefwright.diagnostics import BriefwrightError
from briefwright.project import load_project
from briefwright.sources.cite import bibliography_entry, full_reference, with_period
from briefwright.sources.registry import SourceMeta

TINY = Path(__file__).parent / "roots" / "tiny"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TINY, tmp_path / "tiny"))


def _meta(title: str) -> SourceMeta:
    return SourceMeta(id="x", file="x.txt", sha256="0" * 64, title=title, authors=[{"name": "Ann Smith"}],
                      publisher="Example Press", date="2024-01-02", translator="none stated", url="unknown")


class Describe_a_title_with_its_own_mark:
    def it_gets_no_period_after_a_question_mark(self) -> None:
        assert with_period("A court above control?") == "A court above control?"
        assert with_period("They said “no!”") == "They said “no!”"
        assert with_period("Plain") == "Plain."
        assert "control?." not in bibliography_entry(_meta("A court above control?"))
        assert "“A court above control?” Example Press" in bibliography_entry(_meta("A court above control?"))
        assert "“A court above control?” Example Press" in full_reference(_meta("A court above control?"))
        assert "“Plain,” Example Press" in full_reference(_meta("Plain"))

    def it_closes_a_question_headline_once_in_a_product(self, tiny: Path, tmp_path: Path) -> None:
        findings = tiny / "content/findings.yaml"
        findings.write_text(findings.read_text(encoding="utf-8").replace(
            "headline: Buses run late on most mornings", "headline: Do buses run late on most mornings?"),
            encoding="utf-8")
        build(load_project(tiny), products=["brief-html"], out_dir=tmp_path / "out")
        page = (tmp_path / "out/brief-html-reader.html").read_text(encoding="utf-8")
        assert "on most mornings?" in page and "mornings?." not in page


class Describe_a_vocabulary_swap:
    def it_changes_the_hyphenated_compound_too(self) -> None:
        swap = VocabularyPass(Vocabulary(replace={"good behaviour": "good conduct"}))
        assert swap.text("for good behaviour and good-behaviour rules") == "for good conduct and good-conduct rules"
        assert swap.text("a very-good behaviour") == "a very-good behaviour"  # not part of another compound

    def it_takes_the_replacement_as_plain_text(self) -> None:
        assert VocabularyPass(Vocabulary(replace={"track 1.5": r"semi\1official"})).text("track 1.5 talks") == \
            r"semi\1official talks"


def test_an_english_only_word_file_declares_no_east_asian_font(tiny: Path, tmp_path: Path) -> None:
    build(load_project(tiny), products=["memo"], out_dir=tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "out/memo-reader.docx") as package:
        fonts = package.read("word/fontTable.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
    assert "Yu Gothic" not in fonts and "Yu Gothic" not in styles and 'w:eastAsia="ja-JP"' not in styles
    assert 'w:name="Times New Roman"' in fonts


@pytest.mark.skipif(not Path("/etc/debian_version").is_file(), reason="the case is a Debian machine")
def test_the_makefile_says_not_debian_only_on_another_system(tmp_path: Path) -> None:
    """On Debian with apt-get out of reach (here: not on PATH), the note names apt-get, not the system."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "id"):
        (bin_dir / tool).symlink_to(shutil.which(tool) or f"/bin/{tool}")
    result = subprocess.run([make, "-s", "-f", str(REPO / "Makefile"), "office-deps", "SHELL=" + str(bin_dir / "sh")],
                            capture_output=True, text=True, env={"PATH": str(bin_dir)}, cwd=tmp_path, check=False)
    assert "not a Debian machine" not in result.stdout
    assert "apt-get is not on this Debian machine's PATH" in result.stdout


class Describe_a_glossary_asked_for:
    def it_warns_when_the_profile_defines_no_acronyms(self, tiny: Path) -> None:
        (tiny / "templates/audiences/reader.yaml").write_text(
            "extends: base\nlabel: Readers\nvocabulary:\n  glossary: true\n", encoding="utf-8")
        workspace = collect(load_project(tiny))
        check_audiences(workspace, ["reader"], workspace.report)
        warning = next(d for d in workspace.report.warnings if d.code == "glossary-empty")
        assert "defines no acronyms, so no product gets one" in warning.message
        assert warning.where.file is not None and warning.where.file.name == "reader.yaml"
        assert "vocabulary.acronyms" in warning.hint

    def it_warns_when_no_acronym_occurs_in_the_content(self, tiny: Path) -> None:
        (tiny / "templates/audiences/reader.yaml").write_text(
            "extends: base\nlabel: Readers\nvocabulary:\n  glossary: true\n  acronyms: {EEZ: Exclusive Economic Zone}\n",
            encoding="utf-8")
        workspace = collect(load_project(tiny))
        check_audiences(workspace, ["reader"], workspace.report)
        assert any("none of its acronyms (EEZ) occurs" in d.message for d in workspace.report.warnings)


def test_a_template_error_says_what_each_name_holds(tiny: Path, tmp_path: Path) -> None:
    products = tiny / "templates/products"
    products.mkdir()
    (products / "deck-5.yaml").write_text(
        (REPO / "src/briefwright/templates/products/deck-5.yaml").read_text(encoding="utf-8")
        .replace("{{ audience.addressee }}", "{{ audience.adressee }}"), encoding="utf-8")
    with pytest.raises(BriefwrightError) as refused:
        build(load_project(tiny), products=["deck-5"], out_dir=tmp_path / "out")
    diagnostic = refused.value.report.errors[0]
    assert "has no attribute 'adressee'" in diagnostic.message
    assert diagnostic.hint.startswith("available here: audience (addressee, banner, branding,")
    assert "topic (" not in diagnostic.hint  # the error is about audience: its fields, not every name's


def test_a_build_with_other_templates_writes_its_own_file_names(tiny: Path, tmp_path: Path) -> None:
    house = tiny / "House Style"  # inside the project, as --templates folders must be
    (house / "products").mkdir(parents=True)
    (house / "products/deck-5.yaml").write_text(
        (REPO / "src/briefwright/templates/products/deck-5.yaml").read_text(encoding="utf-8")
        .replace("cover_kicker: Briefing", "cover_kicker: House briefing"), encoding="utf-8")
    out = tmp_path / "out"
    styled = build(load_project(tiny), products=["deck-5"], out_dir=out, overlay=house)
    plain = build(load_project(tiny), products=["deck-5"], out_dir=out)
    assert [o.path.name for o in styled.outputs] == ["deck-5-reader+house-style.pptx"]
    assert [o.path.name for o in plain.outputs] == ["deck-5-reader.pptx"]
    assert (out / "deck-5-reader+house-style.pptx").read_bytes() != (out / "deck-5-reader.pptx").read_bytes()
    again = build(load_project(tiny), products=["deck-5"], out_dir=out, overlay=house)
    assert again.up_to_date == [out / "deck-5-reader+house-style.pptx"]
