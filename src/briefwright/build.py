"""The build, stage by stage: collect and verify, plan, render, check, write.

Nothing is written until every requested product has planned, rendered and
passed its checks, so a failing build never leaves half its outputs behind.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefwright import safety
from briefwright.audience import AudienceProfile, asset_paths, audience_names, load_audience, profile_chain
from briefwright.built import Output
from briefwright.checks import check_audience, check_coverage
from briefwright.compose.composer import ComposeContext, Composer
from briefwright.content.modules import Content, load_content
from briefwright.content.rendered import report_rendered
from briefwright.diagnostics import Diagnostic, Report, Severity, Where
from briefwright.evidence import (
    AlignmentRecords,
    alignment_records,
    alignment_rows,
    build_evidence_map,
    evidence_paths,
    records_from_rows,
    to_json,
    to_markdown,
)
from briefwright.fingerprint import inputs_fingerprint
from briefwright.manifest import MANIFEST, current_files, updated_manifest
from briefwright.matrix import run_jobs
from briefwright.measure.layout import Typesetter
from briefwright.measure.readability import document_grade
from briefwright.plan.planner import Plan, Planner, check_line_limits
from briefwright.products import Product, load_product
from briefwright.project import PROJECT_FILE, Project
from briefwright.publish import LOCK_FILE, STAGING_PREFIX, publish
from briefwright.reference.active import check_products
from briefwright.reference.docx_look import apply_reference
from briefwright.reference.profile_fonts import check_profile_fonts
from briefwright.sources.registry import SourceRegistry, load_sources
from briefwright.templates import Layers
from briefwright.verifycache import VerificationCache, verification_key
from briefwright.writers.job import RenderJob, load_writer
from briefwright.writers.registry import OUTPUT_SUFFIXES


@dataclass
class Workspace:
    """Everything collected and verified before any product is planned."""

    project: Project
    sources: SourceRegistry
    content: Content
    report: Report
    layers: Layers
    # Built with a --templates folder: its name marks the files ("memo-analyst+house.docx"), so a
    # later plain build never silently replaces them (nor they the plain ones).
    variant: str = ""
    verification: VerificationCache | None = None  # results to keep in the build folder once a build succeeds
    since: Path | None = None  # the previous edition's build folder, for products with what_changed
    aligned: AlignmentRecords | None = None  # each field's aligned quote clauses, worked out once per build

    def alignments(self) -> AlignmentRecords:
        """The aligned clauses the evidence maps print: replayed from the verification cache when the
        inputs are unchanged, else worked out (once, before any worker forks) and kept with it."""
        if self.aligned is None:
            rows = self.verification.alignments() if self.verification is not None else None
            cached = records_from_rows(rows) if rows is not None else None
            self.aligned = cached if cached is not None else alignment_records(self.content)
            if cached is None and self.verification is not None:
                self.verification.keep_alignments(alignment_rows(self.aligned))
        return self.aligned


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    up_to_date: list[Path] = field(default_factory=list)  # files whose inputs have not changed


@dataclass(frozen=True)
class Setup:
    """What deciding a build's jobs needs: the project and its templates, not yet the content."""

    project: Project
    layers: Layers


def template_layers(project: Project, overlay: Path | None = None) -> Layers:
    configured = project.config.paths.overlay
    chosen = overlay or (project.root / configured if configured else None)
    return Layers.for_project(project.root, project.templates_dir, chosen)


def collect(project: Project, strict: bool = False, overlay: Path | None = None,
            cache_dir: Path | None = None, layers: Layers | None = None) -> Workspace:
    """Load and verify sources and content; raise with every problem found. The verification cache
    lives in cache_dir, the folder being built into (default: the project's build folder). A build
    passes the layers it decided its jobs with, so each profile and product is read once."""
    layers = layers or template_layers(project, overlay)
    report = Report()
    sources = load_sources(project.seeds_dir, project.root, report)
    cache = VerificationCache(project.root, cache_dir or project.build_dir, verification_key(sources, project.content_dir))
    cache.prime(sources)  # quotes found last time, with unchanged inputs, are not searched for again
    content = load_content(project.content_dir, project.root, sources, report)
    if content is not None and not report.errors:
        check_coverage(content, sources, report)
        before = len(report.items)
        if not cache.faithfulness(report):
            from briefwright.content.faithfulness import check_faithfulness  # its rules cost time to load

            check_faithfulness(content, sources, report)
            cache.keep(sources, report.items[before:])
    if cache_dir is None:  # a check: the project's build folder takes it now; a build, once it has written
        cache.save()
    report.raise_if_failed(strict)
    assert content is not None
    return Workspace(project, sources, content, report, layers, verification=cache)


