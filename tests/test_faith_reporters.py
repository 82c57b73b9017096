"""Reporters named in common nouns (content/reporters.py): "the handbook says", "the authors ask" refer to the
cited source; another document or party in their place ("the county's safety manual warns", "the ferry
operator's own test run") moves the attribution, unless a quote names that document or party itself.
Neutral text: a lighthouse keeper's handbook."""

from __future__ import annotations

from tests.faith_synthetic import findings

HANDBOOK = "handbook"
LAMP = (HANDBOOK, "We recommend that keepers clean the lens every morning before the lamp is lit.")
RUN = (HANDBOOK, "In our trial, the lamp burned for nine hours before the oil ran out.")
REPORTED = (HANDBOOK, "The coastguard manual warns that a cracked lens must be replaced at once.")


class Describe_reporters:
    def it_reports_another_document_made_the_speaker(self) -> None:
        found = findings("The county's safety manual recommends that keepers clean the lens every morning before "
                         "the lamp is lit.", [LAMP])
        assert "manual" in found["claim-attribution"]

    def it_reports_another_party_credited_with_the_evidence(self) -> None:
        found = findings("In the ferry operator's own trial run, the lamp burned for nine hours before the oil "
                         "ran out.", [RUN])
        assert "ferry operator" in found["claim-attribution"]

    def it_reports_a_standard_made_the_speaker(self) -> None:
        found = findings("The national lighthouse standard says keepers clean the lens every morning before the "
                         "lamp is lit.", [LAMP])
        assert "claim-attribution" in found

    def it_accepts_the_sources_generic_names(self) -> None:
        assert "claim-attribution" not in findings("The authors recommend that keepers clean the lens every "
                                                   "morning before the lamp is lit.", [LAMP])
        assert "claim-attribution" not in findings("In the handbook's trial run, the lamp burned for nine hours "
                                                   "before the oil ran out.", [RUN])

    def it_accepts_a_document_the_quote_itself_reports(self) -> None:
        assert "claim-attribution" not in findings("The coastguard manual warns that a cracked lens must be "
                                                   "replaced at once.", [REPORTED])
