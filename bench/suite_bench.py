"""Benchmark: what the test suite costs, against the targets of a fast test pyramid.

Run with `make bench-suite` (or `python bench/suite_bench.py`). Prints wall and CPU seconds (the
pytest process and every child it starts: builds, LibreOffice, Chromium) for the suite without the
rendering tests, and for the whole suite, beside a yardstick run in the same session (the
interpreter starting and importing python-docx, ten times) so figures from a busy machine can still
be compared. The ten slowest tests of each run are printed as pytest's --durations report.
Targets (issue: a house a new maintainer can live in): the suite without LibreOffice/Chromium
in ≤ 60 s CPU here; the whole suite in CI ≤ 15 min.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str]) -> tuple[float, float, str]:
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    tail = "\n".join(line for line in done.stdout.splitlines()[-14:] if line.strip())
    return time.perf_counter() - started, _children_cpu() - cpu, tail


def yardstick() -> tuple[float, float]:
    wall = cpu = 0.0
    for _ in range(10):
        run_wall, run_cpu, _ = _timed([sys.executable, "-c", "import docx"])
        wall, cpu = wall + run_wall, cpu + run_cpu
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast-only", action="store_true", help="only the suite without rendering tests")
    args = parser.parse_args()
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=10"]
    runs = [("suite without LibreOffice/Chromium (-m 'not office and not browser')",
             pytest + ["-m", "not office and not browser"], 60.0)]
    if not args.fast_only:
        runs.append(("whole suite", pytest, 15 * 60.0))
    before = yardstick()
    for label, command, target in runs:
        wall, cpu, tail = _timed(command)
        print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU (target {'CPU' if target < 100 else 'wall'} "
              f"≤ {target:.0f} s)")
        print("\n".join(f"    {line}" for line in tail.splitlines()))
    after = yardstick()
    print(f"yardstick, 10 × python -c 'import docx': before {before[0]:.2f} s wall / {before[1]:.2f} s CPU, "
          f"after {after[0]:.2f} / {after[1]:.2f}")


if __name__ == "__main__":
    main()
