"""Conditions kept without a fresh "if" (content/carried.py): carried from an earlier sentence of the field
that restates the same passage with its condition, stated by a sentence-opening "Where …,", restated in the
claim's own words, or only a parenthesis qualifying a phrase. A first sentence that drops the condition is
still reported. Neutral text: a lease."""

from __future__ import annotations

from tests.faith_edits import Example, findings_of_edit
from tests.faith_synthetic import findings

LEASE = "lease"
PET = (LEASE, "If the Tenant keeps a pet on the premises, the Tenant shall pay a cleaning fee under this Lease, "
              "which is due at the end of the tenancy.")
FIRE = (LEASE, "In the event of a fire, all deposits held under this Lease shall be returned to the Tenant.")


class Describe_condition_carried:
    def it_carries_a_condition_to_the_next_sentence_of_the_field(self) -> None:
        text = ("If the tenant keeps a pet, the tenant must pay a cleaning fee. The cleaning fee is due at the end "
                "of the tenancy.")
        assert "claim-condition" not in findings(text, [PET])

    def it_still_catches_the_condition_dropped_from_the_first_sentence(self) -> None:
        text = "The tenant must pay a cleaning fee. The cleaning fee is due at the end of the tenancy."
        assert "drops the condition" in findings(text, [PET])["claim-condition"]

    def it_reads_an_opening_where_as_a_condition(self) -> None:
        text = "Where the tenant keeps a pet on the premises, the tenant must pay a cleaning fee."
        assert "claim-condition" not in findings(text, [PET])

    def it_reads_a_condition_restated_in_the_claims_words_as_kept(self) -> None:
        assert "claim-condition" not in findings("All deposits are returned to the tenant after a fire.", [FIRE])

    def it_catches_that_condition_dropped(self) -> None:
        assert "claim-condition" in findings("All deposits are returned to the tenant.", [FIRE])

    def it_catches_a_hypothesis_asserted_as_fact(self) -> None:
        # The condition's own words, stated as what is the case, are the condition dropped, not kept.
        quote = ("minutes", "If the storm damages the pier, the ferry will stop running for the winter.")
        text = "The storm damaging the pier stops the ferry running for the winter."
        assert "drops the condition" in findings(text, [quote])["claim-condition"]

    def it_catches_a_dropped_qualifier_of_sense(self) -> None:
        # "in a strict sense" limits the claim the way a condition does; a parenthesis elsewhere does not hide it.
        quote = ("minutes", "In a strict sense the committee (as constituted in 2019) can not approve the plan.")
        assert "claim-condition" in findings("The committee can not approve the plan.", [quote])

    def it_reads_a_parenthetical_condition_as_qualifying_a_phrase(self) -> None:
        quote = (LEASE, "The Landlord shall repair the heating and the hot-water boiler (if any) within seven days "
                        "of a written request made under this Lease.")
        text = "The landlord must repair the heating and the hot-water boiler within seven days of a written request."
        assert "claim-condition" not in findings(text, [quote])


class Describe_headline_naming_the_case:
    """A headline that names the case its summary's condition describes keeps the condition (the licences'
    "MPL executables must come with a route to the source" for "If you distribute … in Executable Form, …")."""

    def it_lets_a_headline_name_the_conditional_case(self, example: Example) -> None:
        found = findings_of_edit(example, "point:depends-on-beijing", "headline",
                                 "Under sustained pressure on Taiwan, Tokyo will be forced to upgrade security ties "
                                 "with Taipei, Kotani judges")
        assert "claim-condition" not in found
