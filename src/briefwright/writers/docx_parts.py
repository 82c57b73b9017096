"""Package parts a Word template brings that briefwright's documents must not carry."""

from __future__ import annotations

import docx.document
from docx.opc.constants import RELATIONSHIP_TYPE as RT


def drop_styles_with_effects(document: docx.document.Document) -> None:
    """The template's stylesWithEffects.xml is a Word 2010 copy of styles.xml that briefwright never
    updates; Word prefers it when present, so a stale copy would undo the product's styles."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]


def drop_thumbnail(document: docx.document.Document) -> None:
    """The default template ships a picture of a blank page; a stale preview misleads file browsers."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
