"""Turn pydantic validation errors into diagnostics that name file, line and field."""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from briefwright.diagnostics import Report, Where
from briefwright.yamlio import FieldPath, YamlDocument

M = TypeVar("M", bound=BaseModel)

_PLAIN = {
    "missing": "this field is required but missing",
    "extra_forbidden": "this field is not recognised",
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "list_type": "should be a list",
    "dict_type": "should be a mapping of fields",
    "model_type": "should be a mapping of fields",
    "bool_type": "should be true or false",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
}

_HINTS = {
    "missing": "add the field",
    "extra_forbidden": "remove it, or check its spelling",
    "too_short": "add at least {min_length} item(s)",
    "too_long": "keep at most {max_length} item(s)",
    "string_too_short": "write at least {min_length} characters",
    "string_too_long": "shorten it to at most {max_length} characters",
    "string_pattern_mismatch": "use lowercase letters, digits and hyphens (e.g. coast-guard-drills)",
    "literal_error": "use one of: {expected}",
    "enum": "use one of: {expected}",
    "greater_than_equal": "use {ge} or more",
    "less_than_equal": "use {le} or less",
    "greater_than": "use a number above {gt}",
    "less_than": "use a number below {lt}",
}
_GENERIC_HINT = "see the comments at the top of this file, or the README's 'Adding material'"


def _sized(error: Mapping[str, Any]) -> str:
    """'this list is empty; it needs at least 1 item' rather than the validation library's phrasing."""
    context = error.get("ctx") or {}
    value = error.get("input")
    count = len(value) if isinstance(value, (str, list, tuple, dict)) else "?"
    if error["type"] == "too_short":
        return f"has {count} item(s); at least {context.get('min_length')} needed"
    if error["type"] == "too_long":
        return f"has {count} item(s); at most {context.get('max_length')} allowed"
    if error["type"] == "string_too_short":
        return f"is {count} character(s) long; at least {context.get('min_length')} needed"
    return f"is {count} character(s) long; at most {context.get('max_length')} allowed"


def plain_hint(error: Mapping[str, Any]) -> str:
    """What to do, in the project's words; a generic pointer when the error has no specific advice."""
    template = _HINTS.get(error["type"])
    if template is None:
        return _GENERIC_HINT
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return _GENERIC_HINT


def missing_hint(model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    """What a missing field is for, from the schema's own description of it, so a new user learns
    what to write rather than only that something is missing."""
    field = _field_at(model, loc)
    name = str(loc[-1]) if loc else "the field"
    if field is None:
        return f"add `{name}:` ({_GENERIC_HINT})"
    described = field.description or _model_doc(field.annotation)
    nested = _nested_model(field.annotation)
    required = [key for key, info in nested.model_fields.items() if info.is_required()] if nested else []
    parts = [f"add `{name}:`"]
    if described:
        parts.append(f"— {described}")
    if required:
        parts.append(f"(with {', '.join(f'`{key}:`' for key in required)})")
    return " ".join(parts)


def _field_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> FieldInfo | None:
    current: type[BaseModel] | None = model
    field: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        field = current.model_fields[part]
        current = _nested_model(field.annotation)
    return field


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly, in a list or as an optional value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _nested_model(argument)
        if found is not None:
            return found
    return None


def _model_doc(annotation: Any) -> str:
    nested = _nested_model(annotation)
    doc = (nested.__doc__ or "").strip() if nested is not None else ""
    return doc.split("\n\n")[0].replace("\n", " ").split(". ")[0].rstrip(".") if doc else ""


def _shown(value: Any, limit: int = 60) -> str:
    """A value as the message quotes it: a huge string, list or mapping is cut, so the line stays readable."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def plain_message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        return _sized(error)
    if kind == "string_pattern_mismatch":
        return f"{error.get('input')!r} is not a valid id"
    if kind in _PLAIN:
        message = _PLAIN[kind]
        if kind.endswith("_type") or kind.endswith("_parsing"):
            message += f" (got {_shown(error.get('input'))})"
        return message
    message = str(error["msg"])
    # pydantic prefixes custom validator messages with "Value error, "
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def validate_into(model: type[M], data: Any, document: YamlDocument, base: FieldPath, report: Report,
                  locate: Callable[[FieldPath], Where] | None = None) -> M | None:
    """Validate data against model; on failure add one diagnostic per problem.

    locate names the place of a field when data was merged from several files (an
    audience profile and the profiles it extends); by default, the document's own line.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            # pydantic adds union-branch names and "function-after" tags to loc; keep real keys.
            loc = tuple(part for part in error["loc"]
                        if not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))
            field_path = base + loc
            report.error(
                f"schema-{error['type']}",
                locate(field_path) if locate is not None else document.where(field_path),
                plain_message(error),
                missing_hint(model, loc) if error["type"] == "missing" else plain_hint(error),
            )
        return None
