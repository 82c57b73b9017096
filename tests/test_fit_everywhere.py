"""Fit proved, not predicted: every page product for every audience, as LibreOffice prints it,
has the page count the manifest promises, within the product's budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefwright.audience import audience_names
from briefwright.build import Output, build, template_layers
from briefwright.office import convert_to_pdf
from briefwright.project import load_project
from tests import pdf
from tests.conftest import copy_project

PAGE_PRODUCTS = ["memo", "brief", "report"]


@pytest.fixture(scope="module")
def every_audience(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Output], dict[str, Path], dict]:
    """The page products for every audience the example defines, built once and rendered in one
    LibreOffice run; and the manifest the build wrote."""
    root = copy_project(tmp_path_factory.mktemp("every") / "project")
    project = load_project(root, explicit=True)
    audiences = audience_names(template_layers(project))
    out_dir = root / "out"
    result = build(project, products=PAGE_PRODUCTS, audiences=audiences, out_dir=out_dir)
    outputs = {output.path.name: output for output in result.outputs}
    files = sorted(output.path for output in result.outputs)
    rendered = dict(zip((path.name for path in files), convert_to_pdf(files, tmp_path_factory.mktemp("every-pdf"))))
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    return outputs, rendered, {entry["file"]: entry for entry in manifest["files"]}


@pytest.mark.office
def test_every_page_product_prints_on_the_pages_the_manifest_and_budget_promise(
        every_audience: tuple[dict[str, Output], dict[str, Path], dict]) -> None:
    outputs, rendered, manifest = every_audience
    assert len(outputs) >= 3 * 5  # three page products for each of the example's audiences
    wrong = []
    for name, output in sorted(outputs.items()):
        printed = pdf.page_count(rendered[name])
        budget = output.product.budget
        low, high = budget.min_pages or 1, budget.pages or 1
        if not (printed == manifest[name]["pages"] == output.plan.count and low <= printed <= high):
            wrong.append(f"{name}: printed {printed}, manifest {manifest[name]['pages']}, budget {low}–{high}")
    assert not wrong, "\n".join(wrong)
