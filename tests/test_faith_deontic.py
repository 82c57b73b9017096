"""Rule texts (content/deontic.py): a bylaw's or lease's "must" and "may" state what it requires and allows,
not its author's opinion or a likelihood; their force still has to be kept. An op-ed's "must" and "may" are
still a view and a hedge."""

from __future__ import annotations

from briefwright.content import deontic
from tests.faith_synthetic import findings

BYLAW = "bylaw"
OPED = "oped"
PARKING = (BYLAW, "Under this By-law, a resident may park one vehicle on the street overnight.")
DISPLAY = (BYLAW, "Every permit holder must display the permit on the windscreen, as required by this By-law.")


class Describe_rule_texts:
    def it_reads_drafting_as_a_rule_text(self) -> None:
        assert deontic.is_rule_text(["The Tenant hereby agrees to pay the rent."])
        assert deontic.is_rule_text(["Subject to this Agreement, the Tenant may sublet."])
        assert not deontic.is_rule_text(["This treaty must be ratified before the summit, the senator argues."])

    def it_reads_a_permission_restated_as_no_hedge_dropped(self) -> None:
        assert findings("The by-law lets a resident park one vehicle on the street overnight.", [PARKING]) == {}

    def it_reads_an_obligation_restated_as_no_opinion(self) -> None:
        assert findings("Permit holders must display the permit on the windscreen.", [DISPLAY]) == {}

    def it_reads_what_a_rule_text_will_do_as_no_forecast(self) -> None:
        quote = (BYLAW, "A permit issued under this By-law will expire at the end of the calendar year.")
        assert findings("A permit issued under the by-law will expire at the end of the calendar year.",
                        [quote]) == {}

    def it_reads_as_may_be_necessary_as_no_hedge(self) -> None:
        quote = (BYLAW, "This By-law does not permit parking on sidewalks (except as may be necessary to load a "
                        "wheelchair).")
        assert findings("The by-law does not permit parking on sidewalks.", [quote]) == {}


class Describe_force_kept:
    def it_catches_a_permission_made_an_obligation(self) -> None:
        found = findings("A resident must park one vehicle on the street overnight.", [PARKING])
        assert "an obligation where the passage it restates gives a permission" in found["claim-certainty"]

    def it_catches_an_obligation_made_a_permission(self) -> None:
        found = findings("Permit holders may display the permit on the windscreen.", [DISPLAY])
        assert "a mere permission" in found["claim-certainty"]

    def it_catches_a_prohibition_made_a_permission(self) -> None:
        quote = (BYLAW, "Under this By-law, a vehicle may not park in a loading zone at any time.")
        assert findings("A vehicle may park in a loading zone at any time.", [quote])

    def it_catches_a_hedge_a_rule_text_keeps(self) -> None:
        quote = (BYLAW, "The Landlord gives no warranty under this Lease, and the premises may be unsuitable for "
                        "keeping pets.")
        assert "claim-certainty" in findings("The premises are unsuitable for keeping pets.", [quote])


class Describe_views_elsewhere:
    def it_still_reads_an_analysts_must_as_a_view(self) -> None:
        quote = (OPED, "The council must act now to protect residents' parking.")
        assert "claim-opinion" in findings("The council must act now to protect residents' parking.", [quote])

    def it_still_reads_an_analysts_may_as_a_hedge(self) -> None:
        quote = (OPED, "Residents may lose their parking spaces when the new stadium opens.")
        assert "claim-certainty" in findings("Residents will lose their parking spaces when the new stadium opens.",
                                             [quote])
