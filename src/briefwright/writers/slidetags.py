"""Anchors on slides: a PowerPoint tag (p:custDataLst → a tags part) naming the content field
each paragraph shows.

PowerPoint keeps a slide's tags through editing and saving (add-ins store their state this way),
and they are invisible to the audience. The tag BRIEFWRIGHT_ANCHORS holds one line per anchored
paragraph: "<shape name> ¶<paragraph number>=<owner>:<field>" (briefwright.anchors); shape names
are the deck model's own, so a reviewer's slide can be read back shape by shape.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from briefwright.anchors import anchored_runs
from briefwright.writers import ooxml
from briefwright.writers.deck import GroupShape, SlideModel, TextShape

TAG_NAME = "BRIEFWRIGHT_ANCHORS"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def slide_anchor_lines(model: SlideModel) -> list[str]:
    """One line per anchored paragraph, in the order the shapes are drawn."""
    lines: list[str] = []

    def visit(shapes: list) -> None:
        for shape in shapes:
            if isinstance(shape, GroupShape):
                visit(shape.shapes)
            elif isinstance(shape, TextShape):
                for number, block in enumerate(shape.blocks, start=1):
                    keys = [key for key, _ in anchored_runs(block.runs) if key]
                    lines.extend(f"{shape.name} ¶{number}={key}" for key in keys)

    visit(model.shapes)
    return lines


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def tag_slide(slide, model: SlideModel, number: int) -> None:
    """Attach the slide's anchor tag (none when the slide shows no content field)."""
    lines = slide_anchor_lines(model)
    if not lines:
        return
    value = _escape("\n".join(lines)).replace("\n", "&#10;")
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<p:tagLst xmlns:p="{_P}"><p:tag name="{TAG_NAME}" val="{value}"/></p:tagLst>').encode()
    part = Part(PackURI(f"/ppt/tags/tag{number}.xml"), CT.PML_TAGS, slide.part.package, blob)
    rel_id = slide.part.relate_to(part, RT.TAGS)
    common = slide._element.find(ooxml.p_tag("cSld"))
    data = common.find(ooxml.p_tag("custDataLst"))
    if data is None:
        data = common.makeelement(ooxml.p_tag("custDataLst"), {})
        tree = common.find(ooxml.p_tag("spTree"))
        tree.addnext(data)  # custDataLst follows the shape tree (and any controls) in CT_CommonSlideData
    tags = data.makeelement(ooxml.p_tag("tags"), {f"{{{_R}}}id": rel_id})
    data.append(tags)


def read_slide_tags(slide) -> list[tuple[str, int, str]]:
    """(shape name, paragraph number, anchor key) for every anchored paragraph of a saved slide."""
    found: list[tuple[str, int, str]] = []
    for rel in slide.part.rels.values():
        if rel.reltype != RT.TAGS:
            continue
        root = etree.fromstring(rel.target_part.blob)
        for tag in root.iter(f"{{{_P}}}tag"):
            if tag.get("name", "").upper() != TAG_NAME:
                continue  # PowerPoint upper-cases tag names
            for line in tag.get("val", "").splitlines():
                place, _, key = line.rpartition("=")
                shape, _, paragraph = place.rpartition(" ¶")
                if shape and paragraph.isdigit():
                    found.append((shape, int(paragraph), key))
    return found
