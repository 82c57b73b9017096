"""Benchmark: what the test suite costs, against the targets of a fast test pyramid.

Run with `make bench-suite` (or `python bench/suite_bench.py`). Prints wall and CPU seconds (the
pytest process and every child it starts: builds, LibreOffice, Chromium) for the suite without
LibreOffice/Chromium, and for the whole suite, each against its target with a verdict, beside a
yardstick run in the same session (the interpreter starting and importing python-docx, ten times)
so figures from a busy machine can still be compared. Wall time on a machine shared with other
work says little, so the costliest tests are ranked by CPU seconds (setup, call and teardown, the
children they wait for included; a session fixture is charged to the first test that asks for it).

Targets (issue #22, a house a new maintainer can live in): the suite without LibreOffice/Chromium
in ≤ 60 s CPU here; the whole suite in CI ≤ 15 min wall.

The suite without LibreOffice/Chromium is run as on a bare machine (.ci/bare hides fonts,
LibreOffice and Chromium, so the rendering tests skip as they would there) when this runs as root;
otherwise with `-m 'not office and not browser'`, which deselects the same tests on a furnished one.

This module is also the pytest plugin that ranks the tests (`-p suite_bench`, bench/ on the path).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
FAST_TARGET_CPU = 60.0  # seconds of CPU, without LibreOffice/Chromium, on this machine
WHOLE_TARGET_WALL = 15 * 60.0  # seconds of wall time for the whole suite in CI
COSTLIEST = 30
CPU_LOG = "SUITE_BENCH_CPU_LOG"  # where the plugin writes each test's CPU seconds (JSON lines)


def _cpu_now() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Charges each test the CPU its setup, call and teardown took, children included."""
    started = _cpu_now()
    yield
    log = os.environ.get(CPU_LOG)
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps({"test": item.nodeid, "cpu": _cpu_now() - started}) + "\n")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    summary = [line for line in done.stdout.splitlines() if line.strip()][-3:]
    return time.perf_counter() - started, _children_cpu() - cpu, "\n".join(summary)


def yardstick() -> tuple[float, float]:
    wall = cpu = 0.0
    for _ in range(10):
        run_wall, run_cpu, _ = _timed([sys.executable, "-c", "import docx"], dict(os.environ))
        wall, cpu = wall + run_wall, cpu + run_cpu
    return wall, cpu


def _costliest(log: Path) -> list[tuple[float, str]]:
    if not log.exists():
        return []
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(((entry["cpu"], entry["test"]) for entry in entries), reverse=True)[:COSTLIEST]


def _bare_available() -> bool:
    return os.geteuid() == 0 and shutil.which("unshare") is not None and (ROOT / ".ci/bare").exists()


def _verdict(figure: float, target: float) -> str:
    return "meets the target" if figure <= target else f"MISSES the target by {figure - target:.0f} s"


def _run(label: str, command: list[str], log: Path) -> tuple[float, float]:
    env = dict(os.environ, **{CPU_LOG: str(log)})
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), str(BENCH), env.get("PYTHONPATH", "")]))
    env.pop("BRIEFWRIGHT_REQUIRE_OFFICE", None)  # skipped rendering tests are expected in the fast run
    wall, cpu, summary = _timed(command, env)
    print(f"{label}\n    {' '.join(command)}")
    print("\n".join(f"    {line}" for line in summary.splitlines()))
    print(f"    {wall:.1f} s wall, {cpu:.1f} s CPU (children included)")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--fast-only", action="store_true", help="only the suite without LibreOffice/Chromium")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (e.g. a test file, to rank its tests)")
    args = parser.parse_args()
    pytest_command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "suite_bench",
                      *args.pytest_args]
    if _bare_available():
        fast_label, fast_command = ("suite without LibreOffice/Chromium (as on a bare machine: .ci/bare)",
                                    [str(ROOT / ".ci/bare"), *pytest_command])
    else:
        fast_label, fast_command = ("suite without LibreOffice/Chromium (-m 'not office and not browser')",
                                    [*pytest_command, "-m", "not office and not browser"])
    before = yardstick()
    with tempfile.TemporaryDirectory(prefix="suite-bench-") as scratch:
        fast_log, whole_log = Path(scratch) / "fast.jsonl", Path(scratch) / "whole.jsonl"
        _, fast_cpu = _run(fast_label, fast_command, fast_log)
        print(f"    target: ≤ {FAST_TARGET_CPU:.0f} s CPU — {_verdict(fast_cpu, FAST_TARGET_CPU)}")
        costliest = [("fast", fast_log)]
        if not args.fast_only:
            whole_wall, _ = _run("whole suite", pytest_command, whole_log)
            print(f"    target: ≤ {WHOLE_TARGET_WALL / 60:.0f} min wall in CI — "
                  f"{_verdict(whole_wall, WHOLE_TARGET_WALL)} (here, on this machine's load)")
            costliest.append(("whole", whole_log))
        for name, log in costliest:
            print(f"the {COSTLIEST} costliest tests of the {name} run, CPU seconds (children included):")
            for cpu, test in _costliest(log):
                print(f"    {cpu:7.2f}  {test}")
    after = yardstick()
    print(f"yardstick, 10 × python -c 'import docx': before {before[0]:.2f} s wall / {before[1]:.2f} s CPU, "
          f"after {after[0]:.2f} / {after[1]:.2f}")


if __name__ == "__main__":
    main()
