"""Word reference documents as organisations make them, generated for the tests (python-docx + lxml).

Each imitates something seen in the wild: A4 with wide margins; a tall letterhead (picture and
address lines) in the header; house style names ("Corp Heading 1") and German ones
("Überschrift 1") mapped through the profile; Calibri/Cambria through the theme; a larger
Normal with airy spacing; a bare reference with only Normal and Heading 1. Only faces
briefwright ships metrics for are used, so reading and measuring them needs no installed font.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from lxml import etree
from PIL import Image

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


@dataclass(frozen=True)
class GalleryItem:
    name: str
    page: tuple[float, float]  # inches
    profile: str  # the branding lines a profile needs for it (besides reference_docx)
    fonts: tuple[str, ...]  # the faces its text is set in (as the PDF names their twins)
    letterhead: str | None = None  # text the header prints
    letterhead_first_page_only: bool = False
    styles: dict[str, str] = field(default_factory=dict)


def _set_theme_fonts(document: docx.document.Document, major: str, minor: str) -> None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme"):
            root = etree.fromstring(rel.target_part.blob)
            for kind, face in (("majorFont", major), ("minorFont", minor)):
                latin = root.find(f".//{{{A_NS}}}{kind}/{{{A_NS}}}latin")
                latin.set("typeface", face)
            rel.target_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _explicit_font(style, face: str) -> None:
    """An explicit face on a style, with no theme attribute that would win over it."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(rpr, qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{slot}"), face)


def _blank(page: tuple[float, float], margins: tuple[float, float, float, float]) -> docx.document.Document:
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if etree.QName(child).localname != "sectPr":
            body.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = Inches(page[0]), Inches(page[1])
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = map(Inches, margins)
    # A house template's usual text settings (python-docx's are Word 2010's airy defaults).
    styles = document.styles
    styles["Normal"].font.size = Pt(10)
    for name, size, before, after in (("Normal", 10, 0, 3), ("Body Text", 10, 0, 3), ("Heading 1", 12, 10, 3),
                                      ("Heading 2", 10.5, 6, 2), ("Title", 20, 0, 6)):
        styles[name].font.size = Pt(size)
        fmt = styles[name].paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), 1.0
    return document


def _a4_wide() -> docx.document.Document:
    document = _blank((8.2677, 11.6929), (1.3, 1.3, 1.0, 1.0))  # wide top and bottom
    _set_theme_fonts(document, "Arial", "Times New Roman")
    return document


def _letterhead(first_page_only: bool = False) -> docx.document.Document:
    document = _blank((8.5, 11.0), (1.0, 1.0, 1.0, 1.0))
    _set_theme_fonts(document, "Calibri", "Calibri")
    section = document.sections[0]
    if first_page_only:  # w:titlePg: the letterhead on the first page, nothing on the others
        section.different_first_page_header_footer = True
    header = section.first_page_header if first_page_only else section.header
    header.is_linked_to_previous = False
    picture = io.BytesIO()
    Image.new("RGB", (600, 150), (31, 73, 125)).save(picture, format="PNG")
    picture.seek(0)
    header.paragraphs[0].add_run().add_picture(picture, height=Inches(0.6))
    for line in ("Northwind Policy Institute", "12 Harbour Row, Portsmouth"):
        header.add_paragraph(line)
    footer = section.first_page_footer if first_page_only else section.footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = "Northwind Policy Institute · registered charity"
    return document


def _renamed(names: dict[str, str], body_size: float) -> docx.document.Document:
    document = _blank((8.2677, 11.6929), (1.0, 1.0, 1.1, 1.1))
    _set_theme_fonts(document, "Cambria", "Calibri")
    styles = document.styles
    for role, name in names.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        if role.startswith("heading"):
            style.font.bold = True
            style.font.size = Pt(16 if role == "heading_1" else 12.5)
            style.font.color.rgb = RGBColor(0x1F, 0x49, 0x7D)
            style.paragraph_format.space_before = Pt(14 if role == "heading_1" else 9)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.keep_with_next = True
            _explicit_font(style, "Cambria")
        else:
            style.font.size = Pt(body_size)
            style.paragraph_format.space_after = Pt(6)
    return document


def _airy_normal() -> docx.document.Document:
    document = _blank((8.5, 11.0), (1.0, 1.0, 1.0, 1.0))
    _set_theme_fonts(document, "Calibri", "Cambria")
    normal = document.styles["Normal"]
    normal.font.size = Pt(11.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.08  # Word 2013's default multiple
    return document


def _bare() -> docx.document.Document:
    """Only Normal and Heading 1 are left: every other style the products name is missing."""
    document = _blank((8.5, 11.0), (1.0, 1.0, 1.25, 1.25))
    _set_theme_fonts(document, "Arial", "Arial")
    root = document.styles.element
    for style in list(root.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "paragraph" and name.get(qn("w:val")) not in ("Normal", "heading 1"):
            root.remove(style)
    return document


CORP = {"heading_1": "Corp Heading 1", "heading_2": "Corp Heading 2", "body": "Corp Body"}
GERMAN = {"heading_1": "Überschrift 1", "heading_2": "Überschrift 2", "body": "Textkörper"}

GALLERY: dict[str, tuple[GalleryItem, object]] = {
    "a4-wide": (GalleryItem("a4-wide", (8.2677, 11.6929), "", ("LiberationSans", "LiberationSerif")), _a4_wide),
    "letterhead": (GalleryItem("letterhead", (8.5, 11.0), "", ("Carlito",), "Northwind Policy Institute"),
                   _letterhead),
    "first-page-letterhead": (GalleryItem("first-page-letterhead", (8.5, 11.0), "", ("Carlito",),
                                          "Northwind Policy Institute", letterhead_first_page_only=True),
                              lambda: _letterhead(first_page_only=True)),
    "corp-styles": (GalleryItem("corp-styles", (8.2677, 11.6929), "", ("Caladea", "Carlito"), styles=CORP),
                    lambda: _renamed(CORP, 10.5)),
    "german-styles": (GalleryItem("german-styles", (8.2677, 11.6929), "", ("Caladea", "Carlito"), styles=GERMAN),
                      lambda: _renamed(GERMAN, 11)),
    "airy-normal": (GalleryItem("airy-normal", (8.5, 11.0), "", ("Carlito", "Caladea")), _airy_normal),
    "bare": (GalleryItem("bare", (8.5, 11.0), "", ("LiberationSans",)), _bare),
}


def make(name: str, folder: Path) -> Path:
    """Write one gallery reference into folder; returns its path."""
    _, factory = GALLERY[name]
    path = folder / f"{name}.docx"
    factory().save(str(path))  # type: ignore[operator]
    return path


def make_without_styles(folder: Path) -> Path:
    """A package a broken tool wrote: a document but no styles part."""
    source = make("a4-wide", folder)
    path = folder / "no-styles.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as damaged:
        for member in original.infolist():
            if member.filename != "word/styles.xml":
                damaged.writestr(member, original.read(member.filename))
    source.unlink()
    return path


def profile_text(item: GalleryItem, reference: str, extends: str = "analyst") -> str:
    """An audience profile that uses the reference (and maps its house style names)."""
    lines = [f"extends: {extends}", f"label: {item.name}", "branding:", f"  reference_docx: {reference}"]
    if item.styles:
        lines.append("  styles:")
        lines += [f'    {role}: "{name}"' for role, name in item.styles.items()]
    return "\n".join(lines) + "\n"
