"""A second, unrelated topic (tests/roots/tiny, a synthetic fixture) builds with no code change."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from tests.conftest import cli_in_process

TINY = Path(__file__).parent / "roots" / "tiny"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The claim is about the topic, not the process: the command line runs in this one.
    return cli_in_process(*args, cwd=cwd)


class Describe_a_new_topic:
    def it_builds_with_the_built_in_products(self, tmp_path: Path) -> None:
        result = run("build", "--project", str(TINY), "--out", str(tmp_path), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        memo = docx.Document(str(tmp_path / "memo-reader.docx"))
        assert memo.paragraphs[1].text == "Late Buses in Larnwick"
        assert "Larnwick transport committee" in memo.paragraphs[2].text
        assert all("Japan" not in p.text and "Taiwan" not in p.text for p in memo.paragraphs)
        assert len(Presentation(str(tmp_path / "deck-5-reader.pptx")).slides) == 5
        assert "the last page is" in result.stderr and "at least 75%" in result.stderr  # too little to fill a memo

    def it_refuses_a_deck_the_content_cannot_fill(self, tmp_path: Path) -> None:
        result = run("build", "--project", str(TINY), "--product", "deck-20", "--out", str(tmp_path), cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "deck-20.yaml:6 [budget.slides]: product 'deck-20' (20 slides) gives 17 slide(s) to the modules" \
            in result.stderr
        assert "their 4 point(s) fill only 4: modules 'findings' (2), 'actions' (2)" in result.stderr
        assert "add at least 13 more point(s)" in result.stderr
        assert not any(tmp_path.iterdir())

    @pytest.mark.parametrize("product", ["memo", "brief", "report"])
    def it_leaves_out_parts_it_has_no_content_for(self, product: str, tmp_path: Path) -> None:
        # The tiny topic has no background, timeline or key figures; the products still build,
        # the report only if it can reach its four pages (it cannot, and says so).
        result = run("build", "--project", str(TINY), "--product", product, "--out", str(tmp_path), cwd=tmp_path)
        if product == "report":
            assert result.returncode == 1 and "fills only" in result.stderr and "at least 4" in result.stderr
        else:
            assert result.returncode == 0, result.stderr
