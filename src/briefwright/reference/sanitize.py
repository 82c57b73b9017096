"""A reference .docx/.pptx reduced to what a template contributes, its active content dropped.

Parts are kept only when reached from the package root through the relationship kinds
policy.py allows (styles, themes, numbering, settings, fonts, headers and footers,
masters, layouts and the images they draw). Every external relationship and every macro,
OLE, ActiveX, embedded package, attached template and custom ribbon is dropped and named,
and what the kept XML said about a dropped part is removed, so the package stays valid.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from briefwright.reference import policy, scrub
from briefwright.reference.opc import (
    CONTENT_TYPES,
    CT_NS,
    ROOT,
    Package,
    PackageError,
    Relationship,
    parse_xml,
    relationships_xml,
    rels_name,
    serialise,
    write_zip,
)

Kind = Literal["docx", "pptx"]
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"


@dataclass(frozen=True)
class Dropped:
    """One piece of active content taken out: the part (or link) and what it was."""

    part: str
    what: str


@dataclass(frozen=True)
class Sanitised:
    data: bytes
    dropped: tuple[Dropped, ...]


@dataclass
class _Walk:
    """The parts kept so far, each with its role (the relationship kind that reached it)."""

    package: Package
    allowed: dict[str, set[str]]
    roles: dict[str, str]
    kept_rels: dict[str, list[Relationship]]
    dropped: list[Dropped]
    kind: Kind = "docx"
    overrides: dict[str, str] = field(default_factory=dict)  # content types of parts added here
    parsed: dict[str, etree._Element] = field(default_factory=dict)  # XML parts read so far


def sanitise(data: bytes, kind: Kind) -> Sanitised:
    """The clean package's bytes and what was dropped; PackageError if it is no usable reference."""
    try:
        package = Package(data)
    except PackageError as exc:
        raise PackageError(f"it is not a {'Word .docx' if kind == 'docx' else 'PowerPoint .pptx'} ({exc})") from None
    walk = _walk_from_root(package, kind)
    main = _main_part(walk, kind)
    _require(walk, main, kind)
    parts = {name: _clean_part(walk, name, kind) for name in walk.roles if name != ROOT}
    if kind == "docx":
        _ensure_numbering(walk, main, parts)
    elif not _parsed(walk, main).findall(f"{{{_P}}}sldMasterIdLst/{{{_P}}}sldMasterId"):  # after cleaning
        raise PackageError("ppt/presentation.xml lists no slide master it relates to")
    for source, rels in walk.kept_rels.items():
        if rels or source == ROOT:
            parts["_rels/.rels" if source == ROOT else rels_name(source)] = relationships_xml(rels)
    parts[CONTENT_TYPES] = _content_types(walk, main, kind)
    return Sanitised(write_zip(parts), tuple(walk.dropped))


def _walk_from_root(package: Package, kind: Kind) -> _Walk:
    """The parts reached from the package root, breadth first, through the relationships policy allows."""
    allowed = policy.WORD_ALLOWED if kind == "docx" else policy.PPT_ALLOWED
    walk = _Walk(package, allowed, {ROOT: ""}, {}, [], kind)
    queue: deque[str] = deque([ROOT])
    while queue:
        source = queue.popleft()
        walk.kept_rels[source] = []
        for rel in package.relationships(source):
            if _keep(walk, source, rel):
                walk.kept_rels[source].append(rel)
                assert rel.part is not None
                if rel.part not in walk.roles:
                    walk.roles[rel.part] = rel.kind
                    queue.append(rel.part)
    return walk


