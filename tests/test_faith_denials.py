"""Polarity, cause and aspect on rule-text English (content/denials.py, meaning.py): a denial inside a
condition, a litotes ("not limited to") or a claim that excludes in a verb of its own is no reversal; a
cause is linked within its own clause; a rule text's "shall" is no plan. Each shape's real distortion is
still reported. Neutral text: a school policy."""

from __future__ import annotations

from tests.faith_synthetic import findings

POLICY = "policy"
REFUNDS = [(POLICY, "No refund is given under this Policy by the school:"),
           (POLICY, "(a) for trips that the school has cancelled;"),
           (POLICY, "(b) for damage caused by a pupil's own negligence.")]


class Describe_denials:
    def it_reads_a_denial_inside_the_condition_as_no_denial_of_the_outcome(self) -> None:
        quote = (POLICY, "Library privileges will end automatically if a pupil fails to return borrowed books.")
        assert "claim-negation" not in findings("Library privileges end automatically.", [quote], "headline")

    def it_still_catches_the_outcomes_denial_dropped(self) -> None:
        quote = (POLICY, "Library privileges do not end when a pupil changes class.")
        assert "claim-negation" in findings("Library privileges end when a pupil changes class.", [quote], "headline")

    def it_reads_not_limited_to_restated_as_goes_beyond(self) -> None:
        quote = (POLICY, "The fee applies if the trip is not limited to the school grounds.")
        assert findings("The fee applies only if the trip goes beyond the school grounds.", [quote]) == {}

    def it_still_catches_not_limited_to_restated_as_limited_to(self) -> None:
        quote = (POLICY, "The fee applies if the trip is not limited to the school grounds.")
        assert "claim-negation" in findings("The fee applies only if the trip is limited to the school grounds.",
                                            [quote])

    def it_reads_an_exclusion_verb_as_keeping_the_denial(self) -> None:
        assert findings("The school's refund rule excludes trips a pupil has cancelled.", REFUNDS, "headline") == {}

    def it_still_catches_the_denied_thing_affirmed(self) -> None:
        found = findings("The school's refund rule covers trips a pupil has cancelled.", REFUNDS, "headline")
        assert "affirms 'refund'" in found["claim-negation"]


class Describe_cause_and_aspect:
    def it_links_a_cause_within_its_own_clause(self) -> None:
        text = "The school gives no refund for trips it has cancelled, or for damage caused by a pupil's own negligence."
        assert "claim-cause" not in findings(text, REFUNDS)

    def it_still_catches_a_cause_the_quotes_do_not_state(self) -> None:
        text = "The school gives no refund for trips it has cancelled because of a pupil's own negligence."
        assert "claim-cause" in findings(text, REFUNDS)

    def it_reads_a_rule_texts_shall_as_no_plan(self) -> None:
        quote = (POLICY, "Under this Policy, library privileges shall survive a change of class.")
        assert findings("Library privileges survive a change of class.", [quote], "headline") == {}

    def it_still_reads_a_promise_as_a_plan(self) -> None:
        quote = ("news", "Library privileges shall survive a change of class, the head teacher promised.")
        assert "claim-aspect" in findings("Library privileges survive a change of class.", [quote], "headline")
