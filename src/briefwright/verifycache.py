"""The verification cache: where every quote sits, what the faithfulness lint found, and which quote
clauses each content field restates (the evidence maps' aligned clauses).

Both depend only on the seed texts, their registry entries, the content files and
briefwright's own code, so they are kept in the build folder under the digest of exactly
those and of the tool's version. A build or check whose inputs have not changed replays
them instead of normalising every source and linting every sentence again; any change to
any of them (a byte of a seed, a comment in a module, a line of code) gives a new key, and
everything is verified afresh. A cache that cannot be read is ignored, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from briefwright import __version__
from briefwright.cachekey import file_identity
from briefwright.diagnostics import Diagnostic, Report, Severity, Where
from briefwright.fingerprint import package_digest
from briefwright.output import write_atomic
from briefwright.sources.registry import QuoteMatch, SourceRegistry

CACHE_FOLDER = ".briefwright-cache"
CACHE_FILE = "verification.json"
_FORMAT = 2  # 2: the aligned clauses are kept too


def code_digest() -> str:
    """briefwright's version and code (the verification rules live in it), with this cache's format."""
    return f"briefwright {__version__} cache {_FORMAT} {package_digest()}"


def verification_key(sources: SourceRegistry, content_dir: Path) -> str:
    """Digest of every input the quote check and the faithfulness lint read, and of the code."""
    digest = hashlib.sha256(code_digest().encode())
    # Each input's identity on this machine as well as its bytes: a cache forged elsewhere cannot match.
    digest.update(sources.metadata_path.read_bytes() + file_identity(sources.metadata_path))
    for source in sources:  # each seed's bytes were checked against this sha256 when loaded
        digest.update(f"{source.id}\0{source.meta.sha256}\n".encode() + file_identity(source.path))
    for path in sorted(content_dir.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + file_identity(path))
    return digest.hexdigest()


def _diagnostic_to_json(diagnostic: Diagnostic) -> dict[str, Any]:
    where = asdict(diagnostic.where)
    where["file"] = str(diagnostic.where.file) if diagnostic.where.file is not None else None
    return {"code": diagnostic.code, "severity": diagnostic.severity.value, "where": where,
            "message": diagnostic.message, "hint": diagnostic.hint}


def _diagnostic_from_json(data: dict[str, Any]) -> Diagnostic:
    where = data["where"]
    return Diagnostic(data["code"], Severity(data["severity"]),
                      Where(Path(where["file"]) if where["file"] is not None else None, where["line"], where["field"]),
                      data["message"], data["hint"])


class VerificationCache:
    """One project's cached verification; `hit` says whether the stored results match the inputs."""

    def __init__(self, root: Path, folder: Path, key: str) -> None:
        # The folder a build writes into (the project's build/, or --out): it writes nothing else.
        self.enabled = True
        self.path = folder / CACHE_FOLDER / CACHE_FILE
        self.key = key
        self.stored = self._read() if self.enabled else None
        self.pending: dict[str, Any] | None = None

    def _read(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("key") == self.key else None

    @property
    def hit(self) -> bool:
        return self.stored is not None

    def prime(self, sources: SourceRegistry) -> None:
        """Hand each source the places of its quotes found last time (so it need not search again)."""
        if self.stored is None:
            return
        try:
            for source_id, table in self.stored["located"].items():
                if source_id in sources:
                    located = sources[source_id]._located
                    for quote, place in table.items():
                        located[quote] = QuoteMatch(*place) if place is not None else None
        except (KeyError, TypeError, AttributeError):
            self.stored = None

    def faithfulness(self, report: Report) -> bool:
        """Replay the stored lint findings into report; False when there are none to replay."""
        if self.stored is None or not isinstance(self.stored.get("faithfulness"), list):
            return False
        try:
            replayed = [_diagnostic_from_json(item) for item in self.stored["faithfulness"]]
        except (KeyError, TypeError, ValueError):
            return False
        for diagnostic in replayed:
            report.add(diagnostic)
        return True

    def alignments(self) -> list[Any] | None:
        """The stored aligned clauses (rows as evidence.alignment_rows writes them), or None."""
        stored = self.stored.get("alignments") if self.stored is not None else None
        return stored if isinstance(stored, list) else None

    def keep_alignments(self, rows: list[Any]) -> None:
        """Add aligned clauses worked out after the lint to what this run saves (also on a replayed
        lint whose results were stored by a check, which aligns nothing)."""
        base = self.pending if self.pending is not None else dict(self.stored) if self.stored is not None else None
        if base is not None:
            base["alignments"] = rows
            self.pending = base

    def keep(self, sources: SourceRegistry, findings: list[Diagnostic]) -> None:
        """Remember this run's results, to be saved once the caller has written what it writes."""
        located = {source.id: {quote: [match.start, match.end, match.line, match.paragraph] if match else None
                               for quote, match in sorted(source._located.items())}
                   for source in sources}
        self.pending = {"key": self.key, "located": located,
                        "faithfulness": [_diagnostic_to_json(d) for d in findings]}

    def save(self) -> None:
        data, self.pending = self.pending, None
        if not self.enabled or data is None:
            return
        with contextlib.suppress(OSError):  # a read-only build folder: the next run verifies again
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
