"""`briefwright template check FILE.docx`: what briefwright finds in a Word reference, and its problems."""

from __future__ import annotations

from briefwright.diagnostics import BriefwrightError
from briefwright.measure.fonts import find_face
from briefwright.reference.docx_model import DocxReference, PagePart, ResolvedStyle

# The styles the built-in Word products name, by the role a profile can map (branding.styles).
ROLE_STYLES = {"title": "Title", "heading_1": "Heading 1", "heading_2": "Heading 2", "body": "Body Text",
               "list_bullet": "List Bullet", "footnote_text": "footnote text", "toc_1": "TOC 1"}
ALSO_SHOWN = ("Normal", "Heading 3", "Caption")
PAPERS = {(612.0, 792.0): "Letter", (595.3, 841.9): "A4"}


def _paper(width: float, height: float) -> str:
    for (paper_width, paper_height), name in PAPERS.items():
        if abs(width - paper_width) < 1.5 and abs(height - paper_height) < 1.5:
            return name
    return "custom"


def _style_line(style: ResolvedStyle) -> str:
    spacing = {"auto": f"line spacing × {style.line_value:g}", "exact": f"exactly {style.line_value:g} pt",
               "atLeast": f"at least {style.line_value:g} pt"}[style.line_rule]
    weight = " ".join(word for word, on in (("bold", style.bold), ("italic", style.italic), ("caps", style.caps)) if on)
    return (f"{style.font or '?'} {style.size:g} pt{' ' + weight if weight else ''}"
            f"{', #' + style.color if style.color else ''}; {spacing}; before {style.before:g} pt, after "
            f"{style.after:g} pt{'; keep with next' if style.keep_with_next else ''}"
            f"{' (font from the ' + style.font_source + ')' if style.font_source.startswith('theme') else ''}")


def _part_line(kind: str, part: PagePart | None) -> str:
    if part is None or not part.has_content:
        return f"  {kind}: none (briefwright draws the profile's logo and banner there)"
    texts = [text for _, text in part.texts if text.strip()]
    pictures = [f"{d.width / 72:.2f} × {d.height / 72:.2f} in" for d in part.drawings]
    return (f"  {kind}: kept as the letterhead — {len(texts)} line(s) of text"
            f"{' (' + '; '.join(texts[:2]) + ')' if texts else ''}"
            f"{', pictures ' + ', '.join(pictures) if pictures else ''}")


def _fonts(reference: DocxReference, problems: list[str]) -> list[str]:
    lines = []
    used = [reference.by_name(name) for name in (*ROLE_STYLES.values(), *ALSO_SHOWN)]
    faces = sorted({style.font for style in used if style is not None and style.font})
    for face in faces:
        try:
            source = find_face(face).source
            lines.append(f"  {face}: measured from {source.split(' (')[0]}")
        except BriefwrightError:
            lines.append(f"  {face}: NOT INSTALLED")
            problems.append(f"the font '{face}' is not installed and briefwright ships no metrics for it: install it "
                            "(its font files, or the Debian package that has it), or set branding.fonts in the profile "
                            "and add 'fonts' to branding.reference_overrides")
    return lines


def describe(reference: DocxReference) -> str:
    problems = list(reference.problems)
    lines = [*_page_lines(reference), "Styles briefwright uses (role: style — resolved look):"]
    lines += _role_style_lines(reference, problems)
    lines += _other_style_lines(reference)
    lines.append("Fonts of those styles:")
    lines += _fonts(reference, problems)
    lines.append("Problems:" if problems else "Problems: none")
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)


def _page_lines(reference: DocxReference) -> list[str]:
    """The file, its page and margins, its letterhead and its theme fonts."""
    page = reference.page
    return [f"Word reference {reference.path.name}",
            f"  page: {_paper(page.width, page.height)}, {page.width / 72:.2f} × {page.height / 72:.2f} in; margins "
            f"top {page.top / 72:.2f}, bottom {page.bottom / 72:.2f}, left {page.left / 72:.2f}, right "
            f"{page.right / 72:.2f} in; header {page.header / 72:.2f} in, footer {page.footer / 72:.2f} in from the edge",
            _part_line("header", reference.header), _part_line("footer", reference.footer),
            f"  theme fonts: headings {reference.theme.major_latin or 'none'}, text {reference.theme.minor_latin or 'none'}"
            f"; East Asian {reference.theme.major_east_asian or 'none'} / {reference.theme.minor_east_asian or 'none'}"]


def _role_style_lines(reference: DocxReference, problems: list[str]) -> list[str]:
    """Each role's style as resolved; a missing heading or body style is a problem (it can be mapped)."""
    lines = []
    for role, name in ROLE_STYLES.items():
        style = reference.by_name(name)
        if style is None:
            lines.append(f"  {role}: '{name}' — missing; the product's look in the reference's fonts is used")
            if role in ("heading_1", "body"):
                problems.append(f"no '{name}' style: if your house style has another name for it, map it in the "
                                f"profile (branding.styles: {{{role}: \"Your style name\"}})")
        else:
            lines.append(f"  {role}: '{name}' — {_style_line(style)}")
    return lines


def _other_style_lines(reference: DocxReference) -> list[str]:
    """The styles shown for orientation, the table styles, and the paragraph styles a profile could map."""
    lines = [f"  ({name}: {_style_line(style)})" for name in ALSO_SHOWN
             if (style := reference.by_name(name)) is not None]
    tables = reference.table_style_names()
    shown = ", ".join(tables[:8]) + (" …" if len(tables) > 8 else "")
    lines.append(f"  table styles ({len(tables)}): {shown or 'none'}")
    others = [name for name in reference.paragraph_style_names()
              if name.lower() not in {n.lower() for n in (*ROLE_STYLES.values(), *ALSO_SHOWN)}]
    if others:
        lines.append(f"  other paragraph styles (map one with branding.styles): {', '.join(others[:30])}"
                     f"{' …' if len(others) > 30 else ''}")
    return lines
