"""Word paragraph styles for a product's styles: found in the reference document by name (or
added), then set in full from the product, so every client draws what the planner measured."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory

from briefwright.audience import AudienceProfile
from briefwright.diagnostics import Report, Where
from briefwright.products import Style
from briefwright.typefaces import style_family
from briefwright.writers import ooxml

_ALIGN = {"left": 0, "center": 1, "right": 2}
_WORD_STYLES = {"title", "heading 1", "heading 2", "heading 3", "body text", "list bullet", "toc 1", "footnote text",
                "caption", "normal"}
_TAB_ALIGN = {"left": WD_TAB_ALIGNMENT.LEFT, "right": WD_TAB_ALIGNMENT.RIGHT}
_TAB_LEADER = {"none": WD_TAB_LEADER.SPACES, "dot": WD_TAB_LEADER.DOTS}


class ParagraphStyles:
    """The document's paragraph style for each product style key, configured once a Word name."""

    def __init__(self, document: docx.document.Document, audience: AudienceProfile, report: Report,
                 east_asian: str) -> None:
        self.document = document
        self.audience = audience
        self.report = report
        self.east_asian = east_asian
        self.palette = audience.branding.palette
        self.index = StyleIndex(document)
        self._configured: dict[str, ParagraphStyle] = {}

    def style(self, key: str, spec: Style) -> ParagraphStyle:
        name = spec.word_style or f"BW {key}"
        if name in self._configured:
            return self._configured[name]  # validated identical but for page_break_before
        style = self.index.find(name)
        if style is None:
            style = self._added(name, key)
        self._configured[name] = style
        _, rpr = ooxml.reset_properties(style.element)
        ooxml.set_word_fonts(rpr, style_family(spec, self.audience.branding.fonts), self.east_asian)
        self._set_font(style, spec)
        self._set_format(style, spec)
        self._set_borders(style, spec)
        if spec.bullet:
            self._set_bullet(style, spec)
        return style

    def _added(self, name: str, key: str) -> ParagraphStyle:
        # Only Word's own styles are worth a warning: no house template has "Memo Kicker".
        if self.audience.branding.reference_docx is not None and name.lower() in _WORD_STYLES:
            self.report.warning("style-missing", Where(self.audience.branding.reference_docx, field=name),
                                f"style '{name}' is not in the reference document; using briefwright's",
                                "add it to the reference .docx, or map one of its styles to the role "
                                f"in the profile (branding.styles: {{{key}: \"Your style name\"}})")
        style = self.index.add_paragraph_style(name)
        normal = self.index.find("Normal")
        assert normal is not None  # the renderer's defaults have configured it
        style.base_style = normal
        return style

    def _set_font(self, style: ParagraphStyle, spec: Style) -> None:
        font = style.font
        font.size = Pt(spec.size)
        font.bold = spec.bold
        font.italic = spec.italic
        font.all_caps = spec.caps
        if spec.rgb != "auto":  # Word's automatic colour is the absence of one
            font.color.rgb = RGBColor.from_string(spec.rgb or self.palette.hex(spec.color))

    @staticmethod
    def _set_format(style: ParagraphStyle, spec: Style) -> None:
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(spec.before), Pt(spec.after)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(spec.line)
        fmt.left_indent = Pt(spec.indent)
        fmt.first_line_indent = Pt(-spec.hanging) if spec.hanging else Pt(0)
        fmt.keep_with_next = spec.keep_with_next
        fmt.widow_control = True
        fmt.alignment = _ALIGN[spec.align]
        if spec.tab:
            fmt.tab_stops.add_tab_stop(Pt(spec.tab), _TAB_ALIGN[spec.tab_align], _TAB_LEADER[spec.tab_leader])

    def _set_borders(self, style: ParagraphStyle, spec: Style) -> None:
        """Shading, the left bar, the rule below and the outline level: all in the paragraph properties."""
        if spec.fill:
            ooxml.paragraph_shading(style.element.pPr, self.palette.hex(spec.fill))
        if spec.border_left:
            ooxml.paragraph_border(style.element.pPr, "left", self.palette.hex(spec.border_left), 24, 4)
        if spec.rule_below:
            ooxml.paragraph_border(style.element.pPr, "bottom", self.palette.hex(spec.rule_below), 6, 4)
        if spec.outline is not None:
            ooxml.set_ppr_child(style.element.pPr, "outlineLvl", val=str(spec.outline))

    def _set_bullet(self, style: ParagraphStyle, spec: Style) -> None:
        assert spec.bullet is not None
        numbering = self.document.part.numbering_part.element
        num_id = ooxml.add_bullet_numbering(numbering, spec.bullet, style_family(spec, self.audience.branding.fonts),
                                            round(spec.indent * 20), round(spec.hanging * 20),
                                            self.palette.hex("accent"))
        ooxml.set_ppr_child(style.element.pPr, "numPr")
        num_pr = style.element.pPr.find(ooxml.qn("w:numPr"))
        num_pr.append(ooxml.w_element("ilvl", val="0"))
        num_pr.append(ooxml.w_element("numId", val=str(num_id)))


class StyleIndex:
    """The document's styles by name and by id, read once: python-docx finds a style by name
    with an XPath search, and checks a new name against every style's name, on each call."""

    def __init__(self, document: docx.document.Document) -> None:
        self._styles = document.styles
        self._by_name: dict[str, Any] = {}
        self._by_id: dict[str, Any] = {}
        for element in self._styles.element.style_lst:
            self._by_name.setdefault(element.name_val, element)
            self._by_id.setdefault(element.styleId, element)

    def find(self, name: str) -> Any:
        """The style with this name (python-docx's names for built-in styles accepted), else
        the style with this id, else None."""
        element = self._by_name.get(BabelFish.ui2internal(name))
        if element is None:
            element = self._by_id.get(name)
        return StyleFactory(element) if element is not None else None

    def paragraph_style_name(self, style_id: str | None) -> str | None:
        """The name python-docx gives `paragraph.style` for a w:pStyle value: the first style with
        that id, if it is a paragraph style; otherwise (no id, an unknown one, another type) the
        default paragraph style's."""
        element = self._by_id.get(style_id) if style_id is not None else None
        if element is None or element.type != WD_STYLE_TYPE.PARAGRAPH:
            return self._default_paragraph_name
        return BabelFish.internal2ui(element.name_val)

    @cached_property
    def _default_paragraph_name(self) -> str | None:
        default = self._styles.default(WD_STYLE_TYPE.PARAGRAPH)  # a scan of every style: once
        return default.name if default is not None else None

    def add_paragraph_style(self, name: str) -> Any:
        """A new custom paragraph style (Styles.add_style without its scan of every style)."""
        internal = BabelFish.ui2internal(name)
        element = self._styles.element.add_style_of_type(internal, WD_STYLE_TYPE.PARAGRAPH, False)
        self._by_name[internal] = element
        self._by_id.setdefault(element.styleId, element)
        return StyleFactory(element)


def style_ids(document: docx.document.Document, styles: dict[str, ParagraphStyle]) -> dict[str, str | None]:
    """Each style key's w:pStyle value, resolved once: python-docx's `paragraph.style = style` scans every
    style in the document for the default on each assignment. None for the default paragraph style, as
    python-docx writes it (the paragraph then carries no w:pStyle)."""
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    return {key: None if style == default else style.style_id for key, style in styles.items()}
