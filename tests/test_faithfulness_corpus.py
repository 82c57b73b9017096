"""The faithfulness bench's corpus files are well formed: every planted distortion and paraphrase addresses
a field that exists in its topic's content and really changes it, and each topic corpus covers every kind
of the example corpus. A broken entry would otherwise surface only as a SystemExit in `make bench-faithfulness`
(or, worse, as a variant silently measuring nothing)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from briefwright.content.claims import Claim, collect_claims
from briefwright.content.modules import load_content
from briefwright.diagnostics import Report
from briefwright.project import load_project
from briefwright.sources.registry import load_sources

ROOT = Path(__file__).resolve().parent.parent
MIN_PER_KIND = 4


def _bench() -> ModuleType:
    """bench/ is not a package: load the bench module from its file, as `python bench/…` would run it."""
    spec = importlib.util.spec_from_file_location("faithfulness_bench", ROOT / "bench" / "faithfulness_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _claims(root: Path) -> list[Claim]:
    """The claims of root's content, loaded (and its quotes found) as collect loads them; collect's
    faithfulness lint, whose findings no corpus entry depends on, is not run."""
    project = load_project(root, explicit=True)
    report = Report()
    content = load_content(project.content_dir, project.root, load_sources(project.seeds_dir, project.root, report),
                           report)
    assert content is not None and not report.errors, [d.format() for d in report.errors]
    return collect_claims(content)


def _unchanged(bench: ModuleType, variants: list[Any], claims: list[Claim]) -> list[str]:
    """Labels of the variants that leave their field as it was (target and `old` are checked by the bench)."""
    unchanged = []
    for variant in variants:
        claim = bench._target(claims, variant, "the content")
        if variant.apply(claim.text) == " ".join(claim.text.split()):
            unchanged.append(variant.label())
    return unchanged


def test_every_example_variant_edits_a_field_of_the_example_content() -> None:
    bench = _bench()
    planted, faithful = bench.load_corpus()
    assert planted and faithful
    assert _unchanged(bench, planted + faithful, _claims(ROOT)) == []


def test_every_topic_corpus_edits_its_own_topic_and_covers_every_kind_of_the_example() -> None:
    bench = _bench()
    example_kinds = {variant.kind for variant in bench.load_corpus()[0] if not variant.fresh}
    topics = bench.topic_corpora()
    assert "founding-texts" in topics
    for topic in topics:
        planted, faithful = bench.load_topic_corpus(topic)
        per_kind = Counter(variant.kind for variant in planted)
        assert set(per_kind) == example_kinds, topic
        assert min(per_kind.values()) >= MIN_PER_KIND, (topic, per_kind)
        assert faithful and all(variant.held_out for variant in planted + faithful)
        assert _unchanged(bench, planted + faithful, _claims(ROOT / "tests" / "roots" / topic)) == [], topic
