"""Benchmark: build every product in one process and as separate commands; print times and memory.

Run with `make bench` (or `python bench/build_bench.py [--runs N]`). Figures go to stdout;
nothing here asserts a threshold: targets are read by people, not enforced by tests.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from briefwright.audience import audience_names
from briefwright.build import available_products, collect, plan_product, render_product, resolve_products
from briefwright.diagnostics import Report
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


def versus_pandoc(runs: int) -> None:
    """The whole matrix and one memo, each beside pandoc writing the same documents."""
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
        command = [sys.executable, "-m", "briefwright", "build", "--all", "--quiet", "--project", str(ROOT)]
        cold = [_timed([*command, "--out", str(folder / f"cold-{run}")]) for run in range(runs)]
        _timed([*command, "--out", str(folder / "warm")])
        warm = [_timed([*command, "--out", str(folder / "warm")]) for _ in range(runs)]
        memo = [_timed([sys.executable, "-m", "briefwright", "build", "--product", "memo", "--quiet",
                        "--project", str(ROOT), "--out", str(folder / f"memo-{run}")]) for run in range(runs)]
        print(f"the matrix ({len(sources)} files) and one memo, median of {runs} runs, wall / CPU seconds:")
        print(f"  {'briefwright build --all, cold':<44} {_median(cold, 0):6.2f} / {_median(cold, 1):6.2f}")
        print(f"  {'briefwright build --all, nothing changed':<44} {_median(warm, 0):6.2f} / {_median(warm, 1):6.2f}")
        print(f"  {'briefwright build --product memo':<44} {_median(memo, 0):6.2f} / {_median(memo, 1):6.2f}")
        if pandoc is None:
            print("  pandoc is not installed (apt-get install pandoc): no side-by-side figures")
            return
        calls = []
        for _ in range(runs):
            wall = cpu = 0.0
            for path, suffix in sources:
                one = _timed([pandoc, str(path), "-o", str(path.with_suffix(f".{suffix}"))])
                wall, cpu = wall + one[0], cpu + one[1]
            calls.append((wall, cpu))
        memo_md = next(path for path, _ in sources if path.name == "memo-analyst.md")
        pandoc_memo = [_timed([pandoc, str(memo_md), "-o", str(memo_md.with_suffix(".docx"))]) for _ in range(runs)]
        print(f"  {f'{len(sources)} pandoc calls, same documents as markdown':<44} "
              f"{_median(calls, 0):6.2f} / {_median(calls, 1):6.2f}")
        print(f"  {'pandoc, one memo':<44} {_median(pandoc_memo, 0):6.2f} / {_median(pandoc_memo, 1):6.2f}")
        print(f"  ratios: matrix {_median(cold, 0) / _median(calls, 0):.1f}x pandoc's wall, "
              f"{_median(cold, 1) / _median(calls, 1):.1f}x its CPU; memo {_median(memo, 0) / _median(pandoc_memo, 0):.1f}x "
              f"pandoc's wall (targets: under 1x, and within 3x)")


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


def point_scaling(runs: int) -> None:
    """Planning time as content grows: every module's points copied 1x, 2x and 4x (copies at priority 3,
    so the must-keep content still fits). The issue asks for cost linear in points. The copies repeat
    their originals' sentences, so the claim lint (cached per sentence) grows less than new text would."""
    import yaml

    print(f"planning as points grow (best of {runs}; collect includes the claim lint):")
    baseline: dict[str, float] = {}
    for factor in (1, 2, 4):
        with tempfile.TemporaryDirectory() as scratch:
            copy = _copy_project(Path(scratch))
            for path in (copy / "content").glob("*.yaml"):
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("points"):
                    data["points"] += [{**point, "id": f"{point['id']}-x{k}", "priority": 3}
                                       for k in range(1, factor) for point in list(data["points"])]
                    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            project = load_project(copy, explicit=True)
            timings: dict[str, float] = {}
            for _ in range(runs):
                started = time.perf_counter()
                workspace = collect(project)
                timings["collect"] = min(timings.get("collect", 1e9), time.perf_counter() - started)
                for name in ("brief", "report", "deck-20"):
                    started = time.perf_counter()
                    plan_product(workspace, name, project.config.default_audience)
                    timings[name] = min(timings.get(name, 1e9), time.perf_counter() - started)
            points = len(workspace.content.points)
        baseline = baseline or timings
        figures = "  ".join(f"{name} {seconds * 1000:5.0f} ms ({seconds / baseline[name]:.1f}x)"
                            for name, seconds in timings.items())
        print(f"  {points:>4} points ({factor}x): {figures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    in_process(args.runs)
    as_commands(args.runs)
    versus_pandoc(args.runs)
    point_scaling(3)
    seed_scaling()


if __name__ == "__main__":
    main()
