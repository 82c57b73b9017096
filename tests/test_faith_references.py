"""Numbered references (content/references.py): a clause cites the section its passage cites; another section
of the same kind is reported, the same one in other words is not. Neutral text: a sports club constitution."""

from __future__ import annotations

from tests.faith_synthetic import findings

CLUB = "constitution"
VOTES = (CLUB, "Members elected under Section 4.2 may vote at the annual meeting.")


class Describe_numbered_references:
    def it_reports_another_section(self) -> None:
        found = findings("Members elected under Section 5.2 may vote at the annual meeting.", [VOTES])
        assert "section 5.2" in found["claim-number"]

    def it_keeps_the_passages_section(self) -> None:
        assert "claim-number" not in findings("Those elected under section 4.2 can vote at the annual meeting.",
                                              [VOTES])

    def it_ignores_a_reference_of_another_kind(self) -> None:
        # Not a changed section: the article is compared with no article of the passage. (That no quote gives
        # "Article 3" at all is content/numbered.py's finding, which names it.)
        found = findings("Members elected under Section 4.2 (see Article 3) may vote at the annual meeting.", [VOTES])
        assert "section" not in found.get("claim-number", "") and "article 3" in found["claim-number"]
