"""What a text template can read: each name, and for records the fields they hold.

A template error that listed only "topic, audience, date, product" left the user to guess
what `audience` holds; this names the fields too ("audience: addressee, label, …")."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from pydantic import BaseModel

MAX_FIELDS = 24


def _fields(value: object) -> list[str]:
    if isinstance(value, BaseModel):
        return sorted(type(value).model_fields)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sorted(field.name for field in dataclasses.fields(value))
    return []


def describe(values: Mapping[str, object], only: str | None = None) -> str:
    """'audience (addressee, label, …), date (text), …': every name, or only the one an error was about."""
    parts = []
    for name in sorted(values):
        if only is not None and name != only:
            continue
        fields = _fields(values[name])
        if fields:
            shown = ", ".join(fields[:MAX_FIELDS]) + (", …" if len(fields) > MAX_FIELDS else "")
            parts.append(f"{name} ({shown})")
        else:
            parts.append(f"{name} ({type(values[name]).__name__ if not isinstance(values[name], str) else 'text'})")
    return "; ".join(parts)


def subject_of(message: str, values: Mapping[str, object]) -> str | None:
    """The template name an 'X object has no attribute' error is about, when it can be told."""
    for name, value in values.items():
        if f"'{type(value).__name__} object'" in message or f"{type(value).__name__} object" in message:
            return name
    return None
