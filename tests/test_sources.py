"""Source registry and quote verification."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefwright.build import collect
from briefwright.diagnostics import Report
from briefwright.project import load_project
from briefwright.sources.registry import load_sources
from briefwright.sources.textnorm import normalise
from tests.conftest import collect_errors


def _errors(project_dir: Path) -> list[str]:
    return collect_errors(project_dir)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class Describe_normalise:
    def it_folds_typographic_quotes_dashes_and_spaces(self) -> None:
        assert normalise("“Taiwan’s”\u00a0role — first\n\n\nisland").text == "\"Taiwan's\" role - first island"

    def it_maps_back_to_original_offsets(self) -> None:
        original = "ab  \n\ncd"
        normalised = normalise(original)
        assert normalised.text == "ab cd"
        assert normalised.to_original(3, 5) == (6, 8)


class Describe_real_sources:
    def it_verifies_every_quote_in_the_example_content(self, project_dir: Path) -> None:
        workspace = collect(load_project(project_dir, explicit=True))
        quotes = [e for p in workspace.content.points.values() for e in p.evidence]
        assert len(quotes) > 60
        assert all(e.match.end > e.match.start for e in quotes)

    def it_matches_quotes_across_page_break_artefacts(self, project_dir: Path) -> None:
        registry = load_sources(project_dir / "seeds", project_dir, Report())
        match = registry["kotani"].locate("an active-duty Ministry of Defense (MOD) official at the Japan-Taiwan "
                                          "Exchange Association — Japan's unofficial embassy")
        assert match is not None
        assert "\n\n\n\n" in registry["kotani"].text[match.start:match.end]

    def it_records_both_spellings_of_lims_name(self, project_dir: Path) -> None:
        registry = load_sources(project_dir / "seeds", project_dir, Report())
        author = registry["lim"].meta.authors[0]
        assert (author.native, author.variants) == ("林 翔", ["林 祥"])
        assert "林 翔" in registry["lim"].text and "林 祥" in registry["lim"].text

    def it_marks_unstated_metadata_unknown(self, project_dir: Path) -> None:
        registry = load_sources(project_dir / "seeds", project_dir, Report())
        assert registry["fpri"].meta.authors == "unknown"
        assert registry["yao"].meta.title == "unknown"
        assert registry["kotani"].meta.date.startswith("inferred: ")

    def it_keeps_seeds_byte_identical_to_the_shared_originals(self) -> None:
        shared = Path(__file__).resolve().parents[2] / "shared" / "sources"
        if not shared.is_dir():
            pytest.skip("../shared/sources is not beside this checkout")
        seeds = Path(__file__).resolve().parents[1] / "seeds"
        originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in shared.glob("*.txt")}
        copies = {hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds.glob("*.txt")}
        assert copies == originals


class Describe_quote_errors:
    def it_reports_an_altered_quote_with_file_line_point_source_and_closest_passage(self, project_dir: Path) -> None:
        _replace(project_dir / "content/threat-picture.yaml", "five of which landed", "six of which landed")
        errors = _errors(project_dir)
        assert len(errors) == 1
        message = errors[0]
        assert "content/threat-picture.yaml:" in message
        assert "point 'missiles-in-eez'" in message and "source 'fpri'" in message
        assert "quote not found" in message
        assert "closest passage" in message and "five of which landed" in message
        line = int(message.split("content/threat-picture.yaml:")[1].split()[0])
        assert "six of which landed" in (project_dir / "content/threat-picture.yaml").read_text().splitlines()[line - 1]

    def it_rejects_an_unknown_source(self, project_dir: Path) -> None:
        _replace(project_dir / "content/legal-constraints.yaml", "- source: lim\n", "- source: nobody\n")
        errors = _errors(project_dir)
        assert any("unknown source 'nobody'" in e and "content/legal-constraints.yaml:" in e for e in errors)

    def it_rejects_a_quote_from_an_excluded_fragment(self, project_dir: Path) -> None:
        _replace(project_dir / "content/legal-constraints.yaml",
                 'quote: "Unlike the United States, Japan does not support Taiwanese self-defense through arms sales."',
                 'quote: "Elon Musk, the CEO of Tesla and SpaceX, was “amazed”"')
        _replace(project_dir / "content/legal-constraints.yaml", "      - source: fpri\n        quote: \"Elon",
                 "      - source: yao\n        quote: \"Elon")
        errors = _errors(project_dir)
        assert len(errors) == 1
        assert "excluded" in errors[0] and "source 'yao'" in errors[0] and "lines 17–20" in errors[0]

    def it_catches_an_edited_seed_by_its_checksum(self, project_dir: Path) -> None:
        seed = project_dir / "seeds/fpri-why-japan-needs-to-talk-to-taiwan.txt"
        seed.write_bytes(seed.read_bytes().replace(b"111 kilometers", b"110 kilometers"))
        errors = _errors(project_dir)
        assert any("seeds/sources.yaml:" in e and "sha256" in e and "was changed" in e for e in errors)

    def it_rejects_an_exclusion_marker_that_is_not_in_the_text(self, project_dir: Path) -> None:
        _replace(project_dir / "seeds/sources.yaml", 'from: "Elon Musk, the CEO of Tesla and SpaceX"',
                 'from: "Elon Musk, CEO"')
        errors = _errors(project_dir)
        assert any("marker 'Elon Musk, CEO' is not in" in e and "excluded[0].from" in e for e in errors)
