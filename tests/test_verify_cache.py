"""The verification cache and the cached check: replayed only while every input is unchanged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefwright.build import build, collect
from briefwright.project import load_project
from briefwright.verifycache import CACHE_FILE, CACHE_FOLDER

TINY = Path(__file__).parent / "roots" / "tiny"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TINY, tmp_path / "tiny"))


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "briefwright", "check", "--project", str(root)], capture_output=True,
                          text=True, check=False, env=env, cwd=root)


def _items(root: Path) -> list[str]:
    return [d.format() for d in collect(load_project(root)).report.items]


def _vague(root: Path) -> None:
    """A detail that says more than its sources: the faithfulness lint warns about it."""
    findings = root / "content/findings.yaml"
    findings.write_text(findings.read_text(encoding="utf-8").replace(
        "detail: The office says most delays are short.", "detail: The office says 97 of the delays are short."),
        encoding="utf-8")


class Describe_the_verification_cache:
    def it_replays_the_same_findings_and_builds_the_same_bytes(self, tiny: Path, tmp_path: Path) -> None:
        _vague(tiny)
        cold = _items(tiny)
        assert any("[claim-number]" in item for item in cold)
        assert (tiny / "build" / CACHE_FOLDER / CACHE_FILE).is_file()
        assert _items(tiny) == cold
        first = build(load_project(tiny), out_dir=tmp_path / "one")
        second = build(load_project(tiny), out_dir=tmp_path / "two")
        assert [o.data for o in first.outputs] == [o.data for o in second.outputs]
        assert [d.format() for d in first.report.items] == [d.format() for d in second.report.items]

    def it_verifies_again_after_any_change(self, tiny: Path) -> None:
        before = _items(tiny)
        _vague(tiny)
        after = _items(tiny)
        assert after != before and any("[claim-number]" in item for item in after)

    def it_ignores_a_damaged_cache(self, tiny: Path) -> None:
        _vague(tiny)
        expected = _items(tiny)
        (tiny / "build" / CACHE_FOLDER / CACHE_FILE).write_text("{not json", encoding="utf-8")
        assert _items(tiny) == expected


class Describe_a_cached_check:
    def it_prints_the_same_answer_and_notices_every_change(self, tiny: Path) -> None:
        first = _check(tiny)
        assert first.returncode == 0, first.stderr
        assert list((tiny / "build" / CACHE_FOLDER).glob("check-*.json"))
        second = _check(tiny)
        assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
        seed = tiny / "seeds/fixture.txt"
        seed.write_bytes(seed.read_bytes().replace(b"412", b"413"))
        changed = _check(tiny)
        assert changed.returncode == 1 and "the seed text was changed" in changed.stderr
        assert _check(tiny).stderr == changed.stderr

    def it_notices_a_changed_audience_asset(self, tiny: Path) -> None:
        from PIL import Image

        (tiny / "brand").mkdir()  # outside the templates folder: known only through the profile
        logo = tiny / "brand/logo.png"
        Image.new("RGB", (40, 12), "navy").save(logo)
        (tiny / "templates/audiences/reader.yaml").write_text(
            "extends: base\nlabel: Readers\nbranding:\n  logo: ../brand/logo.png\n", encoding="utf-8")
        first = _check(tiny)
        assert first.returncode == 0, first.stderr
        logo.write_bytes(b"not an image")
        result = _check(tiny)
        assert result.returncode == 1 and "cannot be read" in result.stderr


def test_a_cache_that_arrives_with_a_project_is_not_trusted(tiny: Path, tmp_path: Path) -> None:
    """A project may arrive with a build folder: a check answer forged there must not be replayed, and
    nothing is kept outside the project to tell (HOME stays empty)."""
    import json

    home = tmp_path / "home"
    home.mkdir()

    def check(root: Path) -> str:
        env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin", "HOME": str(home)}
        result = subprocess.run([sys.executable, "-m", "briefwright", "check", "--project", str(root)],
                                capture_output=True, text=True, check=False, env=env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def forge(root: Path) -> None:
        for stored in (root / "build" / CACHE_FOLDER).glob("check-*.json"):
            answer = json.loads(stored.read_text(encoding="utf-8"))
            answer["stdout"] = "FORGED: every quote verified\n"
            stored.write_text(json.dumps(answer), encoding="utf-8")

    check(tiny)
    forge(tiny)
    assert check(tiny).startswith("FORGED")  # the control: unchanged files on this machine replay the answer
    # The same bytes and times at the same path, as files unpacked anew (a forger knows all of that).
    arrived = Path(shutil.copytree(tiny, tmp_path / "arrived"))
    shutil.rmtree(tiny)
    arrived.rename(tiny)
    assert "FORGED" not in check(tiny) and "verified" in check(tiny)
    assert not any(home.iterdir())
