"""Breadth (content/breadth.py): "only contain X" quantifies X universally; "if any of X" is satisfied by one
member, so it narrows a passage about every X; "at any one time" is an idiom for "at a time", no scope.
Neutral text: a museum's loan terms."""

from __future__ import annotations

from tests.faith_synthetic import findings

MUSEUM = "museum"
CRATES = (MUSEUM, "Every crate is checked at the dock. A crate may travel by air if it only contains objects that are "
                  "insured for transport.")
ALL_ROOMS = (MUSEUM, "Every gallery room is locked when its last attendant leaves.")
ONE_AT_A_TIME = (MUSEUM, "There can only be one courier with a crate at a time.")
ALL_CASES = (MUSEUM, "The loan is renewed when all of its objects are insured for transport.")


class Describe_only_and_if_any:
    def it_reports_if_any_for_all(self) -> None:
        found = findings("The loan is renewed if any of its objects are insured for transport.", [ALL_CASES])
        assert "if any" in found["claim-scope"]

    def it_accepts_all_for_only_contain(self) -> None:
        assert "claim-scope" not in findings("A crate may travel by air only if all of its objects are insured "
                                             "for transport.", [CRATES])

    def it_accepts_at_any_one_time(self) -> None:
        assert "claim-scope" not in findings("A crate can have only one courier at any one time.", [ONE_AT_A_TIME])



FERRIES = (MUSEUM, "The museum runs a shuttle model, whereby one guide accompanies visitors per one gallery room.")


class Describe_per_as_each:
    def it_accepts_each_for_per(self) -> None:
        assert "claim-scope" not in findings("The museum assigns one guide to each gallery room.", [FERRIES])

    def it_still_reports_a_universal_over_a_noun_no_quote_quantifies(self) -> None:
        assert "claim-scope" in findings("The museum assigns one guide to all visitors.", [FERRIES])
