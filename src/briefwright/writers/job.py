"""What a writer is handed (a RenderJob) and gives back (Rendered), and the protocol every writer keeps.

Kept apart from the format table in registry.py: products read that table, and a job names a
product, so the two in one module would import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from briefwright.audience import AudienceProfile
    from briefwright.content.modules import Content
    from briefwright.diagnostics import Report, Where
    from briefwright.model import Document
    from briefwright.products import Product
    from briefwright.sources.registry import SourceRegistry
    from briefwright.writers.registry import WriterSpec


@dataclass(frozen=True)
class Rendered:
    """A writer's bytes, and the model it drew them from (what its check compares them with)."""

    data: bytes
    model: Any


@dataclass(frozen=True)
class RenderJob:
    product: Product
    audience: AudienceProfile
    document: Document
    count: int  # pages or slides the plan fills
    sources: SourceRegistry  # a writer that shows evidence (HTML) reads the source texts …
    content: Content  # … and the content, for the positions of disputed points
    report: Report


class Writer(Protocol):
    def render(self, job: RenderJob) -> Rendered: ...

    def check(self, rendered: Rendered, job: RenderJob, where: Where) -> None:
        """Reopen the written bytes and report (into job.report) where they differ from the model."""


def load_writer(spec: WriterSpec) -> Writer:
    """The format's writer, its module imported on first use (a Word-only build never loads python-pptx)."""
    writer: Writer = import_module(spec.module).WRITER
    return writer
