"""One built file: its bytes, where it goes, and what the manifest records about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefwright.audience import AudienceProfile
    from briefwright.plan.planner import Plan
    from briefwright.products import Product


@dataclass
class Output:
    product: Product
    audience: AudienceProfile
    plan: Plan
    data: bytes
    path: Path
    evidence: dict = field(default_factory=dict)
    inputs: str = ""  # the inputs fingerprint it was built from
    clean: bool = True  # built without a warning: a --strict build may reuse it

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()
