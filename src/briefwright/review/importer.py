"""`briefwright review import FILE.docx`: a reviewer's Word edits as verified content patches.

Every anchored field whose text the reviewer changed (tracked or not) becomes a proposed
change to one field of one content file. Each change is tried alone on a copy of the content
(inside the build folder): quote verification and the faithfulness check run on it, and a
change that brings a new problem is rejected, with the reviewer's name and comment. Accepted
changes are shown as a unified diff and written with --apply; comments become review notes
(reviews/notes.yaml); edits no anchor covers are listed for the author.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import etree

from briefwright import safety
from briefwright.anchors import Anchor
from briefwright.build import collect
from briefwright.content.faithfulness import check_faithfulness
from briefwright.content.modules import load_content
from briefwright.diagnostics import BriefwrightError, Report, Where, fail
from briefwright.output import write_atomic
from briefwright.project import Project
from briefwright.review.fields import carry_edit, field_spans, locate_field, normal, split_edits
from briefwright.review.untracked import built_product, untracked_edits
from briefwright.review.wordread import AnchorReview, Comment, LooseEdit, ReviewedDocument, read_reviewed
from briefwright.review.yamlpatch import PatchError, replace_field, unified
from briefwright.sources.registry import SourceRegistry


@dataclass
class FieldChange:
    anchor: Anchor
    shown_before: str
    shown_after: str
    reviewers: list[str]
    comments: list[Comment]
    file: Path | None = None
    old_value: str = ""
    new_value: str = ""
    status: str = "accepted"  # accepted | rejected | unplaced
    problems: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    changes: list[FieldChange] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    loose: list[LooseEdit] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # anchors the reviewed file no longer has
    diffs: dict[Path, str] = field(default_factory=dict)  # file → unified diff of the accepted changes
    patched: dict[Path, str] = field(default_factory=dict)


def find_evidence_map(project: Project, docx: Path, reviewed: ReviewedDocument, explicit: Path | None) -> Path:
    candidates = [explicit] if explicit else [docx.with_name(docx.stem + ".evidence.json")]
    if not explicit and reviewed.properties_comment.startswith("briefwright "):
        product, _, audience = reviewed.properties_comment[len("briefwright "):].partition(" for ")
        candidates.append(project.build_dir / f"{product}-{audience}.evidence.json")
    for candidate in candidates:
        if candidate is not None and candidate.is_file():
            return candidate
    raise fail("review-no-map", Where(docx), "cannot find the evidence map of the product this file was built as",
               "build the product again (briefwright build), or name its map with --evidence FILE.evidence.json")


def read_review_file(docx: Path) -> ReviewedDocument:
    if not docx.is_file():
        raise fail("file-missing", Where(docx), "file not found")
    safety.check_package(docx, Where(docx), "reviewed file")  # few, small parts; no zip bomb
    try:
        return read_reviewed(docx.read_bytes())
    except FileNotFoundError:
        raise fail("file-missing", Where(docx), "file not found") from None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        raise fail("review-unreadable", Where(docx), "not a Word document (.docx) that can be read",
                   "save the reviewed file from Word or LibreOffice as .docx") from None


_Group = list[tuple[dict, AnchorReview]]  # the anchored fields one paragraph (or cell) of the product shows


def _changes(evidence: dict, reviewed: ReviewedDocument, result: ImportResult) -> dict[str, FieldChange]:
    """One change per field (a field shown twice, edited alike, is one change)."""
    changes: dict[str, FieldChange] = {}
    paragraphs = {entry["where"]: entry["text"] for entry in evidence.get("entries", [])
                  if entry["where"].startswith(("paragraph ", "slide "))}
    for (where, number), members in _groups(evidence, reviewed, result).items():
        shown, authors = _shown_after(where, number, members, paragraphs.get(where), reviewed, result)
        for (record, review), after in zip(members, shown):
            if normal(after) != normal(record["text"]):
                _add_change(changes, record, review, after, authors)
    return changes


def _groups(evidence: dict, reviewed: ReviewedDocument, result: ImportResult) -> dict[tuple[str, int], _Group]:
    """The evidence map's anchors found in the reviewed file, by the paragraph they stand in; anchors
    the file no longer has are listed as missing, and comments on the rest become review notes."""
    groups: dict[tuple[str, int], _Group] = {}
    for record in evidence.get("anchors", []):
        review: AnchorReview | None = reviewed.anchors.get(record["name"])
        if review is None:
            result.missing.append(record["name"])
            continue
        groups.setdefault((record["where"], review.paragraph), []).append((record, review))
        anchor = Anchor.parse(record["anchor"])
        for comment in review.comments:
            result.notes.append({"anchor": anchor.key, "owner": anchor.owner, "field": anchor.field,
                                 "author": comment.author, "date": comment.date, "comment": comment.text,
                                 "text": normal(record["text"])})
    return groups


def _shown_after(where: str, number: int, members: _Group, built: str | None, reviewed: ReviewedDocument,
                 result: ImportResult) -> tuple[list[str], list[str]]:
    """Each member field's text after review, and the paragraph's reviewers. The paragraph as built is
    split into its fields, and the reviewed paragraph's edits assigned to them; edits outside every
    field (or across two) are listed for the author."""
    texts = [record["text"] for record, _ in members]
    original = built if built is not None else ("".join(texts) if where.startswith("paragraph ") else None)
    page = reviewed.paragraphs.get(number)
    spans = field_spans(original, texts) if original is not None and page is not None else None
    if spans is None or page is None or original is None:  # a table cell: read field by field
        return ([_tracked_after(record, review) for record, review in members],
                page.authors if page is not None else [])
    edits = split_edits(original.replace("\t", " "), page.after, spans)
    for old, new in edits.outside + edits.crossing:
        result.loose.append(LooseEdit("edited", f"{old.strip()} → {new.strip()}", ", ".join(page.authors),
                                      "", number, page.after))
    return [edits.fields.get(index, record["text"]) for index, (record, _) in enumerate(members)], page.authors


def _tracked_after(record: dict, review: AnchorReview) -> str:
    """A field's text after review, from its bookmark alone: the tracked edits carried onto the
    text as built (so a bookmark end moved by a character adds or loses nothing)."""
    if not review.changes:
        return review.after if normal(review.after) != normal(review.before) else record["text"]
    return carry_edit(record["text"], review.before, review.after) or review.after


def _add_change(changes: dict[str, FieldChange], record: dict, review: AnchorReview, after: str,
                authors: list[str]) -> None:
    anchor = Anchor.parse(record["anchor"])
    reviewers = sorted({change.author for change in review.changes}) or authors or ["(untracked edit)"]
    change = FieldChange(anchor, record["text"], after, reviewers, list(review.comments))
    earlier = changes.get(anchor.key)
    if earlier is not None and normal(earlier.shown_after) != normal(change.shown_after):
        earlier.status = "unplaced"
        earlier.problems.append(f"the field is shown twice and was edited differently ({record['where']})")
        return
    changes.setdefault(anchor.key, change)


def _diagnostics(content_dir: Path, root: Path, sources: SourceRegistry) -> set[tuple[str, str, str]]:
    report = Report()
    try:
        content = load_content(content_dir, root, sources, report)
        if content is not None and not report.errors:
            check_faithfulness(content, sources, report)
    except BriefwrightError as error:
        report.extend(error.report)
    return {(item.code, item.where.field or "", item.message) for item in report.items}


class _Trial:
    """A copy of the content in the build folder, where a change is tried before it is accepted."""

    def __init__(self, project: Project, sources: SourceRegistry) -> None:
        project.build_dir.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=".review-", dir=project.build_dir))
        self.project, self.sources = project, sources
        self.content = self.folder / project.content_dir.name
        shutil.copytree(project.content_dir, self.content)
        self.baseline = _diagnostics(self.content, self.folder, sources)

    def problems(self, files: dict[Path, str]) -> list[str]:
        """What the content with these files' texts has wrong that it had not before."""
        originals = {}
        for file, text in files.items():
            target = self.content / (self.project.root / file).relative_to(self.project.content_dir)
            originals[target] = target.read_text(encoding="utf-8")
            target.write_text(text, encoding="utf-8")
        try:
            found = _diagnostics(self.content, self.folder, self.sources) - self.baseline
        finally:
            for target, text in originals.items():
                target.write_text(text, encoding="utf-8")
        return [f"{code} {where}: {message}".replace("  ", " ") for code, where, message in sorted(found)]

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def import_review(project: Project, docx: Path, evidence_path: Path | None = None) -> ImportResult:
    reviewed = read_review_file(docx)
    map_path = find_evidence_map(project, docx, reviewed, evidence_path)
    try:
        evidence = json.loads(map_path.read_text(encoding="utf-8"))
    except ValueError:
        raise fail("review-no-map", Where(map_path), "the evidence map is not valid JSON",
                   "build the product again") from None
    result = ImportResult(loose=list(reviewed.loose))
    changes = _changes(evidence, reviewed, result)
    built = built_product(map_path, docx)
    if built is not None:  # paragraphs added without a revision mark (typed untracked, or accepted)
        result.loose += untracked_edits(built, reviewed, {edit.paragraph for edit in result.loose})
    workspace = collect(project)
    texts: dict[Path, str] = {}
    trial = _Trial(project, workspace.sources)
    try:
        for change in changes.values():
            _prepare(project, workspace.content, change, texts, trial)
            result.changes.append(change)
        combined: dict[Path, str] = {}
        for change in result.changes:
            if change.status == "accepted" and change.file is not None:
                current = combined.get(change.file, texts[change.file])
                combined[change.file] = replace_field(current, _path_of(workspace.content, change), change.new_value)
        together = trial.problems(combined) if combined else []
        if together:  # each passed alone, but not together: hold them all back, and say why
            for change in result.changes:
                if change.status == "accepted":
                    change.status, change.problems = "rejected", together
            combined = {}
    finally:
        trial.close()
    result.patched = combined
    result.diffs = {file: unified(texts[file], text, str(file)) for file, text in combined.items()}
    return result


