"""The words a product prints, linted after everything that rewrites them.

The content lint reads the project's YAML; a product then swaps vocabulary for its audience, expands
acronyms, condenses points into speaker notes and adds its own labels. Those steps can break what was
right in the content: "a unofficial" after a swap, "Otherwise, he adds" in a note that dropped the
sentence naming him, "unknown" printed as if it were a value. This lint reads the composed document,
the exact text a writer draws, and reports each problem with the product, section and words, and with
the content file and line of the field it shows (from the runs' anchors, or the point the block traces to).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.anchors import anchored_runs
from briefwright.content import language as lang
from briefwright.content.articles import ARTICLE, wanted_article
from briefwright.content.claims import origins
from briefwright.content.modules import Content
from briefwright.diagnostics import Report, Where
from briefwright.model import Block, Document, Section

# Sections whose text is bibliographic: "unknown" there is a recorded fact about a source.
_REFERENCE_ROLES = ("sources", "glossary")
# "they" and "their" are left out: they refer to countries and groups at least as often as to people.
_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
_OPENING_CONNECTIVE = re.compile(r"^(?:otherwise|however|also|moreover|meanwhile|instead|likewise|similarly"
                                 r"|in addition|furthermore|nevertheless|therefore|thus|still|yet|besides)\b",
                                 re.IGNORECASE)
_UNKNOWN = re.compile(r"\bunknown\b", re.IGNORECASE)


@dataclass(frozen=True)
class RenderedFinding:
    rule: str
    place: str  # product, section and block, as a reader finds them
    text: str
    message: str
    hint: str
    origin: Where | None = None  # the content field the text shows: file, line and field


Origins = tuple[dict[str, Where], dict[str, Where]]


def _origin(block: Block, origins_: Origins) -> Where | None:
    """Where the block's text is written: its first anchored field, else the point it traces to."""
    fields, points = origins_
    keys = [key for key, _ in anchored_runs(block.runs)] + [key for row in block.rows for cell in row.cells
                                                           for key, _ in anchored_runs(cell.runs)]
    for key in keys:
        if key in fields:
            owner, _, field = key.rpartition(":")
            return Where(fields[key].file, fields[key].line, f"{owner}.{field}")
    point = block.trace.point_id if block.trace is not None else None
    if point and point in points:
        return Where(points[point].file, points[point].line, f"point {point}")
    return None


def _section_origin(section: Section, origins_: Origins) -> Where | None:
    """Speaker notes condense the section's points: their origin is the one point the section shows, if one."""
    found = {where for block in section.blocks if (where := _origin(block, origins_)) is not None}
    files = {(where.file, where.field.split(".")[0] if where.field else None) for where in found}
    return min(found, key=lambda where: where.line or 0) if len(files) == 1 else None


def _block_text(block: Block) -> str:
    text = "".join(run.text for run in block.runs if not run.cite)
    for row in block.rows:
        text += " " + " | ".join("".join(run.text for run in cell.runs) for cell in row.cells)
    return " ".join(text.split())


def _units(section: Section, origins_: Origins) -> Iterator[tuple[str, str, bool, Where | None]]:
    """(where in the section, text, is a label, the content field it shows) for every piece of text a reader
    meets on its own."""
    yield "title", section.title, True, None
    for index, block in enumerate(section.blocks):
        yield (f"block {index + 1}", _block_text(block), block.kind in ("field", "table", "event", "figure"),
               _origin(block, origins_))
    notes_origin = _section_origin(section, origins_) if section.notes else None
    for index, note in enumerate(section.notes):
        for line in note.splitlines():
            if line.strip() and not line.lstrip().startswith("["):  # quoted evidence lines are the sources' words
                yield f"notes {index + 1}", " ".join(line.split()), False, notes_origin


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _traces(document: Document) -> Iterator[tuple[Section, Block]]:
    for section in document.sections:
        for block in section.blocks:
            if block.trace is not None:
                yield section, block


def _judgment_points(content: Content) -> set[tuple[str, ...]]:
    """The point lists of the BLUF and the key judgments: the product's assessments, not its context lines."""
    return {tuple(content.topic.bluf.points)} | {tuple(module.key_judgment.points) for module in content.modules}


def _shown_points(document: Document) -> dict[str, tuple[tuple[str, str], ...]]:
    """The points this product shows (in a block or a table row), with their quotes."""
    shown: dict[str, tuple[tuple[str, str], ...]] = {}
    for _, block in _traces(document):
        for trace in [block.trace] + [row.trace for row in block.rows]:
            if trace is not None and trace.point_id:
                shown[trace.point_id] = trace.quotes
    return shown


