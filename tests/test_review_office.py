"""The review loop through LibreOffice itself: a reviewer's tracked changes accepted by LibreOffice
(Edit ▸ Track Changes ▸ Accept All, then saved as .docx) come back as the same content patch."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from briefwright.cli import main
from tests.review_edits import Reviewer, built_tiny, tiny_built_once  # noqa: F401 (the tiny fixture)

ACCEPT_SCRIPT = Path(__file__).parent / "lo_accept.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # the Python Debian's python3-uno extends (not the project's venv)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo")


def _uno_missing() -> bool:
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=60).returncode != 0
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return True


def _accept_all_in_libreoffice(source: Path, target: Path, profile: Path) -> None:
    if _uno_missing():  # counted as an office skip: CI (BRIEFWRIGHT_REQUIRE_OFFICE=1) fails on it
        pytest.skip("LibreOffice's Python bridge is not installed (Debian: python3-uno; make office-deps)")
    done = subprocess.run([SYSTEM_PYTHON, str(ACCEPT_SCRIPT), str(source), str(target), str(profile)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]


def _revisions(path: Path) -> list[str]:
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return [element.tag.removeprefix(W) for tag in REVISION_TAGS for element in root.iter(W + tag)]


@pytest.mark.office
class Describe_a_review_accepted_by_LibreOffice:
    def it_imports_the_reviewers_wording_after_LibreOffice_accepted_every_change(
            self, tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        reviewer = Reviewer(tiny / "build/memo-reader.docx")
        reviewer.replace_words("bw_bridge_works_summary", "which end", "which should end")
        reviewer.new_paragraph_after("bw_bridge_works_summary", "A paragraph of my own.")
        reviewer.move_paragraph_before("bw_bus_lane_headline", "bw_late_most_mornings_headline")
        tracked = reviewer.save(tmp_path / "tracked.docx")
        assert {"ins", "del", "moveFrom", "moveTo"} <= set(_revisions(tracked))

        accepted = tmp_path / "accepted.docx"
        _accept_all_in_libreoffice(tracked, accepted, tmp_path / "lo-profile")

        assert _revisions(accepted) == []  # LibreOffice accepted them all: no revision left in the file
        import docx

        texts = [p.text for p in docx.Document(str(accepted)).paragraphs]
        assert any("Riders blame the bridge works, which should end next spring." in text for text in texts)
        assert "A paragraph of my own." in texts
        assert not any("which end next spring" in text for text in texts)
        starts = [next(i for i, text in enumerate(texts) if text.startswith(words))
                  for words in ("The council should add a bus lane", "Buses run late on most mornings")]
        assert starts[0] < starts[1]  # the moved paragraph stands where the reviewer put it, before the other

        capsys.readouterr()
        status = main(["review", "import", "--project", str(tiny), str(accepted), "--evidence",
                       str(tiny / "build/memo-reader.evidence.json"), "--json"])
        result = json.loads(capsys.readouterr().out)
        assert status == 0, result
        assert [(c["anchor"], c["status"], c["new"]) for c in result["changes"]] == [
            ("bridge-works:summary", "accepted", "Riders blame the bridge works, which should end next spring.")]
        assert "+    summary: Riders blame the bridge works, which should end next spring." in \
            result["diff"]["content/findings.yaml"]
        assert not result["missing"]  # every anchor survived LibreOffice's accept and save
        # accepted, the new paragraph carries no mark; compared with the memo as built, it is still listed
        assert [(e["kind"], e["text"]) for e in result["unanchored"]] == [("new paragraph", "A paragraph of my own.")]


@pytest.mark.office
class Describe_a_deck_saved_by_LibreOffice:
    def it_keeps_every_slide_anchor_in_the_shape_names(self, tiny: Path, tmp_path: Path) -> None:
        import pptx

        from briefwright.writers.slidetags import read_shape_names, read_slide_anchors

        built = tiny / "build/deck-5-reader.pptx"
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pptx", "--outdir", str(tmp_path / "saved"), str(built)],
                       check=True, capture_output=True, timeout=180)
        saved = pptx.Presentation(str(tmp_path / "saved/deck-5-reader.pptx"))
        before = [read_slide_anchors(slide) for slide in pptx.Presentation(str(built)).slides]
        # LibreOffice drops the tags part (7.4) but keeps shape names: the names alone give every anchor back
        assert [read_shape_names(slide) for slide in saved.slides] == before
        assert [read_slide_anchors(slide) for slide in saved.slides] == before
        mapped = {a["anchor"] for a in json.loads((tiny / "build/deck-5-reader.evidence.json").read_text())["anchors"]}
        assert {key for slide in before for _, _, key in slide} == mapped
