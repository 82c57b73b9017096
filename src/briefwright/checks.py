"""Checks on content (coverage) and on audience profiles against it.

Each writer checks its own reopened output (briefwright.writers)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from briefwright.audience import AudienceProfile, where_set
from briefwright.content.modules import Content
from briefwright.diagnostics import Report, Where
from briefwright.sources.registry import SourceRegistry
from briefwright.yamlio import YamlDocument

STARTER_TOPIC = Path(__file__).resolve().parent / "starter" / "content" / "topic.yaml"
# The topic fields `init` fills with instructions, and what the user is to write in their place.
_PLACEHOLDER_FIELDS = {("title",): "the briefing's title", ("subject",): "one line on what the briefing is for",
                       ("bluf", "text"): "the bottom line, in your own words, resting on bluf.points"}


def check_coverage(content: Content, sources: SourceRegistry, report: Report) -> None:
    cited = {item.source for point in content.points.values() for item in point.evidence}
    for source in sources:
        if source.id not in cited:
            report.warning("source-uncited", Where(Path(sources.metadata_path.name), field=f"sources.{source.id}"),
                           f"source '{source.id}' is not cited by any point", "cite it, or remove it from the registry")
    check_placeholders(content, report)


def check_placeholders(content: Content, report: Report) -> None:
    """A topic field still holding the starter's instruction would be printed in every product
    ("Bottom line up front: Write the bottom line in your own words …")."""
    topic = {"title": content.topic.title, "subject": content.topic.subject, "bluf": {"text": content.topic.bluf.text}}
    for path, wanted in _PLACEHOLDER_FIELDS.items():
        value, placeholder = _at(topic, path), _at(_starter_topic(), path)
        if value is not None and placeholder is not None and value.split() == placeholder.split():
            where = (content.topic_document.where(path) if content.topic_document is not None
                     else Where(Path("content/topic.yaml"), field=".".join(path)))
            report.warning("starter-placeholder", where, f"still the starter's placeholder: “{' '.join(value.split())}”",
                           f"write {wanted} in its place")


@lru_cache(maxsize=1)
def _starter_topic() -> dict[str, Any]:
    """The shipped starter's topic.yaml, read once per process (it is part of the package)."""
    loaded: dict[str, Any] = yaml.safe_load(STARTER_TOPIC.read_text(encoding="utf-8"))
    return loaded


def _at(data: dict[str, Any], path: tuple[str, ...]) -> str | None:
    value: object = data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, str) else None


def check_audience(profile: AudienceProfile, chain: list[YamlDocument], content: Content, report: Report) -> None:
    """A profile's module names, weights and tags must mean something in this content: a profile
    copied from another topic would otherwise reorder, weigh or favour nothing, silently."""
    modules = {module.id for module in content.modules}
    tags = {tag for point in content.points.values() for tag in point.tags}
    known_modules = ", ".join(sorted(modules)) or "none"
    for index, module_id in enumerate(profile.module_order):
        if module_id not in modules:
            report.warning("audience-unknown-module", where_set(chain, ("module_order", index)),
                           f"profile '{profile.id}' orders module '{module_id}', which the content does not have",
                           f"modules: {known_modules}")
    for module_id in profile.module_weights:
        if module_id not in modules:
            report.warning("audience-unknown-module", where_set(chain, ("module_weights", module_id)),
                           f"profile '{profile.id}' weights module '{module_id}', which the content does not have",
                           f"modules: {known_modules}")
    for rule in ("favour", "exclude"):
        for index, tag in enumerate(getattr(profile.tags, rule)):
            if tag not in tags:
                report.warning("audience-unknown-tag", where_set(chain, ("tags", rule, index)),
                               f"profile '{profile.id}' would {rule} tag '{tag}', which no point carries",
                               f"tags in use: {', '.join(sorted(tags)) or 'none'}")
    _check_glossary(profile, chain, content, report)


def _check_glossary(profile: AudienceProfile, chain: list[YamlDocument], content: Content, report: Report) -> None:
    """A glossary lists the profile's acronyms that the products use: without any, `glossary: true` does nothing."""
    vocabulary = profile.vocabulary
    if not vocabulary.glossary:
        return
    if not vocabulary.acronyms:
        report.warning("glossary-empty", where_set(chain, ("vocabulary", "glossary")),
                       f"profile '{profile.id}' asks for a glossary, but defines no acronyms, so no product gets one",
                       "list the acronyms your content uses under vocabulary.acronyms (e.g. EEZ: Exclusive Economic "
                       "Zone), or set glossary: false")
        return
    texts = [content.topic.bluf.text, *(f"{m.title} {m.intro.text} {m.key_judgment.text}" for m in content.modules)]
    texts += [" ".join((point.headline, point.summary, point.detail or "")) for point in content.points.values()]
    prose = " ".join(texts)
    if not any(re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", prose) for acronym in vocabulary.acronyms):
        report.warning("glossary-empty", where_set(chain, ("vocabulary", "acronyms")),
                       f"profile '{profile.id}' asks for a glossary, but none of its acronyms "
                       f"({', '.join(sorted(vocabulary.acronyms))}) occurs in the content, so no product gets one",
                       "add the acronyms the content uses, or set glossary: false")
