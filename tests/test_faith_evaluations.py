"""Evaluations added (content/evaluations.py): praise or blame that none of a claim's quotes makes is an
opinion stated as fact; the same evaluation quoted, or attributed to whoever makes it, is not. Neutral text:
a club's rules."""

from __future__ import annotations

from tests.faith_synthetic import findings

CLUB = "club"
LATE_FEES = (CLUB, "Members who return equipment late pay a fee of two pounds for each day of delay.")
BAN = (CLUB, "The committee may suspend a member who damages club equipment.")


class Describe_added_evaluations:
    def it_reports_an_evaluative_adverb_the_quotes_lack(self) -> None:
        found = findings("Sensibly, members who return equipment late pay a fee for each day of delay.", [LATE_FEES])
        assert "sensibly" in found["claim-opinion"]

    def it_reports_an_evaluative_adjective_in_a_headline(self) -> None:
        found = findings("The club's suspension power is draconian", [BAN], "headline")
        assert "draconian" in found["claim-opinion"]

    def it_reports_an_evaluation_in_a_judgment_too(self) -> None:
        found = findings("The committee rightly suspends members who damage equipment.", [BAN], "text")
        assert "rightly" in found["claim-opinion"]

    def it_keeps_a_faithful_restatement(self) -> None:
        assert "claim-opinion" not in findings("Members pay two pounds a day when they return equipment late.",
                                               [LATE_FEES])
        assert "claim-opinion" not in findings("The committee may suspend members who damage the club's "
                                               "equipment and its rights.", [BAN])

    def it_keeps_an_evaluation_the_quote_makes_or_a_critic_is_said_to_make(self) -> None:
        quote = (CLUB, "Members regard the late fee as unfair to juniors.")
        assert "claim-opinion" not in findings("Members regard the late fee as unfair to juniors.", [quote])
        assert "claim-opinion" not in findings("Critics argue that the committee's suspension power is draconian.",
                                               [BAN])
