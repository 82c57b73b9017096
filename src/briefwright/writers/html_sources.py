"""The HTML page's source texts: each cited source in paragraphs, its quotes marked where they stand.

A claim's "evidence" link (and the evidence panel's script) finds its quotes here by id. A product
shows each source whole, or only the quoted paragraphs with a mark wherever text is left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from briefwright.writers.job import RenderJob

_OMITTED = '<p class="omitted" aria-label="text left out">[…]</p>'
_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")  # blank lines separate paragraphs


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class Quote:
    """One verified quote shown in its source: an id for links, and its place in the source text."""

    id: str
    source_id: str
    start: int
    end: int


@dataclass
class Evidence:
    """The quotes a page shows, numbered in reading order, each once however many claims cite it."""

    quotes: dict[tuple[str, int, int], Quote] = field(default_factory=dict)

    def add(self, source_id: str, start: int, end: int) -> Quote:
        key = (source_id, start, end)
        if key not in self.quotes:
            self.quotes[key] = Quote(f"q{len(self.quotes) + 1}", source_id, start, end)
        return self.quotes[key]

    def in_source(self, source_id: str) -> list[Quote]:
        return [quote for quote in self.quotes.values() if quote.source_id == source_id]


def paragraph_spans(text: str, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _marked_paragraph(text: str, start: int, end: int, inside: list[Quote], anchored: set[str]) -> str:
    """One paragraph, each stretch that quotes cover in a mark listing every quote covering it (so
    a claim's quotes light up even where another claim's quote overlaps them); the first stretch
    of each quote carries the quote's id, once on the page (anchored)."""
    cuts = sorted({start, end, *(max(q.start, start) for q in inside), *(min(q.end, end) for q in inside)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [q.id for q in inside if q.start <= left and right <= q.end]
        chunk = _escape(text[left:right])
        if covering:
            starting = [q.id for q in inside if q.start <= left]
            anchors = "".join(f'<span id="{quote_id}"></span>' for quote_id in starting if quote_id not in anchored)
            anchored.update(starting)
            chunk = f'{anchors}<mark data-quotes="{" ".join(covering)}">{chunk}</mark>'
        pieces.append(chunk)
    return f"<p>{''.join(pieces)}</p>"


def _passages(paragraphs: list[tuple[bool, str]]) -> list[str]:
    """The quoted paragraphs, with a mark wherever text is left out. Less of another publisher's
    work travels with the product, and stretches excluded from the work never do."""
    shown: list[str] = []
    for quoted, paragraph in paragraphs:
        if quoted:
            shown.append(paragraph)
        elif not shown or shown[-1] != _OMITTED:  # one mark for each stretch left out
            shown.append(_OMITTED)
    return shown


def source_text(job: RenderJob, evidence: Evidence, source_id: str) -> str:
    """The source's text in paragraphs, its quotes marked; a quote that runs over a paragraph
    break is marked in both."""
    source = job.sources[source_id]
    quotes = evidence.in_source(source_id)
    anchored: set[str] = set()
    paragraphs = []
    for start, end in paragraph_spans(source.text, source.excluded):
        inside = [q for q in quotes if q.start < end and q.end > start]
        paragraphs.append((bool(inside), _marked_paragraph(source.text, start, end, inside, anchored)))
    if job.product.source_text == "whole":
        return "\n".join(paragraph for _, paragraph in paragraphs)
    return "\n".join(_passages(paragraphs))


def source_texts(job: RenderJob, evidence: Evidence) -> str:
    """Every cited source's text, in a section after the brief (left out when printed)."""
    cited = sorted({quote.source_id for quote in evidence.quotes.values()})
    if not cited:
        return ""
    articles = []
    for source_id in cited:
        meta = job.sources[source_id].meta
        articles.append(f'<article id="source-{_escape(source_id)}" class="source" data-source="{_escape(source_id)}">'
                        f"<h3>{_escape(meta.title)}</h3>\n"
                        f'<p class="source-file">{_escape(meta.file)}</p>\n<div class="source-text">\n'
                        f"{source_text(job, evidence, source_id)}\n</div></article>")
    return ('<section class="source-texts" aria-labelledby="source-texts-heading">\n'
            '<h2 id="source-texts-heading">Source texts</h2>\n<p>'
            + ("Every quote this brief rests on, highlighted where it stands in its source. "
               if job.product.source_text == "whole" else
               "The paragraphs of each source that this brief quotes, the quotes highlighted; […] marks "
               "text left out. ")
            + "Select a claim to see its own quotes.</p>\n" + "\n".join(articles) + "\n</section>")
