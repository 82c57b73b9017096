"""A claim linted against quotes written for the test (a bylaw, a lease, an op-ed), not the example's: the
rules must hold for English they were never tuned on."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from briefwright.content.claims import Claim
from briefwright.content.faithfulness import lint_claim, lint_context
from briefwright.content.modules import Content
from briefwright.diagnostics import Where
from briefwright.sources.registry import Source, SourceMeta, SourceRegistry


def _registry(source_ids: set[str]) -> SourceRegistry:
    def meta(source_id: str) -> SourceMeta:
        return SourceMeta(id=source_id, file=f"{source_id}.txt", sha256="0" * 64, title=f"The {source_id} text",
                          authors="unknown", publisher="Riverton Council", date="2020", translator="none stated",
                          url="unknown")
    return SourceRegistry({source_id: Source(meta(source_id), Path(f"{source_id}.txt"), "", [])
                           for source_id in sorted(source_ids)}, Path("sources.yaml"))


def findings(text: str, quotes: list[tuple[str, str]], field: str = "summary") -> dict[str, str]:
    """rule → message of every finding on one point field that cites these (source, quote) pairs."""
    cited = tuple(sorted({source for source, _ in quotes}))
    claim = Claim("point:synthetic", field, text, tuple(quotes), cited, Where(field=field))
    context = lint_context(cast(Content, None), _registry(set(cited)), [claim])
    return {finding.rule: finding.message for finding in lint_claim(claim, context)}
