"""The HTML brief on screen: a jump to the evidence lands below the sticky banner, and the evidence
dialog has one scroll area whose close button stays in view on a 390 px phone screen (Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.build import build
from briefwright.project import load_project
from tests.conftest import copy_project
from tests.test_html import browser  # noqa: F401  (the shared Chromium driver fixture)

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML brief for an audience whose profile sets a handling banner (defence)."""
    project_dir = copy_project(tmp_path_factory.mktemp("html-layout") / "project")
    build(load_project(project_dir), products=["brief-html"], audiences=["defence"], out_dir=project_dir / "build")
    return project_dir / "build/brief-html-defence.html"


@pytest.mark.browser
class Describe_the_HTML_brief_on_a_small_screen:
    def it_lands_a_no_script_jump_below_the_sticky_banner(self, page: Path, browser) -> None:  # noqa: F811
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        try:
            browser.get(page.as_uri())
            targets = browser.execute_script(
                "return Array.from(document.querySelectorAll('.evidence-link')).map(a => a.hash.slice(1));")
            assert len(targets) > 5
            for target in targets[:: max(len(targets) // 6, 1)]:
                browser.get(f"{page.as_uri()}#{target}")  # what following the link does without a script
                top, banner_bottom, scrolled = browser.execute_script(
                    "const t = document.getElementById(arguments[0]).getBoundingClientRect();"
                    "const b = document.querySelector('.banner.top').getBoundingClientRect();"
                    "return [t.top, b.bottom, window.scrollY];", target)
                assert scrolled > 0, target  # the jump moved the page …
                assert top >= banner_bottom, (target, top, banner_bottom)  # … and the quote is not under the banner
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def it_gives_the_evidence_dialog_one_scroll_area_and_keeps_close_in_view(self, page: Path,
                                                                             browser) -> None:  # noqa: F811
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        try:
            browser.get(page.as_uri())
            dialog = browser.find_element(By.ID, "evidence")
            claims = browser.find_elements(By.CSS_SELECTOR, ".claim")
            # The claim whose evidence is longest: its panel must scroll on a phone.
            longest = max(range(len(claims)), key=lambda index: len(claims[index].get_attribute("data-quotes")))
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", claims[longest])
            claims[longest].click()
            WebDriverWait(browser, 5).until(expected_conditions.visibility_of(dialog))
            measure = ("const d = document.getElementById('evidence');"
                       "const scrollers = [d, ...d.querySelectorAll('*')].filter(e => {"
                       "  const s = getComputedStyle(e).overflowY;"
                       "  return (s === 'auto' || s === 'scroll') && e.scrollHeight > e.clientHeight + 1; });"
                       "const c = d.querySelector('button.close').getBoundingClientRect();"
                       "return {scrollers: scrollers.map(e => e.className || e.tagName),"
                       "  dialogScrolls: d.scrollHeight > d.clientHeight + 1,"
                       "  close: [c.left, c.top, c.right, c.bottom], width: window.innerWidth,"
                       "  height: window.innerHeight};")
            before = browser.execute_script(measure)
            assert before["width"] == 390
            assert before["scrollers"] == ["panel"], before  # one scroll area, and it is the panel
            assert not before["dialogScrolls"]
            left, top, right, bottom = before["close"]
            assert left >= 0 and right <= before["width"] and top >= 0 and bottom <= before["height"], before
            browser.execute_script("const p = document.querySelector('#evidence .panel'); p.scrollTop = p.scrollHeight;")
            after = browser.execute_script(measure)
            assert after["close"] == before["close"]  # scrolling the evidence leaves the close button where it was
            dialog.find_element(By.CSS_SELECTOR, "button.close").click()
            WebDriverWait(browser, 5).until(expected_conditions.invisibility_of_element(dialog))
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
