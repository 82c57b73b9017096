"""`briefwright trace` on evidence maps that are damaged: one error line with the file, never exit 70."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli_in_process

CASES = {
    "truncated JSON": (b'{"file": 1', "m.evidence.json:1: the evidence map is not valid JSON"),
    "a list": (b"[1, 2]", "is not a JSON object"),
    "a missing field": (b'{"file": "x", "product": "p", "audience": "a", "entries": [{"point": null}]}',
                        "not in the shape briefwright writes (KeyError: 'points')"),
    "not UTF-8": (b"\xff\xfe{}", "is not UTF-8"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_damaged_evidence_map_is_a_clean_error(case: str, tmp_path: Path) -> None:
    data, expected = CASES[case]
    (tmp_path / "m.evidence.json").write_bytes(data)
    done = cli_in_process("trace", "m.evidence.json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert expected in done.stderr and "error[trace-malformed]" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
