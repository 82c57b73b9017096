"""A minimal reader and writer of Office packages (OPC): parts, relationships, content types.

Only what sanitising a reference file needs: every part's bytes and content type, each
part's relationships with their targets resolved to part names, and a deterministic
writer. XML is parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROOT = ""  # the package itself, as the source of its root relationships (_rels/.rels)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same inputs give the same bytes

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                         remove_blank_text=False)


class PackageError(Exception):
    """The package cannot be read as an Office file; the message names the part."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint  # what to do, where saving the file again is not the answer


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str  # the full type URI
    target: str  # as written
    external: bool
    part: str | None  # the resolved part name (no leading slash) of an internal target

    @property
    def kind(self) -> str:
        """The type's last segment (`styles`, `image`, `vbaProject`): the same in every namespace."""
        return self.type.rstrip("/").rsplit("/", 1)[-1]


def parse_xml(data: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise PackageError(f"part '{name}' is not well-formed XML ({exc.msg})") from None


def rels_name(part: str) -> str:
    """The relationships part of a part (`word/document.xml` → `word/_rels/document.xml.rels`)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _resolve(source: str, target: str) -> str | None:
    target = unquote(target.split("#", 1)[0])
    if not target:
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
    normal = posixpath.normpath(joined)
    return None if normal.startswith("..") or normal in (".", "") else normal


class Package:
    """A package's parts by name (no leading slash), read from a zip's bytes."""

    def __init__(self, data: bytes) -> None:
        import io

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                self.parts = {info.filename: archive.read(info) for info in archive.infolist()
                              if not info.is_dir()}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise PackageError(f"the zip cannot be read ({exc})") from None
        if CONTENT_TYPES not in self.parts:
            raise PackageError(f"part '{CONTENT_TYPES}' is missing")
        self.types = parse_xml(self.parts[CONTENT_TYPES], CONTENT_TYPES)
        self._by_lower = {name.lower(): name for name in self.parts}

    def find(self, name: str | None) -> str | None:
        """The stored name of a part (part names are case-insensitive), or None."""
        return self._by_lower.get(name.lower()) if name else None

    def content_type(self, name: str) -> str:
        for override in self.types.iter(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/").lower() == name.lower():
                return override.get("ContentType", "")
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        for default in self.types.iter(f"{{{CT_NS}}}Default"):
            if default.get("Extension", "").lower() == extension:
                return default.get("ContentType", "")
        return ""

    def relationships(self, source: str) -> list[Relationship]:
        stored = self.find("_rels/.rels" if source == ROOT else rels_name(source))
        if stored is None:
            return []
        found = []
        for element in parse_xml(self.parts[stored], stored).iter(f"{{{RELS_NS}}}Relationship"):
            external = element.get("TargetMode", "Internal") == "External"
            target = element.get("Target", "")
            part = None if external else self.find(_resolve(source, target))
            found.append(Relationship(element.get("Id", ""), element.get("Type", ""), target, external, part))
        return found


def relationships_xml(kept: list[Relationship]) -> bytes:
    root = etree.Element(f"{{{RELS_NS}}}Relationships", nsmap={None: RELS_NS})
    for rel in kept:
        etree.SubElement(root, f"{{{RELS_NS}}}Relationship", Id=rel.id, Type=rel.type, Target=rel.target)
    return serialise(root)


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_zip(parts: dict[str, bytes]) -> bytes:
    """The parts as a zip: content types first, then by name, with fixed dates."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts, key=lambda part: (part != CONTENT_TYPES, part)):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name])
    return buffer.getvalue()
