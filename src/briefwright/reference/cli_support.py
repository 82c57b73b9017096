"""Finding the project, profile and product a `template check` describes a template for."""

from __future__ import annotations

import sys
from pathlib import Path

from briefwright.audience import load_audience
from briefwright.diagnostics import BriefwrightError, Report, Where, fail
from briefwright.products import load_product
from briefwright.project import load_project
from briefwright.reference.template_check import check_docx, check_pptx
from briefwright.templates import BUILTIN_DIR, Layer, Layers

DEFAULT_DECK = "deck-10"


def _layers(project_dir: str | None, overlay: Path | None, need_project: bool) -> Layers:
    """The project's template layers, or the built-ins alone when no project is found and none is needed."""
    try:
        project = load_project(Path(project_dir), explicit=True) if project_dir else load_project(Path.cwd())
    except BriefwrightError:
        if need_project or project_dir:
            raise
        return Layers((Layer("built-in", BUILTIN_DIR),), Path.cwd().resolve())
    return Layers.for_project(project.root, project.templates_dir, overlay)


def run_template_check(path: Path, audience_name: str | None, product_name: str | None, project_dir: str | None,
                       overlay: Path | None) -> Report:
    if not path.is_file():
        raise fail("template-missing", Where(path), "no such file", "give the path of a .pptx or .docx template")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return check_docx(path, print)
    if suffix != ".pptx":
        raise fail("template-kind", Where(path), f"'{suffix or path.name}' is not a template briefwright reads",
                   "give a PowerPoint master (.pptx) or a Word reference document (.docx)")
    layers = _layers(project_dir, overlay, need_project=audience_name is not None)
    audience = load_audience(layers, audience_name or "base")
    product = load_product(layers, product_name or DEFAULT_DECK)
    if product.kind != "slides":
        raise fail("template-product", Where(field="--product"), f"product '{product.id}' is not a deck",
                   "name a deck product, e.g. deck-10")
    print(f"{path.name} ({'profile ' + audience.id if audience_name else 'built-in defaults'}; product {product.id})")
    sys.stdout.flush()
    return check_pptx(path.resolve(), product, audience, layers, print)
