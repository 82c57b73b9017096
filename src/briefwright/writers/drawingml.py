"""Slide shapes written straight into the slide's XML tree.

python-pptx builds each shape from a parsed template and sets every attribute through proxy
objects that look their elements up again by XPath; for a deck of a few hundred runs that was
most of the writer's time. The elements here are the ones python-pptx's own add_textbox,
add_shape and add_group_shape produce, with the attributes our writer then set through its
API, in the same order, so the saved XML is byte for byte what it was: tests/test_direct_xml.py
compares the two, and `make bench` prints a digest of every output to compare across commits.
python-pptx still opens the reference deck, adds slides, pictures and notes, and saves the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from pptx.util import Pt

from briefwright.writers.ooxml import a_tag, p_tag, set_bullet, set_drawing_fonts, set_paragraph_spacing

# python-pptx's defaults for a text body's insets: an attribute equal to its default is left out.
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
PRESET = {"rect": "rect", "oval": "ellipse", "rounded": "roundRect"}


def escape_control(text: str) -> str:
    """Control characters as python-pptx writes them in a:t (_xHHHH_); content validation refuses
    them, so this matters only for text from a reference deck."""
    return _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)


class ShapeIds:
    """The next shape id of one slide: one more than the largest @id anywhere in the slide part,
    as python-pptx counts, without searching the whole part for every shape."""

    def __init__(self, slide_element: etree._Element) -> None:
        used = [int(value) for value in slide_element.xpath("//@id") if value.isdigit()]
        self._last = max(used, default=0)

    def take(self) -> int:
        self._last += 1
        return self._last

    def saw(self, shape_id: int) -> None:
        """A shape python-pptx itself added (a picture) took this id."""
        self._last = max(self._last, shape_id)


@dataclass(frozen=True)
class Frame:
    """Where a shape sits, in EMU."""

    x: int
    y: int
    w: int
    h: int


def _insert_shape(tree: etree._Element, tag: str) -> etree._Element:
    """A new shape at the end of the shape tree, before its extension list if it has one (as
    python-pptx adds shapes). Made with SubElement, in the slide's own tree, so the element has
    python-pptx's element class should python-pptx reach it later."""
    shape = etree.SubElement(tree, tag)
    extensions = tree.find(p_tag("extLst"))
    if extensions is not None:
        extensions.addprevious(shape)
    return shape


def _non_visual(shape: etree._Element, group: bool, shape_id: int, name: str, text_box: bool) -> None:
    holder = etree.SubElement(shape, p_tag("nvGrpSpPr" if group else "nvSpPr"))
    c_nv_pr = etree.SubElement(holder, p_tag("cNvPr"))
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name)
    drawing = etree.SubElement(holder, p_tag("cNvGrpSpPr" if group else "cNvSpPr"))
    if text_box:
        drawing.set("txBox", "1")
    etree.SubElement(holder, p_tag("nvPr"))


def _xfrm(parent: etree._Element, frame: Frame) -> etree._Element:
    xfrm = etree.SubElement(parent, a_tag("xfrm"))
    offset = etree.SubElement(xfrm, a_tag("off"))
    offset.set("x", str(frame.x))
    offset.set("y", str(frame.y))
    extent = etree.SubElement(xfrm, a_tag("ext"))
    extent.set("cx", str(frame.w))
    extent.set("cy", str(frame.h))
    return xfrm


def _preset(parent: etree._Element, preset: str) -> None:
    geometry = etree.SubElement(parent, a_tag("prstGeom"))
    geometry.set("prst", preset)
    etree.SubElement(geometry, a_tag("avLst"))


def _solid_fill(parent: etree._Element, rgb: str) -> None:
    fill = etree.SubElement(parent, a_tag("solidFill"))
    etree.SubElement(fill, a_tag("srgbClr")).set("val", rgb)


def add_text_box(tree: etree._Element, shape_id: int, name: str, frame: Frame) -> etree._Element:
    """A text box with no fill and an empty text body (python-pptx's add_textbox)."""
    shape = _insert_shape(tree, p_tag("sp"))
    _non_visual(shape, False, shape_id, name, text_box=True)
    properties = etree.SubElement(shape, p_tag("spPr"))
    _xfrm(properties, frame)
    _preset(properties, "rect")
    etree.SubElement(properties, a_tag("noFill"))
    body = etree.SubElement(shape, p_tag("txBody"))
    etree.SubElement(etree.SubElement(body, a_tag("bodyPr"), wrap="none"), a_tag("spAutoFit"))
    etree.SubElement(body, a_tag("lstStyle"))
    etree.SubElement(body, a_tag("p"))
    return shape


