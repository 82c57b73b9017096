"""Read a reviewed .docx: per anchor (bookmark), its text before and after review, the
tracked changes (author, date) and comments on it, and every edit that touches no anchor.

Tracked changes are read as Word writes them: w:ins / w:moveTo hold text added, w:del /
w:moveFrom text removed (as w:delText). "Before" is the text without insertions, "after" the
text without deletions, so a file with every change accepted (or edited directly, untracked)
reads with before == after, and the evidence map's text tells what changed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from briefwright.anchors import PREFIX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_MOVED = {f"{{{W}}}moveTo", f"{{{W}}}moveFrom"}


def w(local: str) -> str:
    return f"{{{W}}}{local}"


@dataclass(frozen=True)
class Change:
    kind: str  # inserted | deleted | moved
    text: str
    author: str
    date: str


@dataclass(frozen=True)
class Comment:
    author: str
    date: str
    text: str


@dataclass
class AnchorReview:
    name: str
    paragraph: int = 0  # the body paragraph its bookmark starts in
    before: str = ""
    after: str = ""
    changes: list[Change] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


@dataclass
class LooseEdit:
    """A change or comment that no anchor covers: a new paragraph, an edit to a heading."""

    kind: str  # inserted | deleted | moved | comment | new paragraph
    text: str
    author: str
    date: str
    paragraph: int  # the body paragraph it is in (1-based, as Word counts, tables included)
    context: str  # the paragraph's text after review


@dataclass
class ParagraphReview:
    """A whole paragraph after review (moved text counted as there: moves change no wording)."""

    after: str = ""
    authors: list[str] = field(default_factory=list)


@dataclass
class ReviewedDocument:
    anchors: dict[str, AnchorReview] = field(default_factory=dict)
    paragraphs: dict[int, ParagraphReview] = field(default_factory=dict)
    loose: list[LooseEdit] = field(default_factory=list)
    properties_comment: str = ""  # core properties: "briefwright <product> for <audience>"


def _comments(package: zipfile.ZipFile) -> dict[str, Comment]:
    try:
        root = etree.fromstring(package.read("word/comments.xml"))
    except KeyError:
        return {}
    found = {}
    for comment in root.iter(w("comment")):
        text = " ".join("".join(t.text or "" for t in paragraph.iter(w("t"))) for paragraph in comment.iter(w("p")))
        found[comment.get(w("id"), "")] = Comment(comment.get(w("author"), "unknown"), comment.get(w("date"), ""),
                                                  " ".join(text.split()))
    return found


def _properties_comment(package: zipfile.ZipFile) -> str:
    try:
        root = etree.fromstring(package.read("docProps/core.xml"))
    except KeyError:
        return ""
    for element in root:
        if etree.QName(element).localname == "description":
            return element.text or ""
    return ""


def _revision(element: etree._Element) -> tuple[str, etree._Element | None]:
    """'inserted', 'deleted' or '' for a text element, and the revision element that says so."""
    parent = element.getparent()
    while parent is not None and parent.tag != w("p"):
        if parent.tag in _INSERTED:
            return "inserted", parent
        if parent.tag in _DELETED:
            return "deleted", parent
        parent = parent.getparent()
    return "", None


_Loose = tuple[str, str, str, str]  # an edit outside every anchor: (kind, text, author, date)
_TEXT = {w("t"), w("delText"), w("tab"), w("br")}  # text, deleted text, and what reads as a space


@dataclass
class _Paragraph:
    """What the walker gathers while it reads one paragraph."""

    whole: ParagraphReview
    seen_anchor: bool = False
    loose: list[_Loose] = field(default_factory=list)
    after_text: list[str] = field(default_factory=list)


def _add_loose(loose: list[_Loose], edit: _Loose) -> None:
    """One edit, many runs: a run continuing the last edit's kind and author joins it."""
    if loose and loose[-1][0] == edit[0] and loose[-1][2] == edit[2]:
        loose[-1] = (edit[0], loose[-1][1] + edit[1], edit[2], loose[-1][3])
    else:
        loose.append(edit)


