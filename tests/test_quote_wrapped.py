"""Finding and citing evidence in a hard-wrapped source (a PDF's text layer, a wrapped .txt), where
a sentence runs over several lines: `quote find` offers the whole sentence with where it starts
and ends, and `quote add` writes it so that quote verification accepts it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from briefwright.build import collect
from briefwright.diagnostics import BriefwrightError
from briefwright.project import load_project
from briefwright.quotes.add import add_quote, passage_at
from briefwright.quotes.find import find_passages, load_registry, passages

TINY = Path(__file__).parent / "roots" / "tiny"
WRAPPED = """Ferry services on the northern route
Written by A. Writer
The harbour authority says the northern ferry ran late on nineteen of
the thirty days in June, mostly because of fog in the narrow channel. It
plans a radar upgrade before winter. On Jan. 7 the council approved the
budget for the upgrade after a short debate.
Timetables are printed weekly.
"""


@pytest.fixture()
def wrapped(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(TINY, tmp_path / "tiny"))
    (root / "seeds/ferry.txt").write_text(WRAPPED, encoding="utf-8")
    digest = hashlib.sha256(WRAPPED.encode("utf-8")).hexdigest()
    registry = root / "seeds/sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + f"""
  - id: ferry
    file: ferry.txt
    sha256: {digest}
    title: Ferry services (test fixture)
    authors: unknown
    publisher: unknown
    date: unknown
    translator: none stated
    url: unknown
    notes: []
""", encoding="utf-8")
    return root


def _texts(root: Path) -> list[str]:
    return [p.text for p in passages(load_registry(load_project(root))["ferry"])]


class Describe_a_hard_wrapped_source:
    def it_offers_each_sentence_whole_across_line_breaks(self, wrapped: Path) -> None:
        assert _texts(wrapped) == [
            "Ferry services on the northern route",
            "Written by A. Writer",
            "The harbour authority says the northern ferry ran late on nineteen of the thirty days in June, "
            "mostly because of fog in the narrow channel.",
            "It plans a radar upgrade before winter.",
            "On Jan. 7 the council approved the budget for the upgrade after a short debate.",
            "Timetables are printed weekly.",
        ]

    def it_gives_where_the_sentence_starts_and_ends(self, wrapped: Path) -> None:
        found = find_passages(load_registry(load_project(wrapped)), "the ferry was late on 19 of 30 June days "
                              "because of fog", source_id="ferry")
        best = found[0].passage
        assert best.place == "3:1-4:69"
        assert best.text.startswith("The harbour authority says") and best.text.endswith("narrow channel.")

    def it_keeps_a_line_a_paragraph_text_line_by_line(self) -> None:
        tiny = load_registry(load_project(TINY))["fixture"]
        lines = tiny.text.split("\n")
        for passage in passages(tiny):
            assert passage.last_line == 0
            assert lines[passage.line - 1][passage.first_column - 1:passage.last_column] == passage.text

    def it_writes_the_sentence_as_a_quote_that_verifies(self, wrapped: Path) -> None:
        added = add_quote(load_project(wrapped), "bridge-works", "ferry", "3:1-4:69")
        assert added.quote == ("The harbour authority says the northern ferry ran late on nineteen of the thirty "
                               "days in June, mostly because of fog in the narrow channel.")
        collect(load_project(wrapped))  # every quote verifies, the new one included

    @pytest.mark.parametrize(("place", "message"), [("4:3-3:1", "before it starts"), ("3:1-4:999", "outside it"),
                                                    ("3:1-99:1", "has lines 1–"), ("3:1-", "is not LINE")])
    def it_refuses_a_place_that_is_not_in_the_source(self, wrapped: Path, place: str, message: str) -> None:
        with pytest.raises(BriefwrightError, match=message):
            passage_at(load_registry(load_project(wrapped))["ferry"], place)