def add_filled_shape(tree: etree._Element, shape_id: int, name: str, preset: str, frame: Frame,
                     rgb: str) -> etree._Element:
    """A preset shape filled with one colour, with no outline, no shadow and no autofit
    (python-pptx's add_shape, then fill.solid(), line.fill.background(), shadow.inherit = False)."""
    shape = _insert_shape(tree, p_tag("sp"))
    _non_visual(shape, False, shape_id, name, text_box=False)
    properties = etree.SubElement(shape, p_tag("spPr"))
    _xfrm(properties, frame)
    _preset(properties, preset)
    _solid_fill(properties, rgb)
    etree.SubElement(etree.SubElement(properties, a_tag("ln")), a_tag("noFill"))
    etree.SubElement(properties, a_tag("effectLst"))
    style = etree.SubElement(shape, p_tag("style"))
    for local, index in (("lnRef", "1"), ("fillRef", "3"), ("effectRef", "2")):
        etree.SubElement(etree.SubElement(style, a_tag(local), idx=index), a_tag("schemeClr"), val="accent1")
    etree.SubElement(etree.SubElement(style, a_tag("fontRef"), idx="minor"), a_tag("schemeClr"), val="lt1")
    body = etree.SubElement(shape, p_tag("txBody"))
    body_pr = etree.SubElement(body, a_tag("bodyPr"), rtlCol="0", anchor="ctr")
    etree.SubElement(body_pr, a_tag("noAutofit"))
    etree.SubElement(body, a_tag("lstStyle"))
    etree.SubElement(etree.SubElement(body, a_tag("p")), a_tag("pPr"), algn="ctr")
    return shape


def add_group(tree: etree._Element, shape_id: int, name: str) -> etree._Element:
    """An empty group; fit_group sizes it once its members are in."""
    group = _insert_shape(tree, p_tag("grpSp"))
    _non_visual(group, True, shape_id, name, text_box=False)
    xfrm = _xfrm(etree.SubElement(group, p_tag("grpSpPr")), Frame(0, 0, 0, 0))
    etree.SubElement(xfrm, a_tag("chOff"), x="0", y="0")
    etree.SubElement(xfrm, a_tag("chExt"), cx="0", cy="0")
    return group


# The elements a shape tree (or a group) holds as shapes, as python-pptx iterates them.
_MEMBER_TAGS = {p_tag(local) for local in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}


def placeholder_index(shape: etree._Element) -> int | None:
    """The placeholder index of a top-level shape (0 when p:ph gives none), or None for a
    shape that is not a placeholder."""
    if shape.tag not in _MEMBER_TAGS or not len(shape):
        return None
    properties = shape[0].find(p_tag("nvPr"))
    placeholder = properties.find(p_tag("ph")) if properties is not None else None
    return None if placeholder is None else int(placeholder.get("idx", "0"))


def place(shape: etree._Element, name: str, frame: Frame) -> None:
    """Name a shape and set its frame, creating a:xfrm, a:off and a:ext where the shape
    inherits them (a placeholder takes its place from its layout until it has its own)."""
    shape[0].find(p_tag("cNvPr")).set("name", name)
    properties = shape.find(p_tag("spPr"))
    xfrm = properties.find(a_tag("xfrm"))
    if xfrm is None:
        xfrm = etree.SubElement(properties, a_tag("xfrm"))
        properties.insert(0, xfrm)
    offset = xfrm.find(a_tag("off"))
    if offset is None:
        offset = etree.SubElement(xfrm, a_tag("off"))
        xfrm.insert(0, offset)
    extent = xfrm.find(a_tag("ext"))
    if extent is None:
        extent = etree.SubElement(xfrm, a_tag("ext"))
        offset.addnext(extent)
    offset.set("x", str(frame.x))
    offset.set("y", str(frame.y))
    extent.set("cx", str(frame.w))
    extent.set("cy", str(frame.h))


def _frame_of(shape: etree._Element) -> Frame:
    holder = shape.find(p_tag("grpSpPr" if shape.tag == p_tag("grpSp") else "spPr"))
    xfrm = holder.find(a_tag("xfrm"))
    offset, extent = xfrm.find(a_tag("off")), xfrm.find(a_tag("ext"))
    return Frame(int(offset.get("x")), int(offset.get("y")), int(extent.get("cx")), int(extent.get("cy")))


