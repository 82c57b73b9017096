"""The last check before a product is published: its package holds no active content.

Independent of how the writers got there: every relationship in the written .docx/.pptx
is internal and of no active kind, and no part has a macro, OLE or ActiveX content type
or sits where Office keeps such objects. A failure stops the build.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from briefwright.diagnostics import Report, Where
from briefwright.reference import policy
from briefwright.reference.opc import CONTENT_TYPES, CT_NS, PARSER, RELS_NS

PACKAGE_SUFFIXES = (".docx", ".pptx")


def active_content(data: bytes) -> list[str]:
    """What in an Office package could fetch, run or embed something; empty when it is clean."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [f"the package cannot be read ({exc})"]
    found = [f"part '{name}' is where Office keeps macros or embedded objects"
             for name in parts if policy.active_part_name(name)]
    for name, data_ in parts.items():
        if name == CONTENT_TYPES or name.endswith(".rels"):
            found += _in_xml(name, data_)
    return found


def _in_xml(name: str, data: bytes) -> list[str]:
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError:
        return [f"part '{name}' is not well-formed XML"]
    found = []
    for rel in root.iter(f"{{{RELS_NS}}}Relationship"):
        kind = rel.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External":
            found.append(f"'{name}' holds an external {kind} relationship to '{rel.get('Target', '')[:100]}'")
        elif kind in policy.ACTIVE_KINDS:
            found.append(f"'{name}' relates {policy.ACTIVE_KINDS[kind]} ('{rel.get('Target', '')[:100]}')")
    for element in root.iter(f"{{{CT_NS}}}Default", f"{{{CT_NS}}}Override"):
        content_type = element.get("ContentType", "")
        if policy.active_content_type(content_type):
            found.append(f"'{name}' declares the content type '{content_type}'")
    return found


def check_products(files: Iterable[tuple[Path, bytes]], report: Report) -> None:
    """An error for each .docx/.pptx about to be published that holds active content."""
    for path, data in files:
        if path.suffix.lower() not in PACKAGE_SUFFIXES:
            continue
        for problem in active_content(data):
            report.error("product-active-content", Where(field=path.name), f"{path.name}: {problem}",
                         "this is a briefwright bug or a reference file it failed to clean; nothing was published "
                         "— report it with the reference file")
