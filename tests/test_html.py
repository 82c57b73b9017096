"""The HTML brief: a third writer through the registry, read back from disk and used in Chromium."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pytest

from briefwright.build import build
from briefwright.diagnostics import Report, Where
from briefwright.project import load_project
from briefwright.writers.html_check import check_html
from briefwright.writers.registry import WRITERS
from tests.conftest import copy_project

TINY = Path(__file__).resolve().parent / "roots" / "tiny"  # the small project root
BUDGET_PAGES = 2  # templates/products/brief-html.yaml
LETTER, A4 = (612, 792), (595, 842)
# Each audience's paper and handling banner (templates/audiences/*.yaml).
AUDIENCES = {"analyst": (LETTER, None), "defence": (A4, "UNCLASSIFIED // FOR DISCUSSION"),
             "legislator": (A4, "FOR DISCUSSION — NOT FOR CITATION"), "public": (LETTER, None),
             "us-policy": (LETTER, "UNCLASSIFIED")}


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """brief-html for every audience (Letter and A4, with and without a banner), written to disk."""
    project_dir = copy_project(tmp_path_factory.mktemp("html") / "project")
    out = project_dir / "build"
    build(load_project(project_dir), products=["brief-html"], audiences=list(AUDIENCES), out_dir=out)
    return {name: out / f"brief-html-{name}.html" for name in AUDIENCES}


def _evidence(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".evidence.json").read_text(encoding="utf-8"))


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def _elements(page: Path) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


class Describe_the_writer_registry:
    def it_declares_each_format_with_its_suffix_and_kind(self) -> None:
        assert {(s.format, s.suffix, s.kind) for s in WRITERS.values()} >= {
            ("docx", ".docx", "flow"), ("pptx", ".pptx", "slides"), ("html", ".html", "flow")}


class Describe_the_HTML_brief_on_disk:
    def it_is_one_self_contained_page_in_the_audiences_language(self, pages: dict[str, Path]) -> None:
        for page in pages.values():
            tags = _elements(page)
            assert next(attrs for tag, attrs in tags if tag == "html")["lang"] == "en-US"
            fetched = [attrs.get("src") or attrs.get("href") for tag, attrs in tags
                       if tag in ("img", "script", "link", "iframe") and (attrs.get("src") or attrs.get("href"))]
            assert fetched and all(value.startswith("data:") for value in fetched)  # the logo, inline
            assert all(attrs.get("alt") for tag, attrs in tags if tag == "img")

    def it_shows_every_claim_of_the_evidence_map_with_its_quotes_marked_in_the_sources(self,
                                                                                        pages: dict[str, Path]) -> None:
        page = pages["analyst"]
        evidence = _evidence(page)
        tags = _elements(page)
        claims = [attrs for tag, attrs in tags if "claim" in attrs.get("class", "").split()]
        marked = {q for tag, attrs in tags if tag == "mark" for q in attrs["data-quotes"].split()}
        ids = [attrs["id"] for tag, attrs in tags if "id" in attrs]
        assert len(claims) == sum(1 for entry in evidence["entries"] if entry["quotes"]) >= 15
        assert all(set(claim["data-quotes"].split()) <= marked for claim in claims)
        assert len(ids) == len(set(ids))
        links = [attrs["href"][1:] for tag, attrs in tags if tag == "a" and attrs.get("href", "").startswith("#")]
        assert set(links) <= set(ids)

    def it_carries_the_notes_the_Word_brief_carries(self, pages: dict[str, Path]) -> None:
        evidence = _evidence(pages["analyst"])
        notes = [note for entry in evidence["entries"] for note in entry["footnotes"]]
        text = pages["analyst"].read_text(encoding="utf-8")
        listed = re.findall(r'<li id="note-(\d+)" class="s-footnote">', text)
        assert notes and len(listed) == len(notes)
        assert all(f'href="#note-{n}"' in text and f'href="#noteref-{n}"' in text for n in listed)

    def it_checks_a_missing_block_and_a_dangling_link(self, pages: dict[str, Path]) -> None:
        from briefwright.build import collect, plan_product
        from briefwright.project import load_project as load
        from briefwright.writers.html import _escape as html_escape

        workspace = collect(load(pages["analyst"].parent.parent))
        _, _, plan = plan_product(workspace, "brief-html", "analyst")
        good = pages["analyst"].read_bytes()
        report = Report()
        check_html(good, plan.document, Where(), report)
        assert not report.items
        first_claim = next(block for block in plan.document.blocks() if block.kind == "bullet")
        longest = max(first_claim.runs, key=lambda run: len(run.text))  # the claim's own words, not a quote
        cut = good.replace(html_escape(longest.text).encode("utf-8")[:40], b"", 1)
        dangling = good.replace(b'href="#note-1"', b'href="#note-999"', 1)
        for broken, code in ((cut, "output-mismatch"), (dangling, "output-links")):
            report = Report()
            check_html(broken, plan.document, Where(), report)
            assert code in {item.code for item in report.items}

    def it_keeps_hostile_profile_text_inside_its_strings(self, tmp_path: Path) -> None:
        # The small root: a profile's text reaches any project's page the same way.
        project_dir = Path(shutil.copytree(TINY, tmp_path / "project"))
        profile = project_dir / "templates/audiences/reader.yaml"
        hostile = '"</style><script>alert(1)</script>\\" } body { display: none"'
        profile.write_text(profile.read_text(encoding="utf-8") + f"banner: {hostile}\n", encoding="utf-8")
        build(load_project(project_dir), products=["brief-html"], audiences=["reader"], out_dir=project_dir / "b")
        page = project_dir / "b/brief-html-reader.html"
        tags = [tag for tag, _ in _elements(page)]
        assert tags.count("script") == 1 and tags.count("style") == 1
        css = page.read_text(encoding="utf-8").split("<style>")[1].split("</style>")[0]
        assert "<" not in css
        # The banner stays one CSS string: its quote and braces are escaped, so no rule escapes it.
        assert css.count('content: "\\3C /style\\3E \\3C script\\3E alert(1)\\3C /script\\3E \\22  \\7D  body \\7B  '
                         'display: none";') == 2

    def it_checks_only_the_briefs_own_words(self) -> None:
        from briefwright.writers.html_check import _Reader

        reader = _Reader()
        reader.feed('<html lang="en"><body><main><p>A<sup><a href="#n1">1</a></sup> '
                    '<a class="evidence-link" href="#q1">evidence</a></p><table><colgroup><col><col></colgroup>'
                    '<tr><td>B<img src="data:," alt="x"></td></tr></table></main><p>C</p></body></html>')
        reader.close()
        assert "".join(reader.main_text) == "A B"  # no note number, no link text, nothing after </main>

    def it_is_byte_identical_when_built_again(self, pages: dict[str, Path], built: dict[str, Path]) -> None:
        # Built again: the session's build of every default product, from its own copy into its own folder.
        assert built[pages["analyst"].name].read_bytes() == pages["analyst"].read_bytes()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400",
                     "--allow-file-access-from-files"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.browser
class Describe_the_HTML_brief_in_Chromium:
    def it_shows_a_claims_quotes_highlighted_in_the_source_text_when_the_claim_is_clicked(
            self, pages: dict[str, Path], browser, tmp_path: Path) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        page = pages["analyst"]
        evidence = _evidence(page)
        browser.get(page.as_uri())
        entry = next(e for e in evidence["entries"] if len({q["source"] for q in e["quotes"]}) >= 2)
        claim = next(element for element in browser.find_elements(By.CSS_SELECTOR, ".claim")
                     if _squash(entry["text"][:50]) in _squash(element.text))
        dialog = browser.find_element(By.ID, "evidence")
        assert not dialog.is_displayed()
        claim.click()
        WebDriverWait(browser, 5).until(expected_conditions.visibility_of(dialog))
        # The highlighted stretches, read off the screen, are the verified quotes, source by source.
        hits = browser.execute_script(
            "return Array.from(document.querySelectorAll('#evidence mark.hit')).map(m => m.textContent);")
        shown = _squash(" ".join(hits))
        for quote in entry["quotes"]:
            assert _squash(quote["quote"]) in shown or all(word in shown for word in quote["quote"].split()[:6])
        headings = [h.text for h in dialog.find_elements(By.CSS_SELECTOR, ".panel h3")]
        titles = {evidence["sources"][q["source"]]["title"] for q in entry["quotes"]}
        assert titles == set(headings)
        first_hit = dialog.find_element(By.CSS_SELECTOR, "mark.hit")
        assert first_hit.is_displayed() and browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
            first_hit)
        screenshot = tmp_path / "evidence.png"
        browser.save_screenshot(str(screenshot))
        assert screenshot.stat().st_size > 10_000
        dialog.find_element(By.CSS_SELECTOR, "button.close").click()
        WebDriverWait(browser, 5).until(expected_conditions.invisibility_of_element(dialog))
        assert "evidence-link" in browser.switch_to.active_element.get_attribute("class")

    def it_shows_every_side_of_a_disputed_claim(self, pages: dict[str, Path], browser) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        page = pages["analyst"]
        entry = next(e for e in _evidence(page)["entries"] if e["conflicts"])
        browser.get(page.as_uri())
        claim = next(element for element in browser.find_elements(By.CSS_SELECTOR, ".claim[data-conflicts]")
                     if element.get_attribute("data-point") == entry["point"])
        claim.click()
        dialog = browser.find_element(By.ID, "evidence")
        WebDriverWait(browser, 5).until(expected_conditions.visibility_of(dialog))
        note = dialog.find_element(By.CSS_SELECTOR, ".differ")
        hits = _squash(" ".join(browser.execute_script(
            "return Array.from(document.querySelectorAll('#evidence mark.hit')).map(m => m.textContent);")))
        for conflict in entry["conflicts"]:
            assert f"Sources differ on {conflict['about']}" in _squash(note.text)
            for position in conflict["positions"]:
                assert _squash(position["says"]) in _squash(note.text)
                assert all(word in hits for word in position["quote"].split())  # each side's own words, lit

    def it_wears_the_audiences_branding(self, pages: dict[str, Path], browser) -> None:
        from selenium.webdriver.common.by import By

        from briefwright.audience import load_audience
        from briefwright.build import template_layers

        project = load_project(pages["defence"].parent.parent)
        palette = load_audience(template_layers(project), "defence").branding.palette.model_dump()

        def rgb(hex_colour: str) -> str:
            return "rgba({}, {}, {}, 1)".format(*(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)))

        browser.get(pages["defence"].as_uri())
        heading = browser.find_element(By.CSS_SELECTOR, "h2.s-heading")
        assert heading.value_of_css_property("color") == rgb(palette["accent"])
        assert heading.value_of_css_property("text-transform") == "uppercase"
        bluf = browser.find_element(By.CSS_SELECTOR, ".s-bluf")
        assert bluf.value_of_css_property("border-left-color") == rgb(palette["accent"])
        assert bluf.value_of_css_property("background-color") == rgb(palette["fill"])
        assert heading.value_of_css_property("font-family").startswith('Arial, "Liberation Sans"')
        logo = browser.find_element(By.CSS_SELECTOR, "img.logo")
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0;", logo)
        # A bullet hangs inside the column, left of its text, not outside the page's edge.
        item = browser.find_element(By.CSS_SELECTOR, "li.s-bullet")
        marker = item.find_element(By.CSS_SELECTOR, "span[aria-hidden]")
        column = browser.find_element(By.ID, "main").rect["x"]
        assert column <= marker.rect["x"] < item.rect["x"] + 20

    def it_opens_the_evidence_from_the_keyboard(self, pages: dict[str, Path], browser) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        browser.get(pages["analyst"].as_uri())
        link = browser.find_element(By.CSS_SELECTOR, ".evidence-link")
        link.send_keys(Keys.ENTER)
        dialog = browser.find_element(By.ID, "evidence")
        WebDriverWait(browser, 5).until(expected_conditions.visibility_of(dialog))
        assert dialog.find_elements(By.CSS_SELECTOR, "mark.hit")
        browser.switch_to.active_element.send_keys(Keys.ESCAPE)
        WebDriverWait(browser, 5).until(expected_conditions.invisibility_of_element(dialog))

    def it_prints_within_the_budget_on_the_audiences_paper_with_its_banner(self, pages: dict[str, Path],
                                                                            browser) -> None:
        import base64

        for audience, (size, banner) in AUDIENCES.items():
            browser.get(pages[audience].as_uri())
            pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True,
                                                                               "printBackground": True})["data"])
            with pdfplumber.open(io.BytesIO(pdf)) as document:
                assert 1 <= len(document.pages) <= BUDGET_PAGES, audience
                for number, printed in enumerate(document.pages, start=1):
                    assert (round(printed.width), round(printed.height)) == size
                    text = printed.extract_text() or ""
                    if banner:
                        assert text.count(banner) >= 2, (audience, number)  # top and bottom of every page
                    assert "Source texts" not in text  # the evidence appendix is for the screen
                everything = " ".join(p.extract_text() or "" for p in document.pages)
            assert _squash("Bottom line up front") in _squash(everything)
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            from selenium.webdriver.common.by import By

            assert not any(link.is_displayed() for link in browser.find_elements(By.CSS_SELECTOR, ".evidence-link"))
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.browser
class Describe_the_browser_client:
    def it_gives_up_on_a_browser_that_does_not_answer_and_leaves_none_running(self) -> None:
        import time

        from briefwright.browser import Browser
        from briefwright.diagnostics import BriefwrightError

        client = Browser(timeout=0.001)
        with pytest.raises(BriefwrightError) as raised, client:
            pass
        assert raised.value.report.items[0].code == "browser-timeout"
        profile = str(client.box.folder("profile"))
        time.sleep(0.5)  # the browser's helpers leave once it is gone

        def running() -> list[str]:
            found = []
            for entry in Path("/proc").iterdir():
                try:
                    command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                except OSError:
                    continue
                if f"--user-data-dir={profile}" in command:
                    found.append(command)
            return found

        assert running() == [] and not client.box.root.exists()


@pytest.mark.browser
class Describe_any_page_product_as_HTML:
    def it_prints_on_the_pages_the_planner_measured(self, project_dir: Path, tmp_path: Path) -> None:
        # The memo (compact sources, no notes) and the report (contents with dot leaders, a new page
        # per module, notes) as web pages: only `format:` changes in the product file.
        from briefwright.printing import to_pdf

        folder = project_dir / "templates/products"
        folder.mkdir(parents=True, exist_ok=True)
        builtin = Path(__file__).resolve().parent.parent / "src/briefwright/templates/products"
        for name in ("memo", "report"):
            text = (builtin / f"{name}.yaml").read_text(encoding="utf-8").replace("format: docx", "format: html")
            (folder / f"{name}-web.yaml").write_text(text, encoding="utf-8")
        result = build(load_project(project_dir), products=["memo-web", "report-web"], audiences=["analyst"],
                       out_dir=tmp_path / "out")
        planned = {output.path.name: output.plan.count for output in result.outputs}
        assert planned == {"memo-web-analyst.html": 1, "report-web-analyst.html": 6}
        pdfs = to_pdf(sorted((tmp_path / "out").glob("*.html")), tmp_path / "pdf")
        for pdf in pdfs:
            with pdfplumber.open(pdf) as document:
                assert len(document.pages) == planned[pdf.stem + ".html"], pdf.name
        with pdfplumber.open(tmp_path / "pdf/report-web-analyst.pdf") as document:
            # Each module starts its own page, as in the Word report.
            firsts = [(page.extract_text() or "").splitlines()[0] for page in document.pages[1:]]
        assert firsts[-1] == "Recommendations" and "Threat picture" in firsts


class Describe_the_source_texts_beside_the_brief:
    def it_shows_only_the_quoted_paragraphs_unless_the_product_asks_for_whole_texts(self, project_dir: Path,
                                                                                    tmp_path: Path,
                                                                                    built: dict[str, Path]) -> None:
        def articles(page: Path) -> dict[str, list[str]]:
            text = page.read_text(encoding="utf-8")
            found = re.findall(r'<article id="source-([a-z0-9-]+)".*?<div class="source-text">\n(.*?)\n</div>', text,
                               flags=re.S)
            return {source: paragraph.split("</p>\n") for source, paragraph in found}

        passages = articles(built["brief-html-analyst.html"])  # the session's build of the unchanged example
        assert passages
        for paragraphs in passages.values():
            kept = [p for p in paragraphs if 'class="omitted"' not in p]
            assert kept and all("<mark" in p for p in kept)  # every paragraph shown holds a quote
        page = built["brief-html-analyst.html"].read_text(encoding="utf-8")
        assert "Elon Musk, the CEO of Tesla and SpaceX" not in page  # a stretch excluded from the work

        folder = project_dir / "templates/products"
        folder.mkdir(parents=True, exist_ok=True)
        builtin = Path(__file__).resolve().parent.parent / "src/briefwright/templates/products/brief-html.yaml"
        (folder / "brief-html.yaml").write_text(builtin.read_text(encoding="utf-8") + "source_text: whole\n",
                                                encoding="utf-8")
        whole_out = tmp_path / "whole"
        build(load_project(project_dir), products=["brief-html"], audiences=["analyst"], out_dir=whole_out)
        whole = articles(whole_out / "brief-html-analyst.html")
        assert "Elon Musk, the CEO of Tesla and SpaceX" not in (whole_out / "brief-html-analyst.html").read_text("utf-8")
        assert set(whole) == set(passages)
        more = 0
        for source, paragraphs in whole.items():
            assert not any('class="omitted"' in p for p in paragraphs)
            shown = len([p for p in passages[source] if 'class="omitted"' not in p])
            assert len(paragraphs) >= shown
            more += len(paragraphs) > shown
        assert more >= 2  # sources with unquoted paragraphs show them only when asked
