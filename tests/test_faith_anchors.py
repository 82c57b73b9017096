"""Time anchors (content/anchors.py): a clause dates what it restates from the passage's event, on the same
side of it, for the same kind of duration. Another event, the other side of the same event, or a bounded
duration for an unbounded one is reported; the same anchor in other words is not. Neutral text: a tenancy."""

from __future__ import annotations

from tests.faith_synthetic import findings

LEASE = "lease"
NOTICE = (LEASE, "The tenancy ends on the date the tenant hands back the keys.")
DEPOSIT = (LEASE, "The deposit is returned after the final inspection of the flat.")
REPAIRS = (LEASE, "Repairs are due within ten days after the tenant reports the fault.")
RIGHT = (LEASE, "The tenant holds a permanent right to use the garden shed.")


class Describe_time_anchors:
    def it_reports_another_event(self) -> None:
        found = findings("The tenancy ends on the date the landlord sells the building.", [NOTICE])
        assert "claim-date" in found

    def it_reports_an_event_half_replaced(self) -> None:
        found = findings("Repairs are due within ten days after the landlord discovers the fault.", [REPAIRS])
        assert "claim-date" in found
        assert "claim-date" not in findings("Repairs are due ten days after the tenant has reported the fault again.",
                                            [REPAIRS])

    def it_reads_a_span_without_of_or_after_as_naming_no_event(self) -> None:
        quote = (LEASE, "Tenants who fail to pay the rent within 14 days will be sent a warning letter.")
        assert "claim-date" not in findings("Tenants who do not pay the rent within 14 days get a warning letter.",
                                            [quote])

    def it_reports_the_other_side_of_the_same_event(self) -> None:
        found = findings("The deposit is returned before the final inspection of the flat.", [DEPOSIT])
        assert "claim-date" in found

    def it_reports_a_bounded_duration_for_an_unbounded_one(self) -> None:
        found = findings("The tenant holds an annually renewed right to use the garden shed.", [RIGHT])
        assert "annually" in found["claim-date"]

    def it_keeps_the_same_anchor_in_other_words(self) -> None:
        assert "claim-date" not in findings("The tenancy ends on the date the tenant returns the keys.", [NOTICE])
        assert "claim-date" not in findings("The deposit comes back following the flat's final inspection.",
                                            [DEPOSIT])
        assert "claim-date" not in findings("The tenant may use the garden shed permanently.", [RIGHT])
