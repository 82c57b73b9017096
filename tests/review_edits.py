"""A reviewer at work, as Word records it: tracked insertions and deletions inside a built
document's bookmarks, comments, a new paragraph, a moved paragraph (lxml on python-docx's tree)."""

from __future__ import annotations

import copy
import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

DATE = "2026-11-25T10:00:00Z"
ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def tiny_built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny root built once per session by the command line's main (copy it with `tiny`; never change it)."""
    from briefwright.cli import main

    root = tmp_path_factory.mktemp("review-tiny") / "tiny"
    shutil.copytree(ROOTS / "tiny", root)
    assert main(["build", "--project", str(root), "-q"]) == 0
    return root


@pytest.fixture(name="tiny")
def built_tiny(tiny_built_once: Path, tmp_path: Path) -> Path:
    """A copy of the tiny root, built: the products a reviewer edits (use as the `tiny` fixture). The
    session's build is copied with its files' times, as a project built before and left alone."""
    return Path(shutil.copytree(tiny_built_once, tmp_path / "tiny", symlinks=True))


class Reviewer:
    def __init__(self, path: Path, name: str = "Ana Reviewer") -> None:
        self.document = docx.Document(str(path))
        self.body = self.document.element.body
        self.name = name
        self._ids = 1000

    def _revision(self, tag: str) -> etree._Element:
        self._ids += 1
        element = etree.SubElement(etree.Element("dummy"), qn(tag))
        element.set(qn("w:id"), str(self._ids))
        element.set(qn("w:author"), self.name)
        element.set(qn("w:date"), DATE)
        return element

    def _bookmark_runs(self, name: str) -> list[etree._Element]:
        start = next(b for b in self.body.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")) == name)
        runs, node = [], start.getnext()
        while node is not None and node.tag != qn("w:bookmarkEnd"):
            if node.tag == qn("w:r"):
                runs.append(node)
            node = node.getnext()
        return runs

    def paragraph_of(self, name: str) -> etree._Element:
        start = next(b for b in self.body.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")) == name)
        return start.getparent()

    def replace_words(self, bookmark: str, old: str, new: str) -> None:
        """Select `old` inside the bookmark and type `new` with Track Changes on."""
        run = next(r for r in self._bookmark_runs(bookmark) if old in "".join(t.text or "" for t in r.iter(qn("w:t"))))
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        before, after = text.split(old, 1)
        properties = run.find(qn("w:rPr"))
        pieces = []
        for piece, kind in ((before, None), (old, "w:del"), (new, "w:ins"), (after, None)):
            if not piece:
                continue
            new_run = etree.Element(qn("w:r"))
            if properties is not None:
                new_run.append(copy.deepcopy(properties))
            text_element = etree.SubElement(new_run, qn("w:delText" if kind == "w:del" else "w:t"))
            text_element.text = piece
            text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if kind:
                wrapper = self._revision(kind)
                wrapper.append(new_run)
                pieces.append(wrapper)
            else:
                pieces.append(new_run)
        for piece in pieces:
            run.addprevious(piece)
        run.getparent().remove(run)

    def comment(self, bookmark: str, text: str) -> None:
        paragraph = Paragraph(self.paragraph_of(bookmark), self.document._body)
        runs = [Run(r, paragraph) for r in self._bookmark_runs(bookmark)]
        self.document.add_comment(runs, text=text, author=self.name, initials="AR")

    def new_paragraph_after(self, bookmark: str, text: str, tracked: bool = True) -> None:
        """Type a paragraph after the bookmark's, with Track Changes on (or off: no revision mark at all)."""
        paragraph = self.paragraph_of(bookmark)
        new = etree.Element(qn("w:p"))
        if tracked:
            properties = etree.SubElement(new, qn("w:pPr"))
            etree.SubElement(properties, qn("w:rPr")).append(self._revision("w:ins"))
        holder = self._revision("w:ins") if tracked else new
        run = etree.SubElement(holder, qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
        if tracked:
            new.append(holder)
        paragraph.addnext(new)

    def move_paragraph_before(self, bookmark: str, target_bookmark: str) -> None:
        """Cut a paragraph and paste it elsewhere, tracked: w:moveFrom where it was, w:moveTo where it goes."""
        paragraph = self.paragraph_of(bookmark)
        target = self.paragraph_of(target_bookmark)
        moved = copy.deepcopy(paragraph)
        for element in list(paragraph.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            element.getparent().remove(element)  # bookmarks travel with the text they mark
        for holder, tag in ((paragraph, "w:moveFrom"), (moved, "w:moveTo")):
            for run in [child for child in holder if child.tag == qn("w:r")]:
                wrapper = self._revision(tag)  # each run wrapped where it stands, bookmarks around it
                run.addprevious(wrapper)
                wrapper.append(run)
                if tag == "w:moveFrom":
                    for text in wrapper.iter(qn("w:t")):
                        text.tag = qn("w:delText")
        target.addprevious(moved)

    def save(self, path: Path) -> Path:
        buffer = io.BytesIO()
        self.document.save(buffer)
        path.write_bytes(buffer.getvalue())
        return path
