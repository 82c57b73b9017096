"""A gallery of PowerPoint masters imitating what organisations use, made with python-pptx and lxml.

Each maker returns a master deck (no slides) built from python-pptx's default template and
reshaped: other slide sizes, moved placeholders, sidebars, logo bands, dark themes, CJK
theme fonts, localised layout names with vertical layouts listed first. `bad` has no
usable layout at all. Nothing here needs fonts or LibreOffice.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P}
EMU = 914400
GERMAN = {"Title Slide": "Titelfolie", "Title and Content": "Titel und Inhalt", "Section Header": "Abschnittsüberschrift",
          "Two Content": "Zwei Inhalte", "Comparison": "Vergleich", "Title Only": "Nur Titel", "Blank": "Leer",
          "Content with Caption": "Inhalt mit Überschrift", "Picture with Caption": "Bild mit Überschrift",
          "Title and Vertical Text": "Titel und vertikaler Text", "Vertical Title and Text": "Vertikaler Titel und Text"}
JAPANESE = {"Title Slide": "タイトル スライド", "Title and Content": "タイトルとコンテンツ",
            "Section Header": "セクション見出し",
            "Two Content": "2 つのコンテンツ", "Comparison": "比較", "Title Only": "タイトルのみ", "Blank": "白紙",
            "Content with Caption": "タイトル付きのコンテンツ", "Picture with Caption": "タイトル付きの図",
            "Title and Vertical Text": "タイトルと縦書きテキスト",
            "Vertical Title and Text": "縦書きタイトルと縦書きテキスト"}


def _parts(presentation) -> list[etree._Element]:
    master = presentation.slide_master
    return [master._element, *(layout._element for layout in master.slide_layouts)]


def _scale(presentation, width: float, height: float) -> None:
    """Set the slide size and stretch every frame on the master and layouts to match."""
    sx, sy = width * EMU / presentation.slide_width, height * EMU / presentation.slide_height
    presentation.slide_width, presentation.slide_height = Emu(round(width * EMU)), Emu(round(height * EMU))
    for part in _parts(presentation):
        for xfrm in part.iter(f"{{{A}}}xfrm"):
            off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
            if off is None or ext is None or ext.get("cx") == "0":
                continue
            off.set("x", str(round(int(off.get("x")) * sx)))
            off.set("y", str(round(int(off.get("y")) * sy)))
            ext.set("cx", str(round(int(ext.get("cx")) * sx)))
            ext.set("cy", str(round(int(ext.get("cy")) * sy)))


def _layout(presentation, name: str):
    return next(layout for layout in presentation.slide_layouts if layout.name == name)


def _frame(shape: etree._Element, x: float, y: float, w: float, h: float) -> None:
    properties = shape.find("p:spPr", NS)
    for old in properties.findall("a:xfrm", NS):
        properties.remove(old)
    xfrm = etree.Element(f"{{{A}}}xfrm")
    etree.SubElement(xfrm, f"{{{A}}}off", x=str(round(x * EMU)), y=str(round(y * EMU)))
    etree.SubElement(xfrm, f"{{{A}}}ext", cx=str(round(w * EMU)), cy=str(round(h * EMU)))
    properties.insert(0, xfrm)


def _placeholder(layout, kind: str) -> etree._Element:
    for shape in layout._element.iter(f"{{{P}}}sp"):
        ph = shape.find("./p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type", "obj") == kind:
            return shape
    raise KeyError(kind)


def _next_id(part: etree._Element) -> int:
    return max(int(c.get("id", 0)) for c in part.iter(f"{{{P}}}cNvPr")) + 1


def _band(part: etree._Element, name: str, x: float, y: float, w: float, h: float, colour: str) -> None:
    """A filled rectangle on a master or layout, drawn behind the slide's own shapes."""
    tree = part.find("./p:cSld/p:spTree", NS)
    shape = etree.fromstring(
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="{_next_id(part)}" name="{name}"/><p:cNvSpPr/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{round(x * EMU)}" y="{round(y * EMU)}"/>'
        f'<a:ext cx="{round(w * EMU)}" cy="{round(h * EMU)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>')
    tree.insert(2, shape)


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A plain RGB PNG, written by hand so the gallery needs no imaging library."""
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))  # noqa: E731
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _picture(owner, name: str, x: float, y: float, w: float, h: float) -> None:
    """A picture (the organisation's logo) on a master or layout."""
    _, r_id = owner.part.get_or_add_image_part(io.BytesIO(png(60, 20, (200, 30, 40))))
    part = owner._element
    tree = part.find("./p:cSld/p:spTree", NS)
    tree.append(etree.fromstring(
        f'<p:pic xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:nvPicPr><p:cNvPr id="{_next_id(part)}" name="{name}"/>'
        f'<p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</p:blipFill><p:spPr><a:xfrm><a:off x="{round(x * EMU)}" y="{round(y * EMU)}"/>'
        f'<a:ext cx="{round(w * EMU)}" cy="{round(h * EMU)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'</p:spPr></p:pic>'))


def _theme(presentation) -> tuple[object, etree._Element]:
    part = presentation.slide_master.part.part_related_by(RT.THEME)
    return part, etree.fromstring(part.blob)


def _set_theme(presentation, fonts: dict[str, str] | None = None, colours: dict[str, str] | None = None) -> None:
    part, theme = _theme(presentation)
    for key, typeface in (fonts or {}).items():  # "major/latin" → typeface
        which, script = key.split("/")
        theme.find(f".//a:fontScheme/a:{which}Font/a:{script}", NS).set("typeface", typeface)
    for key, value in (colours or {}).items():
        entry = theme.find(f".//a:clrScheme/a:{key}", NS)
        for child in list(entry):
            entry.remove(child)
        etree.SubElement(entry, f"{{{A}}}srgbClr", val=value)
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rename(presentation, names: dict[str, str]) -> None:
    for layout in presentation.slide_layouts:
        layout._element.find("p:cSld", NS).set("name", names.get(layout.name, layout.name))


def _vertical_first(presentation) -> None:
    listing = presentation.slide_master._element.find("p:sldLayoutIdLst", NS)
    entries = list(listing)
    for entry in reversed(entries[-2:]):  # the default's two vertical layouts are its last two
        listing.remove(entry)
        listing.insert(0, entry)


def four_three(presentation) -> None:
    """The default 4:3 master, its layouts renamed as organisations do ("CO Title")."""
    _rename(presentation, {name: f"CO {name}" for name in GERMAN})


def wide(presentation) -> None:
    _scale(presentation, 13.333, 7.5)


def a4_landscape(presentation) -> None:
    _scale(presentation, 11.69, 8.27)


def title_bottom(presentation) -> None:
    """16:9 with the title under the body, as some corporate masters place it."""
    _scale(presentation, 13.333, 7.5)
    for name in ("Title and Content", "Title Only"):
        layout = _layout(presentation, name)
        _frame(_placeholder(layout, "title"), 0.6, 5.7, 12.1, 1.1)
    _frame(_placeholder(_layout(presentation, "Title and Content"), "obj"), 0.6, 0.5, 12.1, 5.0)


def sidebar(presentation) -> None:
    """16:9 with a coloured sidebar band on the master that the placeholders run over."""
    _scale(presentation, 13.333, 7.5)
    _band(presentation.slide_master._element, "Sidebar", 0, 0, 3.2, 7.5, "2B4C7E")


def dark(presentation) -> None:
    """16:9 with a near-black background (text must be light) and titles styled in capitals, which
    briefwright's measured, mixed-case titles must not inherit."""
    _scale(presentation, 13.333, 7.5)
    title_style = presentation.slide_master._element.find("./p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", NS)
    title_style.set("cap", "all")
    _set_theme(presentation, colours={"dk1": "0D1117", "lt1": "F5F5F0", "accent1": "2F5FA8"})
    master = presentation.slide_master._element
    master.find("p:clrMap", NS).attrib.update({"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"})


def cjk_fonts(presentation) -> None:
    _scale(presentation, 13.333, 7.5)
    _set_theme(presentation, fonts={"major/latin": "Noto Sans CJK JP", "minor/latin": "Noto Sans CJK JP",
                                    "major/ea": "Noto Sans CJK JP", "minor/ea": "Noto Sans CJK JP"})


def german(presentation) -> None:
    _scale(presentation, 13.333, 7.5)
    _rename(presentation, GERMAN)
    _vertical_first(presentation)


def japanese(presentation) -> None:
    _rename(presentation, JAPANESE)
    _vertical_first(presentation)


def logo_band(presentation) -> None:
    """16:9 with a grey band across the top holding the organisation's logo, over the title's place."""
    _scale(presentation, 13.333, 7.5)
    _band(presentation.slide_master._element, "Top band", 0, 0, 13.333, 0.75, "D8DDE3")
    _picture(presentation.slide_master, "Organisation logo", 11.6, 0.12, 1.4, 0.5)


def bad(presentation) -> None:
    """Only the vertical layouts are left, and the title placeholders are taken off: nothing is usable."""
    for layout in list(presentation.slide_layouts):
        if layout.name not in ("Title and Vertical Text", "Vertical Title and Text", "Blank"):
            presentation.slide_layouts.remove(layout)
    blank = _layout(presentation, "Blank")
    presentation.slide_layouts.remove(blank)


MASTERS: dict[str, Callable] = {"four-three": four_three, "wide": wide, "a4-landscape": a4_landscape,
                                "title-bottom": title_bottom, "sidebar": sidebar, "dark": dark, "cjk-fonts": cjk_fonts,
                                "german": german, "japanese": japanese, "logo-band": logo_band}


def make(name: str, destination: Path) -> Path:
    """Write the named master (a key of MASTERS, or "bad") as destination/NAME.pptx."""
    presentation = Presentation()
    (MASTERS.get(name) or bad)(presentation)
    path = destination / f"{name}.pptx"
    presentation.save(str(path))
    return path


def make_all(destination: Path) -> dict[str, Path]:
    destination.mkdir(parents=True, exist_ok=True)
    return {name: make(name, destination) for name in [*MASTERS, "bad"]}
