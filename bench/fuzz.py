"""Fuzz content YAML and reference packages for a while; print what was run and what failed.

`make fuzz` runs it for ten minutes (`python bench/fuzz.py --seconds 600`). Each round gives
each property a fresh random seed and a batch of examples; a failure is shrunk by
hypothesis, printed with its falsifying example, and the run goes on. Exit status 1 if
anything failed. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests package holds the properties
from tests.fuzzing import fuzz_content, fuzz_reference  # noqa: E402

PROPERTIES: dict[str, Callable[[st.DataObject], None]] = {"content": fuzz_content, "reference": fuzz_reference}


def _round(prop: Callable[[st.DataObject], None], examples: int, round_seed: int) -> None:
    @seed(round_seed)
    # No shrinking: one slow build per step made a single shrink take over five minutes; the failing
    # example is printed as drawn, with the seed that reproduces it.
    @settings(max_examples=examples, deadline=None, database=None, print_blob=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    @given(st.data())
    def run(data: st.DataObject) -> None:
        prop(data)

    run()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--batch", type=int, default=25, help="examples per property per round")
    args = parser.parse_args()
    started = time.monotonic()
    deadline = started + args.seconds
    started_cpu = time.process_time()
    runs = {name: 0 for name in PROPERTIES}
    failures: list[str] = []
    rng = random.Random()
    while time.monotonic() < deadline:
        for name, prop in PROPERTIES.items():
            if time.monotonic() >= deadline:
                break
            round_seed = rng.randrange(2**32)
            try:
                _round(prop, args.batch, round_seed)
            except Exception:  # the property failed: keep the shrunk example and go on
                report = traceback.format_exc(limit=-8)
                failures.append(f"[{name}, seed {round_seed}]\n{report}")
                print(f"FAILED {name} (seed {round_seed}):\n{report}", flush=True)
            runs[name] += args.batch
        print(f"{time.monotonic() - started:.0f} s: {sum(runs.values())} examples, {len(failures)} failing round(s)",
              flush=True)
    wall = time.monotonic() - started
    print(f"fuzzed for {wall:.0f} s wall, {time.process_time() - started_cpu:.0f} s CPU: "
          + ", ".join(f"{name} {count} examples" for name, count in runs.items())
          + f"; {len(failures)} failing round(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
