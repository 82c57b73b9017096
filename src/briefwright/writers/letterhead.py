"""A reference document's own header and footer (a letterhead), kept as the organisation made them.

briefwright adds only the handling banner, as one more centred paragraph at the end of the
header and of the footer; the planner has counted that line in the header's height
(reference/docx_look.py), and the body starts below it.
"""

from __future__ import annotations

import docx.document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.styles.style import ParagraphStyle


def keep(document: docx.document.Document, banner: str | None, banner_style: ParagraphStyle | None) -> None:
    """Leave the letterhead as it is; add the banner under the header's and the footer's content."""
    if not banner:
        return
    section = document.sections[0]
    parts = [section.header, section.footer]
    if section.different_first_page_header_footer:  # a first-page letterhead carries it too
        parts += [section.first_page_header, section.first_page_footer]
    for part in parts:
        part.is_linked_to_previous = False
        paragraph = part.add_paragraph(banner, banner_style)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
