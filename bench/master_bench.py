"""Benchmark: a deck planned and rendered on an organisation's master, against the same deck on
briefwright's own geometry (the yardstick), in pairs, interleaved, in one process.

`python bench/master_bench.py [--runs N]` prints wall and CPU time of each and their ratios,
and the cost of reading a master. The master is the gallery's logo-band master (tests/gallery_pptx.py),
its Calibri measured through the installed Carlito. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import gallery_pptx  # noqa: E402

from briefwright.build import collect, plan_product, render_product  # noqa: E402
from briefwright.diagnostics import Report  # noqa: E402
from briefwright.project import load_project  # noqa: E402
from briefwright.reference.pptx_master import read_master  # noqa: E402

PRODUCT = "deck-10"


def _project(folder: Path) -> Path:
    for part in ("briefwright.yaml", "seeds", "content", "templates"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    gallery_pptx.make("logo-band", folder / "templates" / "reference")
    (folder / "templates" / "audiences" / "on-master.yaml").write_text(
        "extends: analyst\nlabel: On a master\nbranding:\n  reference_pptx: reference/logo-band.pptx\n", encoding="utf-8")
    return folder


def _timed(workspace, audience: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    product, profile, plan = plan_product(workspace, PRODUCT, audience)
    render_product(workspace, product, profile, plan, Report())
    return time.perf_counter() - wall, time.process_time() - cpu


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = collect(load_project(_project(Path(folder)), explicit=True))
        _timed(workspace, "analyst"), _timed(workspace, "on-master")  # warm caches: fonts, templates, the master
        pairs = [(_timed(workspace, "analyst"), _timed(workspace, "on-master")) for _ in range(runs)]
        master = Path(folder) / "templates" / "reference" / "logo-band.pptx"
        started = time.perf_counter()
        for _ in range(runs):
            read_master.__wrapped__(master)
        reading = (time.perf_counter() - started) / runs
    for label, index in (("wall", 0), ("cpu", 1)):
        own = statistics.median(pair[0][index] for pair in pairs)
        on_master = statistics.median(pair[1][index] for pair in pairs)
        print(f"{PRODUCT} {label}: own geometry {own * 1000:.0f} ms, on the master {on_master * 1000:.0f} ms, "
              f"ratio {on_master / own:.2f} (median of {runs} interleaved pairs)")
    print(f"reading the master (uncached): {reading * 1000:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    main(parser.parse_args().runs)
