"""Reopen a written .docx and hold it against the plan: every table and paragraph there, in
order, with the planned text and Word style."""

from __future__ import annotations

import io

import docx

from briefwright.diagnostics import Report, Where
from briefwright.model import Document
from briefwright.products import Product
from briefwright.writers.docx_styles import StyleIndex


def check_docx(data: bytes, model: Document, product: Product, report: Report, where: Where) -> None:
    """Reopen the written bytes: every planned block is there, in order, in its Word style."""
    document = docx.Document(io.BytesIO(data))
    if _tables_match(document, model, report, where):
        _paragraphs_match(document, model, product, report, where)


def _tables_match(document: docx.document.Document, model: Document, report: Report, where: Where) -> bool:
    tables = [block for block in model.blocks() if block.kind == "table"]
    if len(document.tables) != len(tables):
        report.error("output-tables", where, f"reopened file has {len(document.tables)} tables; expected {len(tables)}")
        return False
    for number, (table, block) in enumerate(zip(document.tables, tables), start=1):
        got = [[cell.text for cell in row.cells] for row in table.rows]
        want = [[cell.text for cell in row.cells] for row in block.rows]
        if got != want:
            report.error("output-table", where, f"table {number} differs from the plan")
            return False
    return True


def _paragraphs_match(document: docx.document.Document, model: Document, product: Product, report: Report,
                      where: Where) -> None:
    paragraphs = document.paragraphs
    blocks = [block for block in model.blocks() if block.kind != "table"]
    if len(paragraphs) != len(blocks):
        report.error("output-mismatch", where, f"reopened file has {len(paragraphs)} paragraphs; expected {len(blocks)}")
        return
    styles = StyleIndex(document)
    for index, (paragraph, block) in enumerate(zip(paragraphs, blocks), start=1):
        if paragraph.text.replace("\t", "") != block.text.replace("\t", ""):
            report.error("output-mismatch", where, f"paragraph {index} differs from the plan: {paragraph.text[:60]!r}")
            return
        expected_style = product.styles[block.style].word_style
        found_style = styles.paragraph_style_name(paragraph._p.style)
        if expected_style and found_style != expected_style:
            report.error("output-style", where,
                         f"paragraph {index} has style '{found_style}', expected '{expected_style}'")
            return
