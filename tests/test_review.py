"""The review loop: anchors in every product, a reviewer's Word edits read back as verified content
patches, diff and redline of two builds, and approvals that lapse claim by claim."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pptx
import pytest

from briefwright.anchors import MAX_BOOKMARK, BookmarkNamer
from briefwright.cli import main
from briefwright.diagnostics import Report
from briefwright.review.approvals import require_current
from briefwright.review.fields import carry_edit
from briefwright.review.wordread import read_reviewed
from briefwright.review.yamlpatch import PatchError, replace_field
from briefwright.writers.slidetags import read_shape_names, read_slide_tags
from tests.review_edits import ROOTS, Reviewer, built_tiny, tiny_built_once  # noqa: F401 (the tiny fixture)


def _document_xml(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def _evidence(root: Path, name: str = "memo-reader") -> dict:
    return json.loads((root / "build" / f"{name}.evidence.json").read_text(encoding="utf-8"))


def _run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main([*args[:2], "--project", str(root), *args[2:]] if args[0] in ("review",)
                  else [args[0], "--project", str(root), *args[1:]])
    return status, capsys.readouterr().out


class Describe_anchors:
    def it_names_bookmarks_by_Words_rules(self) -> None:
        namer = BookmarkNamer()
        long = "a-very-long-point-identifier-that-goes-on-and-on:summary"
        names = [namer.name("topic:bluf"), namer.name("topic:bluf"), namer.name(long), namer.name(long)]
        assert names[:2] == ["bw_topic_bluf", "bw_topic_bluf_2"]
        assert all(len(name) <= MAX_BOOKMARK and name.replace("_", "").isalnum() for name in names)
        assert len(set(names)) == 4

    def it_puts_every_mapped_anchor_in_every_product(self, tiny: Path) -> None:
        memo = _evidence(tiny)
        xml = _document_xml(tiny / "build/memo-reader.docx")
        assert memo["anchors"] and all(f'w:name="{a["name"]}"' in xml for a in memo["anchors"])
        summary = next(a for a in memo["anchors"] if a["anchor"] == "late-most-mornings:summary")
        assert summary["text"].strip() == "The transit office counted 412 late arrivals in March alone."
        assert all(entry["anchors"] for entry in memo["entries"] if entry["point"])
        deck = pptx.Presentation(str(tiny / "build/deck-5-reader.pptx"))
        mapped = {a["anchor"] for a in _evidence(tiny, "deck-5-reader")["anchors"]}
        tagged = [read_slide_tags(slide) for slide in deck.slides]  # PowerPoint keeps these
        named = [read_shape_names(slide) for slide in deck.slides]  # LibreOffice keeps these
        assert {key for slide in tagged for _, _, key in slide} == mapped
        assert named == tagged  # the same shape, paragraph and field, slide by slide

    def it_gives_html_claims_the_same_names_as_ids(self, tmp_path: Path) -> None:
        root = tmp_path / "tiny"
        shutil.copytree(ROOTS / "tiny", root)
        assert main(["build", "--project", str(root), "--product", "brief-html", "-q"]) == 0
        page = (root / "build/brief-html-reader.html").read_text(encoding="utf-8")
        anchors = _evidence(root, "brief-html-reader")["anchors"]
        assert anchors and all(f'<span id="{a["name"]}">' in page for a in anchors)


class Describe_field_patches:
    def it_carries_an_edit_of_decorated_text_into_the_field(self) -> None:
        assert carry_edit("Buses run late", "Buses run late.", "Buses often run late.") == "Buses often run late"
        field = "The GCTF links Taiwan to partners."
        shown = "The Global Cooperation and Training Framework (GCTF) links Taiwan to partners."
        assert carry_edit(field, shown, shown.replace("partners", "allies")) == "The GCTF links Taiwan to allies."
        assert carry_edit(field, shown, shown.replace("Global", "World")) is None

    def it_changes_the_field_and_not_one_other_byte(self) -> None:
        text = ("id: m\npoints:\n  - id: p\n    headline: Old words here\n    summary: >-\n      One two\n"
                "      three.\n\n    detail: x # keep\n")
        patched = replace_field(text, ("points", 0, "summary"), "A new summary: with a colon.")
        assert patched == text.replace("One two\n      three.", "A new summary: with a colon.")
        quoted = replace_field(text, ("points", 0, "headline"), "Risky: words")
        assert 'headline: "Risky: words"\n' in quoted and quoted.endswith("detail: x # keep\n")
        with pytest.raises(PatchError):
            replace_field(text, ("points", 0, "missing"), "x")


class Describe_review_import:
    def it_reads_tracked_changes_comments_new_and_moved_paragraphs(self, tiny: Path) -> None:
        reviewer = Reviewer(tiny / "build/memo-reader.docx")
        reviewer.replace_words("bw_bridge_works_summary", "which end", "which should end")
        reviewer.comment("bw_bridge_works_headline", "Still true in May?")
        reviewer.new_paragraph_after("bw_bridge_works_summary", "A paragraph of my own.")
        reviewer.move_paragraph_before("bw_bus_lane_headline", "bw_late_most_mornings_headline")
        data = reviewer.save(tiny / "reviewed.docx").read_bytes()
        reviewed = read_reviewed(data)
        summary = reviewed.anchors["bw_bridge_works_summary"]
        assert summary.after.strip() == "Riders blame the bridge works, which should end next spring."
        assert summary.before.strip() == "Riders blame the bridge works, which end next spring."
        assert {change.author for change in summary.changes} == {"Ana Reviewer"}
        assert [c.text for c in reviewed.anchors["bw_bridge_works_headline"].comments] == ["Still true in May?"]
        moved = reviewed.anchors["bw_bus_lane_headline"]
        assert moved.before == moved.after  # a move is no change of wording
        kinds = {(edit.kind, edit.text.strip()) for edit in reviewed.loose}
        assert ("inserted", "A paragraph of my own.") in kinds
        assert any(kind == "moved" for kind, _ in kinds)

    def it_rejects_a_change_the_quotes_do_not_support_naming_the_reviewer(self, tiny: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
        reviewer = Reviewer(tiny / "build/memo-reader.docx", "Bo Checker")
        reviewer.replace_words("bw_late_most_mornings_summary", "412", "500")
        reviewer.comment("bw_late_most_mornings_summary", "I make it 500")
        reviewer.save(tiny / "reviewed.docx")
        before = (tiny / "content/findings.yaml").read_text(encoding="utf-8")
        status, out = _run(tiny, "review", "import", str(tiny / "reviewed.docx"), "--apply", capsys=capsys)
        assert status == 1
        assert "rejected: point 'late-most-mornings', summary" in out and "Bo Checker" in out
        assert "I make it 500" in out and "claim-number" in out
        assert (tiny / "content/findings.yaml").read_text(encoding="utf-8") == before
        notes = (tiny / "reviews/notes.yaml").read_text(encoding="utf-8")
        assert "I make it 500" in notes and "late-most-mornings:summary" in notes

    def it_lists_edits_outside_any_anchor(self, tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
        reviewer = Reviewer(tiny / "build/memo-reader.docx")
        reviewer.new_paragraph_after("bw_bridge_works_summary", "Consider night buses.")
        reviewer.save(tiny / "reviewed.docx")
        status, out = _run(tiny, "review", "import", str(tiny / "reviewed.docx"), capsys=capsys)
        assert status == 0 and "not anchored" in out and "Consider night buses." in out

    def it_lists_a_paragraph_typed_with_track_changes_off(self, tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
        reviewer = Reviewer(tiny / "build/memo-reader.docx")
        reviewer.new_paragraph_after("bw_bridge_works_summary", "Consider night buses.", tracked=False)
        heading = next(p for p in reviewer.document.paragraphs if p.text == "Proposals")
        heading.runs[0].text = "Proposals for the council"  # a heading reworded, untracked
        reviewer.save(tiny / "reviewed.docx")
        assert "w:ins" not in _document_xml(tiny / "reviewed.docx")  # nothing in the file marks it as new
        status, out = _run(tiny, "review", "import", str(tiny / "reviewed.docx"), "--json", capsys=capsys)
        result = json.loads(out)
        assert status == 0 and not result["changes"]
        assert [(e["kind"], e["text"], e["author"]) for e in result["unanchored"]] == [
            ("new paragraph", "Consider night buses.", "(untracked edit)"),
            ("rewritten paragraph", "Proposals for the council", "(untracked edit)")]

    def it_refuses_a_file_that_is_no_Word_document(self, tiny: Path) -> None:
        from briefwright.diagnostics import BriefwrightError
        from briefwright.project import load_project
        from briefwright.review.importer import import_review

        (tiny / "notes.docx").write_text("plain text", encoding="utf-8")
        assert main(["review", "import", "--project", str(tiny), str(tiny / "notes.docx")]) == 1
        with pytest.raises(BriefwrightError) as caught:
            import_review(load_project(tiny, explicit=True), tiny / "notes.docx")
        assert "not a valid Office file" in str(caught.value) and not (tiny / "reviews").exists()


class Describe_the_review_loop:
    def it_carries_a_tracked_change_back_diffs_it_and_lapses_its_approval(
            self, tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert _run(tiny, "review", "approve", "memo", "--by", "Chief Editor", capsys=capsys)[0] == 0
        shutil.copytree(tiny / "build", tiny / "edition-1")
        reviewer = Reviewer(tiny / "build/memo-reader.docx")
        reviewer.replace_words("bw_bridge_works_summary", "which end", "which should end")
        reviewer.save(tiny / "reviewed.docx")

        status, out = _run(tiny, "review", "import", str(tiny / "reviewed.docx"), "--apply", capsys=capsys)
        assert status == 0 and "accepted: point 'bridge-works', summary" in out
        assert "+    summary: Riders blame the bridge works, which should end next spring." in out
        assert main(["build", "--project", str(tiny), "-q"]) == 0
        assert "which should end next spring" in _document_xml(tiny / "build/memo-reader.docx")

        status, out = _run(tiny, "diff", str(tiny / "edition-1"), str(tiny / "build"), "--json", capsys=capsys)
        memo = next(p for p in json.loads(out)["products"] if p["file"] == "memo-reader.docx")
        assert [(c["anchor"], c["changed"]) for c in memo["claims"] + memo["judgments"]] == \
            [("bridge-works:summary", ["text"])]
        assert not memo["decisions"] and not memo["sources"]

        status, out = _run(tiny, "review", "status", "--json", capsys=capsys)
        state = next(s for s in json.loads(out) if s["file"] == "memo-reader.docx")
        assert state["stale"] == ["bridge-works:summary"] and len(state["current"]) == 8
        (tiny / "briefwright.yaml").write_text((tiny / "briefwright.yaml").read_text(encoding="utf-8")
                                               + "review:\n  require_approval: [memo]\n", encoding="utf-8")
        assert main(["check", "--project", str(tiny), "--strict"]) == 1
        report = Report()
        require_current(tiny / "build", ["memo"], report)
        assert "approval is not current — 1 stale: bridge-works:summary" in report.errors[0].message
        assert _run(tiny, "review", "approve", "memo", "--by", "Chief Editor", capsys=capsys)[0] == 0
        assert main(["check", "--project", str(tiny), "--strict"]) == 0


class Describe_the_redline:
    def it_writes_word_revisions_with_author_and_date(self, tiny: Path, capsys: pytest.CaptureFixture[str]) -> None:
        redline = _edited_pair(tiny, capsys)
        xml = _document_xml(redline)
        assert '<w:del w:id=' in xml and 'w:author="briefwright"' in xml and 'w:date="2026-01-15T00:00:00Z"' in xml
        assert '<w:delText xml:space="preserve">end</w:delText>' in xml
        assert '<w:t xml:space="preserve">finish</w:t>' in xml


def _edited_pair(root: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    shutil.copytree(root / "build", root / "edition-1")
    path = root / "content/findings.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("which end next", "which finish next"),
                    encoding="utf-8")
    assert main(["build", "--project", str(root), "-q"]) == 0
    status, _ = _run(root, "diff", str(root / "edition-1"), str(root / "build"), "--redline",
                     str(root / "redline.docx"), capsys=capsys)
    assert status == 0
    return root / "redline.docx"


def _soffice(args: list[str], profile: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", *args],
                   check=True, capture_output=True, timeout=180)


@pytest.mark.office
class Describe_review_through_LibreOffice:
    def it_shows_the_redline_as_revisions(self, tiny: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
        redline = _edited_pair(tiny, capsys)
        _soffice(["--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(redline)], tmp_path / "lo")
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "pdf/redline.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
        compact = "".join(text.split())
        # LibreOffice draws a deletion struck through and an insertion underlined: both words are there
        assert "bridge-works:summary" in compact and "whichendfinishnextspring" in compact
        _soffice(["--convert-to", "docx", "--outdir", str(tmp_path / "saved"), str(redline)], tmp_path / "lo")
        saved = _document_xml(tmp_path / "saved/redline.docx")
        assert "<w:ins " in saved and "<w:del " in saved and 'w:author="briefwright"' in saved

    def it_reads_a_review_saved_by_LibreOffice_tracked_or_accepted(self, tiny: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
        reviewer = Reviewer(tiny / "build/memo-reader.docx")
        reviewer.replace_words("bw_bridge_works_summary", "which end", "which should end")
        reviewer.comment("bw_bridge_works_headline", "Still true in May?")
        reviewer.move_paragraph_before("bw_bus_lane_headline", "bw_late_most_mornings_headline")
        tracked = reviewer.save(tmp_path / "tracked.docx")
        accepted = tmp_path / "accepted.docx"
        accepted.write_bytes(_accept_all(tracked.read_bytes()))
        _soffice(["--convert-to", "docx", "--outdir", str(tmp_path / "lo-saved"), str(tracked), str(accepted)],
                 tmp_path / "lo")
        evidence = str(tiny / "build/memo-reader.evidence.json")
        for name, comments in (("tracked.docx", 1), ("accepted.docx", 1)):
            status, out = _run(tiny, "review", "import", str(tmp_path / "lo-saved" / name), "--evidence",
                               evidence, "--json", capsys=capsys)
            result = json.loads(out)
            assert status == 0, out
            assert [(c["anchor"], c["status"], c["new"]) for c in result["changes"]] == [
                ("bridge-works:summary", "accepted", "Riders blame the bridge works, which should end next spring.")]
            assert len(result["notes"]) == comments and result["notes"][0]["comment"] == "Still true in May?"
            assert not result["missing"]


def _accept_all(data: bytes) -> bytes:
    """Every tracked change accepted, as Word's Accept All leaves the file: insertions kept as plain
    text, deletions gone, moves settled at their destination."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for tag in ("del", "moveFrom"):
        for element in list(root.iter(w + tag)):
            element.getparent().remove(element)
    for tag in ("ins", "moveTo"):
        for element in list(root.iter(w + tag)):
            parent = element.getparent()
            if parent.tag == w + "rPr":
                parent.remove(element)
                continue
            for child in list(element):
                element.addprevious(child)
            parent.remove(element)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item, body)
    return buffer.getvalue()


