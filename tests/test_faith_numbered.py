"""Numbered names (content/numbered.py): "Chapter 7", "Section 2.1" name a part of a text; a claim's number
for a part is one its quotes, its sources' other quotes or their titles give. Neutral text: a cookbook."""

from __future__ import annotations

from tests.faith_synthetic import findings

COOKBOOK = "cookbook"
BREAD = (COOKBOOK, "Knead the dough for ten minutes, using the folding method we described in Chapter 7.")


class Describe_numbered_names:
    def it_reports_a_part_renumbered(self) -> None:
        found = findings("The dough is kneaded for ten minutes with the folding method of Chapter 8.", [BREAD])
        assert "chapter 8" in found["claim-number"]

    def it_reports_a_part_no_evidence_numbers(self) -> None:
        found = findings("The dough is kneaded for ten minutes, as Section 4 explains.", [BREAD])
        assert "section 4" in found["claim-number"]

    def it_accepts_the_part_its_quote_numbers(self) -> None:
        assert "claim-number" not in findings("The dough is kneaded for ten minutes with the folding method of "
                                              "Chapter 7.", [BREAD])
