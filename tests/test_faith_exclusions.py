"""Polarity across paraphrase (polarity.py, denials.py, wordsense.py): an exclusion in the passage
("excluding day visitors") restated as a denial ("does not extend to day visitors"), a failing verb in the
condition ("if a member breaches the rules" for "if a member fails to comply with the rules"), and "before"
for "prior to" keep the passage's polarity; the reversals are still reported. Neutral text: a campsite's rules."""

from __future__ import annotations

from tests.faith_synthetic import findings

SITE = "site"
SHOWERS = (SITE, "All registered campers (excluding day visitors) may use the showers.")
EVICTION = (SITE, "A camper's booking will be cancelled automatically if the camper fails to comply with the "
                  "quiet hours.")
ARRIVAL = (SITE, "Campers must pitch their tents prior to sunset on the day they arrive.")


class Describe_polarity_across_paraphrase:
    def it_reads_an_exclusion_restated_as_a_denial_as_kept(self) -> None:
        assert "claim-negation" not in findings("Use of the showers does not extend to day visitors.", [SHOWERS])

    def it_still_reports_a_denial_where_the_quotes_neither_deny_nor_exclude(self) -> None:
        quote = (SITE, "All registered campers may use the showers.")
        assert "claim-negation" in findings("Registered campers may not use the showers.", [quote])

    def it_reads_a_failing_verb_in_the_condition_as_the_passages_denied_condition(self) -> None:
        assert "claim-negation" not in findings("A camper's booking is cancelled automatically if the camper "
                                                "breaches the quiet hours.", [EVICTION])

    def it_still_reports_the_denied_condition_affirmed(self) -> None:
        assert "claim-negation" in findings("A camper's booking is cancelled automatically if the camper complies "
                                            "with the quiet hours.", [EVICTION])

    def it_reads_before_as_prior_to(self) -> None:
        assert "claim-negation" not in findings("Campers must pitch their tents before sunset on the day they "
                                                "arrive.", [ARRIVAL])
        assert "claim-negation" in findings("Campers must pitch their tents after sunset on the day they arrive.",
                                            [(SITE, "Campers must pitch their tents before sunset on the day they "
                                                    "arrive.")])

    def it_reads_a_sentence_opening_denial_over_a_later_clause(self) -> None:
        quote = (SITE, "In no event, whether in storm or flood, shall the site owner be liable for damage to tents.")
        assert "claim-negation" in findings("The site owner is liable for damage to tents.", [quote])
        assert "claim-negation" not in findings("The site owner is never liable for damage to tents.", [quote])
