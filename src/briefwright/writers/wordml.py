"""Body paragraphs and runs written straight into a python-docx document's XML.

python-docx sets each paragraph and run property through proxy objects that search their
element's children again for every assignment; the page products' hundreds of paragraphs and
runs cost about a quarter of the Word writer's time there (0.19 of 0.80 s for 15 documents).
The elements made here are the ones python-docx made for the same calls (add_paragraph,
paragraph_format.space_before/after/page_break_before, add_run with bold, italic and
font.color), with children and attributes in the same order, so the saved document is byte
for byte what it was (tests/test_direct_xml.py compares both). Elements are created in the
document's own tree, so they are python-docx's element classes and its proxies still work on
them (footnote references).
"""

from __future__ import annotations

import re

from docx.shared import Pt
from lxml import etree

from briefwright.writers.ooxml import w_tag

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"([\t\r\n])")  # split out, kept: a tab becomes w:tab, a line end w:br


def add_paragraph(body: etree._Element, style_id: str | None, before_pt: float, after_pt: float,
                  page_break_before: bool) -> etree._Element:
    """A paragraph at the end of the body (before its closing section properties)."""
    # SubElement, not Element: made in the document's tree, it gets python-docx's element class.
    paragraph = etree.SubElement(body, w_tag("p"))
    section = body.find(w_tag("sectPr"))
    if section is not None:
        section.addprevious(paragraph)
    set_paragraph_properties(paragraph, style_id, before_pt, after_pt, page_break_before)
    return paragraph


def set_paragraph_properties(paragraph: etree._Element, style_id: str | None, before_pt: float, after_pt: float,
                             page_break_before: bool = False) -> None:
    """Style, space before and after, and a page break, on a paragraph that has no properties yet."""
    properties = etree.SubElement(paragraph, w_tag("pPr"))
    paragraph.insert(0, properties)
    if style_id is not None:
        etree.SubElement(properties, w_tag("pStyle")).set(w_tag("val"), style_id)
    if page_break_before:
        etree.SubElement(properties, w_tag("pageBreakBefore"))
    spacing = etree.SubElement(properties, w_tag("spacing"))
    spacing.set(w_tag("before"), str(Pt(before_pt).twips))
    spacing.set(w_tag("after"), str(Pt(after_pt).twips))


def set_space_after(paragraph: etree._Element, after_pt: float) -> None:
    paragraph.find(w_tag("pPr")).find(w_tag("spacing")).set(w_tag("after"), str(Pt(after_pt).twips))


def add_run(paragraph: etree._Element, text: str, bold: bool = False, italic: bool = False,
            color: str | None = None) -> etree._Element:
    """A run of text: a tab becomes w:tab and a line end w:br, as python-docx's Run.text does."""
    run = etree.SubElement(paragraph, w_tag("r"))
    if bold or italic or color:
        properties = etree.SubElement(run, w_tag("rPr"))
        if bold:
            etree.SubElement(properties, w_tag("b"))
        if italic:
            etree.SubElement(properties, w_tag("i"))
        if color:
            etree.SubElement(properties, w_tag("color")).set(w_tag("val"), color)
    for piece in _BREAKS.split(text):
        if piece == "\t":
            etree.SubElement(run, w_tag("tab"))
        elif piece in ("\r", "\n"):
            etree.SubElement(run, w_tag("br"))
        elif piece:
            element = etree.SubElement(run, w_tag("t"))
            element.text = piece
            if len(piece.strip()) < len(piece):
                element.set(_XML_SPACE, "preserve")
    return run


def add_tab_run(paragraph: etree._Element) -> None:
    etree.SubElement(etree.SubElement(paragraph, w_tag("r")), w_tag("tab"))


def start_bookmark(paragraph: etree._Element, number: int, name: str) -> str:
    """A w:bookmarkStart at the end of the paragraph (number: unique in the document, in order).
    Returns the id its w:bookmarkEnd repeats."""
    start = etree.SubElement(paragraph, w_tag("bookmarkStart"))
    start.set(w_tag("id"), str(number))
    start.set(w_tag("name"), name)
    return str(number)


def end_bookmark(paragraph: etree._Element, number: str) -> None:
    etree.SubElement(paragraph, w_tag("bookmarkEnd")).set(w_tag("id"), number)
