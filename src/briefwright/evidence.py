"""The evidence map: for every claim in an output, the point, sources and located quotes.

Written beside each build output as <name>.evidence.json (for tools) and
<name>.evidence.md (for people); `briefwright trace FILE` prints it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefwright.anchors import Anchor, BookmarkNamer, anchored_runs, field_value
from briefwright.content.modules import Content
from briefwright.diagnostics import Where, fail
from briefwright.model import Document, EvidenceRef, Run
from briefwright.sources.registry import SourceRegistry


def _locate(sources: SourceRegistry, source_id: str, quote: str, output: str, location: str,
            point: str | None) -> dict[str, Any]:
    where = Where(Path(output), field=location)
    if source_id not in sources:
        raise fail("evidence-broken", where, f"claim from point '{point}' cites unknown source '{source_id}'",
                   "fix the point's evidence, then run briefwright check")
    match = sources[source_id].locate(quote)
    if match is None:
        raise fail("evidence-broken", where,
                   f"claim from point '{point}' rests on a quote that is not in source '{source_id}': "
                   f"“{' '.join(quote.split())[:80]}”", "run briefwright check to find and fix the quote")
    return {"source": source_id, "quote": " ".join(quote.split()), "start": match.start, "end": match.end,
            "line": match.line, "paragraph": match.paragraph}


@dataclass(frozen=True)
class Claim:
    """A line a reader sees, where they see it, and what it rests on."""

    label: str  # "paragraph 7", "table 1, row 3", "slide 4, event 2"
    location: dict[str, Any]
    text: str
    trace: EvidenceRef | None
    footnotes: list[str]
    anchors: list[dict[str, Any]] = field(default_factory=list)  # the content fields it shows


class _Anchors:
    """Names every anchored stretch in document order, as the writers do (briefwright.anchors)."""

    def __init__(self, content: Content) -> None:
        self.namer = BookmarkNamer()
        self.content = content
        self.pending: list[dict[str, Any]] = []  # shown in a block that is no claim (a subheading)

    def of(self, runs: list[Run], label: str) -> list[dict[str, Any]]:
        found = []
        for key, group in anchored_runs(runs):
            if key:
                found.append(self.describe(self.namer.name(key), Anchor.parse(key),
                                           "".join(run.text for run in group), label))
        return found

    def describe(self, name: str, anchor: Anchor, text: str, label: str) -> dict[str, Any]:
        record = {"name": name, "anchor": anchor.key, "owner": anchor.owner, "field": anchor.field,
                  "where": label, "text": text.replace("\t", " "),
                  "value": field_value(self.content, anchor.key)}  # the field as written, for `what changed`
        judgment = None
        if anchor.kind == "module" and anchor.field == "key_judgment":
            judgment = self.content.module(anchor.owner).key_judgment
        elif anchor.kind == "topic":
            judgment = getattr(self.content.topic, anchor.field)
        if judgment is not None and judgment.confidence:
            record["confidence"] = judgment.confidence
        return record

    def claim(self, label: str, location: dict[str, Any], text: str, trace: EvidenceRef | None,
              footnotes: list[str], runs: list[Run]) -> Claim:
        shown = self.of(runs, label)
        if trace is None:
            self.pending.extend(shown)
            return Claim(label, location, text, trace, footnotes)
        owner = trace.point_id
        waiting = [item for item in self.pending if item["owner"] == owner]
        self.pending = [item for item in self.pending if item["owner"] != owner]
        return Claim(label, location, text, trace, footnotes, waiting + shown)


def _locations(document: Document, is_deck: bool, anchors: _Anchors) -> list[Claim]:
    """Each claim with where a reader finds it: paragraph N or table T row R (Word);
    slide N, paragraph M — or event / figure M on a drawn slide (PowerPoint)."""
    return _slide_locations(document, anchors) if is_deck else _page_locations(document, anchors)


def _slide_locations(document: Document, anchors: _Anchors) -> list[Claim]:
    located: list[Claim] = []
    for slide, section in enumerate(document.sections, start=1):
        for index, block in enumerate(section.blocks, start=1):
            kind = block.kind if block.kind in ("event", "figure") else "paragraph"
            label = f"slide {slide}, {kind} {index}"
            if block.style.endswith("_summary") and located:
                # a slide's summary line repeats its headline's trace: one claim, both fields
                located[-1].anchors.extend(anchors.of(block.runs, label))
                continue
            text = f"{block.marker}: {block.text}" if block.marker else block.text
            located.append(anchors.claim(label, {"slide": slide, kind: index}, text, block.trace,
                                         block.footnotes, block.runs))
    return located


def _page_locations(document: Document, anchors: _Anchors) -> list[Claim]:
    located: list[Claim] = []
    paragraph, table = 0, 0
    for block in document.blocks():
        if block.kind == "table":
            table += 1
            for number, row in enumerate(block.rows, start=1):
                text = " — ".join(cell.text for cell in row.cells)
                notes = [note for cell in row.cells for note in cell.footnotes]
                runs = [run for cell in row.cells for run in cell.runs]
                located.append(anchors.claim(f"table {table}, row {number}", {"table": table, "row": number},
                                             text, row.trace, notes, runs))
            continue
        paragraph += 1
        located.append(anchors.claim(f"paragraph {paragraph}", {"paragraph": paragraph},
                                     block.text.replace("\t", " "), block.trace, block.footnotes, block.runs))
    return located


# (point id, field) → where the field is written and, clause by clause, the quote clauses it restates:
# the record the faithfulness check compares against, as the evidence map prints it.
AlignmentRecords = dict[tuple[str, str], dict[str, Any]]
_ALIGNMENTS: list[tuple[Content, AlignmentRecords]] = []  # one content, many products: aligned once


def alignment_records(content: Content) -> AlignmentRecords:
    """Every point field's aligned clauses. Costly (it lemmatises every word), so a build takes them
    from the verification cache when its inputs are unchanged and aligns afresh only on a miss."""
    if _ALIGNMENTS and _ALIGNMENTS[0][0] is content:
        return _ALIGNMENTS[0][1]
    from briefwright.content.alignment import point_alignments  # the lint's word tables: loaded on a miss only
    from briefwright.content.claims import claims_of

    records = {key: {"file": str(claim.where.file) if claim.where.file else None, "line": claim.where.line,
                     "clauses": [{"clause": entry.clause,
                                  "passages": [{"source": passage.source, "clause": passage.text}
                                               for passage in entry.passages]}
                                 for entry in aligned]}
               for key, (claim, aligned) in point_alignments(claims_of(content)).items()}
    _ALIGNMENTS[:] = [(content, records)]
    return records


def alignment_rows(records: AlignmentRecords) -> list[Any]:
    """The records as plain rows for the verification cache (which sorts keys when it saves: rows keep
    the evidence map's order of keys however they are stored)."""
    return [[owner, field, record["file"], record["line"],
             [[entry["clause"], [[p["source"], p["clause"]] for p in entry["passages"]]] for entry in record["clauses"]]]
            for (owner, field), record in sorted(records.items())]


def records_from_rows(rows: list[Any]) -> AlignmentRecords | None:
    """The records back from cached rows; None when the rows are not as alignment_rows writes them."""
    try:
        return {(owner, field): {"file": file, "line": line,
                                 "clauses": [{"clause": clause,
                                              "passages": [{"source": source, "clause": text}
                                                           for source, text in passages]}
                                             for clause, passages in clauses]}
                for owner, field, file, line, clauses in rows}
    except (TypeError, ValueError):
        return None


def _aligned(anchors: list[dict[str, Any]], alignments: AlignmentRecords) -> list[dict[str, Any]]:
    """For each content field a claim shows, where it is written and the quote clauses each of its clauses
    restates (a clause restating none is listed with no passages: the faithfulness check looks there)."""
    records = []
    for item in anchors:
        found = alignments.get((item["owner"], item["field"]))
        if found is not None:
            records.append({"field": f"{item['owner']}.{item['field']}", **found})
    return records


def build_evidence_map(name: str, document: Document, is_deck: bool, content: Content,
                       sources: SourceRegistry, alignments: AlignmentRecords | None = None) -> dict[str, Any]:
    entries: list[dict[str, Any]] = []
    anchors = _Anchors(content)
    alignments = alignment_records(content) if alignments is None else alignments
    shown: list[dict[str, Any]] = []
    for claim in _locations(document, is_deck, anchors):
        label, trace = claim.label, claim.trace
        shown.extend(claim.anchors)
        if trace is None:
            continue
        quotes = [_locate(sources, s, q, name, label, trace.point_id) for s, q in trace.quotes]
        conflicts = []
        if trace.point_id:
            for conflict in content.points[trace.point_id].conflicts:
                positions = [{**_locate(sources, p.source, p.quote, name, label, trace.point_id), "says": p.says}
                             for p in conflict.positions]
                conflicts.append({"about": conflict.about, "summary": " ".join(conflict.summary.split()),
                                  "positions": positions})
        entries.append({"location": claim.location, "where": label, "text": claim.text,
                        "point": trace.point_id, "points": list(trace.points), "level": trace.level,
                        "sources": list(trace.source_ids), "footnotes": claim.footnotes,
                        "quotes": quotes, "conflicts": conflicts,
                        "anchors": [item["name"] for item in claim.anchors],
                        "aligned": _aligned(claim.anchors, alignments)})
    cited = sorted({source for entry in entries for source in entry["sources"]})
    return {
        "file": name,
        "product": document.product_id,
        "audience": document.audience_id,
        "sources": {sid: {"title": sources[sid].meta.title, "file": sources[sid].meta.file,
                          "sha256": sources[sid].meta.sha256} for sid in cited},
        "entries": entries,
        # every content field the output shows, by its anchor name (Word bookmark, HTML id, slide tag)
        "anchors": shown + anchors.pending,
    }


def to_json(evidence: dict[str, Any]) -> bytes:
    return (json.dumps(evidence, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_markdown(evidence: dict[str, Any]) -> str:
    lines = [f"# Evidence map — {evidence['file']}", "",
             f"Product `{evidence['product']}` for `{evidence['audience']}`: {len(evidence['entries'])} claims, "
             f"each traced to verified quotes (character offsets and paragraph numbers in the seed files).", ""]
    for entry in evidence["entries"]:
        origin = f"point `{entry['point']}`" if entry["point"] else \
            "judgment resting on " + ", ".join(f"`{p}`" for p in entry["points"])
        lines.append(f"## {entry['where']} — {origin} ({entry['level']})")
        lines.append("")
        lines.append("> " + entry["text"])
        for note in entry["footnotes"]:
            lines.append(f"> — note: {note}")
        lines.append("")
        for quote in entry["quotes"]:
            lines.append(f"- **{quote['source']}** ¶{quote['paragraph']}, line {quote['line']}, "
                         f"chars {quote['start']}–{quote['end']}: “{quote['quote']}”")
        lines.extend(_aligned_lines(entry.get("aligned", [])))
        for conflict in entry["conflicts"]:
            lines.append(f"- *Sources differ* on {conflict['about']}:")
            for position in conflict["positions"]:
                lines.append(f"  - **{position['source']}** ({position['says']}) ¶{position['paragraph']}, "
                             f"chars {position['start']}–{position['end']}: “{position['quote']}”")
        lines.append("")
    return "\n".join(lines)


def _aligned_lines(aligned: list[dict[str, Any]]) -> list[str]:
    """Which quote clauses each clause of the shown fields restates (evidence maps from before this
    record have none)."""
    lines = []
    for record in aligned:
        where = f"{record['file']}:{record['line']}" if record.get("file") else "content"
        lines.append(f"- aligned, `{record['field']}` ({where}):")
        for entry in record["clauses"]:
            passages = "; ".join(f"**{p['source']}** “{p['clause']}”" for p in entry["passages"])
            lines.append(f"  - “{entry['clause']}” ← {passages or 'no quote clause (restates none of its quotes)'}")
    return lines


def evidence_paths(output: Path) -> tuple[Path, Path]:
    stem = output.with_suffix("")
    return stem.with_name(stem.name + ".evidence.json"), stem.with_name(stem.name + ".evidence.md")