class Describe_the_what_changed_box:
    def it_opens_a_reissued_memo_with_what_changed_since_the_last_edition(self, tiny: Path) -> None:
        import docx

        shutil.copytree(tiny / "build", tiny / "edition-1")
        findings = tiny / "content/findings.yaml"
        findings.write_text(findings.read_text(encoding="utf-8").replace("which end next", "which finish next"),
                            encoding="utf-8")
        products = tiny / "templates/products"
        products.mkdir(parents=True)
        memo = (Path(__file__).parent.parent / "src/briefwright/templates/products/memo.yaml").read_text(encoding="utf-8")
        (products / "memo.yaml").write_text(memo + "what_changed: true\n", encoding="utf-8")
        assert main(["build", "--project", str(tiny), "-q", "--product", "memo"]) == 0
        unchanged = [p.text for p in docx.Document(str(tiny / "build/memo-reader.docx")).paragraphs]
        assert not any(text.startswith("What changed") for text in unchanged)  # no previous edition named
        assert main(["build", "--project", str(tiny), "-q", "--product", "memo", "--since",
                     str(tiny / "edition-1")]) == 0
        texts = [p.text for p in docx.Document(str(tiny / "build/memo-reader.docx")).paragraphs]
        box = next(text for text in texts if text.startswith("What changed"))
        assert box == "What changed: Revised: Roadworks on the river bridge cause the worst delays."
        assert texts.index(box) == texts.index(next(t for t in texts if t.startswith("Bottom line"))) - 1


class Describe_diff_of_git_revisions:
    def it_builds_each_revision_in_the_build_folder_and_compares_them(self, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
        root = tmp_path / "repo"
        shutil.copytree(ROOTS / "tiny", root)
        git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "add", "."], check=True)
        subprocess.run([*git, "commit", "-qm", "one"], check=True)
        topic = root / "content/topic.yaml"
        topic.write_text(topic.read_text(encoding="utf-8").replace("confidence: moderate", "confidence: high"),
                         encoding="utf-8")
        subprocess.run([*git, "commit", "-qam", "two"], check=True)
        status, out = _run(root, "diff", "HEAD~1", "HEAD", "--product", "memo", "--json", capsys=capsys)
        assert status == 0
        memo = json.loads(out)["products"][0]
        assert memo["file"] == "memo-reader.docx" and memo["claims"] == []
        assert [(j["anchor"], j["changed"]) for j in memo["judgments"]] == [("topic:bluf", ["confidence"])]
        assert not [p for p in (root / "build").iterdir() if p.name.startswith(".diff-")]  # cleaned up
