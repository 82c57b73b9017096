"""`briefwright add-source`: bring files into seeds/ and list them in seeds/sources.yaml.

The extracted text becomes the seed (the text quotes are checked against); the original
file is kept beside it under the same id, so a reader can compare the two. The entry is
appended to sources.yaml as text, so the file's comments and layout stay as they were.
Every file is read before anything is written, and sources.yaml is written last.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefwright.diagnostics import BriefwrightError, Report, Where, fail
from briefwright.ingest.extract import SUFFIXES, Extracted, extract
from briefwright.output import write_atomic

REGISTRY = "sources.yaml"
_STOPWORDS = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "why", "how", "what", "is"}
_EMPTY_LIST = re.compile(r"^sources:[ \t]*\[\][ \t]*(#.*)?$", re.MULTILINE)
_REGISTRY_HEADER = ("# Source registry: each seed text as received (sha256 checked on every load).\n"
                    "# What a text does not state is written unknown; never guess a date, name or address.\n"
                    "sources:\n")


@dataclass
class Added:
    """One file brought in: its id, the seed text and original written, what could not be read."""

    source: Path
    id: str
    seed: str
    original: str | None
    extracted: Extracted


def files_to_add(paths: list[Path], report: Report) -> list[Path]:
    """The files named, and the readable files inside folders named (links and other formats skipped, said)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_symlink():
                    report.warning("source-skipped", Where(child), "a link, skipped", "name the file it points to")
                elif child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            report.error("source-missing", Where(path), "no such file or folder", "check the path")
    if not found and not report.errors:
        report.error("source-none", Where(paths[0] if paths else None),
                     "no .txt, .md, .html, .docx or .pdf file found", "name the files to add")
    return found


def add_sources(seeds_dir: Path, paths: list[Path], report: Report) -> list[Added]:
    """Extract every file, then write the seeds, the originals and the registry entries."""
    registry = seeds_dir / REGISTRY
    taken_ids, known_digests, taken_files = _registered(registry)
    taken_files |= {child.name for child in seeds_dir.iterdir()} if seeds_dir.is_dir() else set()
    added: list[Added] = []
    for path in files_to_add(paths, report):
        try:
            extracted = extract(path)
        except BriefwrightError as refused:
            report.extend(refused.report)
            continue
        digest = hashlib.sha256(extracted.text.encode("utf-8")).hexdigest()
        if digest in known_digests:
            report.error("source-already-added", Where(path),
                         f"this text is already in the registry as '{known_digests[digest]}'",
                         "nothing to do; cite it by that id")
            continue
        source_id = unique_id(extracted, path, taken_ids | {Path(name).stem for name in taken_files})
        taken_ids.add(source_id)
        known_digests[digest] = source_id
        suffix = path.suffix.lower()
        original = None if suffix == ".txt" else f"{source_id}{suffix}"
        added.append(Added(path, source_id, f"{source_id}.txt", original, extracted))
    if report.errors or not added:
        return []
    _write(seeds_dir, registry, added)
    return added


def _write(seeds_dir: Path, registry: Path, added: list[Added]) -> None:
    existing = registry.read_text(encoding="utf-8") if registry.is_file() else _REGISTRY_HEADER
    if _EMPTY_LIST.search(existing):
        existing = _EMPTY_LIST.sub("sources:", existing, count=1)
    elif not re.search(r"^sources:", existing, re.MULTILINE):
        raise fail("sources-layout", Where(registry), "the registry has no 'sources:' list to add to",
                   "add a line 'sources:' at the end of the file, then run add-source again")
    text = existing.rstrip("\n") + "\n" + "".join(_entry(item) for item in added)
    _validate(registry, text)
    written: list[Path] = []
    try:
        for item in added:
            seed = seeds_dir / item.seed
            write_atomic(seed, item.extracted.text.encode("utf-8"))
            written.append(seed)
            if item.original is not None:
                original = seeds_dir / item.original
                write_atomic(original, item.source.read_bytes())
                written.append(original)
        write_atomic(registry, text.encode("utf-8"))
    except BaseException:
        for path in written:  # nothing half-added: the registry was not written, so neither are these
            path.unlink(missing_ok=True)
        raise


