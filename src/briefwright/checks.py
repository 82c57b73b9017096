"""Checks on content (coverage) and on the reopened output files."""

from __future__ import annotations

import io
from pathlib import Path

from briefwright.audience import AudienceProfile, where_set
from briefwright.content import Content
from briefwright.diagnostics import Report, Where
from briefwright.model import Document
from briefwright.products import Product
from briefwright.render.deck import DeckModel  # no python-pptx import: the model is plain data
from briefwright.sources import SourceRegistry
from briefwright.yamlio import YamlDocument

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def check_coverage(content: Content, sources: SourceRegistry, report: Report) -> None:
    cited = {item.source for point in content.points.values() for item in point.evidence}
    for source in sources:
        if source.id not in cited:
            report.warning("source-uncited", Where(Path(sources.metadata_path.name), field=f"sources.{source.id}"),
                           f"source '{source.id}' is not cited by any point", "cite it, or remove it from the registry")


def check_audience(profile: AudienceProfile, chain: list[YamlDocument], content: Content, report: Report) -> None:
    """A profile's module names, weights and tags must mean something in this content: a profile
    copied from another topic would otherwise reorder, weigh or favour nothing, silently."""
    modules = {module.id for module in content.modules}
    tags = {tag for point in content.points.values() for tag in point.tags}
    known_modules = ", ".join(sorted(modules)) or "none"
    for index, module_id in enumerate(profile.module_order):
        if module_id not in modules:
            report.warning("audience-unknown-module", where_set(chain, ("module_order", index)),
                           f"profile '{profile.id}' orders module '{module_id}', which the content does not have",
                           f"modules: {known_modules}")
    for module_id in profile.module_weights:
        if module_id not in modules:
            report.warning("audience-unknown-module", where_set(chain, ("module_weights", module_id)),
                           f"profile '{profile.id}' weights module '{module_id}', which the content does not have",
                           f"modules: {known_modules}")
    for rule in ("favour", "exclude"):
        for index, tag in enumerate(getattr(profile.tags, rule)):
            if tag not in tags:
                report.warning("audience-unknown-tag", where_set(chain, ("tags", rule, index)),
                               f"profile '{profile.id}' would {rule} tag '{tag}', which no point carries",
                               f"tags in use: {', '.join(sorted(tags)) or 'none'}")


def check_docx(data: bytes, model: Document, product: Product, report: Report, where: Where) -> None:
    """Reopen the written bytes: every planned block is there, in order, in its Word style."""
    import docx  # only Word builds load python-docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    tables = [block for block in model.blocks() if block.kind == "table"]
    blocks = [block for block in model.blocks() if block.kind != "table"]
    if len(document.tables) != len(tables):
        report.error("output-tables", where, f"reopened file has {len(document.tables)} tables; expected {len(tables)}")
        return
    for number, (table, block) in enumerate(zip(document.tables, tables), start=1):
        got = [[cell.text for cell in row.cells] for row in table.rows]
        want = [[cell.text for cell in row.cells] for row in block.rows]
        if got != want:
            report.error("output-table", where, f"table {number} differs from the plan")
            return
    if len(paragraphs) != len(blocks):
        report.error("output-mismatch", where, f"reopened file has {len(paragraphs)} paragraphs; expected {len(blocks)}")
        return
    for index, (paragraph, block) in enumerate(zip(paragraphs, blocks), start=1):
        if paragraph.text.replace("\t", "") != block.text.replace("\t", ""):
            report.error("output-mismatch", where, f"paragraph {index} differs from the plan: {paragraph.text[:60]!r}")
            return
        expected_style = product.styles[block.style].word_style
        found_style = paragraph.style.name if paragraph.style is not None else None
        if expected_style and found_style != expected_style:
            report.error("output-style", where,
                         f"paragraph {index} has style '{found_style}', expected '{expected_style}'")
            return


def _all_shapes(shapes):
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _all_shapes(shape.shapes)


def check_pptx(data: bytes, deck: DeckModel, product: Product, report: Report, where: Where) -> None:
    """Reopen the written bytes: the promised slide count, the notes the model carries, no autofit."""
    from pptx import Presentation  # only deck builds load python-pptx

    presentation = Presentation(io.BytesIO(data))
    slides = list(presentation.slides)
    if len(slides) != product.budget.slides or len(slides) != len(deck.slides):
        report.error("output-slides", where, f"{len(slides)} slides; the product promises {product.budget.slides}")
        return
    for number, (slide, model) in enumerate(zip(slides, deck.slides), start=1):
        written = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if " ".join(written.split()) != " ".join(model.notes.split()):
            report.error("output-notes", where, f"slide {number}: speaker notes differ from the plan")
        for shape in _all_shapes(slide.shapes):
            if shape.has_text_frame and shape.text_frame._bodyPr.find(f"{A}normAutofit") is not None:
                report.error("output-autofit", where, f"slide {number}, '{shape.name}' asks the viewer to shrink text")
