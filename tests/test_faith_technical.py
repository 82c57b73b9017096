"""Technical and instructional English (a manual, a textbook): contractions read as their full forms, a
denial restated by a verb that withholds, causes a quote gives in its own connectives, and a manual's
generic "will", "must" and "you can" read as what the text states. Each shape's real distortion is still
reported. Neutral text: a bicycle maintenance manual."""

from __future__ import annotations

from briefwright.content.contractions import expanded
from tests.faith_synthetic import findings

MANUAL = "manual"


class Describe_contractions:
    def it_writes_out_every_common_contraction(self) -> None:
        assert expanded("you can't and won't; it doesn't, they're, we'll, it's, let's") == (
            "you cannot and will not; it does not, they are, we will, it is, let us")
        assert expanded("the rider can not") == "the rider cannot"

    def it_leaves_a_nouns_s_and_d_alone(self) -> None:
        assert expanded("the chain's pins, they'd") == "the chain's pins, they'd"

    def it_reads_cannot_against_a_quotes_cant(self) -> None:
        quote = (MANUAL, "A worn chain can’t be repaired by oiling it.")
        assert "claim-certainty" not in findings("A worn chain cannot be repaired by oiling it.", [quote])

    def it_still_catches_cannot_against_a_quote_that_only_hedges(self) -> None:
        quote = (MANUAL, "A worn chain is hard to repair by oiling it.")
        assert "claim-certainty" in findings("A worn chain cannot be repaired by oiling it.", [quote])


class Describe_withholding_verbs:
    def it_reads_forbids_as_restating_cannot(self) -> None:
        quote = (MANUAL, "You can adjust three screws on a racing frame that you can’t on a touring frame.")
        assert "claim-negation" not in findings(
            "A rider can adjust three screws on a racing frame that a touring frame forbids.", [quote])

    def it_reads_giving_up_as_restating_a_denial(self) -> None:
        quote = (MANUAL, "Aren’t guaranteed to hold their tension")
        assert "claim-negation" not in findings("Cheap spokes give up the tension guarantee.", [quote], "headline")

    def it_still_catches_the_denial_dropped(self) -> None:
        quote = (MANUAL, "You can adjust three screws on a racing frame that you can’t on a touring frame.")
        assert "claim-negation" in findings("A rider can adjust three screws on a touring frame.", [quote])
