"""add-source: text and metadata from each format, the registry entry, and refusals."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefwright.diagnostics import BriefwrightError, Report
from briefwright.ingest.extract import extract
from briefwright.ingest.register import add_sources
from briefwright.scaffold import init_project
from briefwright.sources.registry import load_sources

HTML = """<html><head><title>Coast Guards Drill Together | Example News</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/news/drill"></head>
<body><nav>Home | World | Sport | Weather</nav><article><h1>Coast Guards Drill Together</h1>
<p>The first paragraph says that cooperation between the two coast guards grew in 2023, and officials expect
more joint drills at sea next year.</p>
<p>The second paragraph is about “curly quotes” — and dashes, which matter when an analyst copies a passage.</p>
</article><footer>Copyright 2024 Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>
"""


def minimal_pdf(pages: list[str | None]) -> bytes:
    """A PDF whose pages hold one line of text each (None: a page with no text layer), drawn in the
    standard Helvetica, which a PDF reader never needs installed: no font file is involved."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET" if text is not None else "0 0 m 10 10 l S"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
                       "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    objects.append("<< /Title (A Study of Drills) /Author (Ann Smith) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return init_project(tmp_path / "p")


def _entries(project: Path) -> list[dict]:
    return yaml.safe_load((project / "seeds/sources.yaml").read_text(encoding="utf-8"))["sources"]


