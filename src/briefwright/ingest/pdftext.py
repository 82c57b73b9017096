"""A PDF page's text as a reader reads it: typographic ligatures spelled out, words a line break hyphenated
made whole again, and a running page number dropped.

pypdf gives the text as the page draws it. "ﬁ" is one glyph for "fi", so a quote typed from the page ("fixed")
would never match it; a word split at a line end ("outper-" / "formed") would have to be quoted with its
hyphen and break. A break is joined only when the joined word is an English word and one of its halves is
not ("outper" + "formed"); two words that stand alone ("well-" / "known") keep their hyphen, as a compound.
The original PDF is kept beside the text, so nothing here hides what the page says.
"""

from __future__ import annotations

import re

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_BROKEN_WORD = re.compile(r"\b([A-Za-z]+)-[ \t]*\n[ \t]*([a-z]+)\b")
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)


def _english(word: str) -> bool:
    import simplemma  # its tables ship in the wheel; loaded only when a PDF is added

    return bool(simplemma.is_known(word.lower(), lang="en"))


def _rejoined(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    whole = left + right
    if _english(whole) and not (_english(left) and _english(right)):
        return whole
    return match.group(0)


def _without_page_number(lines: list[str]) -> list[str]:
    """The page's lines without a bare page number as its first or last line ("12", "Page 12", "12 of 30")."""
    content = [index for index, line in enumerate(lines) if line.strip()]
    drop = {index for index in (content[:1] + content[-1:]) if _PAGE_NUMBER.match(lines[index])} if content else set()
    return [line for index, line in enumerate(lines) if index not in drop]


def clean_page(text: str) -> tuple[str, int]:
    """The page's text as a reader reads it, and how many words broken at a line end were made whole."""
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = "\n".join(_without_page_number(text.split("\n")))
    joined = _BROKEN_WORD.sub(_rejoined, text)
    return joined, len(_BROKEN_WORD.findall(text)) - len(_BROKEN_WORD.findall(joined))
