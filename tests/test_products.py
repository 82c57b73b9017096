"""Product files: a schema per kind (pages or slides), checked when the file loads, with its line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import cli_in_process

BUILTIN = Path(__file__).resolve().parent.parent / "src/briefwright/templates/products"


def _product(project_dir: Path, name: str, text: str) -> None:
    folder = project_dir / "templates" / "products"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def _build(project_dir: Path, product: str) -> subprocess.CompletedProcess[str]:
    return cli_in_process("build", "--product", product, cwd=project_dir)


def _line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


def _refused(run: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    for needle in needles:
        assert needle in run.stderr, (needle, run.stderr)


class Describe_a_product_file:
    def it_refuses_a_product_naming_an_unknown_format(self, project_dir: Path) -> None:
        text = (BUILTIN / "brief.yaml").read_text(encoding="utf-8").replace("format: docx", "format: odt")
        _product(project_dir, "brief-odt", text)
        _refused(_build(project_dir, "brief-odt"), f"brief-odt.yaml:{_line_of(text, 'format:')}",
                 "no writer for format 'odt'", "docx, pptx, html")
        assert not (project_dir / "build" / "brief-odt-analyst.odt").exists()

    def it_names_a_style_the_structure_draws_with_but_the_file_leaves_out(self, project_dir: Path) -> None:
        text = (BUILTIN / "brief.yaml").read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("table_header:"))
        _product(project_dir, "brief-lean", text)
        _refused(_build(project_dir, "brief-lean"), f"brief-lean.yaml:{_line_of(text, 'styles:')}",
                 "draws with style(s) table_header")
        assert not list((project_dir / "build").glob("brief-lean*"))

    @pytest.mark.parametrize("writer", ["docx", "html"])
    def it_refuses_slide_settings_and_parts_in_a_page_product(self, project_dir: Path, writer: str) -> None:
        text = (BUILTIN / "brief.yaml").read_text(encoding="utf-8").replace("format: docx", f"format: {writer}")
        text = text.replace("structure: [masthead, bluf,", "structure: [masthead, judgments, bluf,")
        text += "boxes:\n  body: {x: 0.5, y: 1.5, w: 12.3, h: 5.0}\nsource_text: whole\n"
        _product(project_dir, "brief-odd", text)
        run = _build(project_dir, "brief-odd")
        _refused(run, f"brief-odd.yaml:{_line_of(text, 'structure:')}",
                 "part 'judgments' is for slide products (pptx)",
                 f"brief-odd.yaml:{_line_of(text, 'boxes:')}", f"'boxes' is for slide products (pptx); "
                 f"this is a page product ({writer})",
                 *(() if writer == "html" else ("'source_text' is read only by the html writer",)))

    def it_refuses_page_settings_in_a_slide_product_and_names_a_missing_box(self, project_dir: Path) -> None:
        text = (BUILTIN / "deck-5.yaml").read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.startswith("  source_line: {x:"))
        text += "\nmargins: {top: 1, bottom: 1, left: 1, right: 1}\n"
        _product(project_dir, "deck-odd", text)
        _refused(_build(project_dir, "deck-odd"), "'margins' is for page products (docx, html)",
                 "box 'source_line' is missing")

    def it_builds_the_built_in_products_of_both_kinds(self, project_dir: Path) -> None:
        # The same checks pass every shipped product file (else nothing would build at all).
        for name in sorted(path.stem for path in BUILTIN.glob("*.yaml")):
            from briefwright.build import template_layers
            from briefwright.products import kind_problems, load_product, required_styles
            from briefwright.project import load_project

            product = load_product(template_layers(load_project(project_dir)), name)
            assert kind_problems(product) == [] and set(required_styles(product)) <= set(product.styles), name
