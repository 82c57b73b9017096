"""What the live page shows, swapped whole: a reader never sees half of one build and half of the next."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class Snapshot:
    """One consistent state: the files of a finished build, the PNG pages made from them, the problems."""

    version: int = 0
    html: dict[str, Path] = field(default_factory=dict)  # file name → the published file
    pages: dict[str, list[Path]] = field(default_factory=dict)  # .docx/.pptx file name → its PNG pages
    errors: list[str] = field(default_factory=list)  # why the last build failed (the files shown are older)
    warnings: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # what is being made in the background
    built_in: float = 0.0  # seconds the last build took


class LiveState:
    """The current snapshot behind a lock; every change makes a new one and bumps the version."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot = Snapshot()
        self.changed = threading.Condition(self._lock)

    @property
    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    def update(self, **changes: object) -> Snapshot:
        with self._lock:
            self._snapshot = replace(self._snapshot, version=self._snapshot.version + 1, **changes)  # type: ignore[arg-type]
            self.changed.notify_all()
            return self._snapshot

    def wait_for_change(self, version: int, timeout: float) -> Snapshot:
        """The snapshot once its version differs from version, or after timeout (long polling)."""
        with self._lock:
            self.changed.wait_for(lambda: self._snapshot.version != version, timeout=timeout)
            return self._snapshot
