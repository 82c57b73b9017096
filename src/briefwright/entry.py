"""Process entry point: a Ctrl-C at any moment ends with exit 130 and one line, never a traceback.

The command line module imports most of the package, which takes a noticeable part of a second; an
interrupt that lands during those imports would otherwise escape before ``cli.main`` can catch it, and
Python would report it as death by signal (-2) with a traceback.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

from briefwright.exits import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE, RECEIVED

_received = RECEIVED  # shared with the command line, which reports what it catches


def _on_interrupt(number: int, frame: FrameType | None) -> None:
    # Remembered as well as raised: a library may turn the KeyboardInterrupt into an error of its
    # own (pydantic-core reports one raised while it builds a schema as a SchemaError).
    _received.append(number)
    raise KeyboardInterrupt


def _interrupted() -> int:
    # CPython 3.11 remembers a KeyboardInterrupt that passed through code run by a C extension
    # during an import (PyRun_*: `_Py_UnhandledKeyboardInterrupt`) even after we catch it, and
    # then ends the process by SIGINT (-2) however we return. Nothing is left to clean up this
    # early or after the build's own handler, so leave directly with the status we promise.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_INTERRUPTED)


def _leave(status: int) -> int:
    """End the process now, as the interpreter would, without its teardown.

    A finished command has written and closed everything; what remains at exit is the teardown
    of every module and object, which frees memory the system takes back anyway and costs a
    seventh of a warm memo build's CPU. The exit handlers still run (they clean temporary
    folders and stop pools), the streams are flushed, and with a thread still working, or a
    stream that cannot be flushed, the normal shutdown does what it always does.
    """
    import atexit
    import threading

    if any(thread.is_alive() and not thread.daemon and thread is not threading.main_thread()
           for thread in threading.enumerate()):
        return status
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: Python's own shutdown reports it as it always has
        return status
    atexit._run_exitfuncs()
    os._exit(status)


def run() -> int:
    signal.signal(signal.SIGINT, _on_interrupt)
    status: int | None  # None: interrupted, not yet reported
    try:
        from briefwright.checkcache import main  # `check` on unchanged inputs answers without the package

        status = main()
        # The work is done. A Ctrl-C from here on waits, blocked, and dies with the process:
        # Python puts back the default handler while it shuts down, and an interrupt landing
        # then would end a finished build as killed by SIGINT (-2) instead of with its status.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except KeyboardInterrupt:  # cli.main reports its own; this covers imports and argument parsing
        status = None
    except BaseException:
        # An interrupt landing inside a compiled extension's import surfaces as that extension's
        # error: pydantic-core (pyo3) turns it into a PanicException, a BaseException. It was the
        # interrupt all the same; anything else (argparse's SystemExit, a real bug) goes on.
        if not _received:
            raise
        status = None
    if status is None or (_received and status != EXIT_INTERRUPTED):
        print(INTERRUPTED_MESSAGE, file=sys.stderr)
        status = EXIT_INTERRUPTED
    return _interrupted() if status == EXIT_INTERRUPTED else _leave(status)