def _unsupported_judgments(document: Document, product: str, judgments: set[tuple[str, ...]],
                           origins_: Origins) -> Iterator[RenderedFinding]:
    """A judgment printing a number that only points this product leaves out give: in this product it
    rests on nothing the reader can see."""
    shown = _shown_points(document)
    visible = lang.quantities(" ".join(quote for quotes in shown.values() for _, quote in quotes)).numbers
    for section, block in _traces(document):
        trace = block.trace
        if trace is None or trace.level != "judgment" or trace.points not in judgments:
            continue
        dropped = [point for point in trace.points if point not in shown]
        text = _block_text(block)
        hidden = sorted(lang.quantities(text).numbers - visible)
        if dropped and hidden:
            yield RenderedFinding(
                "rendered-judgment", f"{product}, section {section.title or section.role}", text,
                f"prints a judgment stating {', '.join(f'{n:g}' for n in hidden)}, which only points this product "
                f"leaves out ({', '.join(dropped)}) give: “{_short(text)}”",
                "show those points in this product, or word the judgment so it rests on the points shown",
                _origin(block, origins_))


def lint_document(document: Document, content: Content | None = None) -> list[RenderedFinding]:
    product = f"{document.product_id}-{document.audience_id}"
    judgments = _judgment_points(content) if content is not None else set()
    origins_: Origins = origins(content) if content is not None else ({}, {})
    findings: list[RenderedFinding] = list(_unsupported_judgments(document, product, judgments, origins_))
    for number, section in enumerate(document.sections, start=1):
        label = f"{product}, section {number} ({section.title or section.role})"
        for where, text, is_label, origin in _units(section, origins_):
            place = f"{label}, {where}"
            found: list[RenderedFinding] = []
            if section.role not in _REFERENCE_ROLES:  # titles there are the sources' own words
                found += _articles(place, text)
            found += _dangling(place, text)
            if is_label and section.role not in _REFERENCE_ROLES and _UNKNOWN.search(text):
                found.append(RenderedFinding(
                    "rendered-label", place, text, f"prints “unknown” as a value: “{_short(text)}”",
                    "leave the label out where the value is not known, or fill it from the content"))
            findings += [dataclasses.replace(finding, origin=origin) for finding in found]
    return findings


def _articles(place: str, text: str) -> list[RenderedFinding]:
    found = []
    for match in ARTICLE.finditer(text):
        article, _, word = match.groups()
        wanted = wanted_article(article, word)
        if wanted is not None and article != wanted:
            found.append(RenderedFinding(
                "rendered-article", place, text, f"prints “{article} {word}”: write “{wanted} {word}”",
                "a vocabulary swap or acronym expansion changed the word after the article; word the content "
                "so that both forms read right, or adjust the profile's replacement"))
    return found


# Capitalised words that open sentences without naming anyone a pronoun could refer to.
_NOT_NAMES = frozenset("""The A An In On At By For From To This That These Those It Its Otherwise However Also
    Moreover Meanwhile Instead Likewise Similarly Furthermore Nevertheless Therefore Thus Still Yet Besides But
    And Or If When While Although Since After Before Under Over With Without During Both Each Every All Some
    No Not Only Even He She His Her They Their Them We Our You Your I""".split())


def _dangling(place: str, text: str) -> list[RenderedFinding]:
    """A pronoun or opening connective with nothing before it in the same piece of text to refer to."""
    found = []
    first = lang.sentences(text)[:1]
    if first and _OPENING_CONNECTIVE.match(first[0]):
        found.append(RenderedFinding(
            "rendered-dangling", place, text,
            f"opens with “{first[0].split()[0].rstrip(',')}”, which points back to text this product does "
            f"not print here: “{_short(first[0])}”", "say what it refers to, or print the sentence before it"))
    pronoun = _PRONOUN.search(text)
    if pronoun and not _has_antecedent(text[: pronoun.start()]):
        found.append(RenderedFinding(
            "rendered-dangling", place, text,
            f"“{pronoun.group(0)}” has no one to refer to in what this product prints: “{_short(text)}”",
            "name the person here; the sentence that named them is not printed with it"))
    return found


def _has_antecedent(before: str) -> bool:
    return any(word not in _NOT_NAMES for word in re.findall(r"\b[A-Z][\w'’-]*", before))


def report_rendered(document: Document, content: Content, report: Report) -> None:
    """Each finding at the content field the printed text comes from (file, line, field), with the product
    and place it is printed; at the product alone when the text shows no content field (a title)."""
    for finding in lint_document(document, content):
        origin = finding.origin
        where = Where(origin.file, origin.line, f"{origin.field}, printed in {finding.place}") if origin \
            else Where(field=finding.place)
        report.warning(finding.rule, where, finding.message, finding.hint)
