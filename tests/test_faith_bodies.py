"""Bodies named (content/bodies.py): a reporting sentence that names an organisation none of the project's
quotes nor its sources name brings in an actor of its own; one a quote names is kept. Neutral text: a
village fete's rules."""

from __future__ import annotations

from tests.faith_synthetic import findings

FETE = "fete"
STALLS = (FETE, "Stallholders must register with the Fete Committee two weeks before the fete.")


class Describe_bodies_named:
    def it_reports_an_organisation_no_quote_names(self) -> None:
        found = findings("Stallholders must register two weeks before the fete. Each stall must first be "
                         "inspected by the County Safety Authority.", [STALLS], "detail")
        assert "County Safety Authority" in found["claim-unsupported"]

    def it_keeps_an_organisation_a_quote_names(self) -> None:
        assert "claim-unsupported" not in findings("Stallholders register with the Fete Committee two weeks "
                                                   "ahead.", [STALLS])

    def it_keeps_the_publisher_of_a_source(self) -> None:
        assert "claim-unsupported" not in findings("The Riverton Council sets the rule: stallholders must register "
                                                   "with the Fete Committee two weeks before the fete.", [STALLS])
