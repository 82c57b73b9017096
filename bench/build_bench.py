"""Benchmark: build every product in one process and as separate commands; print times and memory.

Run with `make bench` (or `python bench/build_bench.py [--runs N]`). Figures go to stdout;
nothing here asserts a threshold: targets are read by people, not enforced by tests.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from briefwright.build import collect, plan_product, render_product, resolve_products
from briefwright.diagnostics import Report
from briefwright.project import load_project

ROOT = Path(__file__).resolve().parent.parent
CHILD = ("import resource, sys; from briefwright.cli import main; rc = main(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); raise SystemExit(rc)")


def in_process(runs: int) -> None:
    project = load_project(ROOT, explicit=True)
    audience = project.config.default_audience
    collect_times, per_product = [], {}
    for _ in range(runs):
        started = time.perf_counter()
        workspace = collect(project)
        collect_times.append(time.perf_counter() - started)
        for name in resolve_products(workspace, None):
            started = time.perf_counter()
            product, profile, plan = plan_product(workspace, name, audience)
            render_product(product, profile, plan, Report())
            per_product.setdefault(name, []).append(time.perf_counter() - started)
    # Memory in a separate pass: tracemalloc slows Python several-fold, so it must not touch the timings.
    tracemalloc.start()
    workspace = collect(project)
    for name in resolve_products(workspace, None):
        product, profile, plan = plan_product(workspace, name, audience)
        render_product(product, profile, plan, Report())
    peak_traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"in one process, median of {runs} runs (plan + render + reopen check, no disk write):")
    print(f"  {'collect + verify':<18} {statistics.median(collect_times) * 1000:8.0f} ms")
    for name, times in per_product.items():
        print(f"  {name:<18} {statistics.median(times) * 1000:8.0f} ms")
    total = statistics.median(collect_times) + sum(statistics.median(t) for t in per_product.values())
    print(f"  {'total':<18} {total * 1000:8.0f} ms")
    print(f"  peak Python heap of one full build after warm-up (tracemalloc; font tables already cached): "
          f"{peak_traced / 2**20:.1f} MiB; "
          f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def as_commands(runs: int) -> None:
    project = load_project(ROOT, explicit=True)
    names = list(project.config.build.products)
    print(f"as separate commands (`briefwright build --product NAME`), median of {runs} runs:")
    totals = []
    with tempfile.TemporaryDirectory() as out:
        for name in names:
            times, peaks = [], []
            for _ in range(runs):
                started = time.perf_counter()
                result = subprocess.run([sys.executable, "-c", CHILD, "build", "--quiet", "--product", name,
                                         "--out", out, "--project", str(ROOT)], capture_output=True, text=True)
                times.append(time.perf_counter() - started)
                if result.returncode != 0:
                    raise SystemExit(f"{name} failed: {result.stderr}")
                peaks.append(int(result.stderr.strip().splitlines()[-1]) / 1024)
            totals.append(statistics.median(times))
            print(f"  {name:<18} {statistics.median(times) * 1000:8.0f} ms   max RSS {max(peaks):5.0f} MiB")
    print(f"  {'sum':<18} {sum(totals) * 1000:8.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    in_process(args.runs)
    as_commands(args.runs)


if __name__ == "__main__":
    main()
