"""Diagnostics every stage reports, and the error that stops a build."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Where:
    """A place in the user's files: file, line and the dotted field path."""

    file: Path | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.file is not None:
            location = str(self.file)
            if self.line is not None:
                location += f":{self.line}"
            parts.append(location)
        if self.field:
            parts.append(f"[{self.field}]")
        return " ".join(parts) if parts else "<project>"


# The project file's `checks:` settings (code → error | warning | off), set when the project loads,
# as Sphinx applies suppress_warnings to every warning of the run. Build workers are forked after it.
_check_settings: dict[str, str] = {}


def configure_checks(settings: Mapping[str, str]) -> None:
    """Apply the project's severities to every warning reported from now on (project.py validates them)."""
    _check_settings.clear()
    _check_settings.update(settings)


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    where: Where
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.severity.value}[{self.code}]: {_readable(str(self.where))}: {_readable(self.message)}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


_LONG_QUOTE = re.compile(r"(['“\[])([^'”\]\n]{120})[^'”\]\n]{80,}(['”\]])")


def _readable(text: str) -> str:
    """A value quoted in a message (or a field path) cut to 120 characters (when over 200): a 10,000-character name
    would otherwise bury the message that names it."""
    return _LONG_QUOTE.sub(lambda m: f"{m.group(1)}{m.group(2)}…{m.group(3)}", text)


@dataclass
class Report:
    """An ordered collection of diagnostics from one or more stages."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        setting = _check_settings.get(diagnostic.code)
        if setting is not None and diagnostic.severity is Severity.WARNING:
            if setting == "off":
                return
            if setting == "error":
                diagnostic = replace(diagnostic, severity=Severity.ERROR)
        self.items.append(diagnostic)

    def error(self, code: str, where: Where, message: str, hint: str = "") -> None:
        self.add(Diagnostic(code, Severity.ERROR, where, message, hint))

    def warning(self, code: str, where: Where, message: str, hint: str = "") -> None:
        self.add(Diagnostic(code, Severity.WARNING, where, message, hint))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def raise_if_failed(self, strict: bool = False) -> None:
        if self.failed(strict):
            raise BriefwrightError(self)


class BriefwrightError(Exception):
    """Raised when a stage cannot go on; carries the diagnostics that say why."""

    def __init__(self, report: Report | Diagnostic | str, *, where: Where | None = None, code: str = "error") -> None:
        if isinstance(report, str):
            report = Diagnostic(code, Severity.ERROR, where or Where(), report)
        if isinstance(report, Diagnostic):
            single = Report()
            single.add(report)
            report = single
        self.report = report
        super().__init__("\n".join(d.format() for d in report.errors or report.items))

    def __reduce__(self):  # a worker process's error reaches the build with its whole report
        return (BriefwrightError, (self.report,))


def fail(code: str, where: Where, message: str, hint: str = "") -> BriefwrightError:
    """Build the exception for a single fatal problem (raise the result)."""
    return BriefwrightError(Diagnostic(code, Severity.ERROR, where, message, hint))
