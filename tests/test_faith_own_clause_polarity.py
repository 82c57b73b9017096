"""Polarity of a clause of its own (content/polarity.py): after a semicolon, a clause with its own verb keeps
its own polarity, so a denial in the clause before it ("cannot be opened …") does not hide that it affirms
what its passage denies ("lighting one does no harm" → "lighting one can do harm"). Neutral text: a
lighthouse keeper's handbook."""

from __future__ import annotations

from tests.faith_synthetic import findings

HANDBOOK = "handbook"
LAMPS = [(HANDBOOK, "Keepers can light spare lamps in the store room; they just can't carry lit lamps up the "
                    "stairs."),
         (HANDBOOK, "Lighting a spare lamp does no harm; it's only when a keeper carries it that the oil might "
                    "spill.")]


class Describe_own_clause_polarity:
    def it_reports_a_denial_reversed_after_a_semicolon(self) -> None:
        found = findings("Spare lamps can be lit in the store room, but they cannot be carried up the stairs; "
                         "lighting one can do harm, and only carrying it might spill the oil.", LAMPS)
        assert "lighting one can do harm" in found["claim-negation"]

    def it_accepts_the_denial_kept(self) -> None:
        assert "claim-negation" not in findings(
            "Spare lamps can be lit in the store room, but they cannot be carried up the stairs; lighting one does "
            "no harm, and only carrying it might spill the oil.", LAMPS)


PUMP = [(HANDBOOK, "Closing the hatch does not switch off the fog horn or disable the other alarms.")]


class Describe_staying_for_not_stopping:
    def it_accepts_staying_on_for_not_switched_off(self) -> None:
        assert "claim-negation" not in findings("The fog horn stays on when the hatch is closed.", PUMP)

    def it_still_reports_the_stop_affirmed(self) -> None:
        found = findings("Closing the hatch switches off the fog horn and disables the other alarms.", PUMP)
        assert "claim-negation" in found


DUTIES = [(HANDBOOK, "A keeper can do three tasks at night that a visitor can't do by day, which we call the "
                     "night watch.")]


class Describe_denial_in_a_relative_clause:
    def it_accepts_a_clause_restating_the_noun_not_the_relative_clause(self) -> None:
        assert "claim-negation" not in findings("The handbook's name for these three tasks at night is the night "
                                                "watch.", DUTIES)

    def it_still_reports_the_relative_clauses_denial_reversed(self) -> None:
        assert "claim-negation" in findings("A visitor can do the three tasks by day.", DUTIES)
