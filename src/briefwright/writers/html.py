"""Document model → one self-contained HTML page: the brief, its notes, and its evidence.

Every claim that rests on quotes is clickable: a panel opens with the passages of each source
it cites, the quotes highlighted in the source's own text. Without scripts, the claim's
"evidence" link jumps to the same highlighted passage in the source texts at the end of the
page. Print CSS lays the brief out on the audience's paper with the product's margins, styles
and handling banner, and leaves the source texts out, so the printed brief is the planned one.
Nothing is fetched: styles, script and logo are inside the file.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from importlib import resources

from briefwright.anchors import BookmarkNamer, anchored_runs
from briefwright.content.modules import Conflict
from briefwright.diagnostics import Where
from briefwright.measure.layout import PAPER_SIZES_IN
from briefwright.model import Block, Cell, Document, EvidenceRef, Run, Section
from briefwright.products import Product, Style
from briefwright.writers.html_check import check_html
from briefwright.writers.job import Rendered, RenderJob

_HEADING_LEVEL = {"title": 1}  # other headings are h2 (level 1 in the model) or h3


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _css_string(text: str) -> str:
    """A quoted CSS string that cannot end its string, rule or <style> element, whatever the text
    (banners and font names come from profiles, which anyone may write)."""
    escaped = "".join(char if char.isalnum() or char in " ./,:;-–—_()'" else f"\\{ord(char):X} " for char in text)
    return f'"{escaped}"'


_IMAGE_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"))


def _image_type(data: bytes) -> str:
    return next((kind for magic, kind in _IMAGE_TYPES if data.startswith(magic)), "application/octet-stream")


def _pt(value: float) -> str:
    return f"{value:g}pt"


@dataclass
class _Quote:
    """One verified quote shown in its source: an id for links, and its place in the source text."""

    id: str
    source_id: str
    start: int
    end: int


@dataclass
class _Evidence:
    """The quotes a page shows, numbered in reading order, each once however many claims cite it."""

    quotes: dict[tuple[str, int, int], _Quote] = field(default_factory=dict)

    def add(self, source_id: str, start: int, end: int) -> _Quote:
        key = (source_id, start, end)
        if key not in self.quotes:
            self.quotes[key] = _Quote(f"q{len(self.quotes) + 1}", source_id, start, end)
        return self.quotes[key]

    def in_source(self, source_id: str) -> list[_Quote]:
        return [quote for quote in self.quotes.values() if quote.source_id == source_id]


_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")  # blank lines separate paragraphs


def _paragraph_spans(text: str, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the work's own text: stretches excluded from the work
    (front matter, unrelated text appended to a seed) are never shown as the source's words."""
    included, position = [], 0
    for start, end in sorted(excluded):
        if start > position:
            included.append((position, start))
        position = max(position, end)
    included.append((position, len(text)))
    return [(left + found.start(), left + found.end())
            for left, right in included if right > left for found in _PARAGRAPH.finditer(text[left:right])]


