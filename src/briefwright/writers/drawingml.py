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

from briefwright.writers.ooxml import A_NS, P_NS, set_bullet, set_drawing_fonts, set_paragraph_spacing

_EMU_PER_INCH = 914400
_EMU_PER_POINT = 12700
# python-pptx's defaults for a text body's insets: an attribute equal to its default is left out.
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
PRESET = {"rect": "rect", "oval": "ellipse", "rounded": "roundRect"}


def _a(local: str) -> str:
    return f"{{{A_NS}}}{local}"


def _p(local: str) -> str:
    return f"{{{P_NS}}}{local}"


def inches(value: float) -> int:
    """EMU as python-pptx's Inches() truncates them."""
    return int(value * _EMU_PER_INCH)


def points(value: float) -> int:
    """EMU as python-pptx's Pt() truncates them."""
    return int(value * _EMU_PER_POINT)


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
    extensions = tree.find(_p("extLst"))
    if extensions is not None:
        extensions.addprevious(shape)
    return shape


def _non_visual(shape: etree._Element, group: bool, shape_id: int, name: str, text_box: bool) -> None:
    holder = etree.SubElement(shape, _p("nvGrpSpPr" if group else "nvSpPr"))
    c_nv_pr = etree.SubElement(holder, _p("cNvPr"))
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name)
    drawing = etree.SubElement(holder, _p("cNvGrpSpPr" if group else "cNvSpPr"))
    if text_box:
        drawing.set("txBox", "1")
    etree.SubElement(holder, _p("nvPr"))


def _xfrm(parent: etree._Element, frame: Frame) -> etree._Element:
    xfrm = etree.SubElement(parent, _a("xfrm"))
    offset = etree.SubElement(xfrm, _a("off"))
    offset.set("x", str(frame.x))
    offset.set("y", str(frame.y))
    extent = etree.SubElement(xfrm, _a("ext"))
    extent.set("cx", str(frame.w))
    extent.set("cy", str(frame.h))
    return xfrm


def _preset(parent: etree._Element, preset: str) -> None:
    geometry = etree.SubElement(parent, _a("prstGeom"))
    geometry.set("prst", preset)
    etree.SubElement(geometry, _a("avLst"))


def _solid_fill(parent: etree._Element, rgb: str) -> None:
    fill = etree.SubElement(parent, _a("solidFill"))
    etree.SubElement(fill, _a("srgbClr")).set("val", rgb)


def add_text_box(tree: etree._Element, shape_id: int, name: str, frame: Frame) -> etree._Element:
    """A text box with no fill and an empty text body (python-pptx's add_textbox)."""
    shape = _insert_shape(tree, _p("sp"))
    _non_visual(shape, False, shape_id, name, text_box=True)
    properties = etree.SubElement(shape, _p("spPr"))
    _xfrm(properties, frame)
    _preset(properties, "rect")
    etree.SubElement(properties, _a("noFill"))
    body = etree.SubElement(shape, _p("txBody"))
    etree.SubElement(etree.SubElement(body, _a("bodyPr"), wrap="none"), _a("spAutoFit"))
    etree.SubElement(body, _a("lstStyle"))
    etree.SubElement(body, _a("p"))
    return shape


def add_filled_shape(tree: etree._Element, shape_id: int, name: str, preset: str, frame: Frame,
                     rgb: str) -> etree._Element:
    """A preset shape filled with one colour, with no outline, no shadow and no autofit
    (python-pptx's add_shape, then fill.solid(), line.fill.background(), shadow.inherit = False)."""
    shape = _insert_shape(tree, _p("sp"))
    _non_visual(shape, False, shape_id, name, text_box=False)
    properties = etree.SubElement(shape, _p("spPr"))
    _xfrm(properties, frame)
    _preset(properties, preset)
    _solid_fill(properties, rgb)
    etree.SubElement(etree.SubElement(properties, _a("ln")), _a("noFill"))
    etree.SubElement(properties, _a("effectLst"))
    style = etree.SubElement(shape, _p("style"))
    for local, index in (("lnRef", "1"), ("fillRef", "3"), ("effectRef", "2")):
        etree.SubElement(etree.SubElement(style, _a(local), idx=index), _a("schemeClr"), val="accent1")
    etree.SubElement(etree.SubElement(style, _a("fontRef"), idx="minor"), _a("schemeClr"), val="lt1")
    body = etree.SubElement(shape, _p("txBody"))
    body_pr = etree.SubElement(body, _a("bodyPr"), rtlCol="0", anchor="ctr")
    etree.SubElement(body_pr, _a("noAutofit"))
    etree.SubElement(body, _a("lstStyle"))
    etree.SubElement(etree.SubElement(body, _a("p")), _a("pPr"), algn="ctr")
    return shape


