"""Running a build's jobs (product × audience) on every core.

Jobs are independent once the workspace is collected: each plans, renders and checks
one file. With more than one job and more than one core they run in worker processes
forked from the build, which inherit the collected workspace instead of receiving a
copy. Results come back in job order, so the files, the manifest and the report are
the same however many workers ran.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Job = tuple[str, str]  # (audience, product)
MakeOutput = Callable[[Any, Path, str, str], Any]

# What forked workers inherit: set just before the pool starts, read by _run.
_shared: tuple[Any, Path, MakeOutput] | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _worker_start(parent: int) -> None:
    """Workers die with the build: a killed build leaves no orphan waiting for work forever.
    Ctrl-C is the build's to handle; a worker ignores it and is stopped by the build."""
    import ctypes
    import ctypes.util

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel kills us when the build dies
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the build died before we could ask
        os._exit(1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _run(job: Job) -> Any:
    assert _shared is not None
    workspace, destination, make = _shared
    return make(workspace, destination, job[0], job[1])


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Move everything alive now (modules, the collected workspace) out of the garbage collector's
    reach while the jobs run, and give it back afterwards.

    The jobs allocate heavily, so the collector runs often; its full passes would otherwise walk
    the whole long-lived heap each time, and in a forked worker every object they touch is a page
    copied from the build. Freezing before the fork is what the gc module's documentation advises
    for fork without exec; measured on the 35-file matrix it saves about a tenth of the CPU time.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run_jobs(workspace: Any, destination: Path, jobs: list[Job], make: MakeOutput, workers: int | None,
             progress: Callable[[int, int, str], None] | None) -> Iterator[Any]:
    """make(workspace, destination, audience, product) for each job, in job order."""
    with _frozen_heap():
        yield from _run_jobs(workspace, destination, jobs, make, workers, progress)


def _run_jobs(workspace: Any, destination: Path, jobs: list[Job], make: MakeOutput, workers: int | None,
              progress: Callable[[int, int, str], None] | None) -> Iterator[Any]:
    global _shared
    count = min(workers or available_cores(), len(jobs))
    if count <= 1 or not _can_fork():  # one job (the analyst's loop): no pool, nor its import
        for number, job in enumerate(jobs, start=1):
            if progress is not None:
                progress(number, len(jobs), f"{job[1]} × {job[0]}")
            yield make(workspace, destination, job[0], job[1])
        return
    import multiprocessing

    _shared = (workspace, destination, make)
    pool = multiprocessing.get_context("fork").Pool(count, initializer=_worker_start, initargs=(os.getpid(),))
    try:
        for number, (job, result) in enumerate(zip(jobs, pool.imap(_run, jobs)), start=1):
            if progress is not None:
                progress(number, len(jobs), f"{job[1]} × {job[0]}")
            yield result
        pool.close()
    except BaseException:
        pool.terminate()  # an error or Ctrl-C: stop the other jobs now, not when they finish
        raise
    finally:
        pool.join()
        _shared = None
