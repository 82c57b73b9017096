"""Real Word footnotes: the footnotes part, its separators, settings, styles and references.

python-docx has no footnote API, so this module writes the OOXML itself:
- /word/footnotes.xml with the separator (id -1) and continuation separator (id 0) notes
  and one w:footnote per note, numbered from 1 in document order;
- a relationship from the main document part (its content type override is written by
  the package from the part's content type);
- w:footnotePr in settings.xml naming the two separators, as Word writes it;
- the "footnote text" and "footnote reference" styles if the template lacks them.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree

from briefwright.writers import ooxml

FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"

# CT_Settings children that must follow w:footnotePr (ECMA-376 Part 1, 17.15.1.78).
_AFTER_FOOTNOTE_PR = ["endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                      "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                      "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                      "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"]


def _separator(kind: str, note_id: int) -> str:
    return (f'<w:footnote w:type="{kind}" w:id="{note_id}"><w:p><w:pPr>'
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:r><w:{kind}/></w:r></w:p></w:footnote>')


class Footnotes:
    """Collects notes while a document is written, then adds the footnotes part."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{_separator('separator', -1)}"
                              f"{_separator('continuationSeparator', 0)}</w:footnotes>")
        self.count = 0

    def add(self, paragraph: Paragraph, text: str) -> int:
        """Append a reference mark to paragraph and its note; returns the note id."""
        self.count += 1
        note_id = self.count
        run = paragraph.add_run()
        run._r.get_or_add_rPr().append(ooxml.w_element("rStyle", val=FOOTNOTE_REFERENCE))
        run._r.append(ooxml.w_element("footnoteReference", id=str(note_id)))
        note = ooxml.w_element("footnote", id=str(note_id))
        note_paragraph = ooxml.w_element("p")
        properties = ooxml.w_element("pPr")
        properties.append(ooxml.w_element("pStyle", val=FOOTNOTE_TEXT))
        note_paragraph.append(properties)
        mark = ooxml.w_element("r")
        mark_properties = ooxml.w_element("rPr")
        mark_properties.append(ooxml.w_element("rStyle", val=FOOTNOTE_REFERENCE))
        mark.append(mark_properties)
        mark.append(ooxml.w_element("footnoteRef"))
        note_paragraph.append(mark)
        body = ooxml.w_element("r")
        text_element = ooxml.w_element("t")
        text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text_element.text = " " + text
        body.append(text_element)
        note_paragraph.append(body)
        note.append(note_paragraph)
        self.root.append(note)
        return note_id

    def finish(self) -> None:
        """Add the part, its relationship and the settings; a document without notes is left alone."""
        if self.count == 0:
            return
        package = self.document.part.package
        blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, package)
        self.document.part.relate_to(part, RT.FOOTNOTES)
        settings = self.document.settings.element
        for old in settings.findall(qn("w:footnotePr")):
            settings.remove(old)
        footnote_pr = ooxml.w_element("footnotePr")
        footnote_pr.append(ooxml.w_element("footnote", id="-1"))
        footnote_pr.append(ooxml.w_element("footnote", id="0"))
        anchor = next((child for child in settings if etree.QName(child).localname in _AFTER_FOOTNOTE_PR), None)
        if anchor is not None:
            anchor.addprevious(footnote_pr)
        else:
            settings.append(footnote_pr)


def ensure_styles(document: DocxDocument) -> None:
    """Create the footnote styles Word expects (ids FootnoteText / FootnoteReference) if missing.

    The renderer then gives "footnote text" the product's `footnote` style like any other.
    """
    styles = document.styles.element
    ids = {style.get(qn("w:styleId")) for style in styles.findall(qn("w:style"))}
    if FOOTNOTE_TEXT not in ids:
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{FOOTNOTE_TEXT}">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/></w:style>'))
    if FOOTNOTE_REFERENCE not in ids:
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="{FOOTNOTE_REFERENCE}">'
            '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'))
