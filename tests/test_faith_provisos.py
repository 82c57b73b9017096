"""Provisos dropped (content/provisos.py): a clause restating a passage that holds only on a proviso beside it
("provided that …", an opening "Unless …,", "except as …") keeps it; naming what the proviso names keeps it,
in any words. Neutral text: a community garden's rules."""

from __future__ import annotations

from briefwright.content.provisos import provisos
from tests.faith_synthetic import findings

GARDEN = "garden"
SHEDS = (GARDEN, "Plot holders may build a shed on their plot, provided that the shed is no taller than two metres "
                 "and the committee approves its position.")
WATER = (GARDEN, "Unless a hosepipe ban is in force, members may water their plots with a hose at any time.")
BONFIRES = (GARDEN, "Bonfires are not allowed on plots, except as the committee permits in writing for clearing "
                    "diseased plants.")


class Describe_provisos:
    def it_reports_a_proviso_after_the_clause_dropped(self) -> None:
        found = findings("Plot holders may build a shed on their plot.", [SHEDS])
        assert "provided that" in found["claim-condition"]

    def it_reads_an_opening_proviso_to_its_comma_and_a_later_one_to_the_end(self) -> None:
        assert provisos(WATER[1]) == ["unless a hosepipe ban is in force"]
        assert provisos(SHEDS[1]) == ["provided that the shed is no taller than two metres and the committee "
                                      "approves its position"]

    def it_reports_an_except_proviso_dropped(self) -> None:
        found = findings("Bonfires are not allowed on plots.", [BONFIRES])
        assert "except as" in found["claim-condition"]

    def it_keeps_a_proviso_restated_in_other_words(self) -> None:
        assert "claim-condition" not in findings("Plot holders may put up a shed on their plot as long as the "
                                                 "committee approves where it goes and it stays under two metres.",
                                                 [SHEDS])
        assert "claim-condition" not in findings("As long as there is no hosepipe ban, members may water their plots with "
                                                 "a hose at any time.", [WATER])

    def it_keeps_a_proviso_stated_in_another_sentence_of_the_field(self) -> None:
        text = "The committee can permit bonfires in writing to clear diseased plants. Bonfires are not allowed on plots."
        assert "claim-condition" not in findings(text, [BONFIRES])

    def it_reads_a_proviso_in_the_list_item_a_colon_introduces(self) -> None:
        quotes = [(GARDEN, "If a plot holder keeps bees, the committee may allow the hives:"),
                  (GARDEN, "a) on the plot itself, provided that the hives stand at least ten metres from any path, or")]
        found = findings("If a plot holder keeps bees, the committee may allow the hives on the plot itself.", quotes)
        assert "provided that" in found["claim-condition"]
        assert "claim-condition" not in findings("If a plot holder keeps bees, the committee may allow the hives on "
                                                 "the plot itself, as long as they stand ten metres from any path.",
                                                 quotes)
