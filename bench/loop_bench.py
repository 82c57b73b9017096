"""Benchmark the analyst's loop: one memo (verification cache cold and warm) and `check` on
unchanged inputs, each paired with its yardstick, plus what each import costs.

Run with `make bench` (or `python bench/loop_bench.py [--runs N]`). The example project is
copied to a scratch folder so its verification cache is the benchmark's own. Runs interleave
(briefwright, then the yardstick, then again), so drift slows both sides of a pair alike;
each pair's ratio is printed as well as the medians. Targets: one memo within 3x pandoc's CPU
with a warm cache and 6x cold; check on unchanged inputs within 2x `python -c 'import docx'`.

briefwright's bytecode is compiled first, as an installed package's is (pip compiles it): with
PYTHONDONTWRITEBYTECODE set and a source checkout, every run would otherwise compile every
module again, a cost no user pays. Then what each command imports: the modules and their
total import time (python -X importtime), one run each.
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import briefwright  # noqa: E402
from briefwright.build import collect, plan_product  # noqa: E402
from briefwright.project import load_project  # noqa: E402
from build_bench import _markdown, _timed  # noqa: E402  (the paired-run helpers build_bench uses)

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("briefwright.yaml", "seeds", "content", "templates")


def _copy_project(folder: Path) -> Path:
    project = folder / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    return project


def _ratios(pairs: list[tuple[tuple[float, float], tuple[float, float]]], index: int) -> str:
    return " ".join(f"{a[index] / b[index]:.1f}" for a, b in pairs)


def _median(pairs: list[tuple[float, float]], index: int) -> float:
    return statistics.median(pair[index] for pair in pairs)


def paired(runs: int) -> None:
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory(prefix="briefwright-loop-") as scratch:
        folder = Path(scratch)
        project = _copy_project(folder)
        workspace = collect(load_project(project, explicit=True))
        _, _, plan = plan_product(workspace, "memo", "analyst")
        memo_md = folder / "memo.md"
        memo_md.write_text(_markdown(plan.document, False), encoding="utf-8")
        warm_out = folder / "warm"  # one folder: its verification cache stays, its products are removed
        build = [sys.executable, "-m", "briefwright", "build", "--quiet", "--project", str(project),
                 "--product", "memo", "--audience", "analyst"]
        check = [sys.executable, "-m", "briefwright", "check", "--project", str(project)]
        cold, warm, pandoc_cold, pandoc_warm, checks, floors = [], [], [], [], [], []
        subprocess.run(check, check=True, capture_output=True)  # fill the check cache once
        subprocess.run([*build, "--out", str(warm_out)], check=True, capture_output=True)  # fill its cache
        for run in range(runs):
            cold.append(_timed([*build, "--out", str(folder / f"cold-{run}")]))  # a new folder: no cache
            if pandoc is not None:
                pandoc_cold.append(_timed([pandoc, str(memo_md), "-o", str(folder / f"cold-{run}.docx")]))
            for built in warm_out.iterdir():  # the memo is made again; only the verification cache is kept
                if built.is_file():
                    built.unlink()
            warm.append(_timed([*build, "--out", str(warm_out)]))
            shutil.copy2(warm_out / "memo-analyst.docx", folder / f"warm-{run}.docx")
            if pandoc is not None:
                pandoc_warm.append(_timed([pandoc, str(memo_md), "-o", str(folder / f"pandoc-{run}.docx")]))
            checks.append(_timed(check))
            floors.append(_timed([sys.executable, "-c", "import docx"]))
        same = {path.read_bytes() for run in range(runs)
                for path in (folder / f"cold-{run}" / "memo-analyst.docx", folder / f"warm-{run}.docx")}
        print(f"the analyst's loop, median of {runs} interleaved runs, wall / CPU seconds:")
        rows = [("briefwright build --product memo, verification cache cold", cold),
                ("briefwright build --product memo, verification cache warm", warm),
                ("briefwright check, nothing changed (answer replayed)", checks),
                ("python -c 'import docx' (interpreter + python-docx)", floors)]
        if pandoc is not None:
            rows.append(("pandoc, the same memo as markdown", pandoc_cold + pandoc_warm))
        for label, pairs in rows:
            print(f"  {label:<60} {_median(pairs, 0):6.2f} / {_median(pairs, 1):6.2f}")
        print(f"  the memo's bytes, cold and warm: {'identical' if len(same) == 1 else 'NOT IDENTICAL'}")
        print("  ratios pair by pair (CPU; targets: memo warm <= 3x pandoc, cold <= 6x; check <= 2x import docx):")
        if pandoc is not None:
            print(f"    memo warm / pandoc  {_ratios(list(zip(warm, pandoc_warm)), 1)}")
            print(f"    memo cold / pandoc  {_ratios(list(zip(cold, pandoc_cold)), 1)}")
        else:
            print("    pandoc is not installed (apt-get install pandoc): no memo ratios")
        print(f"    check / import docx {_ratios(list(zip(checks, floors)), 1)}")


def _imports(command: list[str]) -> tuple[int, float, list[tuple[int, str]]]:
    """(modules, total ms, [(own microseconds, module)]) of one run of a command under -X importtime."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefwright", *command], capture_output=True,
                            text=True, check=False)
    rows = []
    total = 0
    for line in result.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if found:
            rows.append((int(found.group(1)), found.group(4)))
            total += int(found.group(2)) if not found.group(3) else 0  # top-level imports include the rest
    return len(rows), total / 1000, rows


def command_imports(top: int = 12) -> None:
    """What each command imports (modules, and their import time in all), and the costliest
    modules of a warm memo build by their own import time."""
    with tempfile.TemporaryDirectory(prefix="briefwright-imports-") as scratch:
        project = _copy_project(Path(scratch))
        at = ["--project", str(project)]
        memo = ["build", "-q", "--product", "memo", "--audience", "analyst", *at]
        subprocess.run([sys.executable, "-m", "briefwright", "check", *at], check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "briefwright", *memo], check=True, capture_output=True)
        commands = [["--help"], ["build", "--help"], ["check", *at], ["list", *at], ["plan", "memo", *at],
                    ["trace", str(project / "build" / "memo-analyst.docx")], memo]
        print("what each command imports (python -X importtime, one run each; check: the answer replayed; "
              "build: memo, verification cache warm):")
        warm: list[tuple[int, str]] = []
        for command in commands:
            if command is memo:
                for built in (project / "build").iterdir():  # made again; the verification cache stays
                    if built.is_file():
                        built.unlink()
            count, total, rows = _imports(command)
            warm = rows if command is memo else warm
            shown = " ".join(word if not word.startswith(str(project)) else "…" for word in command)
            print(f"  briefwright {shown:<66} {count:>4} modules {total:7.0f} ms")
    print(f"the {top} costliest modules of that memo build, by their own import time:")
    for own, name in sorted(warm, reverse=True)[:top]:
        print(f"  {name:<44} {own / 1000:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compileall.compile_dir(str(Path(briefwright.__file__).parent), quiet=1)  # as pip does on install
    paired(args.runs)
    command_imports()


if __name__ == "__main__":
    main()
