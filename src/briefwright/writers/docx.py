"""Document model → .docx through python-docx. Styles are created or found by name."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import docx
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Inches, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from briefwright.anchors import BookmarkNamer, anchored_runs
from briefwright.audience import AudienceProfile
from briefwright.diagnostics import Report, Where, fail
from briefwright.measure.text import is_east_asian
from briefwright.model import Block, Document, Run
from briefwright.output import reproducible_zip
from briefwright.page import CELL_PAD_H, CELL_PAD_V, page_geometry, paper_size, paragraph_gaps
from briefwright.products import Product, as_flow
from briefwright.reference.load import sanitised_reference
from briefwright.writers import docprops, docx_parts, docx_styles, letterhead, ooxml, toc, wordml
from briefwright.writers.docx_check import check_docx
from briefwright.writers.docx_styles import ParagraphStyles
from briefwright.writers.footnotes import Footnotes
from briefwright.writers.footnotes import ensure_styles as ensure_footnote_styles
from briefwright.writers.job import Rendered, RenderJob


class DocxRenderer:
    def __init__(self, product: Product, audience: AudienceProfile, report: Report | None = None) -> None:
        self.product = product
        self.audience = audience
        self.report = report if report is not None else Report()
        self.palette = audience.branding.palette
        self.fonts = audience.branding.fonts

    east_asian: str  # the face Word uses for CJK text: the body face when the document has none
    has_east_asian: bool
    _bookmarks: BookmarkNamer

    def _setup_page(self, document: docx.document.Document) -> None:
        width, height = paper_size(self.product, self.audience)
        margins = as_flow(self.product).page_margins
        for section in document.sections:
            section.page_width, section.page_height = Inches(width), Inches(height)
            section.top_margin, section.bottom_margin = Inches(margins.top), Inches(margins.bottom)
            section.left_margin, section.right_margin = Inches(margins.left), Inches(margins.right)
            if not self.product.reference_header:  # a kept letterhead keeps its own distances
                section.header_distance = section.footer_distance = Inches(0.3)

    def _setup_defaults(self, document: docx.document.Document) -> None:
        if self.product.reference_styles:
            return  # the reference's defaults are its look; every style briefwright uses is set in full
        styles = document.styles.element
        defaults = styles.find(ooxml.qn("w:docDefaults"))
        rpr = defaults.find(ooxml.qn("w:rPrDefault")).find(ooxml.qn("w:rPr"))
        ooxml.set_word_fonts(rpr, self.fonts.body, self.east_asian)
        ooxml.set_word_language(rpr, "en-US", "ja-JP" if self.has_east_asian else "en-US")
        ppr = defaults.find(ooxml.qn("w:pPrDefault")).find(ooxml.qn("w:pPr"))
        ooxml.set_ppr_child(ppr, "spacing", after="0", line="240", lineRule="auto")
        normal = document.styles["Normal"]
        _, normal_rpr = ooxml.reset_properties(normal.element)
        ooxml.set_word_fonts(normal_rpr, self.fonts.body, self.east_asian)
        normal.paragraph_format.widow_control = True

    def _add_block(self, document: docx.document.Document, block: Block, style_ids: dict[str, str | None],
                   notes: Footnotes, gap: float) -> etree._Element:
        # One explicit gap per paragraph, so every client spaces it the same (see page.paragraph_gaps).
        element = wordml.add_paragraph(document.element.body, style_ids[block.style], gap, 0.0,
                                       self.product.styles[block.style].page_break_before or block.page_break_before)
        runs = block.runs
        if block.kind == "field":
            wordml.add_run(element, runs[0].text, bold=True, color=self.palette.hex("muted"))
            wordml.add_tab_run(element)
            runs = runs[1:]
        self._add_runs(element, runs)
        if block.footnotes:
            paragraph = Paragraph(element, document._body)
            for note in block.footnotes:
                notes.add(paragraph, note)
        return element

    def _add_runs(self, paragraph: etree._Element, runs: list[Run]) -> None:
        """Runs with their emphasis; a tab character becomes a real tab (contents, title block).
        Runs that show a content field sit inside a bookmark naming it (briefwright.anchors)."""
        muted = self.palette.hex("muted")
        for key, group in anchored_runs(runs):
            bookmark = wordml.start_bookmark(paragraph, self._bookmarks.count, self._bookmarks.name(key)) if key else None
            for run in group:
                for index, piece in enumerate(run.text.split("\t")):
                    if index:
                        wordml.add_tab_run(paragraph)
                    if piece:
                        wordml.add_run(paragraph, piece, run.bold, run.italic, muted if run.cite else None)
            if bookmark is not None:
                wordml.end_bookmark(paragraph, bookmark)

    def _add_table(self, document: docx.document.Document, block: Block, style_ids: dict[str, str | None],
                   notes: Footnotes) -> None:
        width = page_geometry(self.product, self.audience).content_width
        table = document.add_table(rows=len(block.rows), cols=len(block.columns))
        table.autofit = False
        heading = next((r.cells[0].text for r in block.rows if r.header), "")
        ooxml.table_properties(table._tbl.tblPr, round(width * 20), self.palette.hex("rule"),
                               self.palette.hex("accent"), round(CELL_PAD_H * 20), round(CELL_PAD_V * 20),
                               caption=block.alt_text.split(":")[0] if ":" in block.alt_text else heading,
                               description=block.alt_text)
        grid = table._tbl.tblGrid
        for column, fraction in zip(grid.findall(ooxml.qn("w:gridCol")), block.columns):
            column.set(ooxml.qn("w:w"), str(round(fraction * width * 20)))
        for row_model, row in zip(block.rows, table.rows):
            if row_model.header:
                ooxml.mark_header_row(row._tr)
            for cell_model, cell, fraction in zip(row_model.cells, row.cells, block.columns):
                cell.width = Pt(fraction * width)
                paragraph = cell.paragraphs[0]
                wordml.set_paragraph_properties(paragraph._p, style_ids["table_header" if row_model.header
                                                                        else "table_cell"], 0.0, 0.0)
                self._add_runs(paragraph._p, cell_model.runs)
                for note in cell_model.footnotes:
                    notes.add(paragraph, note)

    def _set_properties(self, document: docx.document.Document, model: Document) -> None:
        issued = dt.datetime.combine(dt.date.fromisoformat(model.issued), dt.time(0, 0))
        properties = document.core_properties
        properties.title = model.title
        properties.subject = model.subject
        properties.author = model.author
        properties.last_modified_by = model.author
        properties.comments = f"briefwright {model.product_id} for {model.audience_id}"
        properties.keywords = ""
        properties.category = self.product.title
        properties.language = model.language
        properties.revision = 1
        properties.created = properties.modified = issued
        properties.last_printed = issued

    def _open(self) -> docx.document.Document:
        """The reference document (or python-docx's default) with an empty body: it lends styles
        and page furniture, never content (the default's own empty first paragraph included)."""
        reference = self.audience.branding.reference_docx
        clean = sanitised_reference(reference, "docx", self.report) if reference is not None else None
        try:
            document = docx.Document(clean) if clean is not None else docx.Document()
        except Exception as exc:  # python-docx raises many kinds on a damaged package
            raise fail("reference-unreadable", Where(reference, field="branding.reference_docx"),
                       f"the reference document cannot be opened ({type(exc).__name__})",
                       "save it again from Word as .docx, or remove reference_docx from the profile") from None
        body = document.element.body
        for child in list(body):
            if etree.QName(child).localname != "sectPr":
                body.remove(child)
        return document

    def _header_and_footer(self, document: docx.document.Document, model: Document,
                           styles: dict[str, ParagraphStyle]) -> None:
        """Logo at the left of the header; the handling banner centred at the top and the bottom.
        A reference document's letterhead is kept as it is, the banner added below it."""
        if self.product.reference_header:
            letterhead.keep(document, model.banner, styles.get("banner"))
            return
        logo = self.audience.branding.logo
        if model.banner is None and logo is None:
            return
        width = page_geometry(self.product, self.audience).content_width
        section = document.sections[0]
        for part, with_logo in ((section.header, True), (section.footer, False)):
            part.is_linked_to_previous = False
            paragraph = part.paragraphs[0]
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
            if "banner" in styles:
                paragraph.style = styles["banner"]
            fmt = paragraph.paragraph_format
            fmt.alignment = 0
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE  # room for the logo; exact pitch would clip it
            fmt.tab_stops.add_tab_stop(Pt(width / 2), WD_TAB_ALIGNMENT.CENTER)
            if with_logo and logo is not None:
                picture = paragraph.add_run().add_picture(str(logo), height=Inches(self.product.logo_height))
                picture._inline.docPr.set("descr", f"{model.author} logo")
            if model.banner:
                paragraph.add_run().add_tab()
                paragraph.add_run(model.banner)

    def _write_package_parts(self, document: docx.document.Document, model: Document, pages: int) -> None:
        """The font table and extended properties, true to this document (not the template's)."""
        families = list(dict.fromkeys([self.fonts.heading, self.fonts.body, self.east_asian]))
        families += sorted({spec.family for spec in self.product.styles.values() if spec.family} - set(families))
        texts = [block.text for block in model.blocks() if block.kind != "table"]
        texts += [cell.text for block in model.blocks() for row in block.rows for cell in row.cells]
        joined = "\n".join(texts)
        for rel in document.part.rels.values():
            if rel.reltype == RT.FONT_TABLE:
                rel.target_part._blob = ooxml.font_table(families)
        for rel in document.part.package.rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = docprops.word_app_properties(
                    model.title, model.author, pages, len(joined.split()), sum(not c.isspace() for c in joined),
                    len(joined.replace("\n", "")), len(texts))

    def render(self, model: Document, pages: int = 1) -> bytes:
        # An East Asian font is declared only for a document with East Asian text: an English-only
        # topic's file names the body face for that script too, and lists no CJK font at all.
        text = json.dumps(dataclasses.asdict(model), ensure_ascii=False, default=str)
        self.has_east_asian = any(is_east_asian(char) for char in text)
        self.east_asian = self.fonts.east_asian if self.has_east_asian else self.fonts.body
        document = self._open()
        self._bookmarks = BookmarkNamer()
        docx_parts.drop_thumbnail(document)
        docx_parts.drop_styles_with_effects(document)
        self._setup_page(document)
        self._setup_defaults(document)
        if self.product.citations == "footnotes":
            ensure_footnote_styles(document)
        # After the footnote styles: products may name them.
        paragraph_styles = ParagraphStyles(document, self.audience, self.report, self.east_asian)
        styles = {key: paragraph_styles.style(key, spec) for key, spec in self.product.styles.items()}
        style_ids = docx_styles.style_ids(document, styles)
        notes = Footnotes(document)
        blocks = list(model.blocks())
        gaps = paragraph_gaps(blocks, self.product.styles)
        paragraphs: list[tuple[Block, etree._Element]] = []
        for index, (block, gap) in enumerate(zip(blocks, gaps)):
            if block.kind == "table":
                self._add_table(document, block, style_ids, notes)
                continue
            paragraph = self._add_block(document, block, style_ids, notes, gap)
            paragraphs.append((block, paragraph))
            if index + 1 < len(blocks) and blocks[index + 1].kind == "table":
                # A table cannot carry space above it; the paragraph before it holds the gap.
                wordml.set_space_after(paragraph, gaps[index + 1])
        toc.contents_field(paragraphs, self.product)
        notes.finish()
        self._header_and_footer(document, model, styles)
        self._set_properties(document, model)
        self._write_package_parts(document, model, pages)
        buffer = io.BytesIO()
        document.save(buffer)
        return reproducible_zip(buffer.getvalue())


class DocxWriter:
    def render(self, job: RenderJob) -> Rendered:
        renderer = DocxRenderer(job.product, job.audience, job.report)
        return Rendered(renderer.render(job.document, job.count), job.document)

    def check(self, rendered: Rendered, job: RenderJob, where: Where) -> None:
        check_docx(rendered.data, rendered.model, job.product, job.report, where)


WRITER = DocxWriter()
