"""Finding evidence: ranked passages, misquotes explained, exact quotes written into content."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefwright.build import collect
from briefwright.diagnostics import BriefwrightError, Report
from briefwright.project import load_project
from briefwright.quotes.add import add_quote, insert_evidence
from briefwright.quotes.find import find_passages, load_registry
from briefwright.sources.misquote import differences

TINY = Path(__file__).parent / "roots" / "tiny"


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TINY, tmp_path / "tiny"))


def _check(root: Path) -> Report:
    report = Report()
    try:
        collect(load_project(root))
    except BriefwrightError as error:
        report = error.report
    return report


class Describe_quote_find:
    def it_ranks_the_supporting_sentence_first_with_its_place(self, tiny: Path) -> None:
        sources = load_registry(load_project(tiny))
        found = find_passages(sources, "Bridge roadworks cause the worst bus delays")
        best = found[0].passage
        assert best.text == "Riders say the worst delays come from roadworks on the river bridge."
        line = (tiny / "seeds/fixture.txt").read_text(encoding="utf-8").split("\n")[best.line - 1]
        assert line[best.first_column - 1:best.last_column] == best.text
        assert {"bridge", "roadworks", "worst", "delays"} <= set(found[0].matched)

    def it_matches_word_forms_and_ignores_words_every_sentence_has(self, tiny: Path) -> None:
        sources = load_registry(load_project(tiny))
        found = find_passages(sources, "a proposed bus lane")
        assert found[0].passage.text == "A council report proposes a dedicated bus lane on Mill Street."

    def it_refuses_an_unknown_source(self, tiny: Path) -> None:
        with pytest.raises(BriefwrightError, match="no source 'nope'"):
            find_passages(load_registry(load_project(tiny)), "buses", source_id="nope")

    def it_prints_the_command_that_cites_each_passage(self, tiny: Path) -> None:
        result = subprocess.run([sys.executable, "-m", "briefwright", "quote", "find", "late", "arrivals", "in",
                                 "March", "--project", str(tiny)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("1. fixture line 3 ")
        assert "briefwright quote add POINT fixture 3:" in result.stdout


class Describe_a_misquote:
    def it_names_each_changed_word(self) -> None:
        real, typographic = differences("there is no formal military exchanges between both countries",
                                        "so there is no formal military exchange between the two countries.")
        assert real == ['"exchanges" in the quote, "exchange" in the source',
                        '"both" in the quote, "the two" in the source']
        assert typographic == []

    def it_names_typographic_differences_apart(self) -> None:
        real, typographic = differences("the 'first island chain' - as they call it", "the ‘first island chain’ — as "
                                        "we call it")
        assert real == ['"they" in the quote, "we" in the source']
        assert typographic == ["' (straight) in the quote, ‘ (curly) in the source",
                               "' (straight) in the quote, ’ (curly) in the source",
                               "- (hyphen) in the quote, — (em dash) in the source"]

    def it_shows_the_differences_in_check(self, tiny: Path) -> None:
        findings = tiny / "content/findings.yaml"
        findings.write_text(findings.read_text(encoding="utf-8").replace(
            "the worst delays come from roadworks", "the worst delay come from roadworks"), encoding="utf-8")
        errors = [d for d in _check(tiny).errors if d.code == "quote-not-found"]
        assert len(errors) == 1
        assert '"delay" in the quote, "delays" in the source' in errors[0].hint

    def it_says_when_the_quote_is_in_another_source(self, tiny: Path) -> None:
        seeds = tiny / "seeds"
        (seeds / "other.txt").write_text("A different text about ferries and their timetables.\n", encoding="utf-8")
        import hashlib

        digest = hashlib.sha256((seeds / "other.txt").read_bytes()).hexdigest()
        with (seeds / "sources.yaml").open("a", encoding="utf-8") as stream:
            stream.write(f"  - id: other\n    file: other.txt\n    sha256: {digest}\n    title: unknown\n"
                         "    authors: unknown\n    publisher: unknown\n    date: unknown\n"
                         "    translator: none stated\n    url: unknown\n")
        findings = tiny / "content/findings.yaml"
        findings.write_text(findings.read_text(encoding="utf-8").replace(
            '- source: fixture\n        quote: "the worst delays', '- source: other\n        quote: "the worst delays'),
            encoding="utf-8")
        errors = [d for d in _check(tiny).errors if d.code == "quote-not-found"]
        assert errors and errors[0].hint.startswith("the quote is in source 'fixture' (fixture.txt, line 5)")


class Describe_quote_add:
    def it_writes_the_exact_text_and_keeps_the_rest_of_the_file(self, tiny: Path) -> None:
        findings = tiny / "content/findings.yaml"
        before = findings.read_text(encoding="utf-8").replace("points:\n", "points:  # the findings, in order\n")
        findings.write_text(before, encoding="utf-8")
        added = add_quote(load_project(tiny), "bridge-works", "fixture", "5:70-109")
        assert added.quote == "The works are due to finish next spring."
        after = findings.read_text(encoding="utf-8")
        assert "# the findings, in order" in after
        removed = [line for line in before.split("\n") if line not in after.split("\n")]
        assert removed == []
        assert after.split("\n")[added.line - 1].strip() == "- source: fixture"
        assert not _check(tiny).errors

    def it_starts_an_evidence_list_where_there_is_none(self) -> None:
        text = "id: m\npoints:\n  - id: a\n    headline: A\n    evidence: []\n  - id: b\n    headline: B\n"
        new, line = insert_evidence(text, "a", "s", "Some exact words here.")
        assert new == ("id: m\npoints:\n  - id: a\n    headline: A\n    evidence:\n      - source: s\n"
                       "        quote: \"Some exact words here.\"\n  - id: b\n    headline: B\n")
        assert line == 6
        new, line = insert_evidence("points:\n- id: b\n  headline: B\n", "b", "s", "Some exact words here.")
        assert new == ("points:\n- id: b\n  headline: B\n  evidence:\n    - source: s\n"
                       "      quote: \"Some exact words here.\"\n")
        assert line == 5

    @pytest.mark.parametrize(("place", "message"), [("99", "has lines 1–"), ("3:1-999", "is outside it"),
                                                    ("3:1-4", "shorter than 12"), ("x", "is not LINE")])
    def it_refuses_a_place_not_in_the_source(self, tiny: Path, place: str, message: str) -> None:
        before = (tiny / "content/findings.yaml").read_bytes()
        with pytest.raises(BriefwrightError, match=message):
            add_quote(load_project(tiny), "bridge-works", "fixture", place)
        assert (tiny / "content/findings.yaml").read_bytes() == before

    def it_refuses_an_unknown_point(self, tiny: Path) -> None:
        with pytest.raises(BriefwrightError, match="no module in content/ defines point 'nope'"):
            add_quote(load_project(tiny), "nope", "fixture", "3")
