"""Quantified sets (content/quantified.py): a clause quantifies the set its passage quantifies. A universal
over a noun the passage names without one, over another noun than the passage's universal set, or over that
set with a restricting word dropped widens it; a partial quantifier over a set the passage takes whole narrows
it. Faithful restatements keep the set. Neutral text: a lease and a club's rules."""

from __future__ import annotations

from tests.faith_synthetic import findings

LEASE = "lease"
REPAIRS = (LEASE, "Any tenant may ask the landlord to repair only those defects in the heating system that the "
                  "tenant reports in writing.")
DEPOSIT = (LEASE, "Each tenant shall pay the entire deposit before moving in.")
KEYS = (LEASE, "All outer door keys issued to the tenant must be returned at the end of the tenancy.")
GUESTS = (LEASE, "Any guest staying overnight must be registered with the caretaker.")
FEES = (LEASE, "No tenant pays fees to any agent appointed by the landlord.")


class Describe_widened_sets:
    def it_reports_a_universal_over_a_noun_the_passage_restricts(self) -> None:
        found = findings("Any tenant may ask the landlord to repair every defect in the heating system.",
                         [REPAIRS])
        assert "every defect" in found["claim-scope"]

    def it_reports_a_universal_over_a_different_noun_than_the_passages(self) -> None:
        found = findings("Any visitor staying overnight must be registered with the caretaker.", [GUESTS])
        assert "any guest" in found["claim-scope"]

    def it_reports_a_restricting_word_dropped_from_the_passages_set(self) -> None:
        found = findings("All door keys issued to the tenant must be returned at the end of the tenancy.", [KEYS])
        assert "widens" in found["claim-scope"]

    def it_keeps_a_faithful_restatement_of_the_set(self) -> None:
        assert "claim-scope" not in findings("Every outer door key given to the tenant has to be returned when the "
                                             "tenancy ends.", [KEYS])
        assert "claim-scope" not in findings("Any guest who stays the night must be registered with the caretaker.",
                                             [GUESTS])

    def it_reads_any_after_a_denial_as_no_universal(self) -> None:
        assert "claim-scope" not in findings("Tenants pay no fees to any agent the landlord appoints.", [FEES])

    def it_does_not_count_a_word_after_the_noun_as_a_restriction_dropped(self) -> None:
        quote = (LEASE, "The tenant bears any costs associated with late payment of the rent.")
        assert "claim-scope" not in findings("The tenant bears any costs of paying the rent late.", [quote])


    def it_asks_only_the_passages_that_speak_of_the_set(self) -> None:
        quotes = [(LEASE, "A tenant may store bicycles in a shed that is part of the garden."),
                  (LEASE, "If the landlord agrees in writing, a tenant may keep a dog in the flat.")]
        found = findings("A tenant may store bicycles in any part of the garden and keep a dog in the flat.", quotes)
        assert "any part" in found["claim-scope"]


class Describe_narrowed_sets:
    def it_reports_a_partial_quantifier_over_a_set_the_passage_takes_whole(self) -> None:
        found = findings("Some tenants shall pay the entire deposit before moving in.", [DEPOSIT])
        assert "narrows" in found["claim-scope"]
        found = findings("Each tenant shall pay part of the deposit before moving in.", [DEPOSIT])
        assert "narrows" in found["claim-scope"]

    def it_keeps_the_passages_own_universal(self) -> None:
        assert "claim-scope" not in findings("Every tenant pays the whole deposit before moving in.", [DEPOSIT])