def _path_of(content, change: FieldChange):
    location = locate_field(content, change.anchor)
    assert location is not None
    return location.path


def _prepare(project: Project, content, change: FieldChange, texts: dict[Path, str], trial: _Trial) -> None:
    if change.status != "accepted":
        return
    location = locate_field(content, change.anchor)
    if location is None:
        change.status = "unplaced"
        change.problems.append(f"the content no longer has {change.anchor.owner} {change.anchor.field}")
        return
    change.file, change.old_value = location.file, normal(location.value)
    new_value = carry_edit(location.value, change.shown_before, change.shown_after)
    if new_value is None:
        change.status = "unplaced"
        change.problems.append("the edited words are not in the field as written (the audience's vocabulary "
                               "rewrote them?); make the change in the content file by hand")
        return
    if not new_value:
        change.status = "unplaced"
        change.problems.append("the reviewer deleted the whole field; a field cannot be empty — remove the point "
                               "or rewrite the field by hand")
        return
    change.new_value = new_value
    if location.file not in texts:
        texts[location.file] = (project.root / location.file).read_text(encoding="utf-8")
    try:
        patched = replace_field(texts[location.file], location.path, new_value)
    except PatchError as error:
        change.status = "unplaced"
        change.problems.append(str(error))
        return
    problems = trial.problems({location.file: patched})
    if problems:
        change.status, change.problems = "rejected", problems


NOTES_FILE = Path("reviews") / "notes.yaml"


def apply_import(project: Project, result: ImportResult, reviewed_file: str) -> list[Path]:
    """Write the accepted changes into the content files and the comments into the review notes.
    Returns the files written (relative to the project root)."""
    written: list[Path] = []
    for file, text in result.patched.items():
        write_atomic(project.root / file, text.encode("utf-8"))
        written.append(file)
    if result.notes:
        notes_path = project.root / NOTES_FILE
        existing: list = []
        if notes_path.is_file():
            loaded = yaml.safe_load(notes_path.read_text(encoding="utf-8"))
            existing = loaded.get("notes", []) if isinstance(loaded, dict) else []
        for note in result.notes:
            entry = {**note, "file": reviewed_file}
            if entry not in existing:
                existing.append(entry)
        header = ("# Review notes: reviewers' comments, read from reviewed Word files by `briefwright review import`.\n"
                  "# Each names the content field it is about (anchor: owner:field). Resolve a note, then delete it.\n")
        body = yaml.safe_dump({"notes": existing}, sort_keys=False, allow_unicode=True, width=100)
        write_atomic(notes_path, (header + body).encode("utf-8"))
        written.append(NOTES_FILE)
    return written
