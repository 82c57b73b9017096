"""The claim-level diff as a redline .docx: Word's own tracked-change markup (w:ins, w:del with
author and date), word by word inside each changed field, so Word and LibreOffice list every
change as a revision a reader can accept or reject."""

from __future__ import annotations

import difflib
import io
import re

import docx
from docx.oxml.ns import qn
from lxml import etree

from briefwright.output import reproducible_zip
from briefwright.review.compare import FieldChange, ProductDiff, ShownField

_TOKENS = re.compile(r"\S+|\s+")


class _Redline:
    def __init__(self, author: str, date: str) -> None:
        self.document = docx.Document()
        self.body = self.document.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self.author, self.date = author, date
        self.revision = 0

    def paragraph(self, style: str | None = None) -> etree._Element:
        paragraph = self.document.add_paragraph(style=style)._p
        return paragraph

    def run(self, parent: etree._Element, text: str, deleted: bool = False, bold: bool = False) -> None:
        run = etree.SubElement(parent, qn("w:r"))
        if bold:
            etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:b"))
        element = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
        element.text = text
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def tracked(self, paragraph: etree._Element, kind: str, text: str) -> None:
        if not text:
            return
        self.revision += 1
        wrapper = etree.SubElement(paragraph, qn(f"w:{kind}"))
        wrapper.set(qn("w:id"), str(self.revision))
        wrapper.set(qn("w:author"), self.author)
        wrapper.set(qn("w:date"), self.date)
        self.run(wrapper, text, deleted=kind == "del")

    def words(self, paragraph: etree._Element, old: str, new: str) -> None:
        """old → new as unchanged, deleted and inserted runs, compared word by word."""
        before, after = _TOKENS.findall(old), _TOKENS.findall(new)
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation == "equal":
                self.run(paragraph, "".join(before[i1:i2]))
                continue
            self.tracked(paragraph, "del", "".join(before[i1:i2]))
            self.tracked(paragraph, "ins", "".join(after[j1:j2]))

    def field(self, change: FieldChange) -> None:
        shown = change.new or change.old
        assert shown is not None
        label = self.paragraph()
        self.run(label, f"{change.anchor} — {change.status}, {shown.where}", bold=True)
        text = self.paragraph()
        old, new = _text(change.old), _text(change.new)
        self.words(text, old, new)
        for name, value in (("Confidence", _confidence), ("Sources", _sources)):
            before, after = value(change.old), value(change.new)
            if before != after:
                line = self.paragraph()
                self.run(line, f"{name}: ")
                self.words(line, before, after)

    def product(self, diff: ProductDiff) -> None:
        self.document.add_heading(f"{diff.file} ({diff.status})", level=2)
        for change in diff.fields:
            self.field(change)
        for kind, ids in diff.sources.items():
            line = self.paragraph()
            self.run(line, f"Sources {kind}: ")
            self.tracked(line, "del" if kind == "dropped" else "ins", ", ".join(ids))
        for point, (old, new) in diff.decisions.items():
            line = self.paragraph()
            self.run(line, f"Planner, {point}: ")
            self.words(line, old, new)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        properties = self.document.core_properties
        properties.author = properties.last_modified_by = self.author
        self.document.save(buffer)
        return reproducible_zip(buffer.getvalue())


def _text(shown: ShownField | None) -> str:
    return shown.text if shown is not None else ""


def _confidence(shown: ShownField | None) -> str:
    return shown.confidence or "" if shown is not None else ""


def _sources(shown: ShownField | None) -> str:
    return ", ".join(shown.sources) if shown is not None else ""


def redline_docx(diffs: list[ProductDiff], title: str, author: str, date: str) -> bytes:
    """A .docx of every changed product, each changed field tracked word by word (date: ISO 8601)."""
    redline = _Redline(author, date)
    redline.document.add_heading(title, level=1)
    changed = [diff for diff in diffs if diff.status != "unchanged"]
    if not changed:
        redline.run(redline.paragraph(), "No claim, judgment, source or planner decision changed.")
    for diff in changed:
        redline.product(diff)
    return redline.save()
