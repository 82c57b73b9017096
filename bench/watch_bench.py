"""Benchmark `briefwright watch`: from saving a content file to the updated HTML page.

Starts the watcher on a copy of the example (the HTML brief for the default audience, no
LibreOffice pages), then saves a content file N times, each time changing its title, and
times from the save until the page's long-poll reports the new version and the served HTML
holds the new headline, as a browser would see it. Prints the median, p95 and worst, wall
and the watcher's CPU. Target: p95 at most 1 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from briefwright.live.watch import start_watch
from briefwright.project import load_project

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("briefwright.yaml", "seeds", "content", "templates")
TITLE = "title: Japan–Taiwan Security and Military Cooperation"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.read().decode("utf-8")


def measure(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="briefwright-watch-") as scratch:
        project = Path(scratch) / "project"
        project.mkdir()
        for part in PROJECT_PARTS:
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
        module = project / "content" / "topic.yaml"  # its title heads the page
        if TITLE not in module.read_text(encoding="utf-8"):
            sys.exit(f"the example no longer has the line this benchmark edits: {TITLE}")
        session = start_watch(load_project(project, explicit=True), ["brief-html"], None, port=0, pages=False)
        try:
            while session.state.snapshot.version == 0 or not session.state.snapshot.html:
                time.sleep(0.05)
            name = next(iter(session.state.snapshot.html))
            walls, cpus = [], []
            original = module.read_text(encoding="utf-8")
            for run in range(runs):
                version = session.state.snapshot.version
                marker = f"Japan and Taiwan, edit {run}"
                text = original.replace(TITLE, f"title: {marker}")
                cpu, started = time.process_time(), time.perf_counter()
                module.write_text(text, encoding="utf-8")
                deadline = started + 30
                while True:
                    if time.perf_counter() > deadline:
                        sys.exit(f"save {run}: the page did not show the change within 30 s")
                    state = json.loads(_get(f"{session.url}version?since={version}"))
                    version = state["version"]
                    if state["errors"]:
                        sys.exit("the edit made the build fail:\n" + "\n".join(session.state.snapshot.errors))
                    if marker in _get(f"{session.url}file/{name}"):
                        break
                walls.append(time.perf_counter() - started)
                cpus.append(time.process_time() - cpu)
                time.sleep(0.3)  # an analyst does not save ten times a second
        finally:
            session.stop()
    walls.sort()
    p95 = walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
    print(f"watch: save a content file → updated HTML page, {runs} saves of the example (brief-html × analyst):")
    print(f"  wall  median {statistics.median(walls):.2f} s   p95 {p95:.2f} s   worst {walls[-1]:.2f} s"
          "   (target p95 ≤ 1 s)")
    print(f"  CPU of the watcher process per save: median {statistics.median(cpus):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    measure(parser.parse_args().runs)


if __name__ == "__main__":
    main()