def add_group(tree: etree._Element, shape_id: int, name: str) -> etree._Element:
    """An empty group; fit_group sizes it once its members are in."""
    group = _insert_shape(tree, _p("grpSp"))
    _non_visual(group, True, shape_id, name, text_box=False)
    xfrm = _xfrm(etree.SubElement(group, _p("grpSpPr")), Frame(0, 0, 0, 0))
    etree.SubElement(xfrm, _a("chOff"), x="0", y="0")
    etree.SubElement(xfrm, _a("chExt"), cx="0", cy="0")
    return group


# The elements a shape tree (or a group) holds as shapes, as python-pptx iterates them.
_MEMBER_TAGS = {_p(local) for local in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}


def placeholder_index(shape: etree._Element) -> int | None:
    """The placeholder index of a top-level shape (0 when p:ph gives none), or None for a
    shape that is not a placeholder."""
    if shape.tag not in _MEMBER_TAGS or not len(shape):
        return None
    properties = shape[0].find(_p("nvPr"))
    placeholder = properties.find(_p("ph")) if properties is not None else None
    return None if placeholder is None else int(placeholder.get("idx", "0"))


def place(shape: etree._Element, name: str, frame: Frame) -> None:
    """Name a shape and set its frame, creating a:xfrm, a:off and a:ext where the shape
    inherits them (a placeholder takes its place from its layout until it has its own)."""
    shape[0].find(_p("cNvPr")).set("name", name)
    properties = shape.find(_p("spPr"))
    xfrm = properties.find(_a("xfrm"))
    if xfrm is None:
        xfrm = etree.SubElement(properties, _a("xfrm"))
        properties.insert(0, xfrm)
    offset = xfrm.find(_a("off"))
    if offset is None:
        offset = etree.SubElement(xfrm, _a("off"))
        xfrm.insert(0, offset)
    extent = xfrm.find(_a("ext"))
    if extent is None:
        extent = etree.SubElement(xfrm, _a("ext"))
        offset.addnext(extent)
    offset.set("x", str(frame.x))
    offset.set("y", str(frame.y))
    extent.set("cx", str(frame.w))
    extent.set("cy", str(frame.h))


def _frame_of(shape: etree._Element) -> Frame:
    holder = shape.find(_p("grpSpPr" if shape.tag == _p("grpSp") else "spPr"))
    xfrm = holder.find(_a("xfrm"))
    offset, extent = xfrm.find(_a("off")), xfrm.find(_a("ext"))
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
    xfrm = group.find(_p("grpSpPr")).find(_a("xfrm"))
    for offset_tag, extent_tag in (("off", "ext"), ("chOff", "chExt")):
        xfrm.find(_a(offset_tag)).attrib.update({"x": str(box.x), "y": str(box.y)})
        xfrm.find(_a(extent_tag)).attrib.update({"cx": str(box.w), "cy": str(box.h)})


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
        for old in body_pr.findall(_a(local)):
            body_pr.remove(old)
    # CT_TextBodyProperties: prstTxWarp comes before the autofit choice; scene3d, sp3d, flatTx, extLst after.
    after = next((child for child in body_pr if child.tag in
                  {_a("scene3d"), _a("sp3d"), _a("flatTx"), _a("extLst")}), None)
    autofit = etree.SubElement(body_pr, _a("noAutofit"))
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
    paragraphs = body.findall(_a("p"))
    for extra in paragraphs[1:]:
        body.remove(extra)
    first = paragraphs[0]
    for child in list(first):
        if child.tag in (_a("r"), _a("br"), _a("fld")):
            first.remove(child)
    return first


def format_paragraph(paragraph: etree._Element, fmt: ParagraphFormat) -> None:
    ppr = paragraph.find(_a("pPr"))
    if ppr is None:
        ppr = etree.SubElement(paragraph, _a("pPr"))
        paragraph.insert(0, ppr)
    ppr.set("algn", fmt.align)
    set_paragraph_spacing(ppr, fmt.line_pt, fmt.before_pt)
    set_bullet(ppr, fmt.bullet, fmt.bullet_font, fmt.bullet_rgb, points(fmt.indent_pt), points(fmt.hanging_pt))


def add_run(paragraph: etree._Element, text: str, fmt: RunFormat) -> None:
    """One run, before the paragraph's end properties if it has them."""
    end = paragraph.find(_a("endParaRPr"))
    run = etree.SubElement(paragraph, _a("r"))
    if end is not None:
        end.addprevious(run)
    rpr = etree.SubElement(run, _a("rPr"))
    rpr.set("sz", str(int(points(fmt.size_pt) / 127)))
    rpr.set("b", "1" if fmt.bold else "0")
    rpr.set("i", "1" if fmt.italic else "0")
    if fmt.caps:
        rpr.set("cap", "all")
    rpr.set("lang", "en-US")
    _solid_fill(rpr, fmt.rgb)
    set_drawing_fonts(rpr, fmt.latin, fmt.east_asian)
    etree.SubElement(run, _a("t")).text = escape_control(text)