class Describe_extraction:
    def it_keeps_the_main_text_of_a_web_page_and_its_stated_metadata(self, tmp_path: Path) -> None:
        page = tmp_path / "drill.html"
        page.write_text(HTML, encoding="utf-8")
        got = extract(page)
        assert "cooperation between the two coast guards grew in 2023" in got.text
        assert "“curly quotes” —" in got.text
        assert "Subscribe" not in got.text and "Weather" not in got.text
        assert (got.title, got.authors, got.date) == ("Coast Guards Drill Together", ["Jane Doe"], "2024-03-05")
        assert (got.publisher, got.url) == ("Example News", "https://example.org/news/drill")

    def it_keeps_headings_code_listings_and_their_captions_and_names_the_page_not_the_site(self,
                                                                                          tmp_path: Path) -> None:
        # A documentation page: the only <h1> is the site's banner, the title is "Page - Site", and the
        # prose refers to a listing in a <figure> ("Listing 2 shows …") that must stay in the text.
        page = tmp_path / "guide.html"
        page.write_text(
            "<html><head><title>Keeping Records - The Records Handbook</title></head><body>"
            "<nav><h1 class='menu-title'>The Records Handbook</h1><a href='a.html'>Previous</a></nav>"
            "<main><h2>Keeping Records</h2><p>Every office keeps a register of incoming letters, and the clerk "
            "files each one on the day it arrives. Listing 2 shows the form the register takes.</p>"
            "<figure class='listing'><pre><code>date | sender | subject | filed by</code></pre>"
            "<figcaption>Listing 2: The columns of the register</figcaption></figure>"
            "<h2>Retention Periods</h2><p>Letters are kept for seven years unless a court orders otherwise, "
            "after which the clerk destroys them and notes the date in the register.</p></main></body></html>",
            encoding="utf-8")
        got = extract(page)
        assert got.title == "Keeping Records"
        for kept in ("date | sender | subject | filed by", "Listing 2: The columns of the register",
                     "Retention Periods", "kept for seven years unless a court orders otherwise"):
            assert kept in got.text
        assert "Previous" not in got.text

    def it_never_guesses_a_date_from_the_prose(self, tmp_path: Path) -> None:
        page = tmp_path / "undated.html"
        page.write_text("<html><body><article><p>" + "On 4 August 2022 missiles fell into the sea near the "
                        "islands, officials said in a long statement. " * 3 + "</p></article></body></html>",
                        encoding="utf-8")
        got = extract(page)
        assert got.date is None and got.authors == [] and "4 August 2022" in got.text

    def it_reads_a_pdf_text_layer_and_names_pages_without_one(self, tmp_path: Path) -> None:
        pdf = tmp_path / "study.pdf"
        pdf.write_bytes(minimal_pdf(["Joint drills grew in 2023.", None, "Officials expect more."]))
        got = extract(pdf)
        assert "Joint drills grew in 2023." in got.text and "Officials expect more." in got.text
        assert (got.title, got.authors) == ("A Study of Drills", ["Ann Smith"])
        assert got.problems == ["page(s) 2 have no text layer (scanned images?); their text is missing"]

    def it_refuses_a_scanned_pdf_with_no_text_at_all(self, tmp_path: Path) -> None:
        pdf = tmp_path / "scan.pdf"
        pdf.write_bytes(minimal_pdf([None, None]))
        with pytest.raises(BriefwrightError) as refused:
            extract(pdf)
        text = str(refused.value)
        assert "no text could be read" in text and "page(s) 1, 2 have no text layer" in text and "OCR" in text

    def it_refuses_an_encrypted_pdf(self, tmp_path: Path) -> None:
        from pypdf import PdfReader, PdfWriter

        plain = tmp_path / "plain.pdf"
        plain.write_bytes(minimal_pdf(["Secret text."]))
        writer = PdfWriter(clone_from=PdfReader(str(plain)))
        writer.encrypt(user_password="pw", algorithm="RC4-128")
        locked = tmp_path / "locked.pdf"
        with locked.open("wb") as stream:
            writer.write(stream)
        with pytest.raises(BriefwrightError) as refused:
            extract(locked)
        assert refused.value.report.errors[0].code == "source-encrypted"

    def it_reads_a_word_file_and_its_properties(self, tmp_path: Path) -> None:
        import docx

        document = docx.Document()
        document.add_paragraph("Cooperation grew in 2023.")
        document.add_paragraph("")
        document.add_paragraph("Drills are expected next year.")
        document.core_properties.title = "Drills"
        document.core_properties.author = "Ann Smith"
        path = tmp_path / "drills.docx"
        document.save(str(path))
        got = extract(path)
        assert got.text == "Cooperation grew in 2023.\n\nDrills are expected next year.\n"
        assert (got.title, got.authors, got.date) == ("Drills", ["Ann Smith"], None)

    def it_strips_markdown_to_what_a_reader_sees(self, tmp_path: Path) -> None:
        path = tmp_path / "note.md"
        path.write_text("---\ntitle: A Note\nauthor: Kim Lee\ndate: 2024-01-02\n---\n# Heading\n\n"
                        "Some **bold** and a [link](https://x.example) here.\n", encoding="utf-8")
        got = extract(path)
        assert got.text == "Heading\n\nSome bold and a link here.\n"
        assert (got.title, got.authors, got.date) == ("A Note", ["Kim Lee"], "2024-01-02")

    @pytest.mark.parametrize(("name", "data", "code"), [
        ("latin1.txt", "caf\xe9".encode("latin-1"), "source-encoding"),
        ("image.png", b"\x89PNG\r\n", "source-format"),
        ("broken.docx", b"PK\x03\x04 not a zip", "package-unreadable"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "source-unreadable"),
    ])
    def it_refuses_what_it_cannot_read_with_a_clear_error(self, tmp_path: Path, name: str, data: bytes,
                                                          code: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(BriefwrightError) as refused:
            extract(path)
        diagnostic = refused.value.report.errors[0]
        assert diagnostic.code == code and diagnostic.hint


class Describe_registering:
    def it_writes_seed_original_and_an_entry_that_check_accepts(self, project: Path, tmp_path: Path) -> None:
        (tmp_path / "drill.html").write_text(HTML, encoding="utf-8")
        (tmp_path / "study.pdf").write_bytes(minimal_pdf(["Joint drills grew in 2023."]))
        report = Report()
        added = add_sources(project / "seeds", [tmp_path / "drill.html", tmp_path / "study.pdf"], report)
        assert not report.items and [item.id for item in added] == ["doe", "smith"]
        entries = _entries(project)
        assert [(e["id"], e["file"], e["original"]) for e in entries] == [("doe", "doe.txt", "doe.html"),
                                                                          ("smith", "smith.txt", "smith.pdf")]
        assert entries[1]["date"] == "unknown" and entries[1]["publisher"] == "unknown"
        assert entries[1]["url"] == "unknown"
        for entry in entries:
            seed = (project / "seeds" / entry["file"]).read_bytes()
            assert hashlib.sha256(seed).hexdigest() == entry["sha256"]
        assert (project / "seeds/smith.pdf").read_bytes() == (tmp_path / "study.pdf").read_bytes()
        assert "# Source registry." in (project / "seeds/sources.yaml").read_text(encoding="utf-8")  # comments kept
        report = Report()
        registry = load_sources(project / "seeds", project, report)
        assert not report.errors and registry.ids == ["doe", "smith"]

    def it_gives_each_source_a_unique_readable_id(self, project: Path, tmp_path: Path) -> None:
        for name in ("a.html", "b.html"):
            (tmp_path / name).write_text(HTML.replace("grew", "grew " + name), encoding="utf-8")
        add_sources(project / "seeds", [tmp_path / "a.html"], Report())
        add_sources(project / "seeds", [tmp_path / "b.html"], Report())
        assert [e["id"] for e in _entries(project)] == ["doe", "doe-2024"]

    def it_refuses_a_text_already_registered(self, project: Path, tmp_path: Path) -> None:
        (tmp_path / "drill.html").write_text(HTML, encoding="utf-8")
        add_sources(project / "seeds", [tmp_path / "drill.html"], Report())
        report = Report()
        assert add_sources(project / "seeds", [tmp_path / "drill.html"], report) == []
        assert report.errors[0].code == "source-already-added" and "'doe'" in report.errors[0].message

    def it_writes_nothing_when_one_file_of_several_fails(self, project: Path, tmp_path: Path) -> None:
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "good.txt").write_text("A good text.\n", encoding="utf-8")
        (folder / "scan.pdf").write_bytes(minimal_pdf([None]))
        before = sorted(p.name for p in (project / "seeds").iterdir())
        report = Report()
        assert add_sources(project / "seeds", [folder], report) == []
        assert report.errors[0].where.file == folder / "scan.pdf"
        assert sorted(p.name for p in (project / "seeds").iterdir()) == before


