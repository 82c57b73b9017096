"""The build environment is collected once: every audience profile and product file a build uses
is read and validated once, whichever stages ask for it (job list, fingerprint, audience checks,
the planner, the writers)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from briefwright import audience, products
from briefwright.build import build
from briefwright.project import load_project

TINY = Path(__file__).parent / "roots" / "tiny"


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    counted: Counter[tuple[str, str]] = Counter()
    read_audience, read_product = audience._read_audience, products._read_product

    def counting_audience(layers, name):  # type: ignore[no-untyped-def]
        counted["audience", name] += 1
        return read_audience(layers, name)

    def counting_product(layers, name):  # type: ignore[no-untyped-def]
        counted["product", name] += 1
        return read_product(layers, name)

    monkeypatch.setattr(audience, "_read_audience", counting_audience)
    monkeypatch.setattr(products, "_read_product", counting_product)
    return counted


def test_a_build_reads_each_profile_and_product_once(tmp_path: Path, reads: Counter[tuple[str, str]]) -> None:
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    result = build(load_project(root), products=["memo", "brief-html"], out_dir=tmp_path / "out", jobs=1)
    assert len(result.outputs) == 2
    assert reads[("product", "memo")] == 1 and reads[("product", "brief-html")] == 1
    assert any(kind == "audience" for kind, _ in reads)
    assert max(reads.values()) == 1, reads


def test_a_new_build_reads_a_saved_change(tmp_path: Path, reads: Counter[tuple[str, str]]) -> None:
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    build(load_project(root), products=["memo"], out_dir=tmp_path / "out", jobs=1)
    build(load_project(root), products=["memo"], out_dir=tmp_path / "again", jobs=1)
    assert reads[("product", "memo")] == 2  # once per build: nothing is kept across builds
