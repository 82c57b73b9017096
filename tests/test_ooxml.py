"""Element-level tests of the raw OOXML helpers."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from briefwright.writers import ooxml


def _children(element) -> list[str]:
    return [etree.QName(child).localname for child in element]


class Describe_word_helpers:
    def it_inserts_run_properties_in_schema_order(self) -> None:
        rpr = OxmlElement("w:rPr")
        ooxml.set_rpr_child(rpr, "sz", val="20")
        ooxml.set_rpr_child(rpr, "b")
        ooxml.set_word_fonts(rpr, "Liberation Serif", "Noto Sans CJK JP")
        ooxml.set_rpr_child(rpr, "color", val="000000")
        assert _children(rpr) == ["rFonts", "b", "color", "sz"]
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK JP" and fonts.get(qn("w:asciiTheme")) is None

    def it_replaces_rather_than_duplicates(self) -> None:
        ppr = OxmlElement("w:pPr")
        ooxml.set_ppr_child(ppr, "spacing", after="0")
        ooxml.set_ppr_child(ppr, "spacing", after="120")
        assert _children(ppr) == ["spacing"] and ppr[0].get(qn("w:after")) == "120"

    def it_adds_a_bullet_list_definition_before_the_num_elements(self) -> None:
        document = docx.Document()
        numbering = document.part.numbering_part.element
        num_id = ooxml.add_bullet_numbering(numbering, "•", "Liberation Serif", 260, 200, "B5452B")
        names = _children(numbering)
        assert names.index("abstractNum", names.count("abstractNum") - 1) < names.index("num")
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
        assert abstract.find(f".//{qn('w:lvlText')}").get(qn("w:val")) == "•"

    def it_orders_paragraph_borders(self) -> None:
        ppr = OxmlElement("w:pPr")
        ooxml.paragraph_border(ppr, "bottom", "C9CFD6", 6, 4)
        ooxml.paragraph_border(ppr, "left", "B5452B", 24, 4)
        assert _children(ppr.find(qn("w:pBdr"))) == ["left", "bottom"]


class Describe_drawing_helpers:
    def it_sets_latin_and_east_asian_typefaces(self) -> None:
        rpr = etree.Element(ooxml.a_tag("rPr"))
        etree.SubElement(rpr, ooxml.a_tag("solidFill"))
        ooxml.set_drawing_fonts(rpr, "Liberation Sans", "Noto Sans CJK JP")
        assert _children(rpr) == ["solidFill", "latin", "ea", "cs"]
        assert rpr.find(ooxml.a_tag("ea")).get("typeface") == "Noto Sans CJK JP"

    def it_puts_spacing_before_bullets(self) -> None:
        ppr = etree.Element(ooxml.a_tag("pPr"))
        ooxml.set_bullet(ppr, "■", "Liberation Sans", "B5452B", 279400, 279400)
        ooxml.set_paragraph_spacing(ppr, 22, 12)
        assert _children(ppr) == ["lnSpc", "spcBef", "spcAft", "buClr", "buSzPct", "buFont", "buChar"]
        assert ppr.find(ooxml.a_tag("lnSpc"))[0].get("val") == "2200"
        assert ppr.get("indent") == "-279400"

    def it_replaces_what_a_reference_placeholder_brought_and_keeps_schema_order(self) -> None:
        """A placeholder's paragraph may already hold spacing, a bullet and default run properties,
        and a run fonts and a hyperlink: the old ones go, the new ones land before what must follow."""
        ppr = etree.Element(ooxml.a_tag("pPr"))
        for local in ("spcBef", "buAutoNum", "defRPr"):
            etree.SubElement(ppr, ooxml.a_tag(local))
        ooxml.set_paragraph_spacing(ppr, 14, 0)
        ooxml.set_bullet(ppr, None, "Arial", "000000", 0, 0)
        assert _children(ppr) == ["lnSpc", "spcBef", "spcAft", "buNone", "defRPr"]
        assert ppr.find(ooxml.a_tag("spcBef"))[0].get("val") == "0"
        rpr = etree.Element(ooxml.a_tag("rPr"))
        for local in ("solidFill", "latin", "hlinkClick", "cs"):
            etree.SubElement(rpr, ooxml.a_tag(local)).set("typeface", "Old")
        ooxml.set_drawing_fonts(rpr, "Arial", "Yu Gothic")
        assert _children(rpr) == ["solidFill", "latin", "ea", "cs", "hlinkClick"]
        assert [rpr.find(ooxml.a_tag(local)).get("typeface") for local in ("latin", "ea", "cs")] == \
            ["Arial", "Yu Gothic", "Arial"]
