"""Removing what a sanitised package no longer holds from the XML that stays.

An element that names a dropped or missing relationship is removed with the drawing,
object or control it belongs to (a hyperlink keeps its text), so every reference in a
kept part points at a kept part. Word fields and PowerPoint actions that fetch or run
something carry no relationship, so they are found by their instruction.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from briefwright.reference.policy import PPT_ACTIVE_ACTION, WORD_ACTIVE_FIELD

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NAMESPACES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                 "http://purl.oclc.org/ooxml/officeDocument/relationships")
# The smallest whole thing an element naming a relationship belongs to: removed as one.
_CONTAINERS = {"drawing", "pict", "object", "control", "pic", "graphicFrame", "legacyDrawing", "oleObj"}
_UNWRAP = {"hyperlink"}  # Word's hyperlink: the link goes, its text stays
_EMPTY_LISTS = {"notesMasterIdLst", "handoutMasterIdLst", "controls", "oleObjLst"}

Warn = Callable[[str], None]


def _localname(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _relationship_ids(element: etree._Element) -> list[str]:
    return [value for name, value in element.attrib.items()
            if value and any(name.startswith(f"{{{ns}}}") for ns in _R_NAMESPACES)]


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if _localname(element) in _UNWRAP:
        index = parent.index(element)
        for offset, child in enumerate(list(element)):
            parent.insert(index + offset, child)
    tail = element.tail
    parent.remove(element)
    if tail and len(parent):  # keep the text that followed (rare in OOXML, but never lose words)
        parent[-1].tail = (parent[-1].tail or "") + tail
    if _localname(parent) in _EMPTY_LISTS and len(parent) == 0:
        _remove(parent)


def _container(element: etree._Element, root: etree._Element) -> etree._Element:
    if _localname(element) in _UNWRAP:
        return element
    probe: etree._Element | None = element
    while probe is not None and probe is not root:
        if _localname(probe) in _CONTAINERS:
            return probe
        probe = probe.getparent()
    return element


# Elements that exist only to name a relationship: one that names none is removed too.
_MUST_NAME = {"sldLayoutId", "sldMasterId", "notesMasterId", "handoutMasterId", "headerReference",
              "footerReference"}


def drop_references(root: etree._Element, kept_ids: set[str]) -> bool:
    """Remove what names a relationship not in kept_ids. Returns whether anything changed."""
    names = " or ".join(f"local-name()='{name}'" for name in sorted(_MUST_NAME))
    nameless = [element for element in root.xpath(f"//*[{names}]") if not _relationship_ids(element)]
    for element in nameless:
        _remove(element)
    # XPath finds the few elements with a relationship attribute in C; styles.xml has thousands of elements.
    carriers = root.xpath("//*[@r1:* or @r2:*]", namespaces={"r1": _R_NAMESPACES[0], "r2": _R_NAMESPACES[1]})
    doomed = [element for element in carriers if any(rid not in kept_ids for rid in _relationship_ids(element))]
    for element in doomed:
        target = _container(element, root)
        if target is not root and target.getparent() is not None:
            _remove(target)
    return bool(doomed or nameless)


def empty_word_body(root: etree._Element) -> bool:
    """A reference document lends styles and page set-up, never content: only sectPr stays."""
    body = root.find(f"{{{W_NS}}}body")
    if body is None:
        return False
    doomed = [child for child in body if _localname(child) != "sectPr"]
    for child in doomed:
        body.remove(child)
    return bool(doomed)


def drop_note_separators(root: etree._Element) -> bool:
    """Settings name the separator notes of footnote and endnote parts that are not kept."""
    doomed = [element for element in root.iter(f"{{{W_NS}}}footnote", f"{{{W_NS}}}endnote")
              if _localname(element.getparent()) in ("footnotePr", "endnotePr")]
    for element in doomed:
        element.getparent().remove(element)
    return bool(doomed)


def drop_active_fields(root: etree._Element, warn: Warn) -> bool:
    """Word fields that fetch a file or address, or run DDE: simple ones keep their shown text;
    a complex field's instruction is emptied, so it shows its last result and fetches nothing."""
    changed = False
    for simple in list(root.iter(f"{{{W_NS}}}fldSimple")):
        instruction = simple.get(f"{{{W_NS}}}instr", "")
        if WORD_ACTIVE_FIELD.match(instruction):
            warn(f"a field that fetches or runs something ({instruction.split()[0].upper()})")
            _unwrap(simple)
            changed = True
    for text in list(root.iter(f"{{{W_NS}}}instrText")):
        if WORD_ACTIVE_FIELD.match(text.text or ""):
            warn(f"a field that fetches or runs something ({(text.text or '').split()[0].upper()})")
            text.text = ""
            changed = True
    return changed


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def drop_active_actions(root: etree._Element, warn: Warn) -> bool:
    """PowerPoint click and hover actions that start a program, a macro or an OLE verb."""
    doomed = [element for element in root.iter()
              if _localname(element) in ("hlinkClick", "hlinkHover", "hlinkMouseOver")
              and PPT_ACTIVE_ACTION.match(element.get("action", ""))]
    for element in doomed:
        warn(f"a click action '{element.get('action', '')[:60]}'")
        element.getparent().remove(element)
    return bool(doomed)
