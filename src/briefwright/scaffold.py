"""Starting points: a new audience profile with every field explained, and a new project."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from importlib import resources
from pathlib import Path

from briefwright import safety
from briefwright.audience import load_audience
from briefwright.diagnostics import Where, fail
from briefwright.project import PROJECT_FILE
from briefwright.templates import Layers

PROJECT_PARTS = (PROJECT_FILE, "seeds", "content", "templates")

AUDIENCE_TEMPLATE = """\
# Audience profile "{name}". It extends "{base}" and overrides only what you set here;
# every field below is commented out and shows the value it inherits. Uncomment to change.
extends: {base}
label: {label}
# description: {description}
# addressee: {addressee}              # printed on the memo's TO line and the deck's cover

# Module order and weights: modules first in the list come first; a weight above 1 gives a
# module more of the room (more points in a memo, more slides in a deck).
# module_order: {module_order}
# module_weights: {{}}                   # e.g. {{legal-constraints: 1.5}}

# Point tags to favour (ahead of others of the same priority) or to leave out (never a
# priority-1 point, which every audience keeps).
# tags:
#   favour: {favour}
#   exclude: {exclude}

# Vocabulary: spell acronyms out on first use (first-use | never), add a glossary to the
# brief and report, and replace jargon in the project's own prose (quotes are never changed).
# vocabulary:
#   expand: {expand}
#   glossary: {glossary}
#   replace: {{}}                        # e.g. {{"track 1.5": semi-official}}

# reading_level:
#   max_grade: {max_grade}             # Flesch–Kincaid grade; above it the build warns

# Key judgments and the BLUF are the briefer's own assessments; show them as such, with the
# confidence content gives them (low | moderate | high), apart from what the sources report.
# judgments:
#   show_confidence: {show_confidence}

# paper: {paper}                       # letter | a4
# date_format: "{date_format}"         # strftime; %-d is the day without a leading zero
# banner: {banner}                     # e.g. "UNCLASSIFIED // FOR DISCUSSION" on every page and slide

# Branding: organisation (FROM line), fonts (must be installed; east_asian must hold CJK),
# palette (RRGGBB), a logo and reference files, relative to this templates folder.
# branding:
#   organisation: {organisation}
#   logo: assets/logo.png
#   reference_docx: reference/house.docx   # Word: its page, margins, letterhead and styles are kept
#   styles: {{heading_1: "House Heading 1", body: "House Body"}}   # your style names for the roles
#   reference_overrides: []               # page, margins, styles, fonts, header: the product's instead
#   reference_pptx: reference/house.pptx   # a master: its size, layouts, theme fonts and colours are used
#   layouts: {{title: "House Title", content: "House Content"}}   # roles → layout names (template check lists them)
#   from_master: {{geometry: true, fonts: true, colours: true}}   # false keeps the product's or profile's own
#   palette:
#     accent: {accent}
"""


def new_audience(layers: Layers, target_dir: Path, name: str, base: str) -> Path:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise fail("audience-name", Where(field="NAME"), f"'{name}' is not a valid profile name",
                   "use lowercase letters, digits and hyphens")
    path = target_dir / "audiences" / f"{name}.yaml"
    # Written only inside the project: an audiences/ folder (or a file) linked elsewhere is refused.
    safety.confined(layers.project_root, path.relative_to(layers.project_root), Where(field="NAME"),
                    "new profile")
    if path.exists() or path.is_symlink():
        raise fail("audience-exists", Where(path), "a profile with this name already exists",
                   "choose another name or edit that file")
    parent = load_audience(layers, base)
    text = AUDIENCE_TEMPLATE.format(
        name=name, base=base, label=name.replace("-", " ").capitalize(), description=parent.description or "…",
        addressee=parent.addressee, module_order=parent.module_order or "[]", favour=parent.tags.favour,
        exclude=parent.tags.exclude, expand=parent.vocabulary.expand,
        glossary=str(parent.vocabulary.glossary).lower(), max_grade=parent.reading_level.max_grade or "null",
        paper=parent.paper, date_format=parent.date_format, banner=parent.banner or "null",
        show_confidence=str(parent.judgments.show_confidence).lower(),
        organisation=parent.branding.organisation, accent=parent.branding.palette.accent)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _packaged(name: str) -> Path:
    """A project shipped inside the package (starter, example): a real folder in any install."""
    return Path(str(resources.files("briefwright").joinpath(name)))


def init_project(destination: Path, source: Path | None = None, *, example: bool = False,
                 today: dt.date | None = None) -> Path:
    """A new project: a clean starter (default), the shipped example, or a copy of another project.

    The starter has one generic audience and no topic vocabulary, sources or modules, so
    nothing of the example leaks into a new topic; `briefwright check` then says what to add.
    """
    if destination.exists() and any(destination.iterdir()):
        raise fail("init-not-empty", Where(destination), "the folder exists and is not empty",
                   "choose a new folder")
    origin = source or _packaged("example" if example else "starter")
    missing = [part for part in PROJECT_PARTS if not (origin / part).exists()]
    if missing:
        raise fail("init-example", Where(origin), f"the project to copy lacks {', '.join(missing)}",
                   "pass --from with a complete briefwright project")
    if source is not None:
        _check_links(origin)
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (origin / part).is_dir():
            shutil.copytree(origin / part, destination / part)
        else:
            shutil.copy2(origin / part, destination / part)
    if source is None and not example:
        project_file = destination / PROJECT_FILE
        issued = (today or dt.date.today()).isoformat()
        project_file.write_text(project_file.read_text(encoding="utf-8").replace("{issued}", issued),
                                encoding="utf-8")
    return destination


def _check_links(origin: Path) -> None:
    """A project to copy may hold links, but only to its own files: a link that points outside it
    (its target would be copied in: a file from anywhere on the machine) or at a folder holding
    it (a copy without end) is refused before anything is copied."""
    for part in PROJECT_PARTS:
        top = origin / part
        entries = [top, *(Path(folder) / name for folder, folders, files in os.walk(top)
                          for name in (*folders, *files))]  # os.walk does not follow linked folders
        for entry in entries:
            if not entry.is_symlink():
                continue
            shown = entry.relative_to(origin)
            target = safety.confined(origin, shown, Where(shown), "linked file")
            holder = entry.parent.resolve()
            if target.is_dir() and (target == holder or target in holder.parents):
                raise fail("init-link-loop", Where(shown), "the link points at a folder that holds it",
                           "replace the link with the files themselves")
