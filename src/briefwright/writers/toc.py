"""A real Word table of contents: a TOC field whose cached result is the contents the layout predicts.

The contents lines briefwright composes (title, tab, page number read off the page model) become
the field's result, between fldChar begin/separate and end, so the document is right when it is
opened; Word's "Update field" rebuilds the same list from the heading styles. Its switches:
\\o "1-N" the outline levels the contents lists (the report lists its level-1 headings), \\h
entries are links to the headings (each heading gets a _Toc bookmark, each cached entry a link to
it), \\z no page numbers in web view, \\u outline levels set on paragraphs count, and \\b the
headings after the contents only (a bookmark spans them), so the summary and the "Contents"
heading itself, which stand before it, never join the list when it is updated.
"""

from __future__ import annotations

from lxml import etree

from briefwright.model import Block
from briefwright.products import Product
from briefwright.writers.ooxml import w_tag

BODY_BOOKMARK = "_BwContentsScope"


def _field_char(kind: str) -> etree._Element:
    run = etree.Element(w_tag("r"))
    etree.SubElement(run, w_tag("fldChar")).set(w_tag("fldCharType"), kind)
    return run


def _instruction(text: str) -> etree._Element:
    run = etree.Element(w_tag("r"))
    instr = etree.SubElement(run, w_tag("instrText"))
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = text
    return run


def _bookmark(paragraph: etree._Element, bookmark_id: int, name: str, end_paragraph: etree._Element) -> None:
    """A bookmark from the start of paragraph to the end of end_paragraph (its content, after pPr)."""
    start = etree.Element(w_tag("bookmarkStart"))
    start.set(w_tag("id"), str(bookmark_id))
    start.set(w_tag("name"), name)
    properties = paragraph.find(w_tag("pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    end = etree.SubElement(end_paragraph, w_tag("bookmarkEnd"))
    end.set(w_tag("id"), str(bookmark_id))


def _link(entry: etree._Element, anchor: str) -> None:
    """Wrap the entry's runs in a link to the heading's bookmark, as Word writes a \\h entry."""
    link = etree.Element(w_tag("hyperlink"))
    link.set(w_tag("anchor"), anchor)
    link.set(w_tag("history"), "1")
    runs = [child for child in entry if etree.QName(child).localname == "r"]
    if not runs:
        return
    runs[0].addprevious(link)
    for run in runs:
        link.append(run)


def add_contents_field(entries: list[etree._Element], headings: list[etree._Element],
                       last_paragraph: etree._Element, levels: int) -> None:
    """Turn the contents lines into a TOC field over the headings that follow them.

    entries: the contents paragraphs in order; headings: the headings they list, in order (one
    each); last_paragraph: the document's last body paragraph (the end of the field's scope).
    """
    if not entries or not headings:
        return
    if len(headings) == len(entries):
        for number, (entry, heading) in enumerate(zip(entries, headings), start=1):
            name = f"_Toc{number:06d}"
            _bookmark(heading, number, name, heading)
            _link(entry, name)
    _bookmark(headings[0], 0, BODY_BOOKMARK, last_paragraph)
    first = entries[0]
    anchor = first.find(w_tag("pPr"))
    opening = [_field_char("begin"), _instruction(f' TOC \\o "1-{levels}" \\h \\z \\u \\b {BODY_BOOKMARK} '),
               _field_char("separate")]
    for run in reversed(opening):
        if anchor is not None:
            anchor.addnext(run)
        else:
            first.insert(0, run)
    entries[-1].append(_field_char("end"))


def contents_field(paragraphs: list[tuple[Block, etree._Element]], product: Product) -> None:
    """The contents lines (style contents_entry) as a TOC field over the level-1 headings after them."""
    entries = [element for block, element in paragraphs if block.style == "contents_entry"]
    if not entries:
        return
    after = paragraphs[[element for _, element in paragraphs].index(entries[-1]) + 1:]
    headings = [element for block, element in after if product.styles[block.style].outline == 0]
    add_contents_field(entries, headings, paragraphs[-1][1], levels=1)