class HtmlRenderer:
    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.product: Product = job.product
        self.palette = job.audience.branding.palette
        self.fonts = job.audience.branding.fonts
        self.evidence = _Evidence()
        self.notes: list[str] = []
        self.notes_listed = 0
        self.disputes: dict[str, str] = {}  # hidden notes on disputed points, shown in the evidence panel
        self.claims = 0
        self.anchors = BookmarkNamer()

    # -- styles ------------------------------------------------------------------

    def _colour(self, name: str) -> str:
        return "#" + self.palette.hex(name)

    def _family(self, role: str) -> str:
        # The product's fonts first; their metric-compatible free faces next, so a browser without
        # the Microsoft fonts breaks lines where the planner measured them.
        named = self.fonts.heading if role == "heading" else self.fonts.body
        fallback = {"Arial": '"Liberation Sans", "Arimo"', "Times New Roman": '"Liberation Serif", "Tinos"'}
        generic = "serif" if named == "Times New Roman" else "sans-serif"
        east_asian = f'{_css_string(self.fonts.east_asian)}, "Noto Sans CJK JP"'
        return ", ".join(part for part in (_css_string(named), fallback.get(named, ""), east_asian, generic) if part)

    def _style_css(self, key: str, style: Style) -> str:
        rules = [f"font-family: {self._family(style.font)}", f"font-size: {_pt(style.size)}",
                 f"line-height: {_pt(style.line)}", f"color: {self._colour(style.color)}",
                 f"font-weight: {'bold' if style.bold else 'normal'}",
                 f"font-style: {'italic' if style.italic else 'normal'}",
                 # The gap between two paragraphs is the larger of the one's space after and the
                 # other's space before, as the planner measures it: CSS margins collapse the same way.
                 f"margin: {_pt(style.before)} 0 {_pt(style.after)} 0",
                 f"text-align: {style.align}"]
        if style.caps:
            rules.append("text-transform: uppercase")
        if style.indent or style.hanging:
            rules += [f"padding-left: {_pt(style.indent)}", f"text-indent: {_pt(-style.hanging)}"]
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

    def _css(self) -> str:
        product, audience = self.product, self.job.audience
        width, height = PAPER_SIZES_IN[audience.paper]
        margins = product.margins
        assert margins is not None  # flow products have margins (checked when the product loads)
        banner = product.styles.get("banner")
        banner_css = (f"font-family: {self._family(banner.font)}; font-size: {_pt(banner.size)}; "
                      f"font-weight: {'bold' if banner.bold else 'normal'}; color: {self._colour(banner.color)};"
                      if banner else "")
        banner_text = _css_string(self.job.document.banner or "")
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
        for key, style in sorted(product.styles.items()):
            if not style.tab:
                continue
            if style.tab_align == "right":  # a right tab at the far edge: label, leader, then the number
                leader = "border-bottom: 1pt dotted currentColor; " if style.tab_leader == "dot" else ""
                lines += [f".s-{key} {{ display: flex; align-items: baseline; }}",
                          f".s-{key} .tab {{ display: flex; flex: 1 1 auto; }}",
                          f'.s-{key} .tab::after {{ content: ""; flex: 1 1 auto; {leader}margin: 0 3pt; }}']
            else:
                lines.append(f".s-{key} .tab {{ min-width: {_pt(style.tab)}; }}")
        return "\n".join(lines)

    # -- content -----------------------------------------------------------------

    def _runs(self, runs: list[Run]) -> str:
        """Runs with their emphasis; those that show a content field inside a span whose id names
        it (the Word bookmark's name: briefwright.anchors)."""
        out = []
        for key, group in anchored_runs(runs):
            text = self._plain_runs(group)
            out.append(f'<span id="{self.anchors.name(key)}">{text}</span>' if key else text)
        return "".join(out)

    def _plain_runs(self, runs: list[Run]) -> str:
        out = []
        for run in runs:
            pieces = run.text.split("\t")
            text = "".join(f'<span class="tab">{_escape(piece)}</span>' if index < len(pieces) - 1 else _escape(piece)
                           for index, piece in enumerate(pieces))
            if run.bold:
                text = f"<strong>{text}</strong>"
            if run.italic:
                text = f"<em>{text}</em>"
            if run.cite:
                text = f'<span class="cite">{text}</span>'
            out.append(text)
        return "".join(out)

    def _note_refs(self, notes: list[str]) -> str:
        refs = []
        for note in notes:
            self.notes.append(note)
            number = len(self.notes)
            refs.append(f'<sup><a href="#note-{number}" id="noteref-{number}" role="doc-noteref" '
                        f'aria-label="note {number}">{number}</a></sup>')
        return "".join(refs)

    def _claim_attributes(self, trace: EvidenceRef | None, classes: str = "") -> tuple[str, str]:
        """The element's attributes (classes, plus what makes it a claim when it rests on quotes),
        and the evidence link a claim ends with."""
        if trace is None or not trace.quotes:
            return (f' class="{classes}"' if classes else ""), ""
        ids = [self._quote_id(source_id, quote) for source_id, quote in trace.quotes]
        conflicts = ""
        point_conflicts = self.job.content.points[trace.point_id].conflicts if trace.point_id else []
        if point_conflicts:
            # A disputed claim shows every side: each position's quote lights up beside its own.
            ids += [self._quote_id(p.source, p.quote) for conflict in point_conflicts for p in conflict.positions]
            conflicts = f' data-conflicts="{self._conflicts_id(trace.point_id or "", point_conflicts)}"'
        ids = list(dict.fromkeys(ids))
        self.claims += 1
        point = f' data-point="{_escape(trace.point_id)}"' if trace.point_id else ""
        attributes = f' class="{classes + " " if classes else ""}claim" data-quotes="{" ".join(ids)}"{point}{conflicts}'
        link = (f'<a class="evidence-link" href="#{ids[0]}" aria-haspopup="dialog" '
                f'aria-label="evidence for this claim: {len(ids)} quote{"s" if len(ids) > 1 else ""}">evidence</a>')
        return attributes, link

    def _quote_id(self, source_id: str, quote: str) -> str:
        match = self.job.sources[source_id].locate(quote)
        assert match is not None  # every quote was verified when the content was collected
        return self.evidence.add(source_id, match.start, match.end).id

    def _conflicts_id(self, point_id: str, conflicts: list[Conflict]) -> str:
        """The id of the hidden note that states how the sources differ on a point (made once)."""
        key = f"differ-{point_id}"
        if key not in self.disputes:
            parts = []
            for conflict in conflicts:
                positions = "".join(
                    f"<li><strong>{_escape(self.job.sources[p.source].meta.title)}</strong>: {_escape(p.says)}</li>"
                    for p in conflict.positions)
                parts.append(f"<p>Sources differ on {_escape(conflict.about)}: {_escape(' '.join(conflict.summary.split()))}"
                             f"</p><ul>{positions}</ul>")
            self.disputes[key] = f'<div id="{_escape(key)}" class="differ" hidden>{"".join(parts)}</div>'
        return key

    def _paragraph(self, block: Block, tag: str = "p") -> str:
        classes = f"s-{block.style}" + (" page-break" if block.page_break_before else "")
        attributes, link = self._claim_attributes(block.trace, classes)
        runs = block.runs
        label = ""
        if block.kind == "field":  # label, then the value at the style's tab stop
            label = f'<span class="tab field-label">{_escape(runs[0].text)}</span>'
            runs = runs[1:]
        body = label + self._runs(runs) + self._note_refs(block.footnotes)
        return f"<{tag}{attributes}>{body}{link}</{tag}>"

    def _cell(self, cell: Cell, tag: str, style: str) -> str:
        scope = ' scope="col"' if tag == "th" else ""
        return f'<{tag}{scope} class="s-{style}">{self._runs(cell.runs)}{self._note_refs(cell.footnotes)}</{tag}>'

    def _table(self, block: Block) -> str:
        parts = [f'<table class="s-{block.style}" aria-label="{_escape(block.alt_text)}">'
                 if block.alt_text else f'<table class="s-{block.style}">']
        if block.columns:
            parts.append("<colgroup>" + "".join(f'<col style="width: {fraction * 100:.1f}%">'
                                                for fraction in block.columns) + "</colgroup>")
        for row in block.rows:
            if row.header:
                parts.append("<thead><tr>" + "".join(self._cell(c, "th", "table_header") for c in row.cells)
                             + "</tr></thead><tbody>")
                continue
            claim, link = self._claim_attributes(row.trace)
            cells = [self._cell(c, "td", "table_cell") for c in row.cells]
            if link:
                cells[-1] = cells[-1].replace("</td>", f"{link}</td>")
            parts.append(f"<tr{claim}>" + "".join(cells) + "</tr>")
        parts.append("</tbody></table>" if any(row.header for row in block.rows) else "</table>")
        return "".join(parts)

    def _blocks(self, blocks: list[Block]) -> str:
        out: list[str] = []
        in_list = False
        for block in blocks:
            is_item = block.kind == "bullet" or bool(self.product.styles[block.style].bullet)
            if in_list and not is_item:
                out.append("</ul>")
                in_list = False
            if block.kind == "table":
                out.append(self._table(block))
            elif block.kind == "heading":
                level = _HEADING_LEVEL.get(block.style, 2 if block.level <= 1 else 3)
                out.append(self._paragraph(block, f"h{level}"))
            elif block.style == "title":
                out.append(self._paragraph(block, "h1"))
            elif is_item:
                if not in_list:
                    out.append("<ul>")
                    in_list = True
                style = self.product.styles[block.style]
                marker = (f'<span class="tab" aria-hidden="true" style="min-width: {_pt(style.hanging)}">'
                          f"{_escape(style.bullet or '')}</span>")
                out.append(self._paragraph(block, "li").replace(">", ">" + marker, 1))
            else:
                out.append(self._paragraph(block))
        if in_list:
            out.append("</ul>")
        return "\n".join(out)

    def _starts_page(self, section: Section) -> bool:
        first = section.blocks[0] if section.blocks else None
        return first is not None and (first.page_break_before or self.product.styles[first.style].page_break_before)

    def _sections(self, document: Document) -> str:
        """The sections; the notes gathered so far go before each one that starts a new page, so a
        printed page carries its own notes where the planner measured footnotes, not all at the end."""
        out = []
        for index, section in enumerate(document.sections, start=1):
            if index > 1 and self._starts_page(section) and (notes := self._notes()):
                out.append(notes)
            key = section.module_id or section.role
            tag = "header" if section.role == "masthead" else "section"
            out.append(f'<{tag} id="{_escape(key)}-{index}" class="part-{section.role}">\n'
                       f"{self._blocks(section.blocks)}\n</{tag}>")
        return "\n".join(out)

    def _notes(self) -> str:
        """The notes not yet listed, numbered on from the last list."""
        first = self.notes_listed + 1
        pending = self.notes[self.notes_listed:]
        if not pending:
            return ""
        self.notes_listed = len(self.notes)
        items = "\n".join(f'<li id="note-{n}" class="s-footnote">{_escape(text)} '
                          f'<a href="#noteref-{n}" role="doc-backlink" aria-label="back to the text">↩</a></li>'
                          for n, text in enumerate(pending, start=first))
        return (f'<section class="notes" role="doc-endnotes" aria-label="Notes">\n<ol start="{first}">\n{items}\n'
                "</ol>\n</section>")

    def _source_text(self, source_id: str) -> str:
        """The source's text in paragraphs, each stretch that quotes cover wrapped in a mark.

        A mark lists every quote covering it, so a claim's quotes light up even where another
        claim's quote overlaps them; a quote that runs over a paragraph break is marked in both."""
        source = self.job.sources[source_id]
        text = source.text
        quotes = self.evidence.in_source(source_id)
        anchored: set[str] = set()
        paragraphs = []
        for start, end in _paragraph_spans(text, source.excluded):
            inside = [q for q in quotes if q.start < end and q.end > start]
            cuts = sorted({start, end, *(max(q.start, start) for q in inside), *(min(q.end, end) for q in inside)})
            pieces = []
            for left, right in zip(cuts, cuts[1:]):
                covering = [q.id for q in inside if q.start <= left and right <= q.end]
                chunk = _escape(text[left:right])
                if covering:
                    anchors = "".join(f'<span id="{q.id}"></span>' for q in inside
                                      if q.id not in anchored and q.start <= left)
                    anchored.update(q.id for q in inside if q.start <= left)
                    chunk = f'{anchors}<mark data-quotes="{" ".join(covering)}">{chunk}</mark>'
                pieces.append(chunk)
            paragraphs.append((bool(inside), f"<p>{''.join(pieces)}</p>"))
        if self.product.source_text == "whole":
            return "\n".join(paragraph for _, paragraph in paragraphs)
        # Passages: the quoted paragraphs, with a mark wherever text is left out. Less of another
        # publisher's work travels with the product, and stretches excluded from the work never do.
        omitted = '<p class="omitted" aria-label="text left out">[…]</p>'
        shown: list[str] = []
        for quoted, paragraph in paragraphs:
            if quoted:
                shown.append(paragraph)
            elif not shown or shown[-1] != omitted:  # one mark for each stretch left out
                shown.append(omitted)
        return "\n".join(shown)

    def _source_texts(self) -> str:
        cited = sorted({quote.source_id for quote in self.evidence.quotes.values()})
        if not cited:
            return ""
        articles = []
        for source_id in cited:
            meta = self.job.sources[source_id].meta
            articles.append(f'<article id="source-{_escape(source_id)}" class="source" data-source="{_escape(source_id)}">'
                            f"<h3>{_escape(meta.title)}</h3>\n"
                            f'<p class="source-file">{_escape(meta.file)}</p>\n<div class="source-text">\n'
                            f"{self._source_text(source_id)}\n</div></article>")
        return ('<section class="source-texts" aria-labelledby="source-texts-heading">\n'
                '<h2 id="source-texts-heading">Source texts</h2>\n<p>'
                + ("Every quote this brief rests on, highlighted where it stands in its source. "
                   if self.product.source_text == "whole" else
                   "The paragraphs of each source that this brief quotes, the quotes highlighted; […] marks "
                   "text left out. ")
                + "Select a claim to see its own quotes.</p>\n" + "\n".join(articles) + "\n</section>")

    def render(self) -> bytes:
        document = self.job.document
        body = self._sections(document)
        notes = self._notes()
        sources = self._source_texts()
        logo = ""
        if self.job.audience.branding.logo is not None:
            raw = self.job.audience.branding.logo.read_bytes()
            data = base64.b64encode(raw).decode("ascii")
            height = self.product.logo_height
            logo = (f'<img class="logo" src="data:{_image_type(raw)};base64,{data}" alt="{_escape(document.author)} logo" '
                    f'style="height: {height:g}in">')
        banner = _escape(document.banner) if document.banner else ""
        top = f'<div class="banner top" role="note">{banner}</div>\n' if banner else ""
        bottom = f'<div class="banner bottom" role="note">{banner}</div>\n' if banner else ""
        page = f"""<!DOCTYPE html>
<html lang="{_escape(document.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefwright">
<meta name="author" content="{_escape(document.author)}">
<meta name="description" content="{_escape(document.subject)}">
<meta name="dcterms.issued" content="{_escape(document.issued)}">
<title>{_escape(document.title)}</title>
<style>
{self._css()}
</style>
</head>
<body>
<a class="skip" href="#main">Skip to the brief</a>
{top}{logo}
<main id="main" data-claims="{self.claims}">
{body}
{notes}
</main>
{sources}
{"".join(self.disputes.values())}
<dialog id="evidence" aria-labelledby="evidence-title">
<header><h2 id="evidence-title">Evidence</h2><button type="button" class="close" aria-label="Close">Close</button></header>
<div class="panel" tabindex="-1"></div>
</dialog>
{bottom}<script>
{_SCRIPT}
</script>
</body>
</html>
"""
        return page.encode("utf-8")


# The evidence panel's script, inlined into every page (a page fetches nothing).
_SCRIPT = resources.files("briefwright.writers").joinpath("evidence.js").read_text(encoding="utf-8").rstrip("\n")


class HtmlWriter:
    def render(self, job: RenderJob) -> Rendered:
        return Rendered(HtmlRenderer(job).render(), job.document)

    def check(self, rendered: Rendered, job: RenderJob, where: Where) -> None:
        check_html(rendered.data, rendered.model, where, job.report)


WRITER = HtmlWriter()