class Describe_the_command:
    def it_adds_a_folder_and_says_what_it_could_not_read(self, project: Path, tmp_path: Path) -> None:
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "study.pdf").write_bytes(minimal_pdf(["Joint drills grew in 2023.", None]))
        result = subprocess.run([sys.executable, "-m", "briefwright", "add-source", str(folder),
                                 "--project", str(project)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "added study.pdf as 'smith': seeds/smith.txt (original kept as seeds/smith.pdf)" in result.stdout
        assert "could not read: page(s) 2 have no text layer" in result.stdout
        assert "marked unknown: publisher, date, url" in result.stdout


@pytest.mark.office
def test_a_pdf_made_by_libreoffice_is_read_with_its_text(project: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Japan and Taiwan held talks on coast guard cooperation in 2023.")
    source = tmp_path / "talks.docx"
    document.save(str(source))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    report = Report()
    added = add_sources(project / "seeds", [tmp_path / "talks.pdf"], report)
    assert not report.errors
    seed = (project / "seeds" / added[0].seed).read_text(encoding="utf-8")
    assert "Japan and Taiwan held talks on coast guard cooperation in 2023." in seed


class Describe_pdf_page_text:
    """A PDF page's text as a reader reads it (ingest/pdftext.py); the original is kept beside it."""

    def it_spells_out_ligatures_and_makes_a_broken_word_whole(self) -> None:
        from briefwright.ingest.pdftext import clean_page

        text, joined = clean_page("The \ufb01rst method outper-\nformed the other.")
        assert (text, joined) == ("The first method outperformed the other.", 1)

    def it_keeps_the_hyphen_of_a_compound_split_at_a_line_end(self) -> None:
        from briefwright.ingest.pdftext import clean_page

        assert clean_page("a well-\nknown and self-\ncontained result") == ("a well-\nknown and self-\ncontained result",
                                                                              0)

    def it_leaves_out_a_running_page_number_but_not_a_number_in_the_text(self) -> None:
        from briefwright.ingest.pdftext import clean_page

        assert clean_page("12\nThe river rose.\n1996\nIt fell.\nPage 13 of 40")[0] == "The river rose.\n1996\nIt fell."

    def it_says_in_the_registry_what_it_repaired(self, tmp_path: Path) -> None:
        pdf = tmp_path / "report.pdf"
        pdf.write_bytes(minimal_pdf(["The river authority dredged the channel in the spring.", "7"]))
        got = extract(pdf)
        assert got.text.strip() == "The river authority dredged the channel in the spring."
        assert any("running page numbers left out" in repair for repair in got.repairs)


class Describe_generated_documentation:
    def it_takes_the_pages_title_not_its_first_heading_and_drops_permalink_signs(self, tmp_path: Path) -> None:
        # A documentation generator's page: its first <h1> is a section ("Abstract"), each heading carries a
        # permalink sign, and the <title> names the document.
        page = tmp_path / "handbook.html"
        page.write_text(
            "<html><head><title>Records Handbook 1.0 documentation</title></head><body><div class='body'>"
            "<section><h1>Abstract<a class='headerlink' href='#abstract'>¶</a></h1><p>This handbook sets out how "
            "an office keeps its registers, and how long each kind of letter is kept before it is destroyed.</p>"
            "</section><section><h2>Retention<a class='headerlink' href='#retention'>¶</a></h2><p>Letters are "
            "kept for seven years unless a court orders otherwise, after which the clerk destroys them.</p>"
            "</section></div></body></html>", encoding="utf-8")
        got = extract(page)
        assert got.title == "Records Handbook 1.0 documentation"
        assert "Retention" in got.text and "¶" not in got.text
