"""Chromium, the client for HTML outputs: print them to PDF and take screenshots, one browser for all.

One headless Chromium is started and driven over the DevTools protocol on a pair of pipes
(`--remote-debugging-pipe`: no port, nothing another program could connect to), so each further
file costs a page load, not a browser start. Only the standard library is used.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from briefwright import box
from briefwright.diagnostics import BriefwrightError, Where, fail
from briefwright.safety import MAX_CONVERT_BYTES

INSTALL_HINT = "install Chromium: apt-get install chromium"
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str:
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise fail("browser-missing", Where(), "Chromium is not installed (needed for HTML outputs)", INSTALL_HINT)


def _high(*descriptors: int) -> tuple[int, ...]:
    """The same pipe ends at 10 and above, clear of the 3 and 4 the child's ends are moved to."""
    moved = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in descriptors)
    for fd in descriptors:
        os.close(fd)
    return moved


class Browser:
    """A headless Chromium for the length of a `with` block."""

    def __init__(self, timeout: float = 60) -> None:
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""

    def __enter__(self) -> Browser:
        executable = chromium_path()
        self._box_scope = box.boxed("briefwright-chromium-")
        self.box = self._box_scope.__enter__()  # HOME, caches, profile: removed again in __exit__
        try:
            self._start(executable)
        except BaseException:
            self._box_scope.__exit__(None, None, None)
            raise
        try:
            target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self._call("Page.enable", session=True)
        except BaseException:
            self.__exit__(None, None, None)  # a browser that never answered is not left running
            raise
        return self

    def _start(self, executable: str) -> None:
        to_browser_read, self._to_browser = _high(*os.pipe())
        self._from_browser, from_browser_write = _high(*os.pipe())

        arguments = [executable, "--headless=new", "--remote-debugging-pipe", "--disable-gpu",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                     "--hide-scrollbars", f"--user-data-dir={self.box.folder('profile')}", "about:blank"]
        if os.geteuid() == 0:  # Chromium will not start its sandbox as root (containers, CI)
            arguments.insert(1, "--no-sandbox")
        # The protocol reads commands on descriptor 3 and writes on 4: posix_spawn puts our pipe
        # ends there (the originals are close-on-exec), with no Python code run in the child.
        actions = [(os.POSIX_SPAWN_DUP2, to_browser_read, 3), (os.POSIX_SPAWN_DUP2, from_browser_write, 4),
                   (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
        # Its own session: on the way out the whole group (renderers, zygote) is killed with it.
        self._pid = os.posix_spawn(arguments[0], arguments, self.box.environment, file_actions=actions,
                                   setsid=True)
        os.close(to_browser_read)
        os.close(from_browser_write)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            self._send("Browser.close", {})
            closed = self._exited_within(10)
        except OSError:
            closed = False
        try:
            if not closed:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
        finally:
            box.end_group(self._pid)
            os.close(self._to_browser)
            os.close(self._from_browser)
            self._box_scope.__exit__(None, None, None)

    def _exited_within(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if os.waitpid(self._pid, os.WNOHANG)[0]:
                return True
            time.sleep(0.02)
        return False

    # -- protocol ------------------------------------------------------------------

    def _send(self, method: str, params: dict[str, Any], session: bool = False) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        return self._next_id

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            waiting = deadline - time.monotonic()
            if waiting <= 0 or not select.select([self._from_browser], [], [], waiting)[0]:
                raise fail("browser-timeout", Where(), f"Chromium did not answer within {self.timeout:g} s",
                           "run chromium --headless --version to see whether it starts on this machine")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise fail("browser-failed", Where(), "Chromium closed its connection unexpectedly",
                           "run chromium --headless --version to see whether it starts on this machine")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _call(self, method: str, params: dict[str, Any] | None = None, session: bool = False,
              until_event: str | None = None) -> dict[str, Any]:
        """Send a command; return its result once it (and the event named, if any) has arrived."""
        wanted = self._send(method, params or {}, session)
        result: dict[str, Any] | None = None
        seen_event = until_event is None
        while result is None or not seen_event:
            message = self._read()
            if message.get("id") == wanted:
                if "error" in message:
                    raise fail("browser-failed", Where(), f"Chromium refused {method}: {message['error'].get('message')}")
                result = message.get("result", {})
            elif until_event and message.get("method") == until_event:
                seen_event = True
        return result

    # -- what briefwright asks of it ------------------------------------------------

    def open(self, page: Path, width: int = 1200, height: int = 1400) -> None:
        self._call("Emulation.setDeviceMetricsOverride",
                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        self._call("Page.navigate", {"url": page.resolve().as_uri()}, session=True, until_event="Page.loadEventFired")

    def pdf(self, page: Path) -> bytes:
        """The page as printed: its own @page size and margins, backgrounds on, no browser header."""
        self.open(page)
        result = self._call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                                "displayHeaderFooter": False}, session=True)
        return base64.b64decode(result["data"])

    def screenshot(self, page: Path, width: int = 1200, height: int = 1400) -> bytes:
        """What a reader first sees on screen, as PNG."""
        self.open(page, width, height)
        return base64.b64decode(self._call("Page.captureScreenshot", {"format": "png"}, session=True)["data"])


def screenshot_path(out_dir: Path, page: Path) -> Path:
    return out_dir / f"{page.stem}.screen.png"


def print_to_pdf(files: list[Path], out_dir: Path, screenshots: bool = False) -> list[Path]:
    """Print HTML files to PDF in one Chromium, which also takes each page's screenshot when asked
    (screenshot_path names it); returns the PDFs in the same order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pdfs = []
    with Browser() as browser:
        copies = browser.box.take(files, "file to print", MAX_CONVERT_BYTES)  # Chromium reads only these
        for path, copy in zip(files, copies):
            try:
                pdf = out_dir / f"{path.stem}.pdf"
                pdf.write_bytes(browser.pdf(copy))
                pdfs.append(pdf)
                if screenshots:
                    screenshot_path(out_dir, path).write_bytes(browser.screenshot(copy))
            except BriefwrightError as error:
                if error.report.items and error.report.items[0].code == "browser-timeout":
                    raise fail("browser-timeout", Where(path), f"Chromium did not finish printing '{path.name}' "
                               f"within {browser.timeout:g} s", "check that the page opens in a browser") from None
                raise
    return pdfs
