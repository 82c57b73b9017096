"""A generic statement keeps the condition it generalises (content/generic.py), on invented manual sentences."""

from __future__ import annotations

from tests.faith_synthetic import findings

CHAIN = ("manual", "If the rider forgets to oil the chain, the chain will rust within a month.")
BRAKE = ("manual", "If any of the brake pads are worn through, the bicycle will not stop safely.")


def test_a_gerund_subject_keeps_the_condition() -> None:
    assert "claim-condition" not in findings("Forgetting to oil the chain makes the chain rust within a month.",
                                             [CHAIN])


def test_an_indefinite_subject_keeps_the_condition() -> None:
    assert "claim-condition" not in findings("A bicycle whose brake pads are worn through will not stop safely.",
                                             [BRAKE], field="headline")


def test_a_definite_subject_asserts_the_case_and_drops_the_condition() -> None:
    found = findings("The rider forgetting to oil the chain makes the chain rust within a month.", [CHAIN])
    assert "drops the condition" in found["claim-condition"]


def test_the_consequence_alone_still_drops_the_condition() -> None:
    assert "drops the condition" in findings("The chain will rust within a month.", [CHAIN])["claim-condition"]


def test_an_indefinite_subject_after_a_conjunction_keeps_the_condition() -> None:
    found = findings("The shop sells spare parts, and a bicycle whose brake pads are worn through will not stop "
                     "safely.", [BRAKE, ("manual", "The shop sells spare parts for every bicycle.")])
    assert "claim-condition" not in found
