"""Raw OOXML edits that python-docx and python-pptx have no API for. Kept here, small and tested.

Each helper touches one element and documents the schema order it must respect.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PREFIXES = {"w": W_NS, "a": A_NS, "p": P_NS,
             "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def qn(tag: str) -> str:
    """'w:rPr' → '{namespace}rPr', as python-docx's own qn (kept here so a deck build needs no python-docx)."""
    prefix, local = tag.split(":")
    return f"{{{_PREFIXES[prefix]}}}{local}"


def OxmlElement(tag: str) -> Any:  # noqa: N802 - python-docx's name, imported on first use
    """A new python-docx element (its own element class), for Word parts only."""
    from docx.oxml import OxmlElement as make

    return make(tag)

# CT_RPr child order (ECMA-376 Part 1, 17.3.2.28); new children must be inserted in order.
_RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]
# CT_PPrBase child order (17.3.1.26).
_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]


def _insert_ordered(parent: etree._Element, child: etree._Element, order: list[str]) -> etree._Element:
    """Insert child (replacing any same-named one) at the position the schema demands."""
    local = etree.QName(child).localname
    for existing in parent.findall(qn(f"w:{local}")):
        parent.remove(existing)
    rank = order.index(local)
    for index, sibling in enumerate(parent):
        sibling_local = etree.QName(sibling).localname
        if sibling_local in order and order.index(sibling_local) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def w_element(tag: str, **attributes: str) -> etree._Element:
    element = OxmlElement(f"w:{tag}")
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def set_rpr_child(rpr: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return _insert_ordered(rpr, w_element(tag, **attributes), _RPR_ORDER)


def set_ppr_child(ppr: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return _insert_ordered(ppr, w_element(tag, **attributes), _PPR_ORDER)


def set_word_fonts(rpr: etree._Element, latin: str, east_asian: str) -> None:
    """Explicit fonts for every script slot; theme attributes would override them, so none are kept."""
    set_rpr_child(rpr, "rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asian, cs=latin)


def set_word_language(rpr: etree._Element, language: str, east_asian_language: str = "ja-JP") -> None:
    set_rpr_child(rpr, "lang", val=language, eastAsia=east_asian_language, bidi="ar-SA")


def reset_properties(style_element: etree._Element) -> tuple[etree._Element, etree._Element]:
    """Drop a style's paragraph and run properties so the template's look cannot leak in."""
    for tag in ("w:pPr", "w:rPr"):
        for old in style_element.findall(qn(tag)):
            style_element.remove(old)
    ppr, rpr = OxmlElement("w:pPr"), OxmlElement("w:rPr")
    style_element.append(ppr)
    style_element.append(rpr)
    return ppr, rpr


def paragraph_border(ppr: etree._Element, side: str, color: str, eighths_of_point: int, space_pt: int) -> None:
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = set_ppr_child(ppr, "pBdr")
    for old in borders.findall(qn(f"w:{side}")):
        borders.remove(old)
    order = ["top", "left", "bottom", "right", "between", "bar"]
    element = w_element(side, val="single", sz=str(eighths_of_point), space=str(space_pt), color=color)
    for index, sibling in enumerate(borders):
        if order.index(etree.QName(sibling).localname) > order.index(side):
            borders.insert(index, element)
            return
    borders.append(element)


def paragraph_shading(ppr: etree._Element, fill: str) -> None:
    set_ppr_child(ppr, "shd", val="clear", color="auto", fill=fill)


def add_bullet_numbering(numbering: etree._Element, bullet: str, font: str, indent_twips: int,
                         hanging_twips: int, color: str) -> int:
    """Add a one-level bullet list definition; returns its numId."""
    abstract_ids = [int(e.get(qn("w:abstractNumId"))) for e in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(e.get(qn("w:numId"))) for e in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    abstract = w_element("abstractNum", abstractNumId=str(abstract_id))
    abstract.append(w_element("multiLevelType", val="singleLevel"))
    level = w_element("lvl", ilvl="0")
    level.append(w_element("start", val="1"))
    level.append(w_element("numFmt", val="bullet"))
    level.append(w_element("lvlText", val=bullet))
    level.append(w_element("lvlJc", val="left"))
    ppr = w_element("pPr")
    ppr.append(w_element("ind", left=str(indent_twips), hanging=str(hanging_twips)))
    level.append(ppr)
    rpr = w_element("rPr")
    set_rpr_child(rpr, "rFonts", ascii=font, hAnsi=font, cs=font, hint="default")
    set_rpr_child(rpr, "color", val=color)
    level.append(rpr)
    abstract.append(level)
    # abstractNum elements must precede num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = w_element("num", numId=str(num_id))
    num.append(w_element("abstractNumId", val=str(abstract_id)))
    numbering.append(num)
    return num_id


# -- DrawingML (PowerPoint) ---------------------------------------------------------------

def a_tag(local: str) -> str:
    return f"{{{A_NS}}}{local}"


def p_tag(local: str) -> str:
    return f"{{{P_NS}}}{local}"


def w_tag(local: str) -> str:
    return f"{{{W_NS}}}{local}"


def _replace_children(parent: etree._Element, replaced: set[str], anchors: tuple[str, ...]) -> etree._Element | None:
    """Remove the children with the replaced tags; return the first child with an anchor tag (new
    children go before it), or None (they go at the end). One pass over the children: these
    helpers run for every run and paragraph of a deck, mostly on elements still empty."""
    anchor = None
    for child in list(parent):
        if child.tag in replaced:
            parent.remove(child)
        elif anchor is None and child.tag in anchors:
            anchor = child
    return anchor


def _add_before(parent: etree._Element, anchor: etree._Element | None, local: str) -> etree._Element:
    element = etree.SubElement(parent, a_tag(local))
    if anchor is not None:
        anchor.addprevious(element)
    return element


_FONT_TAGS = {a_tag(local) for local in ("latin", "ea", "cs")}
_FONT_ANCHORS = tuple(a_tag(local) for local in ("sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst"))


def set_drawing_fonts(rpr: etree._Element, latin: str, east_asian: str) -> None:
    """a:latin and a:ea typefaces; CT_TextCharacterProperties wants ln, fills, effects … latin, ea, cs, sym."""
    anchor = _replace_children(rpr, _FONT_TAGS, _FONT_ANCHORS)
    for local, face in (("latin", latin), ("ea", east_asian), ("cs", latin)):
        _add_before(rpr, anchor, local).set("typeface", face)


_SPACING_TAGS = {a_tag(local) for local in ("lnSpc", "spcBef", "spcAft")}


def set_paragraph_spacing(ppr: etree._Element, line_pt: float, before_pt: float) -> None:
    """Exact line pitch and space before; CT_TextParagraphProperties orders lnSpc, spcBef, spcAft, bu*…"""
    _replace_children(ppr, _SPACING_TAGS, ())
    anchor = ppr[0] if len(ppr) else None  # spacing comes first of all
    for local, value in (("lnSpc", line_pt), ("spcBef", before_pt), ("spcAft", 0.0)):
        etree.SubElement(_add_before(ppr, anchor, local), a_tag("spcPts")).set("val", str(round(value * 100)))


_BULLET_TAGS = {a_tag(local) for local in ("buClr", "buSzPct", "buFont", "buNone", "buChar", "buAutoNum")}
_BULLET_ANCHORS = tuple(a_tag(local) for local in ("tabLst", "defRPr", "extLst"))


def set_bullet(ppr: etree._Element, char: str | None, font: str, color: str, indent_emu: int, hanging_emu: int) -> None:
    """Bullet character (or explicitly none) with its hanging indent."""
    anchor = _replace_children(ppr, _BULLET_TAGS, _BULLET_ANCHORS)
    ppr.set("marL", str(indent_emu))
    ppr.set("indent", str(-hanging_emu))
    if char is None:
        _add_before(ppr, anchor, "buNone")
        return
    etree.SubElement(_add_before(ppr, anchor, "buClr"), a_tag("srgbClr")).set("val", color)
    _add_before(ppr, anchor, "buSzPct").set("val", "70000")
    _add_before(ppr, anchor, "buFont").set("typeface", font)
    _add_before(ppr, anchor, "buChar").set("char", char)


def set_alt_text(shape_element: etree._Element, description: str) -> None:
    """Alternative text for screen readers: cNvPr@descr on any p:sp / p:grpSp / p:pic."""
    c_nv_pr = shape_element.find(f".//{{{P_NS}}}cNvPr")
    if c_nv_pr is not None:
        c_nv_pr.set("descr", description)


# CT_TblPr child order (17.4.60); caption and description (alt text) come last.
_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
                "tblCaption", "tblDescription"]


def set_tblpr_child(tbl_pr: etree._Element, element: etree._Element) -> etree._Element:
    return _insert_ordered(tbl_pr, element, _TBLPR_ORDER)


def table_properties(tbl_pr: etree._Element, width_twips: int, rule_color: str, header_color: str,
                     pad_h_twips: int, pad_v_twips: int, caption: str, description: str) -> None:
    """Fixed layout at a set width, hairline rules between rows, cell margins, and alt text."""
    set_tblpr_child(tbl_pr, w_element("tblW", w=str(width_twips), type="dxa"))
    borders = w_element("tblBorders")
    borders.append(w_element("top", val="single", sz="8", space="0", color=header_color))
    borders.append(w_element("bottom", val="single", sz="8", space="0", color=header_color))
    borders.append(w_element("insideH", val="single", sz="4", space="0", color=rule_color))
    set_tblpr_child(tbl_pr, borders)
    set_tblpr_child(tbl_pr, w_element("tblLayout", type="fixed"))
    margins = w_element("tblCellMar")
    for side, value in (("top", pad_v_twips), ("left", pad_h_twips), ("bottom", pad_v_twips), ("right", pad_h_twips)):
        margins.append(w_element(side, w=str(value), type="dxa"))
    set_tblpr_child(tbl_pr, margins)
    set_tblpr_child(tbl_pr, w_element("tblLook", val="0020", firstRow="1", lastRow="0", firstColumn="0",
                                      lastColumn="0", noHBand="1", noVBand="1"))
    set_tblpr_child(tbl_pr, w_element("tblCaption", val=caption))
    set_tblpr_child(tbl_pr, w_element("tblDescription", val=description))


def mark_header_row(tr: etree._Element) -> None:
    """Repeat the row at the top of each page and tell assistive technology it is a header."""
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = w_element("trPr")
        tr.insert(0, tr_pr)
    tr_pr.append(w_element("tblHeader"))
    tr_pr.append(w_element("cantSplit"))


# Word's substitution hints for fonts a reader may lack (17.8.3.x): with the panose class,
# character set and family, Word picks the closest installed face instead of a default.
# altName gives the native name Japanese Windows uses for the same face.
FONT_HINTS: dict[str, dict[str, str]] = {
    "Arial": {"panose1": "020B0604020202020204", "charset": "00", "family": "swiss", "pitch": "variable"},
    "Times New Roman": {"panose1": "02020603050405020304", "charset": "00", "family": "roman", "pitch": "variable"},
    "Yu Gothic": {"altName": "游ゴシック", "panose1": "020B0400000000000000", "charset": "80", "family": "swiss",
                  "pitch": "variable"},
    "MS Gothic": {"altName": "ＭＳ ゴシック", "panose1": "020B0609070205080204", "charset": "80", "family": "modern",
                  "pitch": "fixed"},
    "Meiryo": {"altName": "メイリオ", "panose1": "020B0604030504040204", "charset": "80", "family": "swiss",
               "pitch": "variable"},
}
# CT_Font child order (17.8.3.10).
_FONT_ORDER = ["altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig"]


def font_table(families: list[str]) -> bytes:
    """word/fontTable.xml declaring exactly the fonts the document uses, with substitution hints."""
    fonts = etree.Element(qn("w:fonts"), nsmap={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"})
    for family in dict.fromkeys(families):
        font = etree.SubElement(fonts, qn("w:font"))
        font.set(qn("w:name"), family)
        hints = FONT_HINTS.get(family, {"family": "auto", "pitch": "variable"})
        for tag in _FONT_ORDER:
            if tag in hints:
                etree.SubElement(font, qn(f"w:{tag}")).set(qn("w:val"), hints[tag])
    return etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)