def fit_group(group: etree._Element) -> None:
    """Set a group's frame and child frame to the box around its members (python-pptx's
    recalculate_extents; member groups must be fitted first)."""
    frames = [_frame_of(member) for member in group if member.tag in _MEMBER_TAGS]
    if frames:
        x, y = min(f.x for f in frames), min(f.y for f in frames)
        box = Frame(x, y, max(f.x + f.w for f in frames) - x, max(f.y + f.h for f in frames) - y)
    else:
        box = Frame(0, 0, 0, 0)
    xfrm = group.find(p_tag("grpSpPr")).find(a_tag("xfrm"))
    for offset_tag, extent_tag in (("off", "ext"), ("chOff", "chExt")):
        xfrm.find(a_tag(offset_tag)).attrib.update({"x": str(box.x), "y": str(box.y)})
        xfrm.find(a_tag(extent_tag)).attrib.update({"cx": str(box.w), "cy": str(box.h)})


@dataclass(frozen=True)
class RunFormat:
    size_pt: float
    bold: bool
    italic: bool
    rgb: str
    caps: bool
    latin: str
    east_asian: str


@dataclass(frozen=True)
class ParagraphFormat:
    align: str  # a:pPr@algn
    line_pt: float
    before_pt: float
    bullet: str | None
    bullet_font: str
    bullet_rgb: str
    indent_pt: float
    hanging_pt: float


def set_body(body_pr: etree._Element, anchor: str, inset_emu: int) -> None:
    """Square wrap, no autofit, the anchor and the insets (TextFrame's word_wrap, auto_size,
    vertical_anchor and margins, set in that order)."""
    body_pr.set("wrap", "square")
    for local in ("noAutofit", "normAutofit", "spAutoFit"):
        for old in body_pr.findall(a_tag(local)):
            body_pr.remove(old)
    # CT_TextBodyProperties: prstTxWarp comes before the autofit choice; scene3d, sp3d, flatTx, extLst after.
    after = next((child for child in body_pr if child.tag in
                  {a_tag("scene3d"), a_tag("sp3d"), a_tag("flatTx"), a_tag("extLst")}), None)
    autofit = etree.SubElement(body_pr, a_tag("noAutofit"))
    if after is not None:
        after.addprevious(autofit)
    body_pr.set("anchor", anchor)
    for attribute, default in _DEFAULT_INSETS.items():
        if inset_emu == default:
            body_pr.attrib.pop(attribute, None)
        else:
            body_pr.set(attribute, str(inset_emu))


def clear_text(body: etree._Element) -> etree._Element:
    """Keep the first paragraph, emptied of runs, breaks and fields but not of its properties
    (TextFrame.clear); return it."""
    paragraphs = body.findall(a_tag("p"))
    for extra in paragraphs[1:]:
        body.remove(extra)
    first = paragraphs[0]
    for child in list(first):
        if child.tag in (a_tag("r"), a_tag("br"), a_tag("fld")):
            first.remove(child)
    return first


def format_paragraph(paragraph: etree._Element, fmt: ParagraphFormat) -> None:
    ppr = paragraph.find(a_tag("pPr"))
    if ppr is None:
        ppr = etree.SubElement(paragraph, a_tag("pPr"))
        paragraph.insert(0, ppr)
    ppr.set("algn", fmt.align)
    set_paragraph_spacing(ppr, fmt.line_pt, fmt.before_pt)
    set_bullet(ppr, fmt.bullet, fmt.bullet_font, fmt.bullet_rgb, Pt(fmt.indent_pt), Pt(fmt.hanging_pt))


def add_run(paragraph: etree._Element, text: str, fmt: RunFormat) -> None:
    """One run, before the paragraph's end properties if it has them."""
    end = paragraph.find(a_tag("endParaRPr"))
    run = etree.SubElement(paragraph, a_tag("r"))
    if end is not None:
        end.addprevious(run)
    rpr = etree.SubElement(run, a_tag("rPr"))
    rpr.set("sz", str(Pt(fmt.size_pt).centipoints))
    rpr.set("b", "1" if fmt.bold else "0")
    rpr.set("i", "1" if fmt.italic else "0")
    # Said either way: a master's text styles may set capitals, which would widen what was measured.
    rpr.set("cap", "all" if fmt.caps else "none")
    rpr.set("lang", "en-US")
    _solid_fill(rpr, fmt.rgb)
    set_drawing_fonts(rpr, fmt.latin, fmt.east_asian)
    etree.SubElement(run, a_tag("t")).text = escape_control(text)
