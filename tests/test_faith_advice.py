"""Advice and promises to the reader stated as fact (content/advice.py): "it's preferable to water at dawn",
"try moving the pots", "you won't need to feed them" are the writer's; a clause restating one attributes it or
keeps a word of advice, and stating it as what happens is an opinion stated as fact. Neutral text: a
gardener's almanac written to its reader."""

from __future__ import annotations

from tests.faith_synthetic import findings

ALMANAC = "almanac"
DAWN = (ALMANAC, "Where possible, it's preferable to water the beds at dawn so that the leaves dry before noon.")
TRY = (ALMANAC, "If the seedlings grow pale, try moving the pots closer to the window to give them more light.")
PROMISE = (ALMANAC, "Once you learn to read the soil, you won't need to feed the roses every week.")


class Describe_advice_as_fact:
    def it_reports_a_preference_stated_as_what_gardeners_do(self) -> None:
        found = findings("Where possible, gardeners water the beds at dawn so that the leaves dry before noon.",
                         [DAWN])
        assert "preferable" in found["claim-opinion"]

    def it_reports_an_imperative_tip_stated_as_a_fix(self) -> None:
        found = findings("If the seedlings grow pale, moving the pots closer to the window cures them.", [TRY])
        assert "try moving" in found["claim-opinion"]

    def it_reports_a_promise_to_the_reader_stated_as_fact(self) -> None:
        found = findings("Once gardeners learn to read the soil, they won't need to feed the roses every week.",
                         [PROMISE])
        assert "claim-opinion" in found

    def it_accepts_the_advice_attributed_or_kept(self) -> None:
        assert "claim-opinion" not in findings("The almanac prefers watering the beds at dawn where possible, so "
                                               "that the leaves dry before noon.", [DAWN])
        assert "claim-opinion" not in findings("If the seedlings grow pale, the almanac suggests moving the pots "
                                               "closer to the window.", [TRY])
        assert "claim-opinion" not in findings("The almanac says that once gardeners learn to read the soil, they "
                                               "won't need to feed the roses every week.", [PROMISE])
