"""Read a PowerPoint master: slide size, layouts and placeholders, obstacles, theme and backgrounds.

Everything is read from the package's XML, so any master can be described: renamed or
localised layouts, placeholders that inherit their frame from the master, dark themes.
Lengths are in inches from the slide's top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from briefwright.diagnostics import Report
from briefwright.reference.load import cached_by_version, open_reference_deck

EMU = 914400
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": _A, "p": _P}
_DEFAULT_INSETS = (0.1, 0.05, 0.1, 0.05)  # left, top, right, bottom: DrawingML's defaults
VERTICAL = {"vert", "vert270", "eaVert", "wordArtVert", "wordArtVertRtl", "mongolianVert"}
BACKGROUND_SHARE = 0.6  # a filled shape covering this much of the slide is its background, not an obstacle


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def area(self) -> float:
        return max(self.w, 0.0) * max(self.h, 0.0)

    def overlaps(self, other: Rect, slack: float = 0.005) -> bool:
        return (self.x < other.right - slack and other.x < self.right - slack
                and self.y < other.bottom - slack and other.y < self.bottom - slack)

    def __str__(self) -> str:
        return f"{self.w:.2f} × {self.h:.2f} in at ({self.x:.2f}, {self.y:.2f})"


@dataclass(frozen=True)
class Placeholder:
    type: str  # title, ctrTitle, subTitle, body, obj, pic, dt, ftr, sldNum, …
    idx: int
    rect: Rect | None
    insets: tuple[float, float, float, float] = _DEFAULT_INSETS
    autofit: str = "none"  # none | shrink (normAutofit) | grow (spAutoFit)
    vertical: str = ""  # the bodyPr vert value when the text runs vertically
    rotation: float = 0.0  # degrees

    @property
    def upright(self) -> bool:
        return not self.vertical and self.rotation % 360 == 0


@dataclass(frozen=True)
class Obstacle:
    kind: str  # picture | shape | group
    name: str
    rect: Rect
    source: str  # "layout" | "master"


@dataclass
class Layout:
    name: str
    master: int
    index: int  # position among its master's layouts
    placeholders: list[Placeholder]
    obstacles: list[Obstacle]
    background: str  # RRGGBB the layout draws behind its text
    background_note: str = ""  # why the colour is an estimate (a picture or gradient background)


@dataclass
class Theme:
    major_latin: str = ""
    minor_latin: str = ""
    major_east_asian: str = ""
    minor_east_asian: str = ""
    colours: dict[str, str] = field(default_factory=dict)  # dk1, lt1, dk2, lt2, accent1…6 → RRGGBB
    colour_map: dict[str, str] = field(default_factory=dict)  # bg1 → lt1, tx1 → dk1, …


@dataclass
class Master:
    path: Path
    width: float
    height: float
    layouts: list[Layout]
    theme: Theme
    slide_count: int

    def colour(self, role: str) -> str:
        """A scheme role (tx1, bg1, accent1 …) as RRGGBB, through the master's colour map."""
        return self.theme.colours.get(self.theme.colour_map.get(role, role), "000000")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _rect(shape: etree._Element) -> Rect | None:
    xfrm = shape.find("./p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = shape.find("./p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = shape.find("./p:xfrm", NS)  # graphic frames
    off, ext = (xfrm.find("a:off", NS), xfrm.find("a:ext", NS)) if xfrm is not None else (None, None)
    if off is None or ext is None:
        return None
    return Rect(int(off.get("x", 0)) / EMU, int(off.get("y", 0)) / EMU,
                int(ext.get("cx", 0)) / EMU, int(ext.get("cy", 0)) / EMU)


def _rotation(shape: etree._Element) -> float:
    xfrm = shape.find("./p:spPr/a:xfrm", NS)
    return int(xfrm.get("rot", 0)) / 60000 if xfrm is not None else 0.0


def _ph(shape: etree._Element) -> etree._Element | None:
    return shape.find("./*/p:nvPr/p:ph", NS)


def _body_properties(shape: etree._Element) -> etree._Element | None:
    return shape.find("./p:txBody/a:bodyPr", NS)


def _placeholder(shape: etree._Element, inherited: dict[str, Placeholder]) -> Placeholder:
    ph = _ph(shape)
    assert ph is not None
    kind = ph.get("type", "obj")
    idx = int(ph.get("idx", 0))
    parent = inherited.get(kind) or inherited.get({"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(kind, ""))
    rect = _rect(shape) or (parent.rect if parent else None)
    insets, autofit, vertical = _text_frame(_body_properties(shape), parent)
    if ph.get("orient") == "vert" and not vertical:
        vertical = "vert"  # a placeholder declared vertical, whatever its body properties say
    rotation = _rotation(shape) if _rect(shape) is not None else (parent.rotation if parent else 0.0)
    return Placeholder(kind, idx, rect, insets, autofit, vertical, rotation)


def _text_frame(body: etree._Element | None,
                parent: Placeholder | None) -> tuple[tuple[float, float, float, float], str, str]:
    """Insets, autofit and text direction: the shape's own body properties where it sets them,
    else what it inherits from the master's placeholder (else DrawingML's defaults)."""
    insets = parent.insets if parent else _DEFAULT_INSETS
    vertical = parent.vertical if parent else ""
    autofit = parent.autofit if parent else "none"
    if body is None:
        return insets, autofit, vertical
    insets = tuple(int(body.get(name)) / EMU if body.get(name) is not None else default  # type: ignore[assignment]
                   for name, default in zip(("lIns", "tIns", "rIns", "bIns"), insets))
    if body.get("vert") is not None:
        vertical = body.get("vert") if body.get("vert") in VERTICAL else ""
    for local, meaning in (("normAutofit", "shrink"), ("spAutoFit", "grow"), ("noAutofit", "none")):
        if body.find(f"a:{local}", NS) is not None:
            autofit = meaning
    return insets, autofit, vertical


def _filled(shape: etree._Element) -> bool:
    properties = shape.find("p:spPr", NS)
    if properties is None:
        return False
    if properties.find("a:noFill", NS) is not None and properties.find("a:ln", NS) is None:
        return False
    return any(properties.find(f"a:{fill}", NS) is not None for fill in ("solidFill", "gradFill", "blipFill", "pattFill")) \
        or shape.find("./p:style/a:fillRef", NS) is not None and properties.find("a:noFill", NS) is None


def _shape_fill(shape: etree._Element) -> etree._Element | None:
    return shape.find("./p:spPr/a:solidFill", NS)


def _tree(part_element: etree._Element) -> etree._Element:
    return part_element.find("./p:cSld/p:spTree", NS)


class _Reader:
    def __init__(self, theme: Theme, width: float, height: float) -> None:
        self.theme = theme
        self.slide_area = width * height

    def colour(self, holder: etree._Element | None, colour_map: dict[str, str]) -> str | None:
        """RRGGBB of the first colour element inside holder (srgbClr, schemeClr, sysClr, prstClr)."""
        if holder is None:
            return None
        for element in holder.iter():
            local = _local(element) if isinstance(element.tag, str) else ""
            if local == "srgbClr":
                return element.get("val", "000000").upper()
            if local == "sysClr":
                return element.get("lastClr", "000000").upper()
            if local == "schemeClr":
                role = element.get("val", "tx1")
                return self.theme.colours.get(colour_map.get(role, role), "000000")
            if local == "prstClr":
                return {"black": "000000", "white": "FFFFFF"}.get(element.get("val", ""), "808080")
        return None

    def background(self, part: etree._Element, colour_map: dict[str, str]) -> tuple[str | None, str]:
        bg = part.find("./p:cSld/p:bg", NS)
        if bg is None:
            return None, ""
        properties = bg.find("p:bgPr", NS)
        if properties is not None:
            if properties.find("a:blipFill", NS) is not None:
                return None, "a picture background: contrast is judged against the master's colour"
            note = "a gradient background: contrast is judged against its first stop" \
                if properties.find("a:gradFill", NS) is not None else ""
            return self.colour(properties, colour_map), note
        reference = bg.find("p:bgRef", NS)
        return self.colour(reference, colour_map), ""

    def obstacles(self, part: etree._Element, source: str, colour_map: dict[str, str]) -> tuple[list[Obstacle], str | None]:
        """Pictures and filled shapes, and the colour of a shape so large it is the background."""
        found: list[Obstacle] = []
        backdrop: str | None = None
        for shape in _tree(part):
            local = _local(shape) if isinstance(shape.tag, str) else ""
            if local not in ("sp", "pic", "grpSp", "graphicFrame") or _ph(shape) is not None:
                continue
            rect = _rect(shape)
            if rect is None or rect.area <= 0:
                continue
            name_holder = shape.find("./*/p:cNvPr", NS)
            name = name_holder.get("name", "") if name_holder is not None else ""
            if local == "sp" and not _filled(shape) and shape.find("p:txBody", NS) is None:
                continue  # an outline or an empty text box draws nothing that text could collide with
            if local == "sp" and rect.area >= BACKGROUND_SHARE * self.slide_area:
                backdrop = self.colour(_shape_fill(shape), colour_map) or backdrop
                continue
            kind = {"pic": "picture", "grpSp": "group", "graphicFrame": "graphic"}.get(local, "shape")
            found.append(Obstacle(kind, name, rect, source))
        return found, backdrop


def _theme(master_part) -> Theme:
    theme = Theme()
    try:
        element = etree.fromstring(master_part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return theme
    scheme = element.find(".//a:clrScheme", NS)
    for entry in scheme if scheme is not None else []:
        if not isinstance(entry.tag, str):
            continue
        value = next((c.get("lastClr") or c.get("val") for c in entry if isinstance(c.tag, str)), None)
        if value:
            theme.colours[_local(entry)] = value.upper()
    for which in ("major", "minor"):
        font = element.find(f".//a:fontScheme/a:{which}Font", NS)
        if font is None:
            continue
        latin, east_asian = font.find("a:latin", NS), font.find("a:ea", NS)
        setattr(theme, f"{which}_latin", latin.get("typeface", "") if latin is not None else "")
        setattr(theme, f"{which}_east_asian", east_asian.get("typeface", "") if east_asian is not None else "")
    return theme


def _colour_map(element: etree._Element, inherited: dict[str, str]) -> dict[str, str]:
    mapping = element.find("p:clrMap", NS)
    if mapping is None:
        override = element.find("./p:clrMapOvr/a:overrideClrMapping", NS)
        mapping = override
    return dict(mapping.attrib) if mapping is not None else dict(inherited)


def _read_master(master, number: int, reader: _Reader, theme: Theme) -> list[Layout]:
    element = master._element
    colour_map = _colour_map(element, {})
    if number == 0:
        theme.colour_map = colour_map
    inherited: dict[str, Placeholder] = {}
    for shape in _tree(element):
        if _ph(shape) is not None:
            placeholder = _placeholder(shape, {})
            inherited.setdefault(placeholder.type, placeholder)
    master_obstacles, master_backdrop = reader.obstacles(element, "master", colour_map)
    master_bg, master_note = reader.background(element, colour_map)
    master_bg = master_backdrop or master_bg or reader.theme.colours.get(colour_map.get("bg1", "lt1"), "FFFFFF")
    layouts = []
    for index, layout in enumerate(master.slide_layouts):
        layout_element = layout._element
        layout_map = _colour_map(layout_element, colour_map)
        placeholders = [_placeholder(shape, inherited) for shape in _tree(layout_element) if _ph(shape) is not None]
        obstacles, backdrop = reader.obstacles(layout_element, "layout", layout_map)
        shows_master = layout_element.get("showMasterSp", "1") not in ("0", "false")
        background, note = reader.background(layout_element, layout_map)
        if background is None:
            background, note = (master_bg, note or master_note)
        layouts.append(Layout(layout.name, number, index, placeholders,
                              [*(master_obstacles if shows_master else []), *obstacles],
                              (backdrop or background).upper(), note))
    return layouts


def vertical_text(part_element: etree._Element) -> list[str]:
    """Names of the shapes in a slide or layout whose text runs vertically or that are rotated."""
    found = []
    for shape in part_element.iter(f"{{{_P}}}sp"):
        body = _body_properties(shape)
        ph = _ph(shape)
        if (body is not None and body.get("vert") in VERTICAL) or (ph is not None and ph.get("orient") == "vert") \
                or _rotation(shape) % 360:
            holder = shape.find("./*/p:cNvPr", NS)
            found.append(holder.get("name", "?") if holder is not None else "?")
    return found


_MASTERS: dict[tuple[Path, int, int], Master] = {}


def read_master(path: Path) -> Master:
    """Describe a .pptx used as a master (once per version of the file, as the writer's copy is
    sanitised). Raises a diagnostic naming the file when it cannot be read."""
    return cached_by_version(_MASTERS, path, lambda: _describe(path))


def _describe(path: Path) -> Master:
    # The sanitised package, as the writer opens it: the master measured is the master drawn, and a
    # damaged package is refused by part here (its warnings are reported when the writer opens it).
    presentation = open_reference_deck(path, Report())
    width, height = (presentation.slide_width or 0) / EMU, (presentation.slide_height or 0) / EMU
    theme = _theme(presentation.slide_masters[0].part)
    reader = _Reader(theme, width, height)
    layouts: list[Layout] = []
    for number, master in enumerate(presentation.slide_masters):
        layouts += _read_master(master, number, reader, theme)
    return Master(path, width, height, layouts, theme, len(presentation.slides))
