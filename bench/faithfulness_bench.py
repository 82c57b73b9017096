"""Benchmark: how well the faithfulness check catches planted distortions, and how often it cries wolf.

Run with `make bench-faithfulness` (or `python bench/faithfulness_bench.py [--heldout] [--misses]`).

- Recall: each planted distortion in tests/faithfulness_corpus/example-distortions.yaml replaces one
  field's sentence of one point (or judgment) of the example content, everything else unchanged; it
  is caught when that field draws at least one finding. Printed per kind and overall.
- False alarms: the same for the faithful paraphrases in example-paraphrases.yaml.
- Topics the check was not written against (tests/roots/founding-texts, public-domain texts, and every
  other test root with a corpus of its own, e.g. tests/roots/licences, licence texts): findings per 20
  sentences of each one's content (every finding there is a false warning unless a person reading it
  judges otherwise; the bench lists them with --misses).
- Speed: CPU and wall time of linting all content claims, and of linting every product's composed text,
  as a ratio to a yardstick (parsing the content YAML) timed in the same session, interleaved.

Every fourth variant of each kind is held out: the default run prints the tuning slice only; --heldout
prints the held-out slice as well (kept unseen while the rules were tuned), and each fresh held-out set
(*-fresh*.yaml, written before a later round of tuning and held out whole). --heldout also runs each
topic corpus: tests/faithfulness_corpus/TOPIC-distortions.yaml (and TOPIC-paraphrases.yaml) planted on
the content of tests/roots/TOPIC, written blind to the rules and held out whole, so recall is also
measured on a topic other than the one the rules were tuned on. Figures go to stdout; nothing here
asserts a threshold.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from briefwright.build import Workspace, collect, plan_product, resolve_audiences, resolve_products
from briefwright.content import alignment
from briefwright.content import language as lang
from briefwright.content.claims import Claim, collect_claims
from briefwright.content.faithfulness import Finding, LintContext, lint, lint_claim, lint_context
from briefwright.content.rendered import lint_document
from briefwright.project import load_project

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "faithfulness_corpus"
TEST_ROOTS = ROOT / "tests" / "roots"
SECOND_TOPIC = TEST_ROOTS / "founding-texts"
HELD_OUT_EVERY = 4


@dataclasses.dataclass(frozen=True)
class Variant:
    kind: str
    index: int
    owner: str
    field: str
    old: str | None
    new: str | None
    append: str | None
    fresh: str = ""  # the *-fresh*.yaml set it comes from ("fresh", "fresh2"): held out as a whole

    @property
    def held_out(self) -> bool:
        return bool(self.fresh) or self.index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1

    def label(self) -> str:
        return f"{self.kind}#{self.index + 1} {self.owner} {self.field}"

    def apply(self, text: str) -> str:
        flat = " ".join(text.split())
        if self.append is not None:
            return f"{flat} {self.append}"
        if self.old is None:
            assert self.new is not None
            return self.new
        if self.old not in flat:
            raise SystemExit(f"{self.label()}: {self.old!r} is not in the field's text: {flat!r}")
        return flat.replace(self.old, self.new or "", 1)


def _variants(kind: str, entries: list[dict[str, str]], fresh: str = "") -> list[Variant]:
    result = []
    for index, entry in enumerate(entries):
        owner, field = entry["at"].split()
        result.append(Variant(kind, index, owner, field, entry.get("old"), entry.get("new"), entry.get("append"),
                              fresh))
    return result


def _read(name: str, key: str) -> dict[str, list[dict[str, str]]] | list[dict[str, str]]:
    path = CORPUS / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))[key] if path.exists() else []


def load_corpus() -> tuple[list[Variant], list[Variant]]:
    """The planted distortions and faithful paraphrases; those of the *-fresh.yaml sets (written before a
    later round of tuning and never looked at during it) are marked fresh and held out as a whole."""
    planted, faithful = [], []
    fresh_sets = sorted(path.name.removeprefix("example-distortions").removesuffix(".yaml")
                        for path in CORPUS.glob("example-distortions-fresh*.yaml"))
    for suffix in ["", *fresh_sets]:
        fresh = suffix.removeprefix("-")
        distortions = _read(f"example-distortions{suffix}.yaml", "distortions")
        for kind, entries in (distortions.items() if isinstance(distortions, dict) else []):
            planted += _variants(kind, entries, fresh)
        paraphrases = _read(f"example-paraphrases{suffix}.yaml", "paraphrases")
        faithful += _variants("faithful", paraphrases if isinstance(paraphrases, list) else [], fresh)
    return planted, faithful


def _target(claims: list[Claim], variant: Variant, content: str) -> Claim:
    for claim in claims:
        if claim.owner == variant.owner and claim.field == variant.field and (
                variant.old is None or variant.old in " ".join(claim.text.split())):
            return claim
    raise SystemExit(f"{variant.label()}: no such field in {content}")


def run_variants(variants: list[Variant], claims: list[Claim], context: LintContext,
                 content: str = "the example content") -> list[tuple[Variant, list[Finding]]]:
    results = []
    for variant in variants:
        claim = _target(claims, variant, content)
        baseline = {finding.message for finding in lint_claim(claim, context)}
        edited = dataclasses.replace(claim, text=variant.apply(claim.text))
        results.append((variant, [f for f in lint_claim(edited, context) if f.message not in baseline]))
    return results


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:5.1f}%" if total else "n/a"


def report_recall(results: list[tuple[Variant, list[Finding]]], title: str, misses: bool) -> None:
    print(f"\n{title}")
    kinds = sorted({variant.kind for variant, _ in results})
    for kind in kinds:
        of_kind = [(v, f) for v, f in results if v.kind == kind]
        print(f"  {kind:20} {_rate(sum(1 for _, f in of_kind if f), len(of_kind))}")
    print(f"  {'overall':20} {_rate(sum(1 for _, f in results if f), len(results))}")
    if misses:
        for variant, findings in results:
            if not findings:
                print(f"    missed {variant.label()}: {variant.new or variant.append}")


def report_false_alarms(results: list[tuple[Variant, list[Finding]]], title: str, misses: bool) -> None:
    flagged = [(v, f) for v, f in results if f]
    print(f"\n{title}\n  flagged {_rate(len(flagged), len(results))}")
    if misses:
        for variant, findings in flagged:
            print(f"    {variant.label()}: [{findings[0].rule}] {findings[0].message}")


def _collected(root: Path) -> Workspace:
    """The project collected with its verification cache in a scratch folder: the bench writes
    nothing into the repository (a test root's build/ would outlive the run)."""
    with tempfile.TemporaryDirectory(prefix="briefwright-faith-bench-") as scratch:
        return collect(load_project(root, explicit=True), cache_dir=Path(scratch))


def unseen_topic(root: Path, misses: bool) -> None:
    """False warnings on a topic the rules were not written against: every finding on its faithful content
    counts, per 20 sentences of that content."""
    workspace = _collected(root)
    claims = collect_claims(workspace.content)
    result = lint(workspace.content, workspace.sources)
    sentences = sum(len(lang.sentences(claim.text)) for claim in claims)
    per_20 = 20 * len(result.findings) / sentences if sentences else 0.0
    print(f"\nUnseen topic ({root.relative_to(ROOT)}): {len(result.findings)} warnings in {sentences} "
          f"sentences = {per_20:.2f} per 20 sentences")
    if misses:
        for finding in result.findings:
            print(f"    {finding.claim.describe()} [{finding.rule}] {finding.message}")


def unseen_topic_roots() -> list[Path]:
    """The second topic and every topic root with a corpus of its own, each once."""
    roots = {SECOND_TOPIC} if SECOND_TOPIC.exists() else set()
    return sorted(roots | {TEST_ROOTS / topic for topic in topic_corpora()})


def topic_corpora() -> list[str]:
    """The topics with a corpus of their own: TOPIC-distortions.yaml beside a test root tests/roots/TOPIC
    (the example's files are named after the example project, which is the repository root, not a test root)."""
    topics = (path.name.removesuffix("-distortions.yaml") for path in CORPUS.glob("*-distortions.yaml"))
    return sorted(topic for topic in topics if topic != "example" and (TEST_ROOTS / topic).is_dir())


def load_topic_corpus(topic: str) -> tuple[list[Variant], list[Variant]]:
    """A topic's planted distortions and faithful paraphrases, all marked held out (set name = the topic)."""
    distortions = _read(f"{topic}-distortions.yaml", "distortions")
    paraphrases = _read(f"{topic}-paraphrases.yaml", "paraphrases")
    planted = [variant for kind, entries in (distortions.items() if isinstance(distortions, dict) else [])
               for variant in _variants(kind, entries, topic)]
    return planted, _variants("faithful", paraphrases if isinstance(paraphrases, list) else [], topic)


def _standing(topic: str) -> str:
    """How far a topic corpus is still unseen: its file's `tuned_on:` says what a round of tuning looked at."""
    path = CORPUS / f"{topic}-distortions.yaml"
    tuned = yaml.safe_load(path.read_text(encoding="utf-8")).get("tuned_on") if path.exists() else None
    return f"TUNED ON ({tuned})" if tuned else "held out whole, never tuned on"


def held_out_topic(topic: str) -> None:
    """Recall and false alarms of one topic corpus, against that topic's own claims and quotes. Misses are
    not listed: the set is held out whole, so nobody tunes on it miss by miss."""
    root = TEST_ROOTS / topic
    workspace = _collected(root)
    claims = collect_claims(workspace.content)
    context = lint_context(workspace.content, workspace.sources, claims)
    planted, faithful = load_topic_corpus(topic)
    where = f"the content of {root.relative_to(ROOT)}"
    heading = f"topic {topic} ({root.relative_to(ROOT)}), {_standing(topic)}"
    report_recall(run_variants(planted, claims, context, where),
                  f"Recall, {heading}: {len(planted)} planted in {len({v.kind for v in planted})} kinds "
                  f"({topic}-distortions.yaml)", False)
    if faithful:
        report_false_alarms(run_variants(faithful, claims, context, where),
                            f"Faithful paraphrases, {heading} ({topic}-paraphrases.yaml)", False)


def _cpu_and_wall(action: Callable[[], object]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - cpu, time.perf_counter() - wall


def speed(runs: int) -> None:
    """CPU and wall time of the content lint and of the rendered-text lint over every product × audience
    (composed once beforehand: composing is the build's cost, not the lint's)."""
    workspace = _collected(ROOT)
    documents = [plan_product(workspace, product, audience)[2].document
                 for audience in resolve_audiences(workspace, ["all"])
                 for product in resolve_products(workspace, ["all"])]
    content_files = sorted((ROOT / "content").glob("*.yaml"))

    def yardstick() -> None:
        for path in content_files:
            yaml.safe_load(path.read_text(encoding="utf-8"))

    def content_lint() -> None:
        lang.clear_caches()
        alignment.clear_caches()
        lint(workspace.content, workspace.sources)

    def products_lint() -> None:
        lang.clear_caches()
        alignment.clear_caches()
        for document in documents:
            lint_document(document, workspace.content)

    samples: dict[str, list[tuple[float, float]]] = {"yardstick": [], "content": [], "products": []}
    for _ in range(runs):  # paired and interleaved, so machine load hits all three alike
        samples["yardstick"].append(_cpu_and_wall(yardstick))
        samples["content"].append(_cpu_and_wall(content_lint))
        samples["products"].append(_cpu_and_wall(products_lint))
    base_cpu = statistics.median(cpu for cpu, _ in samples["yardstick"])
    print(f"\nSpeed (median of {runs}; yardstick = parsing the example's content YAML, "
          f"{base_cpu * 1000:.0f} ms CPU; {len(documents)} composed products)")
    for name, label in (("content", "content claims"), ("products", "products' text")):
        cpu = statistics.median(c for c, _ in samples[name])
        wall = statistics.median(w for _, w in samples[name])
        print(f"  lint {label:15} CPU {cpu:6.3f} s  wall {wall:6.3f} s  ({cpu / base_cpu:5.1f}× yardstick CPU)")
    total = statistics.median(c + p for (c, _), (p, _) in zip(samples["content"], samples["products"], strict=True))
    print(f"  all products' text linted (content + rendered): {total:.3f} s CPU")


def report_held_out(planted: list[Variant], faithful: list[Variant],
                    example_results: list[tuple[Variant, list[Finding]]], claims: list[Claim],
                    context: LintContext) -> None:
    """The example's held-out slice, the whole example corpus, and each fresh held-out set; never with misses."""
    distortions = [r for r in example_results if r[0].kind != "faithful"]
    paraphrases = [r for r in example_results if r[0].kind == "faithful"]
    report_recall([r for r in distortions if r[0].held_out], "Recall, held-out slice", False)
    report_false_alarms([r for r in paraphrases if r[0].held_out], "Faithful paraphrases, held-out slice",
                        False)
    report_recall(distortions, "Recall, all", False)
    report_false_alarms(paraphrases, "Faithful paraphrases, all", False)
    report_fresh_sets(planted, faithful, claims, context)


def report_fresh_sets(planted: list[Variant], faithful: list[Variant], claims: list[Claim],
                      context: LintContext) -> None:
    """Each *-fresh*.yaml set of the example, held out whole."""
    for name in sorted({v.fresh for v in planted + faithful if v.fresh}):
        report_recall(run_variants([v for v in planted if v.fresh == name], claims, context),
                      f"Recall, fresh held-out set (example-distortions-{name}.yaml)", False)
        if any(v.fresh == name for v in faithful):
            report_false_alarms(run_variants([v for v in faithful if v.fresh == name], claims, context),
                                f"Faithful paraphrases, fresh held-out set (example-paraphrases-{name}.yaml)",
                                False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="also print the held-out slice")
    parser.add_argument("--misses", action="store_true", help="list missed distortions and false alarms")
    parser.add_argument("--runs", type=int, default=3, help="timing runs")
    args = parser.parse_args(argv)
    workspace = _collected(ROOT)
    claims = collect_claims(workspace.content)
    context = lint_context(workspace.content, workspace.sources, claims)
    planted, faithful = load_corpus()
    print(f"Corpus: {len(planted)} planted distortions in {len({v.kind for v in planted})} kinds, "
          f"{len(faithful)} faithful paraphrases ({sum(v.held_out for v in planted + faithful)} held out)")
    distortions = run_variants([v for v in planted if not v.fresh], claims, context)
    paraphrases = run_variants([v for v in faithful if not v.fresh], claims, context)
    report_recall([r for r in distortions if not r[0].held_out], "Recall, tuning slice", args.misses)
    report_false_alarms([r for r in paraphrases if not r[0].held_out], "Faithful paraphrases, tuning slice",
                        args.misses)
    if args.heldout:
        report_held_out(planted, faithful, distortions + paraphrases, claims, context)
        for topic in topic_corpora():
            held_out_topic(topic)
    for root in unseen_topic_roots():
        unseen_topic(root, args.misses)
    if args.runs:
        speed(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
