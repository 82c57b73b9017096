"""Time shifted (content/timeshift.py): a time adverb no quote gives ("only recently", "earlier"), a time word
reversed ("after" for "before", "starts" for "finishes") or a time of the claim's own in place of the
passage's ("when the season ends" for "at the first frost") moves a statement in time; the same time in other
words does not. Neutral text: a gardener's almanac."""

from __future__ import annotations

from tests.faith_synthetic import findings

ALMANAC = "almanac"
FROST = (ALMANAC, "When the nights turn cold, the gardener lifts the dahlia tubers at the first frost.")
HARD = (ALMANAC, "Growing tulips in clay soil has long been difficult for gardeners.")
BEFORE = (ALMANAC, "The bees left the hive before the beekeeper opened the lid.")
WAIT = (ALMANAC, "The pump keeps running until the tank is full and the float valve finishes its stroke.")
DEADLINE = (ALMANAC, "Seedlings must be thinned within 10 days after they sprout.")


class Describe_time_shift:
    def it_reports_a_time_adverb_no_quote_gives(self) -> None:
        found = findings("Growing tulips in clay soil has only recently become difficult for gardeners.", [HARD])
        assert "'recently'" in found["claim-date"]

    def it_reports_a_time_word_reversed(self) -> None:
        found = findings("The bees left the hive after the beekeeper opened the lid.", [BEFORE])
        assert "after" in found["claim-date"]
        found = findings("The pump keeps running until the tank is full and the float valve starts its stroke.",
                         [WAIT])
        assert "'start'" in found["claim-date"]

    def it_reports_a_time_of_its_own_for_the_passages(self) -> None:
        found = findings("When the nights turn cold, the gardener lifts the dahlia tubers when the harvest "
                         "festival opens.", [FROST])
        assert "harvest festival" in found["claim-date"]

    def it_accepts_the_same_time_in_other_words(self) -> None:
        assert "claim-date" not in findings("Once the nights grow cold, the gardener lifts the dahlia tubers at "
                                            "the first frost.", [FROST])
        assert "claim-date" not in findings("The bees had already left the hive before the beekeeper opened "
                                            "the lid.", [BEFORE])
        assert "claim-date" not in findings("Seedlings must be thinned before 10 days have passed since they "
                                            "sprout.", [DEADLINE])
