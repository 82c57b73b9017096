"""Memoised text analyses that answer with lists.

The faithfulness rules ask the same few hundred quote and claim texts for their sentences,
clauses and terms thousands of times in one lint, and a resident `watch` lints the same quotes
again on every save. Each answer is kept once, as a tuple, and every caller gets a new list, so
a caller that changes its list changes no other caller's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

T = TypeVar("T")
_CLEARS: list[Callable[[], None]] = []


def memoised_list(function: Callable[..., list[T]]) -> Callable[..., list[T]]:
    kept = lru_cache(maxsize=16384)(lambda *args, **kwargs: tuple(function(*args, **kwargs)))

    @wraps(function)
    def answer(*args: Any, **kwargs: Any) -> list[T]:
        return list(kept(*args, **kwargs))

    _CLEARS.append(kept.cache_clear)
    return answer


def cleared_with_the_rest(cache_clear: Callable[[], None]) -> None:
    """Forget another cache's answers with these (a cold lint forgets every analysis it kept)."""
    _CLEARS.append(cache_clear)


def clear_memoised_lists() -> None:
    """Forget every kept answer (the bench times a cold lint)."""
    for clear in _CLEARS:
        clear()
