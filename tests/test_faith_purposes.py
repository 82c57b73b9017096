"""Purposes and reasons added (content/purposes.py): a purpose clause ("To keep the hall quiet, …", "so that
…") or a reason given by "since" that none of the claim's quotes gives is a cause added; one a quote gives
("That way, …", "in order to …") is kept, and a temporal "since" is no reason. Neutral text: a library's rules."""

from __future__ import annotations

from tests.faith_synthetic import findings

LIBRARY = "library"
PHONES = (LIBRARY, "Phones must be switched to silent in the reading room.")
RETURNS = (LIBRARY, "Borrowers must return books within three weeks. That way, other readers do not wait long "
                    "for popular titles.")


class Describe_purposes_added:
    def it_reports_an_opening_purpose_clause_no_quote_gives(self) -> None:
        found = findings("To protect students revising for exams, phones must be switched to silent in the "
                         "reading room.", [PHONES])
        assert "purpose" in found["claim-cause"]

    def it_reports_a_reason_given_by_since(self) -> None:
        found = findings("Phones must be switched to silent in the reading room, since ringing would disturb "
                         "readers.", [PHONES])
        assert "since ringing" in found["claim-cause"]

    def it_keeps_a_purpose_the_quote_gives(self) -> None:
        assert "claim-cause" not in findings("Borrowers must return books within three weeks so that other readers "
                                             "do not wait long for popular titles.", [RETURNS])

    def it_reads_a_temporal_since_as_no_reason(self) -> None:
        assert "claim-cause" not in findings("Phones have had to be silent in the reading room since the rule "
                                             "began.", [PHONES])

    def it_reads_an_opening_to_phrase_that_names_no_act_as_no_purpose(self) -> None:
        assert "claim-cause" not in findings("To a large degree, phones must be switched to silent in the reading "
                                             "room.", [PHONES])

    def it_keeps_an_infinitive_of_purpose_the_quote_has(self) -> None:
        quote = (LIBRARY, "Readers may book a study room to work in a group.")
        assert "claim-cause" not in findings("To work in a group, readers may book a study room.", [quote])
