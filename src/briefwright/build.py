"""The build, stage by stage: collect and verify, plan, render, check, write.

Nothing is written until every requested product has planned, rendered and
passed its checks, so a failing build never leaves half its outputs behind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from briefwright.audience import AudienceProfile, audience_names, load_audience
from briefwright.checks import check_coverage, check_docx, check_pptx
from briefwright.compose import ComposeContext, Composer
from briefwright.content import Content, load_content
from briefwright.diagnostics import Report, Where
from briefwright.evidence import build_evidence_map, evidence_paths, to_json, to_markdown
from briefwright.layout import Typesetter
from briefwright.output import write_atomic
from briefwright.plan import Plan, Planner
from briefwright.products import Product, load_product, product_files
from briefwright.project import Project
from briefwright.render.deck import build_deck
from briefwright.render.docx import DocxRenderer
from briefwright.render.pptx import PptxRenderer
from briefwright.sources import SourceRegistry, load_sources


@dataclass
class Workspace:
    """Everything collected and verified before any product is planned."""

    project: Project
    sources: SourceRegistry
    content: Content
    report: Report

    @property
    def products_dir(self) -> Path:
        return self.project.templates_dir / "products"

    @property
    def audiences_dir(self) -> Path:
        return self.project.templates_dir / "audiences"


@dataclass
class Output:
    product: Product
    audience: AudienceProfile
    plan: Plan
    data: bytes
    path: Path
    evidence: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    report: Report = field(default_factory=Report)


def collect(project: Project, strict: bool = False) -> Workspace:
    """Load and verify sources and content; raise with every problem found."""
    report = Report()
    sources = load_sources(project.seeds_dir, project.root, report)
    content = load_content(project.content_dir, project.root, sources, report)
    if content is not None and not report.errors:
        check_coverage(content, sources, report)
    report.raise_if_failed(strict)
    assert content is not None
    return Workspace(project, sources, content, report)


def plan_product(workspace: Workspace, product_name: str, audience_name: str) -> tuple[Product, AudienceProfile, Plan]:
    root = workspace.project.root
    product = load_product(workspace.products_dir, product_name, root)
    audience = load_audience(workspace.audiences_dir, audience_name, root)
    typesetter = Typesetter(product, audience)
    context = ComposeContext(workspace.content, workspace.sources, product, audience,
                             workspace.project.config.issued, workspace.project.templates_dir)
    composer = Composer(context, typesetter)
    return product, audience, Planner(workspace.content, composer, typesetter).plan()


def render_product(workspace: Workspace, product: Product, audience: AudienceProfile, plan: Plan,
                   report: Report) -> bytes:
    if product.format == "docx":
        data = DocxRenderer(product, audience, Typesetter(product, audience)).render(plan.document)
        check_docx(data, plan.document, product, report, Where(field=f"{product.id}-{audience.id}.docx"))
    else:
        data = PptxRenderer(product, audience, report).render(build_deck(plan.document, product))
        check_pptx(data, product, report, Where(field=f"{product.id}-{audience.id}.pptx"))
    return data


def resolve_products(workspace: Workspace, requested: list[str] | None) -> list[str]:
    if requested is None or requested == ["all"]:
        return list(workspace.project.config.build.products)
    return requested


def resolve_audiences(workspace: Workspace, requested: list[str] | None) -> list[str]:
    if requested == ["all"]:
        return audience_names(workspace.audiences_dir)
    if requested:
        return requested
    return list(workspace.project.config.build.audiences) or [workspace.project.config.default_audience]


def build(project: Project, products: list[str] | None = None, audiences: list[str] | None = None,
          out_dir: Path | None = None, strict: bool = False) -> BuildResult:
    workspace = collect(project, strict)
    result = BuildResult(report=workspace.report)
    destination = out_dir or project.build_dir
    for audience_name in resolve_audiences(workspace, audiences):
        for product_name in resolve_products(workspace, products):
            product, audience, plan = plan_product(workspace, product_name, audience_name)
            data = render_product(workspace, product, audience, plan, result.report)
            path = destination / f"{product_name}-{audience.id}.{product.format}"
            evidence = build_evidence_map(path.name, plan.document, product.format == "pptx", workspace.content,
                                          workspace.sources)
            result.outputs.append(Output(product, audience, plan, data, path, evidence))
    result.report.raise_if_failed(strict)
    for output in result.outputs:
        json_path, markdown_path = evidence_paths(output.path)
        write_atomic(output.path, output.data)
        write_atomic(json_path, to_json(output.evidence))
        write_atomic(markdown_path, to_markdown(output.evidence).encode("utf-8"))
    return result


def available_products(workspace: Workspace) -> list[str]:
    return list(product_files(workspace.products_dir))
