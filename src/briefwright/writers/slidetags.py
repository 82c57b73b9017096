"""Anchors on slides: which content field each paragraph of a slide shows, carried twice.

- A PowerPoint tag (p:custDataLst → a tags part). PowerPoint keeps a slide's tags through editing
  and saving (add-ins store their state this way), and they are invisible to the audience. The tag
  BRIEFWRIGHT_ANCHORS holds one line per anchored paragraph: "<shape name> ¶<paragraph>=<owner>:<field>"
  (briefwright.anchors), the shape name being the deck model's own.
- The shape's name, which LibreOffice keeps when it saves a deck (it drops the tags part): a shape
  with anchored paragraphs is named "<model name> [¶1 owner:field; ¶2 owner:field]". Names show only
  in the selection pane, never on the slide or to a screen reader (that is the alt text).

read_slide_anchors reads both, so a deck saved by either program maps back to its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from briefwright.anchors import anchored_runs
from briefwright.writers import ooxml
from briefwright.writers.deck import GroupShape, SlideModel, TextShape

TAG_NAME = "BRIEFWRIGHT_ANCHORS"
# "<name> [¶1 owner:field; ¶2 owner:field]": keys are point, module or topic ids and field names,
# which hold no brackets or semicolons.
_NAMED = re.compile(r"^(?P<name>.*?) \[(?P<anchors>¶\d+ [^\[\];]+(?:; ¶\d+ [^\[\];]+)*)\]$")
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def shape_anchors(shape: TextShape) -> list[tuple[int, str]]:
    """(paragraph number, anchor key) for each field the shape's paragraphs show."""
    return [(number, key) for number, block in enumerate(shape.blocks, start=1)
            for key, _ in anchored_runs(block.runs) if key]


def anchored_name(shape: TextShape) -> str:
    """The shape's name in the file: the model's name, and its anchors when it has any."""
    pairs = shape_anchors(shape)
    if not pairs:
        return shape.name
    return f"{shape.name} [" + "; ".join(f"¶{number} {key}" for number, key in pairs) + "]"


def model_name(name: str) -> str:
    """The deck model's name of a shape ("Body"), whether or not its file name carries anchors."""
    match = _NAMED.match(name)
    return match.group("name") if match else name


def slide_anchor_lines(model: SlideModel) -> list[str]:
    """One line per anchored paragraph, in the order the shapes are drawn."""
    lines: list[str] = []

    def visit(shapes: list) -> None:
        for shape in shapes:
            if isinstance(shape, GroupShape):
                visit(shape.shapes)
            elif isinstance(shape, TextShape):
                lines.extend(f"{shape.name} ¶{number}={key}" for number, key in shape_anchors(shape))

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


def read_slide_anchors(slide) -> list[tuple[str, int, str]]:
    """(shape name, paragraph number, anchor key) for every anchored paragraph of a saved slide, from
    its tag (PowerPoint keeps it) and from its shape names (LibreOffice keeps those), once each."""
    return list(dict.fromkeys([*read_slide_tags(slide), *read_shape_names(slide)]))


def _named_shapes(shapes) -> Iterator[str]:
    for shape in shapes:
        yield shape.name
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _named_shapes(shape.shapes)


def read_shape_names(slide) -> list[tuple[str, int, str]]:
    """(shape name, paragraph number, anchor key) from the names of a saved slide's shapes."""
    found: list[tuple[str, int, str]] = []
    for name in _named_shapes(slide.shapes):
        match = _NAMED.match(name)
        if match is None:
            continue
        for item in match.group("anchors").split("; "):
            paragraph, _, key = item.partition(" ")
            found.append((match.group("name"), int(paragraph[1:]), key))
    return found


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
