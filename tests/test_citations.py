"""Citations a reader can follow: Word footnotes, slide source lines, the evidence map."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx_integrity import check, check_pptx
from lxml import etree
from pptx import Presentation

from briefwright.build import Workspace, build
from briefwright.diagnostics import BriefwrightError
from briefwright.evidence import build_evidence_map, evidence_paths
from briefwright.model import Block, Document, EvidenceRef, Run, Section
from briefwright.project import load_project
from briefwright.sources import cite
from briefwright.sources.textnorm import normalise
from tests import pdf
from tests.conftest import cli_in_process

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTED = ["brief-analyst.docx", "report-analyst.docx"]


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


class Describe_footnotes_part:
    @pytest.mark.parametrize("name", FOOTNOTED)
    def it_is_wired_into_the_package(self, name: str, built: dict[str, Path]) -> None:
        types = _part(built[name], "[Content_Types].xml")
        overrides = {o.get("PartName"): o.get("ContentType") for o in types}
        assert overrides["/word/footnotes.xml"] == \
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
        rels = _part(built[name], "word/_rels/document.xml.rels")
        targets = {r.get("Type").rsplit("/", 1)[-1]: r.get("Target") for r in rels}
        assert targets["footnotes"] == "footnotes.xml"

    @pytest.mark.parametrize("name", FOOTNOTED)
    def it_has_separators_named_in_settings(self, name: str, built: dict[str, Path]) -> None:
        notes = _part(built[name], "word/footnotes.xml")
        kinds = {n.get(W + "id"): n.get(W + "type") for n in notes.findall(W + "footnote")}
        assert kinds["-1"] == "separator" and kinds["0"] == "continuationSeparator"
        settings = _part(built[name], "word/settings.xml")
        named = [f.get(W + "id") for f in settings.find(W + "footnotePr").findall(W + "footnote")]
        assert named == ["-1", "0"]

    @pytest.mark.parametrize("name", FOOTNOTED)
    def it_gives_every_reference_its_note_numbered_in_order(self, name: str, built: dict[str, Path]) -> None:
        body = _part(built[name], "word/document.xml")
        references = [int(r.get(W + "id")) for r in body.iter(W + "footnoteReference")]
        assert references == list(range(1, len(references) + 1)) and len(references) >= 8
        notes = _part(built[name], "word/footnotes.xml")
        note_ids = [int(n.get(W + "id")) for n in notes.findall(W + "footnote") if n.get(W + "type") is None]
        assert note_ids == references
        for note in notes.findall(W + "footnote"):
            if note.get(W + "type") is None:
                assert note.find(f".//{W}footnoteRef") is not None

    def it_cites_in_full_first_and_short_after(self, built: dict[str, Path]) -> None:
        notes = _part(built["brief-analyst.docx"], "word/footnotes.xml")
        texts = ["".join(n.itertext()).strip() for n in notes.findall(W + "footnote") if n.get(W + "type") is None]
        kotani = [t for t in texts if "Kotani" in t]
        assert "Prospect Foundation" in kotani[0]  # full: publisher and date
        assert all("Prospect Foundation" not in t for t in kotani[1:]) and len(kotani) > 1
        assert any("n.d." in t for t in texts)  # an undated source is marked, not dated

    def it_keeps_the_memo_on_numbered_sources(self, built: dict[str, Path]) -> None:
        with zipfile.ZipFile(built["memo-analyst.docx"]) as package:
            assert "word/footnotes.xml" not in package.namelist()

    @pytest.mark.parametrize("name", FOOTNOTED)
    @pytest.mark.office  # pandoc comes with the office packages
    def it_is_read_back_as_footnotes_by_pandoc(self, name: str, built: dict[str, Path]) -> None:
        if shutil.which("pandoc") is None:
            pytest.fail("pandoc is not installed (apt-get install pandoc)")
        ast = json.loads(subprocess.run(["pandoc", "-f", "docx", "-t", "json", str(built[name])],
                                        capture_output=True, text=True, check=True).stdout)
        notes = re.findall(r'"t": ?"Note"', json.dumps(ast))
        references = list(_part(built[name], "word/document.xml").iter(W + "footnoteReference"))
        assert len(notes) == len(references)


class Describe_integrity:
    def it_passes_docx_integrity(self, built: dict[str, Path]) -> None:
        for name, path in built.items():
            if name.endswith(".docx"):
                assert [f"{f.code} {f.message}" for f in check(str(path))] == [], name

    @pytest.mark.office  # its overflow check measures text with the installed font files
    def it_passes_docx_integrity_for_decks(self, built: dict[str, Path]) -> None:
        for name, path in built.items():
            if name.endswith(".pptx"):
                assert [f"{f.code} {f.message}" for f in check_pptx(str(path))] == [], name


@pytest.mark.office
class Describe_footnotes_as_rendered:
    def it_sets_notes_at_the_foot_of_the_page(self, rendered: dict[str, Path]) -> None:
        with pdf.pdfplumber.open(rendered["brief-analyst.docx"]) as document:
            page = document.pages[0]
            sizes = {round(c["size"], 1) for c in page.chars}
            note_chars = [c for c in page.chars if round(c["size"], 1) == 7.5]
            body_chars = [c for c in page.chars if round(c["size"], 1) >= 10]
            assert note_chars and body_chars, sizes
            assert min(c["top"] for c in note_chars) > max(c["bottom"] for c in body_chars)
            assert max(c["bottom"] for c in note_chars) > page.height * 0.8


class Describe_slide_citations:
    def it_ends_each_deck_with_a_sources_slide(self, built: dict[str, Path]) -> None:
        for name in ("deck-5-analyst.pptx", "deck-10-analyst.pptx", "deck-20-analyst.pptx"):
            last = list(Presentation(str(built[name])).slides)[-1]
            assert last.shapes.title.text == "Sources"
            body = next(s for s in last.shapes if s.name == "Body")
            assert len(body.text_frame.paragraphs) == 5

    def it_says_where_sources_differ_on_slides_and_in_notes(self, built: dict[str, Path]) -> None:
        deck = Presentation(str(built["deck-10-analyst.pptx"]))
        slide = next(s for s in deck.slides if "Japan decided in 2022 to upgrade its defence presence" in
                     " ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame))
        body = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        notes = slide.notes_slide.notes_text_frame.text
        assert "Sources differ:" in body and "Sources differ:" in notes
        assert "civilian" in notes and "military attaché" in notes


class Describe_evidence_map:
    @pytest.mark.parametrize("stem", ["memo-analyst", "brief-analyst", "report-analyst", "deck-5-analyst",
                                      "deck-10-analyst", "deck-20-analyst"])
    def it_resolves_every_claim_to_a_verified_quote(self, stem: str, built: dict[str, Path]) -> None:
        path = next(p for name, p in built.items() if name.startswith(stem + "."))
        json_path, markdown_path = evidence_paths(path)
        evidence = json.loads(json_path.read_text(encoding="utf-8"))
        assert markdown_path.read_text(encoding="utf-8").startswith(f"# Evidence map — {path.name}")
        seeds = path.parents[1] / "seeds"
        texts = {sid: (seeds / meta["file"]).read_text(encoding="utf-8") for sid, meta in evidence["sources"].items()}
        assert evidence["entries"]
        for entry in evidence["entries"]:
            assert entry["quotes"], entry["where"]
            for quote in entry["quotes"]:
                assert quote["source"] in entry["sources"]
                found = texts[quote["source"]][quote["start"]:quote["end"]]
                assert normalise(found).text == normalise(quote["quote"]).text

    def it_maps_every_bullet_of_the_memo(self, built: dict[str, Path]) -> None:
        import docx

        memo = docx.Document(str(built["memo-analyst.docx"]))
        evidence = json.loads(evidence_paths(built["memo-analyst.docx"])[0].read_text(encoding="utf-8"))
        mapped = {entry["location"]["paragraph"] for entry in evidence["entries"]}
        bullets = {i for i, p in enumerate(memo.paragraphs, start=1) if p.style.name in ("List Bullet", "BLUF")}
        assert bullets == mapped
        for entry in evidence["entries"]:
            assert memo.paragraphs[entry["location"]["paragraph"] - 1].text.startswith(entry["text"][:30])

    def it_refuses_a_claim_whose_quote_is_not_in_its_source(self, example_workspace: Workspace) -> None:
        workspace = example_workspace  # the example as collected, read only
        block = Block("bullet", [Run("A claim.")], kind="bullet",
                      trace=EvidenceRef("shared-threat", "summary", ("yao",), (("yao", "words Yao never wrote"),)))
        document = Document("memo", "analyst", "t", "s", "d", "2026-11-21", "a", [Section("module", blocks=[block])], [])
        with pytest.raises(BriefwrightError) as caught:
            build_evidence_map("memo-analyst.docx", document, False, workspace.content, workspace.sources)
        message = caught.value.report.errors[0].format()
        assert "memo-analyst.docx" in message and "paragraph 1" in message and "not in source 'yao'" in message

    def it_fails_the_build_on_a_broken_reference_and_writes_nothing(self, project_dir: Path) -> None:
        topic = project_dir / "content/topic.yaml"
        topic.write_text(topic.read_text().replace("points: [shared-threat,", "points: [shared-threats,"))
        with pytest.raises(BriefwrightError) as caught:
            build(load_project(project_dir, explicit=True))
        assert "refers to point 'shared-threats'" in caught.value.report.errors[0].format()
        assert not (project_dir / "build").exists()

    def it_is_printed_by_trace(self, built: dict[str, Path]) -> None:
        result = cli_in_process("trace", str(built["deck-10-analyst.pptx"]), cwd=built["deck-10-analyst.pptx"].parent)
        assert result.returncode == 0, result.stderr
        assert "slide 3, event 1" in result.stdout and "slide 5, paragraph 1" in result.stdout
        assert "chars" in result.stdout


def _meta(source_id: str, title: str, surname: str, date: str):
    from briefwright.sources.registry import SourceMeta
    return SourceMeta(id=source_id, file=f"{source_id}.txt", sha256="0" * 64, title=title,
                      authors=[{"name": f"Taro {surname}"}], publisher="Press", date=date,
                      translator="none stated", url="unknown")


class Describe_reference_forms:
    def it_cuts_a_short_title_at_the_colon_and_drops_it(self) -> None:
        meta = _meta("a", "Deterrence: Japan, Taiwan and the Next Crisis", "Sato", "2022-05-01")
        assert cite.short_title(meta) == "Deterrence"
        assert cite.short_reference(meta) == "Sato, “Deterrence”"

    def it_tells_apart_two_works_by_one_author_in_one_year(self) -> None:
        metas = [_meta("a", "One", "Sato", "2022-05-01"), _meta("b", "Two", "Sato", "2022-09-01"),
                 _meta("c", "Three", "Sato", "2021-01-01"), _meta("d", "Four", "Ito", "inferred: 2022 from the text"),
                 _meta("e", "Five", "Ito", "inferred: 2022 from the text")]
        assert cite.labels(metas) == {"a": "Sato 2022a", "b": "Sato 2022b", "c": "Sato 2021",
                                      "d": "Ito [2022a]", "e": "Ito [2022b]"}
