"""Reproducible zip packages: fixed times and attributes, and the same bytes as recompressing."""

from __future__ import annotations

import io
import zipfile

import docx
from pptx import Presentation

from briefwright.output import FIXED_ZIP_TIME, reproducible_zip


def _recompressed(data: bytes) -> bytes:
    """The straightforward rewrite (inflate, then deflate again), which the copy must equal."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(item.filename))
    return buffer.getvalue()


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class Describe_reproducible_zip:
    def it_gives_the_bytes_recompressing_gives_for_word_and_powerpoint_packages(self) -> None:
        word = docx.Document()
        word.add_paragraph("Text with ünïcode and a tab\there.")
        deck = Presentation()
        deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "Title"
        for data in (_saved(word), _saved(deck)):
            rewritten = reproducible_zip(data)
            assert rewritten == _recompressed(data)
            package = zipfile.ZipFile(io.BytesIO(rewritten))
            assert package.testzip() is None
            assert {info.date_time for info in package.infolist()} == {FIXED_ZIP_TIME}
            original = zipfile.ZipFile(io.BytesIO(data))
            assert [i.filename for i in package.infolist()] == [i.filename for i in original.infolist()]

    def it_recompresses_entries_that_were_not_deflated(self) -> None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:  # stored, not deflated
            package.writestr("[Content_Types].xml", "<Types/>")
            package.writestr("word/document.xml", "<w:document/>" * 50)
            package.writestr("empty.bin", b"")
        data = buffer.getvalue()
        rewritten = reproducible_zip(data)
        assert rewritten == _recompressed(data)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zipfile.ZipFile(io.BytesIO(rewritten)).infolist())

    def it_is_the_same_for_the_same_input_and_different_for_different_input(self) -> None:
        one, other = docx.Document(), docx.Document()
        one.add_paragraph("one")
        other.add_paragraph("other")
        assert reproducible_zip(_saved(one)) == reproducible_zip(_saved(one))
        assert reproducible_zip(_saved(one)) != reproducible_zip(_saved(other))
