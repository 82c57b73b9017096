"""Benchmark: what honouring a Word reference costs a build — reading it and shaping the product —
against planning the same product (the yardstick), paired and interleaved in one process.

Run `python bench/reference_bench.py [--runs N]`. Figures go to stdout; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import gallery_docx  # noqa: E402
from tests.conftest import copy_project  # noqa: E402

from briefwright.audience import load_audience  # noqa: E402
from briefwright.build import collect, plan_product  # noqa: E402
from briefwright.products import load_product  # noqa: E402
from briefwright.project import load_project  # noqa: E402
from briefwright.reference import docx_look  # noqa: E402
from briefwright.reference.docx_look import apply_reference  # noqa: E402


def _timed(action) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = copy_project(Path(folder) / "project")
        gallery_docx.make("corp-styles", root / "templates" / "reference")
        item = gallery_docx.GALLERY["corp-styles"][0]
        (root / "templates" / "audiences" / "corp.yaml").write_text(
            gallery_docx.profile_text(item, "reference/corp-styles.docx"), encoding="utf-8")
        workspace = collect(load_project(root, explicit=True))
        layers = workspace.layers
        audience = load_audience(layers, "corp")
        product = load_product(layers, "report")
        pairs = []
        for _ in range(runs):  # interleaved: first read, a later product's (cached) read, the yardstick
            docx_look._READ.clear()
            first = _timed(lambda: apply_reference(layers, product, audience))
            again = _timed(lambda: apply_reference(layers, product, audience))
            planning = _timed(lambda: plan_product(workspace, "report", "corp"))
            pairs.append((first, again, planning))
    for index, label in ((0, "wall"), (1, "cpu")):
        first, again, planned = (statistics.median(run[column][index] for run in pairs) for column in range(3))
        print(f"{label}: reference read + product shaped {first * 1000:.1f} ms (ratio {first / planned:.3f}), "
              f"for a further product of the build {again * 1000:.1f} ms (ratio {again / planned:.3f}); "
              f"planning the report (yardstick) {planned * 1000:.0f} ms; median of {runs} paired runs")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    main(parser.parse_args().runs)
