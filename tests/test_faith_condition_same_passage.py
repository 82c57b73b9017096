"""Conditions (content/meaning.py check_condition): a clause that restates a conditional passage word for word
keeps its condition when its own sentence states that passage's condition, though the clause itself aligns to
another, unconditional sentence of the quote. Neutral text: a harbour master's notes."""

from __future__ import annotations

from tests.faith_synthetic import findings

NOTES = ("notes", "When the tide turns, the keeper rings a special bell for us. This bell is called the brass "
                  "bell, and it's where the boats gather. The keeper rings the brass bell automatically at the "
                  "harbour wall.")


class Describe_condition_of_the_same_passage:
    def it_accepts_the_condition_stated_in_the_same_sentence(self) -> None:
        assert "claim-condition" not in findings("When the tide turns, the keeper automatically rings a special "
                                                 "bell named the brass bell at the harbour wall, and that is where "
                                                 "the boats gather.", [NOTES])

    def it_reports_the_condition_dropped(self) -> None:
        assert "claim-condition" in findings("The keeper automatically rings a special bell named the brass bell "
                                             "at the harbour wall, and that is where the boats gather.", [NOTES])