def plan_product(workspace: Workspace, product_name: str, audience_name: str) -> tuple[Product, AudienceProfile, Plan]:
    audience = load_audience(workspace.layers, audience_name)
    check_profile_fonts(workspace.layers, audience)
    # A Word reference document's look is the default; planner and writer both use this product.
    product = apply_reference(workspace.layers, load_product(workspace.layers, product_name), audience)
    if product.kind == "slides":  # a reference master's geometry and look; python-pptx only for decks
        from briefwright.reference.deck_adapter import effective as effective_deck

        product, audience = effective_deck(product, audience, workspace.layers)
    typesetter = Typesetter(product, audience)
    previous = None
    if product.what_changed and workspace.since is not None:
        from briefwright.review.previous import previous_edition

        previous = previous_edition(workspace.since, f"{product.id}-{audience.id}{product.writer.suffix}")
    context = ComposeContext(workspace.content, workspace.sources, product, audience,
                             workspace.project.config.issued, previous)
    composer = Composer(context, typesetter)
    fit = Planner.for_product(workspace.content, composer, typesetter).fit()
    # The planner returns decisions; the document the writer draws is composed here, once.
    document = composer.compose(fit.frames, fit.page_numbers or None)
    check_line_limits(document, product, audience.id, typesetter)
    return product, audience, Plan(fit, document, document_grade(document))


def render_product(workspace: Workspace, product: Product, audience: AudienceProfile, plan: Plan,
                   report: Report) -> bytes:
    """Render a plan with the product's writer, then reopen the bytes and check them against the plan."""
    spec = product.writer
    job = RenderJob(product, audience, plan.document, plan.count, workspace.sources, workspace.content, report)
    writer = load_writer(spec)
    rendered = writer.render(job)
    writer.check(rendered, job, Where(field=f"{product.id}-{audience.id}{spec.suffix}"))
    return rendered.data


def resolve_products(workspace: Setup | Workspace, requested: list[str] | None) -> list[str]:
    """None or ["all"]: the project file's list; ["*"]: every product the templates define."""
    if requested == ["*"]:
        return available_products(workspace)
    if requested is None or requested == ["all"]:
        return list(workspace.project.config.build.products)
    return requested


def resolve_audiences(workspace: Setup | Workspace, requested: list[str] | None) -> list[str]:
    if requested == ["all"]:
        return audience_names(workspace.layers)
    if requested:
        return requested
    return list(workspace.project.config.build.audiences) or [workspace.project.config.default_audience]


ProgressCallback = Callable[[int, int, str], None]  # (number done, total, "product × audience")


def build(project: Project, products: list[str] | None = None, audiences: list[str] | None = None,
          out_dir: Path | None = None, strict: bool = False, overlay: Path | None = None,
          progress: ProgressCallback | None = None, jobs: int | None = None,
          since: Path | None = None) -> BuildResult:
    setup = Setup(project, template_layers(project, overlay))
    previous = _since_folder(project, since)
    destination = out_dir or project.build_dir
    safety.check_output_folder(destination, Where(field="--out") if out_dir else Where(project.display(destination)),
                               owned_by_build)
    audience_list = resolve_audiences(setup, audiences)
    requested = _unique_jobs(setup, audience_list, resolve_products(setup, products))
    fingerprint = _fingerprint(setup, audience_list, previous, overlay)
    current = current_files(destination, fingerprint, strict)
    todo = [job for job in requested if job not in current]
    if not todo:  # nothing changed since these files were built: not even the content is read
        return BuildResult(up_to_date=[current[job] for job in requested])
    workspace = collect(project, strict, overlay, cache_dir=destination, layers=setup.layers)
    workspace.variant = _variant(overlay)
    workspace.since = previous
    result = BuildResult(report=workspace.report, up_to_date=[current[job] for job in requested if job in current])
    check_audiences(workspace, audience_list, result.report)
    workspace.alignments()  # in this process, so forked workers share them
    _make_outputs(workspace, destination, todo, fingerprint, result, jobs, progress)
    check_products(((output.path, output.data) for output in result.outputs), result.report)
    result.report.raise_if_failed(strict)
    if result.outputs:
        _publish(destination, result)
    if workspace.verification is not None:  # written only beside a complete build: a failed one writes nothing
        workspace.verification.save()
    return result


def _make_outputs(workspace: Workspace, destination: Path, todo: list[tuple[str, str]], fingerprint: str,
                  result: BuildResult, jobs: int | None, progress: ProgressCallback | None) -> None:
    """Make each (audience, product) job, in order, into result (by forked workers when there are several)."""
    # Each writer the jobs need is imported here, once: forked workers then share it instead of
    # each importing python-docx or python-pptx again (and a Word-only build still never loads pptx).
    for name in sorted({product for _, product in todo}):
        load_writer(load_product(workspace.layers, name).writer)
    for output, report in run_jobs(workspace, destination, todo, make_output, jobs, progress):
        output.inputs, output.clean = fingerprint, not (report.warnings or workspace.report.warnings)
        result.outputs.append(output)
        result.report.extend(report)


def _since_folder(project: Project, since: Path | None) -> Path | None:
    """The previous edition's build folder: --since, else the project file's review.since, else none."""
    configured = project.config.review.since
    chosen = since or (project.root / configured if configured else None)
    if chosen is None:
        return None
    from briefwright.review.previous import since_folder

    return since_folder(chosen)


