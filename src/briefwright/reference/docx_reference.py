"""Read a Word reference document: its page, margins, header and footer, styles and theme fonts.

The styles are resolved the way Word resolves them: document defaults (w:docDefaults), then
each style of the basedOn chain from its root, then the style itself; theme font references
(asciiTheme="minorHAnsi") are replaced by the theme's major/minor Latin and East Asian faces.
Nothing here needs an installed font or python-docx: the package is read as XML, so a
damaged reference gets a clear error (file, part, what to do) instead of a traceback.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from briefwright.diagnostics import Report, Where, fail
from briefwright.reference.docx_describe import describe
from briefwright.reference.docx_model import (
    DocxReference,
    Drawing,
    PagePart,
    PageSetup,
    ResolvedStyle,
    ThemeFonts,
)
from briefwright.reference.load import sanitised_reference

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = {"styles": "/styles", "theme": "/theme", "header": "/header", "footer": "/footer"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
WORD_DEFAULT_SIZE = 10.0  # points, when neither the defaults nor the style give w:sz (ECMA-376 17.3.2.38)
WORD_DEFAULT_FONT = "Times New Roman"  # Word's face when no rFonts is given anywhere
EMU_PER_PT = 12700


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def _xml(package: zipfile.ZipFile, part: str, where: Where) -> etree._Element:
    try:
        return etree.fromstring(package.read(part), _PARSER)
    except KeyError:
        raise fail("reference-part-missing", where, f"the reference document has no part '{part}'",
                   "save it again from Word as a .docx (File › Save As › Word Document)") from None
    except etree.XMLSyntaxError as exc:
        raise fail("reference-part-damaged", where, f"the part '{part}' of the reference document is not "
                   f"well-formed XML ({exc.msg})", "save it again from Word as a .docx") from None


def _relations(package: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, target part name)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in package.namelist():
        return {}
    root = etree.fromstring(package.read(rels), _PARSER)
    found = {}
    for rel in root.iter(f"{{{REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = (rel.get("Type", ""), resolved)
    return found


def _main_part(package: zipfile.ZipFile) -> str:
    for rel_type, target in _relations(package, "").values():
        if rel_type.endswith("/officeDocument"):
            return target
    return "word/document.xml"


def _twips(element: etree._Element | None, attribute: str, default: float = 0.0) -> float:
    if element is None or element.get(w(attribute)) is None:
        return default
    try:
        return int(element.get(w(attribute))) / 20
    except ValueError:
        return default


def _on(element: etree._Element | None) -> bool | None:
    """A toggle property (w:b, w:i, w:caps): None when absent."""
    if element is None:
        return None
    return element.get(w("val"), "true").lower() not in ("0", "false", "off")


def read_theme(root: etree._Element | None) -> ThemeFonts:
    if root is None:
        return ThemeFonts()

    def face(kind: str, script: str) -> str | None:
        element = root.find(f".//{{{A}}}{kind}Font/{{{A}}}{script}")
        value = element.get("typeface") if element is not None else None
        return value or None

    return ThemeFonts(face("major", "latin"), face("minor", "latin"), face("major", "ea"), face("minor", "ea"))


@dataclass
class _Props:
    """Properties as they accumulate down a basedOn chain (None: not set yet)."""

    values: dict[str, object] = field(default_factory=dict)

    def apply(self, ppr: etree._Element | None, rpr: etree._Element | None) -> None:
        if rpr is not None:
            self._run(rpr)
        if ppr is not None:
            self._paragraph(ppr)

    def _run(self, rpr: etree._Element) -> None:
        fonts = rpr.find(w("rFonts"))
        if fonts is not None:
            for attribute, key in (("ascii", "font"), ("asciiTheme", "font_theme"),
                                   ("eastAsia", "east_asian"), ("eastAsiaTheme", "east_asian_theme")):
                if fonts.get(w(attribute)):
                    self.values[key] = fonts.get(w(attribute))
                    if attribute == "asciiTheme":  # a theme reference wins over the explicit face
                        self.values.pop("font", None)
                    elif attribute == "ascii" and fonts.get(w("asciiTheme")) is None:
                        self.values.pop("font_theme", None)
        size = rpr.find(w("sz"))
        if size is not None and size.get(w("val"), "").isdigit():
            self.values["size"] = int(size.get(w("val"))) / 2
        for tag in ("b", "i", "caps"):
            toggled = _on(rpr.find(w(tag)))
            if toggled is not None:
                self.values[tag] = toggled
        color = rpr.find(w("color"))
        if color is not None and color.get(w("val")):
            value = color.get(w("val"), "")
            self.values["color"] = None if value == "auto" else value.upper()

    def _paragraph(self, ppr: etree._Element) -> None:
        spacing = ppr.find(w("spacing"))
        if spacing is not None:
            for attribute in ("before", "after"):
                if spacing.get(w(attribute)) is not None:
                    self.values[attribute] = _twips(spacing, attribute)
            if spacing.get(w("line")) is not None:
                rule = spacing.get(w("lineRule"), "auto")
                raw = _twips(spacing, "line") * 20
                self.values["line_rule"] = rule
                self.values["line_value"] = raw / 240 if rule == "auto" else raw / 20
        indent = ppr.find(w("ind"))
        if indent is not None:
            if indent.get(w("left")) is not None or indent.get(w("start")) is not None:
                self.values["indent"] = _twips(indent, "left", _twips(indent, "start"))
            if indent.get(w("hanging")) is not None:
                self.values["hanging"] = _twips(indent, "hanging")
            elif indent.get(w("firstLine")) is not None:
                self.values["hanging"] = -_twips(indent, "firstLine")
        keep = _on(ppr.find(w("keepNext")))
        if keep is not None:
            self.values["keep_with_next"] = keep
        align = ppr.find(w("jc"))
        if align is not None and align.get(w("val")):
            self.values["align"] = align.get(w("val"))


def _resolve(style: etree._Element, by_id: dict[str, etree._Element], defaults: _Props,
             theme: ThemeFonts) -> ResolvedStyle:
    chain: list[etree._Element] = []
    current: etree._Element | None = style
    while current is not None and current not in chain:
        chain.append(current)
        parent = current.find(w("basedOn"))
        current = by_id.get(parent.get(w("val"), "")) if parent is not None else None
    props = _Props(dict(defaults.values))
    for element in reversed(chain):
        props.apply(element.find(w("pPr")), element.find(w("rPr")))
    v = props.values
    font, source = v.get("font"), "explicit"
    if "font_theme" in v:
        font, source = theme.face(str(v["font_theme"])), f"theme ({v['font_theme']})"
    elif font is None:
        font, source = WORD_DEFAULT_FONT, "Word's default"
    east_asian = theme.face(str(v["east_asian_theme"])) if "east_asian_theme" in v else v.get("east_asian")
    name_element = style.find(w("name"))
    parent = style.find(w("basedOn"))
    return ResolvedStyle(
        style_id=style.get(w("styleId"), ""), name=name_element.get(w("val"), "") if name_element is not None else "",
        kind=style.get(w("type"), "paragraph"), based_on=parent.get(w("val")) if parent is not None else None,
        font=str(font) if font else None, east_asian=str(east_asian) if east_asian else None, font_source=source,
        size=float(v.get("size", WORD_DEFAULT_SIZE)),  # type: ignore[arg-type]
        bold=bool(v.get("b", False)), italic=bool(v.get("i", False)), caps=bool(v.get("caps", False)),
        color=v.get("color"),  # type: ignore[arg-type]
        before=float(v.get("before", 0.0)), after=float(v.get("after", 0.0)),  # type: ignore[arg-type]
        line_rule=str(v.get("line_rule", "auto")), line_value=float(v.get("line_value", 1.0)),  # type: ignore[arg-type]
        indent=float(v.get("indent", 0.0)), hanging=float(v.get("hanging", 0.0)),  # type: ignore[arg-type]
        keep_with_next=bool(v.get("keep_with_next", False)), align=str(v.get("align", "left")))


def read_styles(root: etree._Element, theme: ThemeFonts) -> tuple[dict[str, ResolvedStyle], str | None]:
    defaults = _Props()
    doc_defaults = root.find(w("docDefaults"))
    if doc_defaults is not None:
        defaults.apply(doc_defaults.find(f"{w('pPrDefault')}/{w('pPr')}"),
                       doc_defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
    elements = root.findall(w("style"))
    by_id = {element.get(w("styleId"), ""): element for element in elements}
    styles = {style_id: _resolve(element, by_id, defaults, theme) for style_id, element in by_id.items()}
    default = next((e.get(w("styleId")) for e in elements
                    if e.get(w("type")) == "paragraph" and e.get(w("default")) in ("1", "true")),
                   None)
    return styles, default


def _drawings(root: etree._Element) -> list[Drawing]:
    found = []
    for kind, anchored in (("inline", False), ("anchor", True)):
        for element in root.iter(f"{{{WP}}}{kind}"):
            extent = element.find(f"{{{WP}}}extent")
            if extent is None:
                continue
            width, height = int(extent.get("cx", "0")) / EMU_PER_PT, int(extent.get("cy", "0")) / EMU_PER_PT
            bottom = None
            vertical = element.find(f"{{{WP}}}positionV")
            offset = vertical.find(f"{{{WP}}}posOffset") if vertical is not None else None
            if anchored and vertical is not None and vertical.get("relativeFrom") == "page" and offset is not None:
                bottom = int(offset.text or "0") / EMU_PER_PT + height
            found.append(Drawing(width, height, anchored, bottom))
    return found


def _page_part(package: zipfile.ZipFile, part: str, where: Where) -> PagePart:
    root = _xml(package, part, where)
    texts = []
    for paragraph in root.iter(w("p")):
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        text = "".join(t.text or "" for t in paragraph.iter(w("t")))
        texts.append((style.get(w("val")) if style is not None else None, text))
    return PagePart(part, texts, _drawings(root))


def _bulk(part: PagePart) -> float:
    """Roughly how much room a header or footer takes (points), to choose the taller of two."""
    return sum(d.height for d in part.drawings) + 12.0 * sum(1 for _, text in part.texts if text.strip())


def _page(section: etree._Element | None) -> PageSetup:
    size = section.find(w("pgSz")) if section is not None else None
    margins = section.find(w("pgMar")) if section is not None else None
    # Word's own defaults for a section without them: Letter, one-inch margins, half-inch header.
    return PageSetup(_twips(size, "w", 612.0), _twips(size, "h", 792.0), _twips(margins, "top", 72.0),
                     _twips(margins, "bottom", 72.0), _twips(margins, "left", 72.0), _twips(margins, "right", 72.0),
                     _twips(margins, "header", 36.0), _twips(margins, "footer", 36.0))


def read_reference(path: Path, where: Where | None = None) -> DocxReference:
    """Everything briefwright uses from a reference .docx; a clear error if it cannot be read."""
    where = where or Where(path)
    with _open_sanitised(path, where) as package:
        main = _main_part(package)
        document = _xml(package, main, where)
        relations = _relations(package, main)
        targets = {kind: [(rel_id, target) for rel_id, (rel_type, target) in relations.items()
                          if rel_type.endswith(suffix)] for kind, suffix in _TYPES.items()}
        if not targets["styles"] or targets["styles"][0][1] not in package.namelist():
            raise fail("reference-no-styles", where, f"the reference document {path.name} has no styles part "
                       "(word/styles.xml)",
                       "save it again from Word as a .docx, or use a document made from your organisation's template")
        theme_root = _xml(package, targets["theme"][0][1], where) if targets["theme"] else None
        theme = read_theme(theme_root)
        styles, default = read_styles(_xml(package, targets["styles"][0][1], where), theme)
        sections = document.findall(f".//{w('sectPr')}")
        section = sections[-1] if sections else None
        header = _letterhead_part(package, section, relations, "header", where)
        footer = _letterhead_part(package, section, relations, "footer", where)
    return DocxReference(path, _page(section), styles, theme, header, footer, default, _themeless_problems(styles))


def _open_sanitised(path: Path, where: Where) -> zipfile.ZipFile:
    try:  # the sanitised package, as the writer opens it; a damaged one is refused by part there
        return zipfile.ZipFile(sanitised_reference(path, "docx", Report(), where))
    except (zipfile.BadZipFile, OSError) as exc:
        raise fail("reference-unreadable", where, f"the reference document {path.name} is not a Word .docx ({exc})",
                   "save it again from Word as .docx") from None


def _letterhead_part(package: zipfile.ZipFile, section: etree._Element | None,
                     relations: dict[str, tuple[str, str]], kind: str, where: Where) -> PagePart | None:
    """The section's header or footer (kind) the body must clear; None when it has none."""
    if section is None:
        return None
    refs = {ref.get(w("type"), "default"): ref.get(f"{{{R}}}id") for ref in section.findall(w(f"{kind}Reference"))}
    # A letterhead is often on the first page only (w:titlePg): the taller of the two is
    # what the body must clear (the page model gives every page the same text area).
    kinds = ["default", "first"] if section.find(w("titlePg")) is not None else ["default"]
    found = [_page_part(package, relations[refs[k]][1], where) for k in kinds if refs.get(k) in relations]
    return max(found, key=_bulk, default=None)


def _themeless_problems(styles: dict[str, ResolvedStyle]) -> list[str]:
    """Paragraph styles naming a theme font the document has no theme for."""
    themeless = sorted(style.name for style in styles.values() if style.font is None and style.kind == "paragraph")
    if not themeless:
        return []
    return [f"{len(themeless)} styles ({', '.join(themeless[:3])}{', …' if len(themeless) > 3 else ''}) "
            "use a theme font, but the document has no theme (word/theme/theme1.xml) naming it: "
            "the profile's fonts are used for them"]


def describe_template(path: Path) -> str:
    """A human-readable account of a reference .docx: page, letterhead, styles, fonts, problems
    (`briefwright template check FILE.docx`). Raises BriefwrightError if it cannot be read."""
    return describe(read_reference(path))
