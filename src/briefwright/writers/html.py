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
from importlib import resources

from briefwright.anchors import BookmarkNamer, anchored_runs
from briefwright.content.modules import Conflict
from briefwright.diagnostics import Where
from briefwright.model import Block, Cell, Document, EvidenceRef, Run, Section
from briefwright.products import Product
from briefwright.writers.html_check import check_html
from briefwright.writers.html_css import PageCss, pt
from briefwright.writers.html_sources import Evidence, source_texts
from briefwright.writers.job import Rendered, RenderJob

_HEADING_LEVEL = {"title": 1}  # other headings are h2 (level 1 in the model) or h3


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


_IMAGE_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"))


def _image_type(data: bytes) -> str:
    return next((kind for magic, kind in _IMAGE_TYPES if data.startswith(magic)), "application/octet-stream")


class HtmlRenderer:
    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.product: Product = job.product
        self.evidence = Evidence()
        self.notes: list[str] = []
        self.notes_listed = 0
        self.disputes: dict[str, str] = {}  # hidden notes on disputed points, shown in the evidence panel
        self.claims = 0
        self.anchors = BookmarkNamer()

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
                marker = (f'<span class="tab" aria-hidden="true" style="min-width: {pt(style.hanging)}">'
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

    def render(self) -> bytes:
        document = self.job.document
        body = self._sections(document)
        notes = self._notes()
        sources = source_texts(self.job, self.evidence)
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
{PageCss(self.job).css()}
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
