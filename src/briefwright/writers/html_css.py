"""The HTML page's style sheet: the audience's paper, fonts and colours, the product's styles.

Print CSS lays the brief out on the audience's paper with the product's margins, styles and
handling banner; on screen the same styles set the page, and the evidence panel its own.
"""

from __future__ import annotations

from briefwright.measure.layout import PAPER_SIZES_IN
from briefwright.products import Style, as_flow
from briefwright.writers.job import RenderJob


def css_string(text: str) -> str:
    """A quoted CSS string that cannot end its string, rule or <style> element, whatever the text
    (banners and font names come from profiles, which anyone may write)."""
    escaped = "".join(char if char.isalnum() or char in " ./,:;-–—_()'" else f"\\{ord(char):X} " for char in text)
    return f'"{escaped}"'


def pt(value: float) -> str:
    return f"{value:g}pt"


class PageCss:
    """The style sheet of one page: job's product styles in the audience's palette and fonts."""

    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.product = job.product
        self.palette = job.audience.branding.palette
        self.fonts = job.audience.branding.fonts

    def _colour(self, name: str) -> str:
        return "#" + self.palette.hex(name)

    def _family(self, role: str) -> str:
        # The product's fonts first; their metric-compatible free faces next, so a browser without
        # the Microsoft fonts breaks lines where the planner measured them.
        named = self.fonts.heading if role == "heading" else self.fonts.body
        fallback = {"Arial": '"Liberation Sans", "Arimo"', "Times New Roman": '"Liberation Serif", "Tinos"'}
        generic = "serif" if named == "Times New Roman" else "sans-serif"
        east_asian = f'{css_string(self.fonts.east_asian)}, "Noto Sans CJK JP"'
        return ", ".join(part for part in (css_string(named), fallback.get(named, ""), east_asian, generic) if part)

    def _style_css(self, key: str, style: Style) -> str:
        rules = [f"font-family: {self._family(style.font)}", f"font-size: {pt(style.size)}",
                 f"line-height: {pt(style.line)}", f"color: {self._colour(style.color)}",
                 f"font-weight: {'bold' if style.bold else 'normal'}",
                 f"font-style: {'italic' if style.italic else 'normal'}",
                 # The gap between two paragraphs is the larger of the one's space after and the
                 # other's space before, as the planner measures it: CSS margins collapse the same way.
                 f"margin: {pt(style.before)} 0 {pt(style.after)} 0",
                 f"text-align: {style.align}"]
        if style.caps:
            rules.append("text-transform: uppercase")
        if style.indent or style.hanging:
            rules += [f"padding-left: {pt(style.indent)}", f"text-indent: {pt(-style.hanging)}"]
        if style.fill:
            rules.append(f"background: {self._colour(style.fill)}")
        if style.border_left:
            rules.append(f"border-left: 2.25pt solid {self._colour(style.border_left)}")
        if style.rule_below:
            rules.append(f"border-bottom: 0.75pt solid {self._colour(style.rule_below)}")
        if style.keep_with_next:
            rules.append("break-after: avoid")
        if style.page_break_before:
            rules.append("break-before: page")
        return f".s-{key} {{ {'; '.join(rules)}; }}"

    def css(self) -> str:
        product, audience = self.product, self.job.audience
        width, height = PAPER_SIZES_IN[audience.paper]
        margins = as_flow(product).page_margins
        banner = product.styles.get("banner")
        banner_css = (f"font-family: {self._family(banner.font)}; font-size: {pt(banner.size)}; "
                      f"font-weight: {'bold' if banner.bold else 'normal'}; color: {self._colour(banner.color)};"
                      if banner else "")
        banner_text = css_string(self.job.document.banner or "")
        accent, muted, rule, fill = (self._colour(name) for name in ("accent", "muted", "rule", "fill"))
        lines = [
            f"@page {{ size: {width:g}in {height:g}in; margin: {margins.top:g}in {margins.right:g}in "
            f"{margins.bottom:g}in {margins.left:g}in;",
            f"  @top-center {{ content: {banner_text}; {banner_css} text-transform: uppercase; }}",
            f"  @bottom-center {{ content: {banner_text}; {banner_css} text-transform: uppercase; }}",
            "}",
            f"html {{ background: {self._colour('paper')}; }}",
            f"body {{ margin: 0 auto; max-width: {width - margins.left - margins.right:g}in; padding: 1.5rem 1rem 4rem; "
            f"color: {self._colour('ink')}; }}",
            "ul { list-style: none; margin: 0; padding: 0; }",
            "table { border-collapse: collapse; width: 100%; break-inside: auto; }",
            f"th, td {{ border-bottom: 0.5pt solid {rule}; padding: 1.5pt 4pt; vertical-align: top; text-align: left; }}",
            "tr { break-inside: avoid; }",
            ".tab { display: inline-block; text-indent: 0; }",  # an inline block would inherit the hanging indent
            "@media print { .page-break { break-before: page; } }",
            f".cite {{ color: {muted}; }}",
            ".logo { display: block; }",
            f".banner {{ {banner_css} text-transform: uppercase; text-align: center; background: {fill}; "
            "padding: 2pt; position: sticky; z-index: 2; }",
            ".banner.top { top: 0; } .banner.bottom { bottom: 0; }",
            ".claim { cursor: pointer; }",
            f".claim:hover, .claim:focus-within {{ outline: 1pt dotted {accent}; outline-offset: 1pt; }}",
            f".evidence-link {{ font-size: 7pt; color: {accent}; text-indent: 0; margin-left: 3pt; }}",
            # A raised note number must not make its line taller than the style's exact pitch.
            "sup { line-height: 0; font-size: 70%; }",
            f"sup a {{ color: {accent}; text-decoration: none; }}",
            f".notes {{ border-top: 0.5pt solid {rule}; margin-top: 6pt; padding-top: 3pt; }}",
            ".notes ol { margin: 0; padding-left: 14pt; }",
            f".field-label {{ font-weight: bold; color: {muted}; }}",
            ".s-sources, .s-reference, .notes li { overflow-wrap: anywhere; }",
            f"mark {{ background: {fill}; color: inherit; }}",
            f".differ {{ border-left: 2pt solid {accent}; padding-left: 6pt; margin: 0 0 8pt; }}",
            f"mark.hit, :target + mark {{ background: {accent}; color: {self._colour('inverse')}; }}",
            f".source-text p {{ font-family: {self._family('body')}; font-size: 10pt; line-height: 1.45; "
            "margin: 0 0 6pt; }",
            # One scroll area: the dialog is a column whose header never scrolls and whose panel takes
            # the rest, so the close button stays in view on any screen (a phone's 390 px included).
            f"dialog {{ max-width: min(46rem, calc(100vw - 1rem)); width: 90vw; max-height: 85vh; "
            f"border: 1pt solid {rule}; padding: 0; box-sizing: border-box; }}",
            "dialog[open] { display: flex; flex-direction: column; overflow: hidden; }",
            "dialog .panel { padding: 0.75rem 1rem; overflow-y: auto; flex: 1 1 auto; min-height: 0; "
            "overflow-wrap: anywhere; }",
            f"dialog header {{ display: flex; justify-content: space-between; align-items: center; padding: 0.5rem 1rem; "
            f"background: {fill}; flex: none; gap: 0.5rem; }}",
            "dialog h2 { margin: 0; font-size: 11pt; }",
            ".panel blockquote { margin: 0 0 8pt; }",
            ".skip { position: absolute; left: -999px; } .skip:focus { left: 0.5rem; top: 0.5rem; }",
            "@media print {",
            "  body { max-width: none; padding: 0; }",
            "  .banner, .evidence-link, .source-texts, .skip, dialog { display: none !important; }",
            "  .claim:hover, .claim:focus-within { outline: none; }",
            "  a { color: inherit; text-decoration: none; }",
            "}",
        ]
        if self.job.document.banner:  # a jump to a quote (no script needed) lands below the sticky banner
            size = banner.size if banner else 12
            lines.append(f"[id] {{ scroll-margin-top: calc({size * 1.5:g}pt + 4pt + 0.5rem); }}")
        lines += [self._style_css(key, style) for key, style in sorted(product.styles.items())]
        lines += self._tab_css()
        return "\n".join(lines)

    def _tab_css(self) -> list[str]:
        """The tab stops of the styles that have one."""
        lines: list[str] = []
        for key, style in sorted(self.product.styles.items()):
            if not style.tab:
                continue
            if style.tab_align == "right":  # a right tab at the far edge: label, leader, then the number
                leader = "border-bottom: 1pt dotted currentColor; " if style.tab_leader == "dot" else ""
                lines += [f".s-{key} {{ display: flex; align-items: baseline; }}",
                          f".s-{key} .tab {{ display: flex; flex: 1 1 auto; }}",
                          f'.s-{key} .tab::after {{ content: ""; flex: 1 1 auto; {leader}margin: 0 3pt; }}']
            else:
                lines.append(f".s-{key} .tab {{ min-width: {pt(style.tab)}; }}")
        return lines

