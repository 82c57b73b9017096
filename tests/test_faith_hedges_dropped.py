"""Estimative and frequency hedges dropped (content/qualifiers.py): a clause restating what a passage says
"would likely", "generally" or "can potentially" happen keeps a hedge, in that clause; another clause's modal
("…, because the crew can't reach it") keeps nothing. Neutral text: a lighthouse keeper's handbook."""

from __future__ import annotations

from tests.faith_synthetic import findings

HANDBOOK = "handbook"
LAMP = (HANDBOOK, "A cracked lens would likely fail during the first winter storm. This lamp sits on a stone "
                  "tower forty metres high.")
ROPES = (HANDBOOK, "Wet ropes are generally weaker than dry ropes because the fibres swell.")
RUST = (HANDBOOK, "Salt spray can corrode the railings, which can potentially injure visitors.")


class Describe_hedges_dropped:
    def it_reports_likely_dropped_from_a_passage_the_clause_restates_word_for_word(self) -> None:
        found = findings("The lamp on the stone tower forty metres high, with a cracked lens, fails during the "
                         "first winter storm.", [LAMP])
        assert "'likely'" in found["claim-certainty"]

    def it_reports_generally_dropped(self) -> None:
        found = findings("Wet ropes are weaker than dry ropes, because the fibres swell and the crew can't dry "
                         "them.", [ROPES])
        assert "'generally'" in found["claim-certainty"]

    def it_reports_potentially_dropped(self) -> None:
        found = findings("Salt spray corrodes the railings, which injures visitors.", [RUST])
        assert "'potentially'" in found["claim-certainty"]

    def it_keeps_a_hedge_of_its_kind(self) -> None:
        assert "claim-certainty" not in findings("Wet ropes are usually weaker than dry ropes because the fibres "
                                                 "swell.", [ROPES])
        assert "claim-certainty" not in findings("A cracked lens would probably fail during the first winter "
                                                 "storm.", [LAMP])

    def it_does_not_ask_a_clause_restating_other_words_for_the_hedge(self) -> None:
        assert "claim-certainty" not in findings("Wet ropes lose strength, because their fibres swell.", [ROPES])