class _Walker:
    def __init__(self, comments: dict[str, Comment]) -> None:
        self.result = ReviewedDocument()
        self.comments = comments
        self.open: dict[str, str] = {}  # bookmark id → name, for briefwright's bookmarks now open
        # comment id → (anchors open where its range starts, anchors with text inside its range)
        self.open_comments: dict[str, tuple[list[str], list[str]]] = {}
        self.last_closed: str | None = None  # an anchor just ended, with no plain text since
        self.paragraph = 0

    def _anchor(self, name: str) -> AnchorReview:
        return self.result.anchors.setdefault(name, AnchorReview(name))

    def paragraph_element(self, paragraph: etree._Element) -> None:
        self.paragraph += 1
        self.last_closed = None
        state = _Paragraph(self.result.paragraphs.setdefault(self.paragraph, ParagraphReview()),
                           seen_anchor=bool(self.open))
        for element in paragraph.iter():
            self._element(element, paragraph, state)
        state.whole.after = "".join(state.after_text)
        self._finish(paragraph, state)

    def _element(self, element: etree._Element, paragraph: etree._Element, state: _Paragraph) -> None:
        """One element of the paragraph, in document order: a bookmark or comment edge, or text."""
        tag, name = element.tag, element.get(w("name"), "")
        if tag == w("bookmarkStart") and name.startswith(PREFIX):
            self.open[element.get(w("id"), "")] = name
            self._anchor(name).paragraph = self.paragraph
            self.last_closed, state.seen_anchor = None, True
        elif tag == w("bookmarkEnd") and element.get(w("id"), "") in self.open:
            self.last_closed = self.open.pop(element.get(w("id"), ""))
        elif tag == w("commentRangeStart"):
            self.open_comments[element.get(w("id"), "")] = (list(self.open.values()), [])
        elif tag == w("commentRangeEnd"):
            self._place_comment(element.get(w("id"), ""), paragraph)
        elif tag in _TEXT:
            self._text_element(element, state)

    def _text_element(self, element: etree._Element, state: _Paragraph) -> None:
        text = element.text or "" if element.tag in (w("t"), w("delText")) else " "  # a tab or break reads as a space
        kind, revision = _revision(element)
        moved = revision is not None and revision.tag in _MOVED
        if kind != "deleted" or moved:
            state.after_text.append(text)
        if revision is not None and revision.get(w("author"), "unknown") not in state.whole.authors:
            state.whole.authors.append(revision.get(w("author"), "unknown"))
        self._text(text, kind, revision, state.loose)

    def _finish(self, paragraph: etree._Element, state: _Paragraph) -> None:
        """List the paragraph's edits outside every anchor, and a new paragraph that holds no anchor."""
        context = "".join(state.after_text)
        for kind, text, author, date in state.loose:
            self.result.loose.append(LooseEdit(kind, text, author, date, self.paragraph, context))
        mark = paragraph.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}")
        if mark is not None and not state.seen_anchor and not any(kind == "inserted" for kind, *_ in state.loose):
            self.result.loose.append(LooseEdit("new paragraph", context, mark.get(w("author"), "unknown"),
                                               mark.get(w("date"), ""), self.paragraph, context))

    def _names_for(self, kind: str) -> list[str]:
        """The anchors a piece of text belongs to (and forget the last one closed once plain text follows)."""
        names = list(self.open.values())
        if not names and kind == "inserted" and self.last_closed is not None:
            names = [self.last_closed]  # typed just after a bookmark's end: Word leaves it outside
        if not kind and not self.open:
            self.last_closed = None
        return names

    def _text(self, text: str, kind: str, revision: etree._Element | None, loose: list[_Loose]) -> None:
        author = revision.get(w("author"), "unknown") if revision is not None else ""
        date = revision.get(w("date"), "") if revision is not None else ""
        change_kind = "moved" if revision is not None and revision.tag in _MOVED else kind
        names = self._names_for(kind)
        for name in names:
            review = self._anchor(name)
            # Moved text is the same words elsewhere: the planner decides the order, not the field.
            if kind != "inserted" or change_kind == "moved":
                review.before += text
            if kind != "deleted" or change_kind == "moved":
                review.after += text
            if kind:
                review.changes.append(Change(change_kind, text, author, date))
        if not names and kind:
            _add_loose(loose, (change_kind, text, author, date))
        for _, inside in self.open_comments.values():
            inside.extend(names)

    def _place_comment(self, comment_id: str, paragraph: etree._Element) -> None:
        comment = self.comments.get(comment_id)
        if comment is None:
            return
        # The fields whose text the comment covers; a client may shift the range's ends past a
        # bookmark's edge (LibreOffice does), so anchors merely open at an end do not count.
        at_start, inside = self.open_comments.pop(comment_id, ([], []))
        names = inside or at_start or list(self.open.values())
        if not names and self.last_closed:
            names = [self.last_closed]
        if not names:
            text = "".join(t.text or "" for t in paragraph.iter(w("t")))
            self.result.loose.append(LooseEdit("comment", comment.text, comment.author, comment.date,
                                               self.paragraph, text))
            return
        for name in dict.fromkeys(names):
            self._anchor(name).comments.append(comment)


def read_reviewed(data: bytes) -> ReviewedDocument:
    """The anchors, changes and comments of a .docx (raises zipfile.BadZipFile, KeyError, XMLSyntaxError)."""
    package = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(package.read("word/document.xml"))
    walker = _Walker(_comments(package))
    body = root.find(w("body"))
    if body is None:
        return walker.result
    for paragraph in body.iter(w("p")):
        walker.paragraph_element(paragraph)
    walker.result.properties_comment = _properties_comment(package)
    return walker.result
