"""Qualifiers dropped (content/qualifiers.py): a clause restating what a passage holds as a belief,
provisionally, by report or as "may be necessary" keeps that qualifier or one of its kind; a clause restating
another branch of the passage's sentence need not. Neutral text: a museum's loan terms."""

from __future__ import annotations

from tests.faith_synthetic import findings

MUSEUM = "museum"
LENDER = (MUSEUM, "Each lender states that it believes the object is free of any claim by a third party.")
ACCESS = (MUSEUM, "Loaned objects are released provisionally, pending a condition report, and permanently once "
                  "the registrar signs the report.")
COPIES = (MUSEUM, "Visitors may not photograph loaned objects, except as may be necessary to document damage.")


class Describe_qualifiers:
    def it_reports_a_belief_dropped(self) -> None:
        found = findings("Each lender states that the object is free of any claim by a third party.", [LENDER])
        assert "believes" in found["claim-certainty"]

    def it_reports_a_provisional_qualifier_dropped(self) -> None:
        found = findings("Loaned objects are released, subject to a condition report.", [ACCESS])
        assert "provisionally" in found["claim-certainty"]

    def it_reports_may_be_necessary_made_necessary(self) -> None:
        found = findings("Visitors may not photograph loaned objects, except as is necessary to document damage.",
                         [COPIES])
        assert "may be necessary" in found["claim-certainty"]

    def it_keeps_a_qualifier_of_the_same_kind(self) -> None:
        assert "claim-certainty" not in findings("Each lender says it considers the object free of any claim by a "
                                                 "third party.", [LENDER])
        assert "claim-certainty" not in findings("Loaned objects are released temporarily, pending a condition "
                                                 "report.", [ACCESS])

    def it_does_not_ask_a_clause_restating_another_branch_for_the_qualifier(self) -> None:
        assert "claim-certainty" not in findings("Loaned objects are released permanently once the registrar signs "
                                                 "the report.", [ACCESS])
