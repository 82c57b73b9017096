"""`briefwright watch` and `serve`: rebuild on save, and show the result on the live page.

The watcher polls the modification times and sizes of every input (the project file, seeds,
content, the project's templates and an overlay); when they change it waits for the burst of
saves to settle, then rebuilds the HTML products at once and the Word and PowerPoint products
in the background, where LibreOffice turns them into PNG pages. Each build publishes
atomically (build.publish), and the page's snapshot is swapped only when a step is complete,
so the page never shows a half-built state; a failed build leaves the last good one on show
with its errors above it. `serve` watches a build folder instead of the inputs.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefwright.diagnostics import BriefwrightError
from briefwright.live.server import start_server
from briefwright.live.state import LiveState
from briefwright.project import PROJECT_FILE, Project

POLL_SECONDS = 0.05
SETTLE_SECONDS = 0.12  # a save is often several writes (editor backups, formatters): wait for quiet
MAX_SETTLE_SECONDS = 2.0
OFFICE_SUFFIXES = (".docx", ".pptx")
Signature = tuple[tuple[str, int, int], ...]


def signature(paths: list[Path]) -> Signature:
    """(path, mtime, size) of every file under paths: any save changes it."""
    found = []
    for root in paths:
        for path in ([root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []):
            hidden = path.relative_to(root).parts if path != root else ()
            if any(part.startswith(".") or part == "__pycache__" for part in hidden):
                continue  # editor swap files, caches
            try:
                stat = path.stat()
            except OSError:
                continue  # removed while we looked: the next poll sees it gone
            if path.is_file():
                found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def _problems(error: BaseException) -> list[str]:
    if isinstance(error, BriefwrightError):
        return [diagnostic.format() for diagnostic in error.report.items] or [str(error)]
    return [f"internal error: {type(error).__name__}: {error} (run `briefwright build --debug` for a traceback)"]


@dataclass
class LiveSession:
    """A running watcher and page; stop() ends both."""

    state: LiveState
    url: str
    stop_event: threading.Event
    threads: list[threading.Thread] = field(default_factory=list)
    stoppers: list[Callable[[], None]] = field(default_factory=list)

    def stop(self) -> None:
        self.stop_event.set()
        for stopper in self.stoppers:
            stopper()
        for thread in self.threads:
            thread.join(timeout=10)


class _Pages:
    """Turns Word and PowerPoint files into PNG pages in the background, newest request wins."""

    def __init__(self, state: LiveState, folder: Path, stop: threading.Event) -> None:
        self.state, self.folder, self.stop = state, folder, stop
        self.wanted: list[Path] | None = None
        self.wake = threading.Event()
        self.generation = 0

    def request(self, files: list[Path]) -> None:
        self.wanted = files
        self.wake.set()

    def run(self) -> None:
        while not self.stop.is_set():
            if not self.wake.wait(timeout=0.2):
                continue
            self.wake.clear()
            files, self.wanted = self.wanted or [], None
            if files:
                self._render(files)

    def _render(self, files: list[Path]) -> None:
        from briefwright.office import convert_to_pdf

        self.generation += 1
        target = self.folder / f"pages-{self.generation}"
        self.state.update(pending=[path.name for path in files])
        try:
            with tempfile.TemporaryDirectory(prefix="briefwright-live-") as scratch:
                copies = [Path(shutil.copy2(path, Path(scratch) / path.name)) for path in files]  # a stable copy
                pdfs = convert_to_pdf(copies, Path(scratch) / "pdf")
                pages: dict[str, list[Path]] = {}
                for source, pdf in zip(files, pdfs):
                    folder = target / source.name
                    folder.mkdir(parents=True, exist_ok=True)
                    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(folder / "page")], check=True,
                                   capture_output=True, timeout=120)
                    pages[source.name] = sorted(folder.glob("page*.png"))
        except (BriefwrightError, OSError, subprocess.SubprocessError) as error:
            self.state.update(pending=[], warnings=[f"pages not made: {_problems(error)[0]}"])
            return
        old = self.state.snapshot.pages
        self.state.update(pages=pages, pending=[])
        for stale in {path.parent.parent for paths in old.values() for path in paths} - {target}:
            shutil.rmtree(stale, ignore_errors=True)


class _Builder:
    def __init__(self, project: Project, products: list[str] | None, audiences: list[str] | None,
                 overlay: Path | None, out: Path, state: LiveState, pages: _Pages | None) -> None:
        self.project, self.products, self.audiences, self.overlay = project, products, audiences, overlay
        self.out, self.state, self.pages = out, state, pages

    def inputs(self) -> list[Path]:
        project = self.project
        paths = [project.root / PROJECT_FILE, project.seeds_dir, project.content_dir, project.templates_dir]
        configured = project.config.paths.overlay
        return paths + [path for path in (self.overlay, project.root / configured if configured else None) if path]

    def build(self) -> None:
        """The HTML products first (the page shows them as soon as they are built), then the Word
        and PowerPoint products, whose pages LibreOffice makes in the background."""
        started = time.perf_counter()
        try:
            html, office = self._by_kind()
            self._build_html(html, started)
            if office:
                self._build_office(office)
        except Exception as error:  # noqa: BLE001 - a resident process reports and keeps watching
            self.state.update(errors=_problems(error), built_in=time.perf_counter() - started)

    def _by_kind(self) -> tuple[list[str], list[str]]:
        """The products to build: the HTML ones, and the others."""
        from briefwright.build import Setup, resolve_products, template_layers
        from briefwright.products import load_product

        layers = template_layers(self.project, self.overlay)
        names = resolve_products(Setup(self.project, layers), self.products)
        html = [name for name in names if load_product(layers, name).writer.suffix == ".html"]
        return html, [name for name in names if name not in html]

    def _build_html(self, names: list[str], started: float) -> None:
        from briefwright.build import build

        result = build(self.project, names, self.audiences, self.out, overlay=self.overlay, jobs=1) if names else None
        files = [*(output.path for output in result.outputs), *result.up_to_date] if result else []
        shown = {path.name: path for path in files}
        warnings = [d.format() for d in result.report.warnings] if result else []
        self.state.update(html=shown, errors=[], warnings=warnings, built_in=time.perf_counter() - started)

    def _build_office(self, names: list[str]) -> None:
        from briefwright.build import build

        result = build(self.project, names, self.audiences, self.out, overlay=self.overlay, jobs=1)
        made = [*(output.path for output in result.outputs), *result.up_to_date]
        if self.pages is not None:
            self.pages.request([path for path in made if path.suffix in OFFICE_SUFFIXES])


def _watch(inputs: Callable[[], list[Path]], rebuild: Callable[[], None], stop: threading.Event) -> None:
    """Rebuild once, then after each settled burst of changes."""
    rebuild()
    seen = signature(inputs())
    while not stop.wait(POLL_SECONDS):
        current = signature(inputs())
        if current == seen:
            continue
        first_change = time.monotonic()
        while not stop.wait(SETTLE_SECONDS) and time.monotonic() - first_change < MAX_SETTLE_SECONDS:
            settled = signature(inputs())
            if settled == current:
                break
            current = settled
        seen = current
        rebuild()


def start_watch(project: Project, products: list[str] | None = None, audiences: list[str] | None = None,
                overlay: Path | None = None, port: int = 0, pages: bool = True) -> LiveSession:
    """Build, serve on 127.0.0.1, and rebuild on every settled change to the inputs."""
    state, stop = LiveState(), threading.Event()
    live = project.build_dir / ".live"
    page_maker = _Pages(state, live, stop) if pages else None
    builder = _Builder(project, products, audiences, overlay, live / "out", state, page_maker)
    return _start(state, stop, builder.inputs, builder.build, page_maker, port)


def start_serve(folder: Path, port: int = 0, pages: bool = True) -> LiveSession:
    """Serve a build folder's HTML files and the pages of its Word and PowerPoint files; follow its changes."""
    state, stop = LiveState(), threading.Event()
    page_maker = _Pages(state, folder / ".live", stop) if pages else None

    def refresh() -> None:
        files = sorted(path for path in folder.glob("*") if path.is_file())
        state.update(html={path.name: path for path in files if path.suffix == ".html"})
        if page_maker is not None:
            page_maker.request([path for path in files if path.suffix in OFFICE_SUFFIXES])

    return _start(state, stop, lambda: [folder / "manifest.json"], refresh, page_maker, port)


def _start(state: LiveState, stop: threading.Event, inputs: Callable[[], list[Path]], rebuild: Callable[[], None],
           pages: _Pages | None, port: int) -> LiveSession:
    server = start_server(state, port)
    session = LiveSession(state, f"http://127.0.0.1:{server.server_address[1]}/", stop)
    session.stoppers += [server.shutdown, server.server_close]
    watcher = threading.Thread(target=_watch, args=(inputs, rebuild, stop), name="briefwright-watch", daemon=True)
    session.threads.append(watcher)
    if pages is not None:
        session.threads.append(threading.Thread(target=pages.run, name="briefwright-pages", daemon=True))
    for thread in session.threads:
        thread.start()
    return session