def _keep(walk: _Walk, source: str, rel: Relationship) -> bool:
    where = rel.part or rel.target
    if rel.external:
        walk.dropped.append(Dropped(source or "_rels/.rels", f"an external {rel.kind} relationship to "
                                    f"'{_short(rel.target)}'"))
        return False
    if rel.kind in policy.ACTIVE_KINDS:
        walk.dropped.append(Dropped(where, policy.ACTIVE_KINDS[rel.kind]))
        return False
    if rel.part is None or rel.kind not in walk.allowed.get(walk.roles[source], set()):
        return False  # inert parts a template does not contribute (thumbnails, custom XML, comments…)
    many_masters = rel.kind == "slideMaster" and walk.roles[source] == "officeDocument"  # a deck may have several
    if rel.kind in policy.SINGLE_KINDS and not many_masters \
            and any(kept.kind == rel.kind for kept in walk.kept_rels[source]):
        return False  # a second styles (theme, settings…) relationship: the libraries accept only one
    content_type = walk.package.content_type(rel.part)
    if rel.kind != "officeDocument" and (policy.active_content_type(content_type)
                                         or policy.active_part_name(rel.part)):
        walk.dropped.append(Dropped(rel.part, f"a part of type '{content_type}' (macro or object content)"))
        return False
    _check_root(walk, rel)
    return True


def _parsed(walk: _Walk, part: str) -> etree._Element:
    if part not in walk.parsed:
        walk.parsed[part] = parse_xml(walk.package.parts[part], part)
    return walk.parsed[part]


def _check_root(walk: _Walk, rel: Relationship) -> None:
    """A part reached as styles must be styles (and so on): refused, by name, if its root is not."""
    expected = policy.ROOTS.get(rel.kind)
    if expected is None or rel.part is None:
        return
    root = _parsed(walk, rel.part)
    if root.tag not in expected:
        found = root.tag if isinstance(root.tag, str) else "?"
        raise PackageError(f"part '{rel.part}' should be {rel.kind} XML, but its root element is "
                           f"'{_short(found, 80)}'")


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _main_part(walk: _Walk, kind: Kind) -> str:
    mains = [rel.part for rel in walk.kept_rels[ROOT] if rel.kind == "officeDocument" and rel.part]
    expected = "Word document" if kind == "docx" else "PowerPoint presentation"
    if not mains:
        raise PackageError(f"it holds no main part (_rels/.rels names no {expected})")
    content_type = walk.package.content_type(mains[0])
    pattern = policy.WORD_MAINS if kind == "docx" else policy.PPT_MAINS
    if not pattern.fullmatch(content_type):
        raise PackageError(f"its main part '{mains[0]}' is not a {expected} (content type '{_short(content_type)}')")
    root = _parsed(walk, mains[0])
    if root.tag != policy.MAIN_ROOTS[kind]:
        raise PackageError(f"its main part '{mains[0]}' is not a {expected} (root element "
                           f"'{_short(str(root.tag), 80)}')")
    if "macroenabled" in content_type.lower():
        walk.dropped.append(Dropped(mains[0], "a macro-enabled content type (kept as a plain "
                                    f"{'document' if kind == 'docx' else 'presentation'})"))
    return mains[0]


def _require(walk: _Walk, main: str, kind: Kind) -> None:
    """The parts the writers build on: Word's styles; PowerPoint's masters, each with a layout."""
    related = {rel.kind for rel in walk.kept_rels.get(main, [])}
    if kind == "docx" and "styles" not in related:
        raise PackageError("it has no styles part (word/styles.xml)")
    if kind == "pptx":
        _require_masters(walk, main)


def _require_masters(walk: _Walk, main: str) -> None:
    """A reference deck: no slides, at least one master, each master with a layout and a theme,
    each layout under a master."""
    slides = sum(rel.kind == "slide" for rel in walk.package.relationships(main))
    if slides:
        raise PackageError(f"it holds {slides} slide(s); a reference deck may hold only masters and layouts",
                           "delete its slides and keep the layouts")
    masters = [rel.part for rel in walk.kept_rels.get(main, []) if rel.kind == "slideMaster"]
    if not masters:
        raise PackageError("it has no slide master (ppt/slideMasters/, listed in ppt/presentation.xml)")
    for master in masters:
        kinds = [rel.kind for rel in walk.kept_rels.get(master or "", [])]
        if "slideLayout" not in kinds or "theme" not in kinds:
            raise PackageError(f"its slide master '{master}' has no layout or no theme")
    for part, role in walk.roles.items():
        if role == "slideLayout" and "slideMaster" not in {rel.kind for rel in walk.kept_rels.get(part, [])}:
            raise PackageError(f"its layout '{part}' belongs to no slide master")


