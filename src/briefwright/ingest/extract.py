"""Clean text and the metadata a file states, from .txt, .md, .html, .docx and .pdf.

Each reader returns the text a quote will be checked against and only the metadata the
file itself carries; what it does not carry stays absent (the caller writes `unknown`).
Nothing is guessed: HTML dates come from the page's own markup, never from its prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright import safety
from briefwright.diagnostics import Where, fail

if TYPE_CHECKING:
    from pypdf import DocumentInformation

MAX_ORIGINAL_BYTES = 50 * safety.MiB  # a PDF of a long report with images; text is limited separately
MAX_PDF_PAGES = 2_000
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class Extracted:
    """What a file gave: its text, the metadata it states, and what could not be read."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    file_date: str | None = None  # when the file was made (PDF, Word): a hint, not the publication date
    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what was changed from the file's raw text, and why


def extract(path: Path) -> Extracted:
    """The text and metadata of path, or a clear error when it cannot be read at all."""
    where = Where(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise fail("source-format", where, f"briefwright cannot read '{suffix or path.name}' files",
                   "give a .txt, .md, .html, .docx or .pdf file (save other formats as one of these)")
    limit = MAX_ORIGINAL_BYTES if suffix in (".docx", ".pdf") else safety.MAX_SEED_BYTES
    safety.check_size(path, limit, where, "source file")
    if suffix == ".pdf":
        extracted = _pdf(path, where)
    elif suffix == ".docx":
        extracted = _docx(path, where)
    else:
        raw = _utf8(path, where)
        extracted = _html(raw) if suffix in (".html", ".htm") else _markdown(raw) if suffix != ".txt" else _plain(raw)
    extracted.text = _tidy(extracted.text)
    extracted.date = _iso_date(extracted.date)
    extracted.file_date = _iso_date(extracted.file_date)
    if len(extracted.text.encode("utf-8")) > safety.MAX_SEED_BYTES:
        raise fail("too-large", where, "the extracted text is larger than 8 MiB, the limit for a seed text",
                   "split the document and add the parts as separate sources")
    if not extracted.text.strip():
        raise fail("source-no-text", where, "no text could be read from this file" +
                   (f" ({'; '.join(extracted.problems)})" if extracted.problems else ""),
                   "give a file with a text layer: run OCR on a scanned PDF, or save the page as .txt")
    bad = safety.forbidden_character(extracted.text)
    if bad is not None:
        extracted.text = safety._NOT_XML.sub("", extracted.text)
        extracted.problems.append(f"control characters such as {bad[1]} were left out of the text")
    return extracted


def _utf8(path: Path, where: Where) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("source-encoding", where, f"the file is not UTF-8 text (byte {exc.start})",
                   "save it as UTF-8 (most editors offer this under 'Save as… / Encoding')") from None


def _tidy(text: str) -> str:
    """Unix line ends, no trailing spaces, at most one blank line, a final newline."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n" if tidy else ""


def _iso_date(value: str | None) -> str | None:
    found = _ISO_DATE.match(value or "")
    return "-".join(part for part in found.groups() if part) if found else None


def _plain(raw: str) -> Extracted:
    return Extracted(raw)


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def _markdown(raw: str) -> Extracted:
    """Markdown as the text a reader sees: headings, emphasis and link targets dropped."""
    extracted = Extracted("")
    front = _FRONT_MATTER.match(raw)
    if front:
        extracted = _front_matter(front.group(1))
        raw = raw[front.end():]
    lines = []
    for line in raw.split("\n"):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        lines.append(_MD_MARKS.sub(r"\2", _MD_LINK.sub(r"\1", line)))
    extracted.text = "\n".join(lines)
    if extracted.title is None:
        heading = re.search(r"^\s{0,3}#\s+(.+)$", raw, re.MULTILINE)
        extracted.title = heading.group(1).strip() if heading else None
    return extracted


def _front_matter(block: str) -> Extracted:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return Extracted("", problems=["the front matter is not valid YAML and was ignored"])
    if not isinstance(data, dict):
        return Extracted("")

    def text(*keys: str) -> str | None:
        for key in keys:
            if isinstance(data.get(key), (str, int, float)) or hasattr(data.get(key), "isoformat"):
                return str(data[key]).strip() or None
        return None

    authors = data.get("authors") or data.get("author")
    names = [str(a) for a in authors] if isinstance(authors, list) else [str(authors)] if authors else []
    return Extracted("", title=text("title"), authors=names, date=text("date"), publisher=text("publisher", "site"),
                     url=text("url", "canonical_url"))


# A figure (a code listing, a chart with its caption) is part of the text the prose refers to ("Listing
# 4-1 shows …"), but main-text extraction drops <figure> blocks as asides: read as plain blocks instead.
_FIGURES = ((re.compile(r"<(/?)figure\b", re.IGNORECASE), r"<\1div"),
            (re.compile(r"<(/?)figcaption\b", re.IGNORECASE), r"<\1p"))
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = r"\s+[-|–—·]\s+"
# The permalink sign documentation generators put after each heading ("Abstract¶"): a link, not text.
_PERMALINK = re.compile(r"[ \t]*¶(?=[ \t]*$)", re.MULTILINE)


def _page_title(raw: str, found: str | None) -> str | None:
    """The page's own title. Extraction sometimes takes the site's name from "Page - Site" (when the
    page's only <h1> is the site's banner); the part of <title> before it names the page."""
    import html

    found = _PERMALINK.sub("", found).strip() if found else found
    match = _TITLE.search(raw[:200_000])
    if match is None or not found:
        return found
    full = " ".join(html.unescape(match.group(1)).split())
    parts = re.split(_TITLE_SEPARATOR, full)
    if len(parts) > 1 and parts[-1].strip() == found and parts[0].strip():
        return re.sub(_TITLE_SEPARATOR + re.escape(parts[-1]) + "$", "", full)
    if full and found.lower() not in full.lower():
        return parts[0].strip() or found  # a first section heading ("Abstract"), not the page's title
    return found


def _html(raw: str) -> Extracted:
    """The page's main text (trafilatura: boilerplate, menus and footers left out; headings, code listings
    and figure captions kept) and its metadata."""
    import trafilatura

    plain = raw
    for tag, block in _FIGURES:
        plain = tag.sub(block, plain)
    body = trafilatura.extract(plain, output_format="txt", include_comments=False, include_tables=True,
                               deduplicate=False)
    # extensive=False: a date only from the page's markup (meta tags, structured data), never guessed from prose.
    meta = trafilatura.extract_metadata(raw, extensive=False)
    extracted = Extracted(_PERMALINK.sub("", body or ""))
    if meta is not None:
        extracted.title = _page_title(raw, meta.title)
        extracted.authors = [name.strip() for name in re.split(r";|\band\b", meta.author or "") if name.strip()]
        extracted.date = meta.date
        extracted.publisher = meta.sitename
        extracted.url = meta.url if (meta.url or "").startswith(("http://", "https://")) else None
    if not body:
        extracted.problems.append("no main text was found in the page")
    return extracted


def _docx(path: Path, where: Where) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    safety.check_package(path, where, "Word file")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise fail("source-unreadable", where, f"the Word file cannot be opened ({type(exc).__name__})",
                   "open it in Word or LibreOffice and save it again as .docx") from None
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        paragraphs.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    core = document.core_properties
    authors = [name.strip() for name in re.split(r";", core.author or "") if name.strip()]
    extracted = Extracted("\n\n".join(p for p in paragraphs if p.strip()), title=core.title or None, authors=authors)
    extracted.file_date = core.created.date().isoformat() if core.created else None
    return extracted


def _pdf(path: Path, where: Where) -> Extracted:
    from briefwright.ingest.pdftext import clean_page

    raw, info = _pdf_pages(path, where)
    empty = [str(number) for number, text in enumerate(raw, start=1) if not text.strip()]
    cleaned = [clean_page(text) for text in raw]
    texts = [text for text, _ in cleaned]
    extracted = Extracted("\n\n".join(text.strip("\n") for text in texts if text.strip()))
    joined = sum(count for _, count in cleaned)
    if any(text != page for text, page in zip(texts, raw)):
        extracted.repairs.append("typographic ligatures (ﬁ, ﬂ …) spelled out, running page numbers left out"
                                 + (f", {joined} word(s) hyphenated at a line end made whole" if joined else ""))
    if empty:
        extracted.problems.append(f"page(s) {_ranges(empty)} have no text layer (scanned images?); "
                                  "their text is missing")
    if info is not None:
        _pdf_metadata(extracted, info)
    return extracted


def _pdf_pages(path: Path, where: Where) -> tuple[list[str], DocumentInformation | None]:
    """Each page's text and the document information, or a clear error for a locked, huge or broken PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise fail("source-encrypted", where, "the PDF is encrypted with a password",
                       "open it with its password and save or print an unprotected copy, then add that")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise fail("too-large", where, f"the PDF has {len(pages)} pages; briefwright reads at most "
                       f"{MAX_PDF_PAGES}", "add the chapters you cite as separate sources")
        return [page.extract_text() or "" for page in pages], reader.metadata
    except PdfReadError as exc:
        raise fail("source-unreadable", where, f"the PDF cannot be read ({exc})",
                   "open it in a PDF reader and save a fresh copy") from None


def _pdf_metadata(extracted: Extracted, info: DocumentInformation) -> None:
    extracted.title = (info.title or "").strip() or None
    extracted.authors = [name.strip() for name in re.split(r";", info.author or "") if name.strip()]
    try:
        created = info.creation_date if info.get("/CreationDate") else None
    except ValueError:  # a malformed date string: say nothing rather than guess
        created = None
    extracted.file_date = created.date().isoformat() if created else None


def _ranges(numbers: list[str]) -> str:
    return ", ".join(numbers) if len(numbers) <= 8 else f"{', '.join(numbers[:8])} and {len(numbers) - 8} more"
