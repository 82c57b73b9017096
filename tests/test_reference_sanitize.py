"""Reference files are sanitised on the way in, and no product with active content is published."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from briefwright.build import build
from briefwright.diagnostics import BriefwrightError, Report
from briefwright.project import load_project
from briefwright.reference.active import active_content, check_products
from briefwright.reference.opc import PackageError
from briefwright.reference.sanitize import sanitise
from tests.hostile_packages import MARKERS, REFERENCES, Package, hostile_docx, hostile_pptx

TINY = Path(__file__).parent / "roots" / "tiny"


def tiny_with_references(tmp_path: Path, docx_bytes: bytes, pptx_bytes: bytes) -> Path:
    root = tmp_path / "tiny"
    shutil.copytree(TINY, root)
    (root / "templates/reference").mkdir()
    (root / "templates/reference/org.docx").write_bytes(docx_bytes)
    (root / "templates/reference/org.pptx").write_bytes(pptx_bytes)
    profile = root / "templates/audiences/reader.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "branding:\n  reference_docx: reference/org.docx\n"
                       "  reference_pptx: reference/org.pptx\n", encoding="utf-8")
    return root


def _markers_in(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [f"{marker} in {name}" for name in archive.namelist() for marker in MARKERS
                if marker.encode() in archive.read(name) or marker in name]


class Describe_a_reference_with_active_content:
    def it_builds_products_without_any_of_it_and_names_file_and_part(self, tmp_path: Path) -> None:
        root = tiny_with_references(tmp_path, hostile_docx(), hostile_pptx())
        result = build(load_project(root, explicit=True), ["memo", "deck-5"], out_dir=tmp_path / "out", jobs=1)
        memo, deck = (tmp_path / "out/memo-reader.docx").read_bytes(), (tmp_path / "out/deck-5-reader.pptx").read_bytes()
        for product in (memo, deck):
            assert active_content(product) == []
            assert _markers_in(product) == []
        docx.Document(io.BytesIO(memo))
        Presentation(io.BytesIO(deck))
        warnings = [d.format() for d in result.report.warnings if d.code == "reference-active-content"]
        expected = [("org.docx", "customUI/customUI.xml", "custom ribbon"), ("org.docx", "word/vbaProject.bin", "VBA"),
                    ("org.docx", "word/activeX/activeX1.bin", "ActiveX"),
                    ("org.docx", "word/settings.xml", "evil.example/template.dotm"),
                    ("org.docx", "word/header1.xml", "file:///etc/passwd"),
                    ("org.docx", "word/header1.xml", "attacker-share"),
                    ("org.docx", "word/embeddings/oleObject1.bin", "OLE"),
                    ("org.docx", "word/document.xml", "macro-enabled"), ("org.docx", "word/header1.xml", "DDEAUTO"),
                    ("org.docx", "word/header1.xml", "INCLUDEPICTURE"),
                    ("org.pptx", "ppt/vbaProject.bin", "VBA"), ("org.pptx", "ppt/activeX/activeX1.bin", "ActiveX"),
                    ("org.pptx", "ppt/slideMasters/slideMaster1.xml", "evil.example/track"),
                    ("org.pptx", "ppt/slideLayouts/slideLayout1.xml", "attacker-share/logo.png"),
                    ("org.pptx", "ppt/embeddings/oleObject1.bin", "OLE"),
                    ("org.pptx", "ppt/slideMasters/slideMaster1.xml", "ppaction://program"),
                    ("org.pptx", "ppt/presentation.xml", "macro-enabled")]
        for file, part, what in expected:
            assert any(f"templates/reference/{file} [{part}]" in w and what in w for w in warnings), (file, part, what)
        with zipfile.ZipFile(io.BytesIO(memo)) as archive:
            header = next(archive.read(n) for n in archive.namelist() if "header" in n and n.endswith(".xml")
                          and b"Intranet" in archive.read(n))
        assert b"Intranet" in header and b"hyperlink" not in header  # the link goes, its text stays

    def it_keeps_a_clean_reference_whole(self) -> None:
        for kind in ("docx", "pptx"):
            clean = sanitise((REFERENCES / f"defence.{kind}").read_bytes(), kind)  # type: ignore[arg-type]
            assert clean.dropped == ()
            with zipfile.ZipFile(io.BytesIO(clean.data)) as archive:
                names = archive.namelist()
            assert ("word/styles.xml" if kind == "docx" else "ppt/slideLayouts/slideLayout11.xml") in names
            assert not any("thumbnail" in name or "customXml" in name or "printerSettings" in name for name in names)

    @pytest.mark.office
    def it_gives_packages_libreoffice_opens(self, tmp_path: Path) -> None:
        from briefwright.office import convert_to_pdf

        files = []
        for kind, data in (("docx", hostile_docx()), ("pptx", hostile_pptx())):
            path = tmp_path / f"clean.{kind}"
            path.write_bytes(sanitise(data, kind).data)  # type: ignore[arg-type]
            files.append(path)
        for pdf in convert_to_pdf(files, tmp_path / "pdf"):
            assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 500


class Describe_an_unusable_reference:
    @pytest.mark.parametrize("kind, drop, expected", [
        ("docx", "word/styles.xml", "no styles part"),
        ("pptx", "ppt/slideMasters/slideMaster1.xml", "no slide master"),
        ("pptx", "ppt/slideLayouts/_rels/slideLayout1.xml.rels", "belongs to no slide master"),
        ("docx", "[Content_Types].xml", "not a Word .docx (part '[Content_Types].xml' is missing)"),
    ])
    def it_is_refused_with_the_part_named(self, kind: str, drop: str, expected: str) -> None:
        package = Package(REFERENCES / f"defence.{kind}")
        del package.parts[drop]
        with pytest.raises(PackageError, match=re.escape(expected)):
            sanitise(package.data(), kind)  # type: ignore[arg-type]

    @pytest.mark.parametrize("kind, part, root", [
        ("docx", "docProps/core.xml", "coreProperties"), ("docx", "word/styles.xml", "styles"),
        ("pptx", "ppt/slideLayouts/slideLayout2.xml", "sldLayout"), ("pptx", "ppt/presentation.xml", "presentation"),
    ])
    def it_refuses_a_part_whose_root_is_not_what_its_relationship_says(self, kind: str, part: str,
                                                                       root: str) -> None:
        package = Package(REFERENCES / f"defence.{kind}")
        package.parts[part] = re.sub(f":{root}(?=[ >])".encode(), b":other", package.parts[part])
        with pytest.raises(PackageError, match=f"'{part}'.*'{{.*}}other'"):
            sanitise(package.data(), kind)  # type: ignore[arg-type]

    def it_supplies_the_numbering_part_python_docx_cannot_create(self, tmp_path: Path) -> None:
        package = Package(REFERENCES / "defence.docx")
        del package.parts["word/numbering.xml"]
        root = tiny_with_references(tmp_path, package.data(), (REFERENCES / "defence.pptx").read_bytes())
        build(load_project(root, explicit=True), ["memo"], out_dir=tmp_path / "out", jobs=1)
        assert docx.Document(str(tmp_path / "out/memo-reader.docx")).part.numbering_part is not None

    def it_is_refused_by_the_build_naming_the_file(self, tmp_path: Path) -> None:
        package = Package(REFERENCES / "defence.docx")
        del package.parts["word/styles.xml"]
        root = tiny_with_references(tmp_path, package.data(), (REFERENCES / "defence.pptx").read_bytes())
        with pytest.raises(BriefwrightError) as caught:
            build(load_project(root, explicit=True), ["memo"], out_dir=tmp_path / "out", jobs=1)
        assert "templates/audiences/reader.yaml:5 [branding.reference_docx]: the reference document org.docx cannot " \
               "be used: it has no styles part" in str(caught.value)


class Describe_the_check_before_publishing:
    @pytest.mark.parametrize("plant, expected", [
        (lambda p: p.relate("word/document.xml", "rX", "hyperlink", "https://evil.example/", external=True),
         "external hyperlink"),
        (lambda p: p.override("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
         "macroEnabled"),
        (lambda p: p.relate("word/document.xml", "rX", "oleObject", "embeddings/x.bin"), "OLE object"),
        (lambda p: p.parts.__setitem__("word/activeX/activeX1.xml", b"<x/>"), "word/activeX/activeX1.xml"),
    ])
    def it_fails_the_build_for_any_active_content(self, plant, expected: str, tmp_path: Path) -> None:
        package = Package(REFERENCES / "defence.docx")
        plant(package)
        report = Report()
        check_products([(tmp_path / "memo-x.docx", package.data()), (tmp_path / "memo-x.html", b"<a href=x>")], report)
        assert len(report.errors) == 1 and expected in report.errors[0].message
        assert "memo-x.docx" in report.errors[0].message
