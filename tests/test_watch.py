"""watch and serve: a save shows up on the loopback page; errors show there; nothing else is served."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from briefwright.live.server import render_page
from briefwright.live.state import LiveState, Snapshot
from briefwright.live.watch import start_watch
from briefwright.project import load_project

TINY = Path(__file__).parent / "roots" / "tiny"
REPO = Path(__file__).resolve().parent.parent


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for(url: str, version: int, deadline: float) -> dict:
    while time.monotonic() < deadline:
        state = json.loads(_get(f"{url}version?since={version}")[1])
        if state["version"] != version:
            return state
    raise AssertionError("the page did not change in time")


@pytest.fixture()
def session(tmp_path: Path):
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    live = start_watch(load_project(root, explicit=True), ["brief-html"], None, None, port=0, pages=False)
    deadline = time.monotonic() + 60
    while live.state.snapshot.version == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    yield root, live
    live.stop()


def test_a_saved_change_reaches_the_page_and_an_error_is_shown_on_it(session) -> None:
    root, live = session
    assert live.url.startswith("http://127.0.0.1:")
    status, page = _get(live.url)
    assert status == 200 and "/file/brief-html-reader.html" in page
    first = _get(f"{live.url}file/brief-html-reader.html")[1]
    assert "Buses run late on most mornings" in first
    findings = root / "content/findings.yaml"
    version = live.state.snapshot.version
    findings.write_text(findings.read_text(encoding="utf-8").replace(
        "headline: Buses run late on most mornings", "headline: Buses run late on nearly every morning"),
        encoding="utf-8")
    _wait_for(live.url, version, time.monotonic() + 30)
    assert "Buses run late on nearly every morning" in _get(f"{live.url}file/brief-html-reader.html")[1]

    version = live.state.snapshot.version
    findings.write_text(findings.read_text(encoding="utf-8") + "  - id: [broken\n", encoding="utf-8")
    state = _wait_for(live.url, version, time.monotonic() + 30)
    assert state["errors"] >= 1
    page = _get(live.url)[1]
    assert 'id="errors"' in page and "findings.yaml" in page and "the page shows the last good build" in page
    assert "nearly every morning" in _get(f"{live.url}file/brief-html-reader.html")[1]  # the last good one


def test_only_the_snapshot_files_are_served_and_only_on_loopback(session) -> None:
    _, live = session
    assert _get(f"{live.url}file/../../briefwright.yaml")[0] == 404
    assert _get(f"{live.url}file/manifest.json")[0] == 404
    port = live.url.rsplit(":", 1)[1].strip("/")
    assert _get(live.url, {"Host": f"attacker.example:{port}"})[0] == 403


def test_the_page_lists_errors_and_what_is_being_made() -> None:
    page = render_page(Snapshot(version=7, html={"a.html": Path("a.html")}, errors=["error: content/x.yaml:3: <bad>"],
                                pending=["memo-reader.docx"]), None)
    assert 'data-version="7"' in page and "&lt;bad&gt;" in page and "making memo-reader.docx" in page


def test_long_polling_answers_when_the_version_moves() -> None:
    state = LiveState()
    started = time.monotonic()
    assert state.wait_for_change(0, timeout=0.2).version == 0 and time.monotonic() - started >= 0.19
    state.update(errors=[])
    assert state.wait_for_change(0, timeout=5).version == 1


def test_serve_starts_on_loopback_and_stops_itself(tmp_path: Path) -> None:
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    (root / "build").mkdir(exist_ok=True)
    (root / "build/page.html").write_text("<p>hello</p>", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "briefwright", "serve", "--project", str(root), "--no-pages",
                             "--for", "1"], capture_output=True, text=True, timeout=60, check=False,
                            env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "open http://127.0.0.1:" in result.stdout and result.stdout.rstrip().endswith("stopped")


@pytest.mark.office
def test_word_pages_are_rendered_in_the_background_and_served(tmp_path: Path) -> None:
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    live = start_watch(load_project(root, explicit=True), ["memo"], None, None, port=0, pages=True)
    try:
        deadline = time.monotonic() + 180
        while not live.state.snapshot.pages and time.monotonic() < deadline:
            time.sleep(0.2)
        pages = live.state.snapshot.pages
        assert list(pages) == ["memo-reader.docx"] and len(pages["memo-reader.docx"]) == 1
        request = urllib.request.Request(f"{live.url}page/memo-reader.docx/0.png")
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.read(8) == b"\x89PNG\r\n\x1a\n"
        assert "/page/memo-reader.docx/0.png" in _get(f"{live.url}?show=memo-reader.docx")[1]
    finally:
        live.stop()
