"""Reading what LibreOffice rendered: words with positions, and the font of each glyph."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pdfplumber


@dataclass(frozen=True)
class PdfWord:
    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def words(pdf: Path) -> list[PdfWord]:
    """Every word of the PDF with its page and box. Read once per file version: several tests
    (and each page of one test) ask about the same rendered file, and extracting words is the
    costly part of reading it."""
    status = pdf.stat()
    return list(_words(str(pdf), status.st_mtime_ns, status.st_size))


@functools.lru_cache(maxsize=64)
def _words(pdf: str, modified_ns: int, size: int) -> tuple[PdfWord, ...]:
    found = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            for word in page.extract_words(keep_blank_chars=False, use_text_flow=True):
                found.append(PdfWord(number, word["text"], word["x0"], word["top"], word["x1"], word["bottom"]))
    return tuple(found)


def page_size(pdf: Path, number: int = 1) -> tuple[float, float]:
    with pdfplumber.open(pdf) as document:
        page = document.pages[number - 1]
        return float(page.width), float(page.height)


def glyph_fonts(pdf: Path, characters: str) -> dict[str, set[str]]:
    """For each wanted character, the font names the PDF draws it with."""
    fonts: dict[str, set[str]] = {char: set() for char in characters}
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            for char in page.chars:
                if char["text"] in fonts:
                    fonts[char["text"]].add(char["fontname"])
    return fonts


def text_bottom(pdf: Path, number: int = 1) -> float:
    with pdfplumber.open(pdf) as document:
        page = document.pages[number - 1]
        return max(char["bottom"] for char in page.chars)
