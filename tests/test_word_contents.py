"""The report's contents is a real Word TOC field, its cached result the page numbers the layout predicts."""

from __future__ import annotations

import zipfile

from lxml import etree

from briefwright.build import Output

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(output: Output) -> etree._Element:
    with zipfile.ZipFile(output.path) as package:
        return etree.fromstring(package.read("word/document.xml")).find(f"{W}body")


class Describe_the_contents_field:
    def it_is_a_toc_field_over_the_headings_after_it(self, outputs: dict[str, Output]) -> None:
        body = _body(outputs["report-analyst.docx"])
        kinds = [element.get(f"{W}fldCharType") for element in body.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
        instruction = "".join(element.text or "" for element in body.iter(f"{W}instrText"))
        assert instruction.split() == ["TOC", "\\o", '"1-1"', "\\h", "\\z", "\\u", "\\b", "_BwContentsScope"]
        names = [element.get(f"{W}name") for element in body.iter(f"{W}bookmarkStart")]
        assert "_BwContentsScope" in names
        starts = {element.get(f"{W}id") for element in body.iter(f"{W}bookmarkStart")}
        assert starts == {element.get(f"{W}id") for element in body.iter(f"{W}bookmarkEnd")}

    def it_caches_each_entry_with_the_page_the_plan_gives_and_links_it_to_its_heading(
            self, outputs: dict[str, Output]) -> None:
        output = outputs["report-analyst.docx"]
        body = _body(output)
        contents = next(s for s in output.plan.document.sections if s.role == "contents")
        planned = [block.text.split("\t") for block in contents.blocks[1:]]
        links = list(body.iter(f"{W}hyperlink"))
        cached = ["".join(t.text or "" for t in link.iter(f"{W}t")) for link in links]
        assert cached == [title + page for title, page in planned]  # the tab between them is a w:tab
        assert output.plan.fit.page_numbers and len(planned) >= 5
        headings = {}
        for paragraph in body.iter(f"{W}p"):
            for mark in paragraph.iter(f"{W}bookmarkStart"):
                headings[mark.get(f"{W}name")] = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        for link, (title, _) in zip(links, planned):
            assert headings[link.get(f"{W}anchor")] == title

    def it_leaves_products_without_contents_alone(self, outputs: dict[str, Output]) -> None:
        for name in ("memo-analyst.docx", "brief-analyst.docx"):
            assert not list(_body(outputs[name]).iter(f"{W}fldChar"))