def _validate(registry: Path, text: str) -> None:
    """The registry as it would be written must load; else nothing is written."""
    import yaml

    from briefwright.sources.registry import SourceFile

    try:
        SourceFile.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError) as exc:
        raise fail("sources-layout", Where(registry), f"the registry could not take the new entries ({exc})",
                   "check that seeds/sources.yaml loads (`briefwright check`), then run add-source again") from None


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _entry(item: Added) -> str:
    meta = item.extracted
    digest = hashlib.sha256(meta.text.encode("utf-8")).hexdigest()
    lines = [f"\n  - id: {item.id}", f"    file: {item.seed}"]
    if item.original:
        lines.append(f"    original: {item.original}")
    lines += [f"    sha256: {digest}", f"    title: {_quoted(meta.title) if meta.title else 'unknown'}"]
    if meta.authors:
        lines.append("    authors:")
        lines += [f"      - name: {_quoted(name)}" for name in meta.authors]
    else:
        lines.append("    authors: unknown")
    lines += [f"    publisher: {_quoted(meta.publisher) if meta.publisher else 'unknown'}",
              f"    date: {_quoted(meta.date) if meta.date else 'unknown'}",
              "    translator: none stated",
              f"    url: {_quoted(meta.url) if meta.url else 'unknown'}",
              "    notes:"]
    lines += [f"      - {_quoted(note)}" for note in notes(item)]
    return "\n".join(lines) + "\n"


def notes(item: Added) -> list[str]:
    """What a reader of the registry should know about how this seed was made."""
    said = [f"Text extracted by briefwright add-source from {item.source.name}"
            + (f", kept beside it as {item.original}" if item.original else "") + "; check it against the original."]
    if item.extracted.file_date:
        said.append(f"The file records that it was made on {item.extracted.file_date}; that need not be the "
                    "publication date, so date stays unknown unless the text states it.")
    said += [f"Could not be read: {problem}." for problem in item.extracted.problems]
    said += [f"Repaired from the file's raw text: {repair}." for repair in item.extracted.repairs]
    unknown = [name for name, value in (("title", item.extracted.title), ("authors", item.extracted.authors),
                                         ("publisher", item.extracted.publisher), ("date", item.extracted.date),
                                         ("url", item.extracted.url)) if not value]
    if unknown:
        said.append(f"The file does not state its {', '.join(unknown)}: marked unknown.")
    return said


def _registered(registry: Path) -> tuple[set[str], dict[str, str], set[str]]:
    """Ids, text digests and file names the registry already holds."""
    if not registry.is_file():
        return set(), {}, set()
    from briefwright.yamlio import load_yaml

    data = load_yaml(registry).data or {}
    entries = [entry for entry in (data.get("sources") or []) if isinstance(entry, dict)] if isinstance(data, dict) else []
    ids = {str(entry.get("id")) for entry in entries}
    digests = {str(entry.get("sha256")): str(entry.get("id")) for entry in entries}
    files = {str(entry.get(key)) for entry in entries for key in ("file", "original") if entry.get(key)}
    return ids, digests, files


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", ascii_text)).strip("-")


def unique_id(extracted: Extracted, path: Path, taken: set[str]) -> str:
    """A short readable id: the first author's surname, else the title's first words, else the file name;
    then the year, then a number, until it is free."""
    candidates = []
    if extracted.authors:
        candidates.append(slug(extracted.authors[0].split()[-1]) if extracted.authors[0].split() else "")
    if extracted.title:
        words = [word for word in slug(extracted.title).split("-") if word not in _STOPWORDS]
        candidates.append("-".join(words[:2]))
    candidates.append(slug(path.stem)[:30].strip("-"))
    base = next((candidate for candidate in candidates if candidate and candidate[0].isalnum()), "source")
    if base not in taken:
        return base
    year = (extracted.date or "")[:4]
    if year and f"{base}-{year}" not in taken:
        return f"{base}-{year}"
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
