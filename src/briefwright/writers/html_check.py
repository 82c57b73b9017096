"""Reopening an HTML brief: what a reader of the page gets, against the document it was drawn from."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from briefwright.diagnostics import Report, Where
from briefwright.model import Document

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    """Reads back what a reader of the page gets: text of the main part, ids, links, images, marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.images_without_alt = 0
        self.claim_quotes: list[list[str]] = []
        self.mark_quotes: set[str] = set()
        self.external: list[str] = []
        self.lang = ""
        self.main_text: list[str] = []
        self._depth = 0  # open elements, void ones (img, col …) never counted
        self._main_at: int | None = None  # the depth <main> opened at
        self._hidden_at: int | None = None  # the depth a note number or evidence link opened at

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        self._record_page_facts(tag, found)
        self._record_resources(tag, found)
        if tag not in _VOID:
            self._open(tag, found)

    def _record_page_facts(self, tag: str, found: dict[str, str]) -> None:
        """Language, ids, links, claims and marked quotes."""
        if tag == "html":
            self.lang = found.get("lang", "")
        if "id" in found:
            self.ids.append(found["id"])
        if tag == "a" and "href" in found:
            self.hrefs.append(found["href"])
        if "claim" in found.get("class", "").split():
            self.claim_quotes.append(found.get("data-quotes", "").split())
        if tag == "mark":
            self.mark_quotes.update(found.get("data-quotes", "").split())

    def _record_resources(self, tag: str, found: dict[str, str]) -> None:
        """Images without alt text, and anything the page would fetch (a link's href is navigation)."""
        if tag == "img" and not found.get("alt"):
            self.images_without_alt += 1
        for name in ("src", "href"):
            value = found.get(name, "")
            if (tag != "a" or name != "href") and value and not value.startswith(("data:", "#")):
                self.external.append(value)
        if tag == "link":
            self.external.append(found.get("href", ""))

    def _open(self, tag: str, found: dict[str, str]) -> None:
        self._depth += 1
        if tag == "main":
            self._main_at = self._depth
        # Note numbers and evidence links are not the block's words.
        if self._main_at is not None and self._hidden_at is None and (
                tag == "sup" or "evidence-link" in found.get("class", "").split()):
            self._hidden_at = self._depth

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._hidden_at == self._depth:
            self._hidden_at = None
        if self._main_at == self._depth:
            self._main_at = None
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._main_at is not None and self._hidden_at is None:
            self.main_text.append(data)


def check_html(data: bytes, document: Document, where: Where, report: Report) -> None:
    """Reopen the page: every planned block's text in order, ids unique, links and notes resolve,
    each claim's quotes marked in a source text, nothing fetched from elsewhere."""
    reader = _Reader()
    reader.feed(data.decode("utf-8"))
    reader.close()
    _check_blocks(reader, document, where, report)
    _check_page(reader, where, report)


def _check_blocks(reader: _Reader, document: Document, where: Where, report: Report) -> None:
    """Every planned block's text, in order, in the page's main part (whitespace aside)."""
    text = re.sub(r"\s+", "", "".join(reader.main_text))
    position = 0
    for number, block in enumerate(document.blocks(), start=1):
        pieces = [block.text] if block.kind != "table" else [c.text for r in block.rows for c in r.cells]
        for piece in pieces:
            wanted = re.sub(r"\s+", "", piece)
            found = text.find(wanted, position)
            if found < 0:
                report.error("output-mismatch", where, f"block {number} is missing or out of order: {piece[:60]!r}")
                return
            position = found + len(wanted)


def _check_page(reader: _Reader, where: Where, report: Report) -> None:
    """Ids, links, evidence marks, self-containment, alt text and language."""
    duplicates = sorted(name for name, uses in Counter(reader.ids).items() if uses > 1)
    if duplicates:
        report.error("output-ids", where, f"ids used twice: {', '.join(duplicates[:5])}")
    missing = sorted({href[1:] for href in reader.hrefs if href.startswith("#") and href[1:] not in reader.ids})
    if missing:
        report.error("output-links", where, f"links to nothing: {', '.join(missing[:5])}")
    unmarked = sorted({q for quotes in reader.claim_quotes for q in quotes} - reader.mark_quotes)
    if unmarked:
        report.error("output-evidence", where, f"claims cite quotes not marked in any source text: {', '.join(unmarked)}")
    if reader.external:
        report.error("output-external", where, f"the page fetches {reader.external[0]}; it must be self-contained")
    if reader.images_without_alt:
        report.error("output-alt-text", where, f"{reader.images_without_alt} image(s) without alt text")
    if not reader.lang:
        report.error("output-language", where, "the page does not declare its language")