_EMPTY_NUMBERING = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering '
                    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def _ensure_numbering(walk: _Walk, main: str, parts: dict[str, bytes]) -> None:
    """Lists need a numbering part, which python-docx cannot create: a reference without one gets
    an empty one (Word's own documents without lists have none)."""
    if any(rel.kind == "numbering" for rel in walk.kept_rels[main]):
        return
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    taken = {name.lower() for name in parts}
    name = next(f"{folder}numbering{suffix}.xml" for suffix in ("", *range(1, 1000))
                if f"{folder}numbering{suffix}.xml".lower() not in taken)
    ids = {rel.id for rel in walk.package.relationships(main)}
    rel_id = next(f"rIdNumbering{n}" for n in range(1000) if f"rIdNumbering{n}" not in ids)
    parts[name] = _EMPTY_NUMBERING
    walk.roles[name] = "numbering"
    walk.kept_rels[main].append(Relationship(rel_id, _NUMBERING, name[len(folder):], False, name))
    walk.overrides[name] = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"


def _clean_part(walk: _Walk, name: str, kind: Kind) -> bytes:
    """The part's bytes: unchanged unless something it refers to, or something active in it, went."""
    data = walk.package.parts[name]
    content_type = walk.package.content_type(name)
    if not (content_type.endswith("xml") or name.lower().endswith(".xml")):
        return data
    root = _parsed(walk, name)
    role = walk.roles[name]

    def warn(what: str) -> None:
        walk.dropped.append(Dropped(name, what))

    kept_ids = {rel.id for rel in walk.kept_rels.get(name, [])}
    changed = scrub.drop_references(root, kept_ids)
    changed = _role_rules(root, role, kind, warn) or changed
    return serialise(root) if changed else data


def _role_rules(root: etree._Element, role: str, kind: Kind, warn: Callable[[str], None]) -> bool:
    if kind == "docx":
        if role == "officeDocument":
            return scrub.empty_word_body(root)
        if role == "settings":
            return scrub.drop_note_separators(root)
        if role in ("header", "footer"):
            return scrub.drop_active_fields(root, warn)
        return False
    if role in ("slideMaster", "slideLayout", "notesMaster", "handoutMaster"):
        return scrub.drop_active_actions(root, warn)
    return False


def _content_types(walk: _Walk, main: str, kind: Kind) -> bytes:
    """Defaults for the kept parts' extensions, an override for each kept part that had one."""
    types = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    kept = [name for name in walk.roles if name != ROOT]
    _add_defaults(walk, types, kept)
    overridden = {element.get("PartName", "").lstrip("/").lower()
                  for element in walk.package.types.iter(f"{{{CT_NS}}}Override")}
    for name in sorted(kept):
        content_type = _override_type(walk, name, main, kind, overridden)
        if content_type is not None:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{name}", ContentType=content_type)
    return serialise(types)


def _add_defaults(walk: _Walk, types: etree._Element, kept: list[str]) -> None:
    """The package's own defaults for the kept extensions (active types left out), then the two every package needs."""
    extensions = {"rels", "xml"} | {name.rsplit(".", 1)[-1].lower() for name in kept if "." in name}
    for default in walk.package.types.iter(f"{{{CT_NS}}}Default"):
        extension = default.get("Extension", "").lower()
        content_type = default.get("ContentType", "")
        if extension in extensions and not policy.active_content_type(content_type):
            etree.SubElement(types, f"{{{CT_NS}}}Default", Extension=extension, ContentType=content_type)
            extensions.discard(extension)
    if "rels" in extensions:
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="rels",
                         ContentType="application/vnd.openxmlformats-package.relationships+xml")
    if "xml" in extensions:
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="xml", ContentType="application/xml")


def _override_type(walk: _Walk, name: str, main: str, kind: Kind, overridden: set[str]) -> str | None:
    """The content type a kept part is listed with; None when its extension's default serves."""
    if name == main:
        return policy.WORD_MAIN if kind == "docx" else policy.PPT_MAIN
    if name in walk.overrides:
        return walk.overrides[name]
    if walk.roles[name] in policy.ROLE_TYPES:
        return policy.ROLE_TYPES[walk.roles[name]]
    if name.lower() in overridden:
        return walk.package.content_type(name)
    return None
