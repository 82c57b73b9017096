"""What sanitising a reference costs: sanitise() against opening the same file with python-docx /
python-pptx (the yardstick, which every build already pays), paired and interleaved.

Run with `python bench/sanitize_bench.py [--runs N]`; prints wall and CPU medians and ratios.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import docx
from pptx import Presentation

from briefwright.reference.sanitize import sanitise

REFERENCES = Path(__file__).resolve().parent.parent / "templates" / "reference"


def _timed(action: Callable[..., object], *args: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    for kind, opener in (("docx", docx.Document), ("pptx", Presentation)):
        data = (REFERENCES / f"defence.{kind}").read_bytes()
        pairs = []
        for _ in range(args.runs):  # interleaved: yardstick, then sanitise, in the same conditions
            pairs.append((_timed(opener, io.BytesIO(data)), _timed(sanitise, data, kind)))
        open_wall = statistics.median(p[0][0] for p in pairs)
        open_cpu = statistics.median(p[0][1] for p in pairs)
        san_wall = statistics.median(p[1][0] for p in pairs)
        san_cpu = statistics.median(p[1][1] for p in pairs)
        print(f"{kind}: sanitise {san_wall * 1000:.1f} ms wall, {san_cpu * 1000:.1f} ms CPU; opening with the library "
              f"{open_wall * 1000:.1f} ms wall, {open_cpu * 1000:.1f} ms CPU; ratio {san_wall / open_wall:.2f} wall, "
              f"{san_cpu / max(open_cpu, 1e-9):.2f} CPU (median of {args.runs})")


if __name__ == "__main__":
    main()