def _fingerprint(setup: Setup, audiences: list[str], previous: Path | None, overlay: Path | None) -> str:
    """The digest of everything these products are made from (see fingerprint.inputs_fingerprint)."""
    project = setup.project
    # Logos and reference files may sit anywhere in the project, not only in a templates folder.
    assets = sorted({path for name in audiences for path in asset_paths(load_audience(setup.layers, name))})
    read = [project.seeds_dir, project.content_dir, *(layer.path for layer in setup.layers.layers), *assets]
    if previous is not None:  # a what-changed box reads the previous edition: a new one is a new input
        read.append(previous / MANIFEST)
    fingerprint = inputs_fingerprint(project.root / PROJECT_FILE, read)
    if overlay is not None:  # its files carry its name: never taken for the plain build's, even if alike
        fingerprint = hashlib.sha256(f"{fingerprint}+{_variant(overlay)}".encode()).hexdigest()
    return fingerprint


def _publish(destination: Path, result: BuildResult) -> None:
    """Write every product with its evidence maps and the manifest, all at once (publish)."""
    from briefwright.review.approvals import refresh as refresh_approvals

    files: dict[str, bytes] = {}
    for output in result.outputs:
        json_path, markdown_path = evidence_paths(output.path)
        files[output.path.name] = output.data
        files[json_path.name] = to_json(output.evidence)
        files[markdown_path.name] = to_markdown(output.evidence).encode("utf-8")
    outputs = result.outputs
    for note in publish(destination, files, MANIFEST, lambda folder: updated_manifest(folder, outputs)):
        result.report.add(Diagnostic("build-recovered", Severity.INFO, Where(destination), note))
    refresh_approvals(destination)  # sign-off lapses for exactly the claims this build changed


def _variant(overlay: Path | None) -> str:
    """The mark of a --templates build in its file names: the folder's name, made safe for a file name."""
    if overlay is None:
        return ""
    return "-".join(re.findall(r"[A-Za-z0-9]+", overlay.resolve().name)).lower() or "templates"


def _fill_hint(product: Product, short: float) -> str:
    """What to do about an under-filled last page; a shorter product only where one can be shorter."""
    more = f"add about {short:.0%} of a page of content (more points, or detail on the ones there)"
    if (product.budget.pages or 1) > 1:
        return f"{more}, or choose a product with fewer pages"
    return f"{more}, or lower budget.min_fill in your own copy of the product (templates/products/{product.id}.yaml)"


def owned_by_build(name: str) -> bool:
    """The names a build reads or writes in its output folder (none may be a link)."""
    return (name in (MANIFEST, LOCK_FILE) or name.startswith(STAGING_PREFIX)
            or name.endswith((".evidence.json", ".evidence.md", *OUTPUT_SUFFIXES)))


def make_output(workspace: Workspace, destination: Path, audience_name: str, product_name: str) -> tuple[Output, Report]:
    """One product for one audience: planned, rendered, reopened and checked, with its evidence map."""
    report = Report()
    product, audience, plan = plan_product(workspace, product_name, audience_name)
    report_rendered(plan.document, workspace.content, report)  # the words printed, after swaps, expansions and condensing
    data = render_product(workspace, product, audience, plan, report)
    # One name per product: an alias ("deck") writes the file of the product it names (deck-10).
    variant = f"+{workspace.variant}" if workspace.variant else ""
    path = destination / f"{product.id}-{audience.id}{variant}{product.writer.suffix}"
    evidence = build_evidence_map(path.name, plan.document, product.kind == "slides", workspace.content,
                                  workspace.sources, workspace.alignments())
    min_fill = product.budget.min_fill
    if min_fill and plan.unit == "page" and plan.fills and plan.fills[-1] < min_fill:
        report.warning("under-filled", Where(field=path.name),
                       f"the last page is {plan.fills[-1]:.0%} full; product '{product.id}' "
                       f"asks for at least {min_fill:.0%}", _fill_hint(product, min_fill - plan.fills[-1]))
    grade_limit = audience.reading_level.max_grade
    if grade_limit is not None and plan.reading_grade > grade_limit:
        report.warning("reading-level", Where(field=f"{path.name}"),
                       f"prose reads at grade {plan.reading_grade}, above the {audience.id} "
                       f"profile's target of {grade_limit}",
                       "shorten sentences or add plain-language replacements to the profile")
    return Output(product, audience, plan, data, path, evidence), report


def check_audiences(workspace: Workspace, names: list[str], report: Report) -> None:
    """Each profile's module names, weights and tags against this project's content."""
    for name in dict.fromkeys(names):
        check_audience(load_audience(workspace.layers, name), profile_chain(workspace.layers, name),
                       workspace.content, report)


def _unique_jobs(workspace: Setup | Workspace, audiences: list[str], products: list[str]) -> list[tuple[str, str]]:
    """(audience, product) pairs, each product once under its own name however it was asked for."""
    canonical = {name: load_product(workspace.layers, name).id for name in dict.fromkeys(products)}
    jobs: dict[tuple[str, str], None] = {}
    for audience in audiences:
        for name in products:
            jobs.setdefault((audience, canonical[name]), None)
    return list(jobs)


def available_products(workspace: Setup | Workspace) -> list[str]:
    return sorted(workspace.layers.files("products"))
