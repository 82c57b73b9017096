"""Jinja2's sandbox, bounded in time, output and arithmetic.

The sandbox already keeps templates away from Python internals. What it does not bound
is work: nested loops, "x" * 10**9 or 9 ** 9 ** 9 can take a build's time and memory.
Here multiplication and powers are capped, output is counted as it is produced, and a
render that runs longer than safety.TEMPLATE_SECONDS is stopped (on the main thread,
where a timer signal can interrupt it; other threads rely on the output and arithmetic
caps).
"""

from __future__ import annotations

import operator
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from briefwright import safety


class TemplateLimit(Exception):
    """A template went past a time or size limit."""


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        # No autoescaping: the output is not markup — python-docx and python-pptx escape XML
        # themselves, and HTML entities would be printed literally.
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and \
                        len(sequence) * count > safety.TEMPLATE_MAX_REPEAT:
                    raise SecurityError(f"repeating a value {count} times makes more than "
                                        f"{safety.TEMPLATE_MAX_REPEAT:,} items")
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > 64 or \
                    isinstance(left, (int, float)) and abs(left) > safety.TEMPLATE_MAX_REPEAT:
                raise SecurityError("powers are limited to small numbers in templates")
            return operator.pow(left, right)
        return super().call_binop(context, operator_name, left, right)


_ENVIRONMENT: BoundedSandbox | None = None
_COMPILED: dict[str, Template] = {}


def compile_template(source: str) -> Template:
    """A template compiled once per process: every product and audience of a build renders the
    same few dozen sources, and compiling costs far more than rendering. The environment is
    shared; it holds no per-build state."""
    global _ENVIRONMENT
    template = _COMPILED.get(source)
    if template is None:
        if _ENVIRONMENT is None:
            _ENVIRONMENT = BoundedSandbox()
        template = _COMPILED[source] = _ENVIRONMENT.from_string(source)
    return template


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TemplateLimit(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render(template: Template, values: dict[str, Any]) -> str:
    """The template's output, within safety's limits on time and length."""
    pieces: list[str] = []
    length = 0
    started = time.monotonic()
    with _deadline(safety.TEMPLATE_SECONDS):
        for piece in template.generate(values):
            length += len(piece)
            if length > safety.TEMPLATE_OUTPUT_CHARS:
                raise TemplateLimit(f"wrote more than {safety.TEMPLATE_OUTPUT_CHARS:,} characters")
            if time.monotonic() - started > safety.TEMPLATE_SECONDS:
                raise TemplateLimit(f"took longer than {safety.TEMPLATE_SECONDS:g} s")
            pieces.append(piece)
    return "".join(pieces)
