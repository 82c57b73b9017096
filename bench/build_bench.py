"""Benchmark: build every product in one process and as separate commands; print times and memory.

Run with `make bench` (or `python bench/build_bench.py [--runs N]`). Figures go to stdout;
nothing here asserts a threshold: targets are read by people, not enforced by tests.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from briefwright.audience import audience_names
from briefwright.build import available_products, collect, plan_product, render_product, resolve_products
from briefwright.diagnostics import Report
from briefwright.matrix import available_cores
from briefwright.model import Document
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
            render_product(workspace, product, profile, plan, Report())
            per_product.setdefault(name, []).append(time.perf_counter() - started)
    # Memory in a separate pass: tracemalloc slows Python several-fold, so it must not touch the timings.
    tracemalloc.start()
    workspace = collect(project)
    for name in resolve_products(workspace, None):
        product, profile, plan = plan_product(workspace, name, audience)
        render_product(workspace, product, profile, plan, Report())
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
    print(f"as separate commands (`briefwright build --product NAME`, a fresh folder each), median of {runs} runs:")
    totals = []
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            times, peaks = [], []
            for run in range(runs):
                out = Path(scratch) / f"{name}-{run}"  # a fresh folder: nothing to skip
                started = time.perf_counter()
                result = subprocess.run([sys.executable, "-c", CHILD, "build", "--quiet", "--product", name,
                                         "--out", str(out), "--project", str(ROOT)], capture_output=True, text=True)
                times.append(time.perf_counter() - started)
                if result.returncode != 0:
                    raise SystemExit(f"{name} failed: {result.stderr}")
                peaks.append(int(result.stderr.strip().splitlines()[-1]) / 1024)
            totals.append(statistics.median(times))
            print(f"  {name:<18} {statistics.median(times) * 1000:8.0f} ms   max RSS {max(peaks):5.0f} MiB")
    print(f"  {'sum':<18} {sum(totals) * 1000:8.0f} ms")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], **kwargs) -> tuple[float, float]:
    """(wall, CPU) seconds of one child command."""
    cpu, started = _children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - started, _children_cpu() - cpu


def _markdown(document: Document, deck: bool) -> str:
    """The same document as markdown for pandoc: headings, paragraphs, bullets, tables, notes."""
    lines: list[str] = []
    notes: list[str] = []
    for section in document.sections:
        if deck:
            lines += [f"# {section.title or document.title}", ""]
        for block in section.blocks:
            text = block.text.replace("\t", " ")
            for note in block.footnotes:
                notes.append(note)
                text += f"[^{len(notes)}]"
            if block.kind == "heading" and not deck:
                lines.append("#" * max(1, min(block.level, 3)) + " " + text)
            elif block.kind == "table":
                header, *rows = [[cell.text for cell in row.cells] for row in block.rows]
                lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                lines += ["| " + " | ".join(row) + " |" for row in rows]
            elif block.kind in ("bullet", "event", "figure") or deck:
                lines.append(f"- {block.marker + ': ' if block.marker else ''}{text}")
            else:
                lines.append(text)
            lines.append("")
        if deck and section.notes:
            lines += ["::: notes", *section.notes, ":::", ""]
    lines += [f"[^{number}]: {note}" for number, note in enumerate(notes, start=1)]
    return "\n".join(lines) + "\n"


def _outputs_digest(folder: Path) -> str:
    """One sha256 over every product file and evidence map (not the manifest, which records when
    inputs were read): equal digests from two commits prove byte-identical outputs."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name != "manifest.json":
            digest.update(f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def _pandoc_in_parallel(pandoc: str, sources: list[tuple[Path, str]]) -> tuple[float, float]:
    """(wall, CPU) of the pandoc calls run as many at a time as the build runs jobs: pandoc given
    the cores briefwright uses, for the wall-time comparison."""
    cpu, started = _children_cpu(), time.perf_counter()
    with ThreadPoolExecutor(available_cores()) as pool:
        list(pool.map(lambda item: subprocess.run([pandoc, str(item[0]), "-o", str(item[0].with_suffix(f".{item[1]}"))],
                                                  check=True, capture_output=True), sources))
    return time.perf_counter() - started, _children_cpu() - cpu


def versus_pandoc(runs: int) -> None:
    """The whole matrix and one memo, each paired with pandoc writing the same documents.

    The runs interleave (briefwright, then pandoc, then again), so a machine whose speed drifts
    during the benchmark slows both sides of a pair alike; each pair's ratio is printed as well
    as the medians."""
    pandoc = shutil.which("pandoc")
    project = load_project(ROOT, explicit=True)
    workspace = collect(project)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        sources = []
        for audience in audience_names(workspace.layers):
            for name in available_products(workspace):
                product, _, plan = plan_product(workspace, name, audience)
                path = folder / f"{product.id}-{audience}.md"
                path.write_text(_markdown(plan.document, product.kind == "slides"), encoding="utf-8")
                sources.append((path, product.format))
        memo_md = next(path for path, _ in sources if path.name == "memo-analyst.md")
        build = [sys.executable, "-m", "briefwright", "build", "--quiet", "--project", str(ROOT)]
        cold, sequential, memo, calls, parallel_calls, pandoc_memo = [], [], [], [], [], []
        for run in range(runs):
            cold.append(_timed([*build, "--all", "--out", str(folder / f"cold-{run}")]))
            if pandoc is not None:
                wall = cpu = 0.0
                for path, suffix in sources:
                    one = _timed([pandoc, str(path), "-o", str(path.with_suffix(f".{suffix}"))])
                    wall, cpu = wall + one[0], cpu + one[1]
                calls.append((wall, cpu))
                parallel_calls.append(_pandoc_in_parallel(pandoc, sources))
            sequential.append(_timed([*build, "--all", "-j", "1", "--out", str(folder / f"sequential-{run}")]))
            memo.append(_timed([*build, "--product", "memo", "--out", str(folder / f"memo-{run}")]))
            if pandoc is not None:
                pandoc_memo.append(_timed([pandoc, str(memo_md), "-o", str(memo_md.with_suffix(".docx"))]))
        warm = [_timed([*build, "--all", "--out", str(folder / "cold-0")]) for _ in range(runs)]
        floor = [_timed([sys.executable, "-c", "import docx"]) for _ in range(runs)]
        verify = [_timed([sys.executable, "-m", "briefwright", "check", "--project", str(ROOT)]) for _ in range(runs)]
        digests = {_outputs_digest(folder / f"{kind}-{run}") for kind in ("cold", "sequential") for run in range(runs)}
        print(f"the matrix ({len(sources)} files) and one memo, median of {runs} interleaved runs, wall / CPU seconds:")
        rows = [("briefwright build --all (all cores), cold", cold),
                ("briefwright build --all -j 1, cold", sequential),
                ("briefwright build --all, nothing changed", warm),
                ("briefwright build --product memo", memo),
                ("python -c 'import docx' (interpreter + python-docx)", floor),
                ("briefwright check (load and verify the content only)", verify)]
        if pandoc is not None:
            rows += [(f"{len(sources)} pandoc calls, same documents as markdown", calls),
                     (f"the same {len(sources)} pandoc calls, {available_cores()} at a time", parallel_calls),
                     ("pandoc, one memo", pandoc_memo)]
        for label, pairs in rows:
            print(f"  {label:<52} {_median(pairs, 0):6.2f} / {_median(pairs, 1):6.2f}")
        print(f"  outputs digest (product files and evidence maps, all {2 * runs} cold builds): "
              f"{' '.join(sorted(digests))}{'' if len(digests) == 1 else '  <- NOT IDENTICAL'}")
        if pandoc is None:
            print("  pandoc is not installed (apt-get install pandoc): no side-by-side figures")
            return
        print("  ratios to pandoc, pair by pair (targets: matrix under 1x in wall and CPU; memo within 3x):")
        print("    matrix wall " + " ".join(f"{a[0] / b[0]:.2f}" for a, b in zip(cold, calls))
              + "   (against pandoc " + str(available_cores()) + " at a time: "
              + " ".join(f"{a[0] / b[0]:.2f}" for a, b in zip(cold, parallel_calls)) + ")")
        print("    matrix CPU  " + " ".join(f"{a[1] / b[1]:.2f}" for a, b in zip(cold, calls)))
        print("    -j 1 CPU    " + " ".join(f"{a[1] / b[1]:.2f}" for a, b in zip(sequential, calls)))
        print("    memo wall   " + " ".join(f"{a[0] / b[0]:.1f}" for a, b in zip(memo, pandoc_memo)))


def _median(pairs: list[tuple[float, float]], index: int) -> float:
    return statistics.median(pair[index] for pair in pairs)


def _copy_project(folder: Path) -> Path:
    copy = folder / "project"
    copy.mkdir()
    for part in ("briefwright.yaml", "seeds", "content", "templates"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / part)
    return copy


def seed_scaling() -> None:
    """Memory and time as seeds grow: the example with up to about 3 MB of text added to one seed
    (a memo as a separate command; the issue asks for cost linear in seed length, under 200 MB)."""
    print("one memo as seeds grow (a separate command):")
    for repeats in (0, 20_000, 40_000):
        with tempfile.TemporaryDirectory() as scratch:
            copy = _copy_project(Path(scratch))
            seed = copy / "seeds/fpri-why-japan-needs-to-talk-to-taiwan.txt"
            filler = "\n\nA further paragraph of background that no point quotes, repeated to size. " * repeats
            seed.write_bytes(seed.read_bytes() + filler.encode("utf-8"))
            registry = copy / "seeds/sources.yaml"
            registry.write_text(registry.read_text(encoding="utf-8").replace(
                "b58a93d4544a65b2425c8c29ac89cfc2a84b0b1e398f24b4d2e33a8fef567d28",
                hashlib.sha256(seed.read_bytes()).hexdigest()), encoding="utf-8")
            total = sum(path.stat().st_size for path in (copy / "seeds").glob("*.txt"))
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", CHILD, "build", "--quiet", "--product", "memo", "--out",
                                     str(copy / "out"), "--project", str(copy)], capture_output=True, text=True)
            if result.returncode != 0:
                raise SystemExit(f"large-seed build failed: {result.stderr}")
            print(f"  seeds of {total / 2**20:.2f} MiB: memo built in {time.perf_counter() - started:.2f} s, "
                  f"max RSS {int(result.stderr.strip().splitlines()[-1]) / 1024:.0f} MiB (target: under 200 MiB)")


