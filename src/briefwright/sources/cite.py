"""Reference formatting in one consistent style (full and short forms)."""

from __future__ import annotations

import re

from briefwright.sources.registry import UNKNOWN, SourceMeta

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def display_date(date: str) -> str:
    """A stated date as '15 November 2022'; an inferred one in brackets; else n.d."""
    if date == UNKNOWN:
        return "n.d."
    if date.startswith("inferred: "):
        year = re.search(r"\b(\d{4})\b", date)
        return f"[{year.group(1)}]" if year else "n.d."
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def year(date: str) -> str:
    found = re.search(r"\b(\d{4})\b", date)
    if not found:
        return "n.d."
    return f"[{found.group(1)}]" if date.startswith("inferred: ") else found.group(1)


def author_display(meta: SourceMeta) -> str:
    if isinstance(meta.authors, str):  # unknown
        return "Author unknown"
    names = []
    for author in meta.authors:
        names.append(f"{author.name} ({author.native})" if author.native else author.name)
    return ", ".join(names)


def author_surname(meta: SourceMeta) -> str:
    if isinstance(meta.authors, str):  # unknown
        return meta.publisher if meta.publisher != UNKNOWN else "Anonymous"
    first = meta.authors[0]
    return first.surname or first.name.split()[-1]


_TRAILING_FUNCTION_WORDS = {"a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with"}


def short_title(meta: SourceMeta) -> str:
    """Chicago's short title: the main title before any colon, at most four words."""
    if meta.title == UNKNOWN:
        return "untitled article"
    words = meta.title.split(":")[0].split()[:4]
    while len(words) > 1 and words[-1].lower() in _TRAILING_FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


_TERMINAL = (".", "?", "!", "…")


def ends_sentence(text: str) -> bool:
    """Whether text already ends with its own mark ("A court above control?", "… said “no.”")."""
    return text.rstrip("”’\"')]").endswith(_TERMINAL)


def with_period(text: str) -> str:
    """text closed with a period, unless it ends with its own mark: never "control?."."""
    return text if ends_sentence(text) else text + "."


def _title_piece(meta: SourceMeta) -> str:
    if meta.title == UNKNOWN:
        return "untitled article,"
    return f"“{meta.title}”" if ends_sentence(meta.title) else f"“{meta.title},”"


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


def note(parts: list[str]) -> str:
    """Join citations into one note: 'A, “T,” P, date; B, “T.”' with one closing period."""
    bodies = [part if part.endswith("n.d.") else part.removesuffix(".") for part in parts]
    return _sentence("; ".join(bodies))


def full_reference(meta: SourceMeta) -> str:
    """Author (native), “Title,” trans. X, Publisher, date."""
    rest = []
    if meta.translator not in (UNKNOWN, "none stated"):
        rest.append(f"trans. {meta.translator}")
    rest.append(meta.publisher if meta.publisher != UNKNOWN else "publisher unknown")
    rest.append(display_date(meta.date))
    return _sentence(f"{author_display(meta)}, {_title_piece(meta)} " + ", ".join(rest))


def short_reference(meta: SourceMeta) -> str:
    """Surname, short title — the form for a source cited again."""
    title = f"“{short_title(meta)}”" if meta.title != UNKNOWN else "untitled article"
    return f"{author_surname(meta)}, {title}"


def compact_reference(meta: SourceMeta) -> str:
    """The memo's sources-line form: author, title, publisher, date."""
    publisher = meta.publisher if meta.publisher != UNKNOWN else "publisher unknown"
    return _sentence(f"{author_display(meta)}, {_title_piece(meta)} {publisher}, {display_date(meta.date)}")


def label(meta: SourceMeta) -> str:
    """A few words naming the source on a slide's source line: Kotani [2022]."""
    return f"{author_surname(meta)} {year(meta.date)}"


def labels(metas: list[SourceMeta]) -> dict[str, str]:
    """Labels for a whole registry: two works by one author in one year become 2022a and 2022b
    (in registry order), so a source line never names two sources alike."""
    by_label: dict[str, list[SourceMeta]] = {}
    for meta in metas:
        by_label.setdefault(label(meta), []).append(meta)
    result: dict[str, str] = {}
    for shared, group in by_label.items():
        if len(group) == 1:
            result[group[0].id] = shared
            continue
        for index, meta in enumerate(group):
            letter = "abcdefghijklmnopqrstuvwxyz"[index]
            when = year(meta.date)
            if when == "n.d.":
                suffixed = f"n.d.-{letter}"
            else:
                suffixed = f"{when[:-1]}{letter}]" if when.endswith("]") else f"{when}{letter}"
            result[meta.id] = f"{author_surname(meta)} {suffixed}"
    return result


def bibliography_entry(meta: SourceMeta) -> str:
    """Surname, Given (native). “Title.” Trans. X. Publisher, date. — sorted by the caller."""
    if isinstance(meta.authors, str):  # unknown
        lead = ""
    else:
        names = []
        for index, author in enumerate(meta.authors):
            surname = author.surname or author.name.split()[-1]
            given = author.name.replace(surname, "").strip()
            if index == 0 and given and not author.name.startswith(surname):
                name = f"{surname}, {given}"
            else:
                name = author.name
            names.append(f"{name} ({author.native})" if author.native else name)
        lead = " and ".join(names) + ". "
    title = f"“{with_period(meta.title)}” " if meta.title != UNKNOWN else "Untitled article. "
    translator = f"Translated by {meta.translator}. " if meta.translator not in (UNKNOWN, "none stated") else ""
    publisher = meta.publisher if meta.publisher != UNKNOWN else "Publisher unknown"
    return f"{lead}{title}{translator}{publisher}, {display_date(meta.date)}".rstrip(".") + "."


def bibliography_key(meta: SourceMeta) -> str:
    return (author_surname(meta) if meta.authors != UNKNOWN else meta.title).lower()
