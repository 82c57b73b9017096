"""Benchmark: a seed at the documented size limit (safety.MAX_SEED_BYTES) against the example's own.

Two copies of the shipped example are made: one as shipped (the yardstick) and one whose first seed
is padded with its own paragraphs to exactly the size limit (its checksum updated, so only size
differs). Each run builds one product for the default audience as a separate command; the two are
interleaved and paired, and the figures are printed: wall and CPU time (the child's user + system),
and each as a ratio to the yardstick. Nothing here asserts a threshold.

    PYTHONPATH=src python bench/seed_limit_bench.py [--runs N] [--product memo]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefwright.safety import MAX_SEED_BYTES, MiB
from briefwright.scaffold import init_project

SEED = "lim-2022-improving-military-cooperation-with-japan.txt"


def padded_project(folder: Path, size: int, shape: str) -> Path:
    """The example with SEED grown to exactly size bytes: by repeating its own text after it
    ("repeat"), or by two-byte lines before it ("lines": every quote then lies past millions of
    lines, the case that was quadratic in the paragraph count)."""
    project = init_project(folder, example=True)
    seed = project / "seeds" / SEED
    original = seed.read_bytes()
    if shape == "lines":
        grown = bytearray(b"a\n" * ((size - len(original)) // 2 + 1))[: size - len(original)] + original
    else:
        grown = bytearray(original)
        while len(grown) < size:
            grown += b"\n\n" + original
        del grown[size:]
    while True:  # never cut a UTF-8 character in half: the seed must stay valid text
        try:
            bytes(grown).decode("utf-8")
            break
        except UnicodeDecodeError:
            grown[-1:] = b" "
    seed.write_bytes(bytes(grown))
    sources = project / "seeds" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace(hashlib.sha256(original).hexdigest(), hashlib.sha256(grown).hexdigest(), 1),
                       encoding="utf-8")
    return project


def timed_build(project: Path, product: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one `briefwright build` of product in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "briefwright", "build", "--product", product, "-q", "-j", "1",
                             "--out", str(project / "bench-out"), "--project", str(project)],
                            capture_output=True, text=True, check=False, env={**os.environ})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")
    (project / "bench-out" / "manifest.json").unlink()  # the next run builds again, not "up to date"
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--product", default="memo")
    options.add_argument("--shape", choices=("repeat", "lines"), default="lines")
    arguments = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefwright-seed-bench-") as scratch:
        small = init_project(Path(scratch) / "small", example=True)
        large = padded_project(Path(scratch) / "large", MAX_SEED_BYTES, arguments.shape)
        figures: dict[str, list[tuple[float, float]]] = {"yardstick": [], "at limit": []}
        for _ in range(arguments.runs):  # interleaved, so both see the same machine load
            figures["yardstick"].append(timed_build(small, arguments.product))
            figures["at limit"].append(timed_build(large, arguments.product))
    base_wall = statistics.median(w for w, _ in figures["yardstick"])
    base_cpu = statistics.median(c for _, c in figures["yardstick"])
    print(f"build --product {arguments.product}, one process each, median of {arguments.runs} paired runs; "
          f"seed limit {MAX_SEED_BYTES / MiB:g} MiB, shape {arguments.shape}")
    for label, pairs in figures.items():
        wall = statistics.median(w for w, _ in pairs)
        cpu = statistics.median(c for _, c in pairs)
        print(f"  {label:<10} wall {wall:7.2f} s ({wall / base_wall:5.2f}×)   cpu {cpu:7.2f} s ({cpu / base_cpu:5.2f}×)")


if __name__ == "__main__":
    main()