_POINT_SCALING_CHILD = """
import json, sys, time
from pathlib import Path
from briefwright.build import collect, plan_product
from briefwright.project import load_project
project = load_project(Path(sys.argv[1]), explicit=True)
started = time.perf_counter()
workspace = collect(project)
timings = {"collect": time.perf_counter() - started}
for name in ("brief", "report", "deck-20"):
    started = time.perf_counter()
    plan_product(workspace, name, project.config.default_audience)
    timings[name] = time.perf_counter() - started
print(json.dumps([len(workspace.content.points), timings]))
"""


def point_scaling(runs: int) -> None:
    """Planning time as content grows: every module's points copied 1x, 2x, 4x and 8x (copies at
    priority 3, so the must-keep content still fits). The issue asks for cost linear in points.
    Each measurement is a fresh process (best of `runs`), so no cache warmed by an earlier run
    flatters a later one. The copies repeat their originals' sentences, so the claim lint (cached
    per sentence) grows less than new text would."""
    import json

    import yaml

    print(f"planning as points grow (fresh process each, best of {runs}; collect includes the claim lint):")
    baseline: dict[str, float] = {}
    for factor in (1, 2, 4, 8):
        with tempfile.TemporaryDirectory() as scratch:
            copy = _copy_project(Path(scratch))
            for path in (copy / "content").glob("*.yaml"):
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("points"):
                    data["points"] += [{**point, "id": f"{point['id']}-x{k}", "priority": 3}
                                       for k in range(1, factor) for point in list(data["points"])]
                    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            timings: dict[str, float] = {}
            for _ in range(runs):
                result = subprocess.run([sys.executable, "-c", _POINT_SCALING_CHILD, str(copy)], capture_output=True,
                                        text=True, check=True)
                points, measured = json.loads(result.stdout)
                for name, seconds in measured.items():
                    timings[name] = min(timings.get(name, 1e9), seconds)
        baseline = baseline or timings
        figures = "  ".join(f"{name} {seconds * 1000:5.0f} ms ({seconds / baseline[name]:.1f}x)"
                            for name, seconds in timings.items())
        print(f"  {points:>4} points ({factor}x): {figures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # An installed package carries its bytecode; with PYTHONDONTWRITEBYTECODE set (as on some
    # machines) an edited source would otherwise be compiled again by every command measured.
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    in_process(args.runs)
    as_commands(args.runs)
    versus_pandoc(args.runs)
    point_scaling(3)
    seed_scaling()


if __name__ == "__main__":
    main()
