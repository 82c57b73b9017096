"""The faithfulness rules on hearsay, absolutes, unconditional connectives, temporal bounds, and the aspect
of irregular perfects (content/evidentials.py, content/aspect.py).

Each test rewrites one field of the real example content (read, never written) the way a careless editor
would and asserts the named rule reports it; the faithful original draws nothing, and faithful rewordings
that keep the source's hedge, degree or bound draw nothing either.
"""

from __future__ import annotations

from briefwright.content import aspect
from tests.faith_edits import Example
from tests.faith_edits import findings_of_edit as _rules


class Describe_hearsay:
    def it_catches_a_report_stated_as_known(self, example: Example) -> None:
        found = _rules(example, "point:ait-coordination", "detail", "Kotani notes that the US has an operational plan",
                       old="Kotani notes that the US reportedly has an operational plan")
        assert "hearsay" in found["claim-certainty"] and "Reportedly" in found["claim-certainty"]

    def it_catches_what_is_said_to_be_intended_stated_as_intended(self, example: Example) -> None:
        found = _rules(example, "point:minister-wants-officer", "summary", "intends to send",
                       old="is said to intend to send")
        assert "hearsay" in found["claim-certainty"]

    def it_lets_a_claim_that_reports_the_report_stand(self, example: Example) -> None:
        found = _rules(example, "point:ait-coordination", "detail",
                       "Kotani notes reports that the US has an operational plan",
                       old="Kotani notes that the US reportedly has an operational plan")
        assert "claim-certainty" not in found


class Describe_absolutes:
    def it_catches_an_approximator_dropped(self, example: Example) -> None:
        found = _rules(example, "point:no-relations-since-1972", "detail", "makes it impossible to coordinate",
                       old="makes it nearly impossible to coordinate")
        assert "“impossible”" in found["claim-certainty"] and "nearly impossible" in found["claim-certainty"]

    def it_catches_difficult_made_impossible(self, example: Example) -> None:
        found = _rules(example, "point:prior-consultation", "summary", "though refusal would be impossible in practice",
                       old="though refusal would be hard in practice")
        assert "“impossible”" in found["claim-certainty"]

    def it_catches_widely_made_unanimous(self, example: Example) -> None:
        found = _rules(example, "point:parliament-leads", "summary", "whose members unanimously share Abe's view",
                       old="whose members widely share Abe's view")
        assert "unanimously" in found["claim-certainty"]

    def it_lets_a_kept_approximator_stand(self, example: Example) -> None:
        found = _rules(example, "point:no-relations-since-1972", "detail", "makes it almost impossible to coordinate",
                       old="makes it nearly impossible to coordinate")
        assert found == {}


class Describe_unconditional:
    def it_catches_in_any_case_on_a_conditional_passage(self, example: Example) -> None:
        found = _rules(example, "point:rear-area-logistics", "headline",
                       "Japan would likely store US arms bound for Taiwan in any case, Kotani argues")
        assert "in any case" in found["claim-condition"] and "the summary" in found["claim-condition"]


class Describe_temporal_bounds:
    def it_catches_a_start_turned_into_an_end(self, example: Example) -> None:
        found = _rules(example, "point:retired-officer-since-2003", "headline",
                       "A retired flag officer served in Taipei until 2003")
        assert "2003 as an end" in found["claim-date"] and "since 2003" in found["claim-date"]

    def it_lets_in_a_year_stand_for_since_a_year(self, example: Example) -> None:
        assert _rules(example, "point:no-relations-since-1972", "headline",
                      "No diplomatic relations since Japan normalised ties with China in 1972") == {}


class Describe_irregular_perfects:
    def it_reads_an_irregular_participle_as_done(self) -> None:
        assert aspect.completed("Japan has begun simulating") == ["begun"]
        assert aspect.completed("the two have drawn up plans") == ["drawn"]
        assert aspect.completed("the US has a plan") == []

    def it_catches_a_hope_reported_as_begun(self, example: Example) -> None:
        found = _rules(example, "point:joint-scenario-planning", "detail", "Liao reports that Japan has begun simulating",
                       old="Liao hopes Japan will begin simulating")
        assert "It is hoped" in found["claim-aspect"]

    def it_reads_a_modal_in_an_indirect_question_as_the_questions(self, example: Example) -> None:
        found = _rules(example, "point:us-strategic-ambiguity", "summary",
                       "Kotani notes that Washington has kept its policy of strategic ambiguity on whether it would "
                       "intervene in a Taiwan Strait conflict, though after Ukraine there is a clearer sign that it would "
                       "keep arming Taiwan.")
        assert found == {}


class Describe_headline_condition:
    def it_catches_a_headline_that_drops_its_summarys_condition(self, example: Example) -> None:
        found = _rules(example, "point:depends-on-beijing", "headline",
                       "Tokyo will be forced to upgrade security ties with Taipei, Kotani judges")
        assert "if Beijing keeps increasing military pressure" in found["claim-condition"]

    def it_lets_a_headline_keep_the_dependence(self, example: Example) -> None:
        assert "claim-condition" not in _rules(example, "point:depends-on-beijing", "headline",
                                               "Whether Tokyo upgrades ties with Taipei depends on Beijing, Kotani judges")


class Describe_causes:
    def it_catches_a_causal_verb_the_quotes_do_not_state(self, example: Example) -> None:
        found = _rules(example, "point:retired-officer-since-2003", "detail",
                       "Tokyo's refusal to send active-duty JSDF officers is what has driven up tensions across the "
                       "Taiwan Strait.")
        assert "driven up" in found["claim-cause"]


class Describe_estimates:
    def it_catches_an_approximate_number_stated_as_exact(self, example: Example) -> None:
        found = _rules(example, "point:figure-usfj-personnel", "summary", "numbers 54,000",
                       old="numbers approximately 54,000")
        assert "54000 as exact" in found["claim-certainty"]

    def it_lets_another_approximator_stand(self, example: Example) -> None:
        assert _rules(example, "point:figure-usfj-personnel", "summary", "numbers about 54,000",
                      old="numbers approximately 54,000") == {}

    def it_catches_a_modal_stripped_of_its_estimative_adverb(self, example: Example) -> None:
        found = _rules(example, "point:contingency-likely", "detail", "the question will no longer be",
                       old="the question will likely no longer be")
        assert "'will'" in found["claim-certainty"] and "likely" in found["claim-certainty"]


class Describe_opinions:
    def it_catches_a_sources_reason_for_a_recommendation_stated_as_fact(self, example: Example) -> None:
        found = _rules(example, "point:military-liaison", "detail", "Crisis communication needs",
                       old="Lim argues that crisis communication needs")
        assert "if Taiwan and Japan are to discuss" in found["claim-opinion"] and "(must)" in found["claim-opinion"]

    def it_catches_a_firm_prediction_beside_a_hedged_clause(self, example: Example) -> None:
        found = _rules(example, "point:us-strategic-ambiguity", "detail",
                       "Strategic ambiguity may have saved Japan from direct conflict with China over Taiwan, but it "
                       "will not protect Japan from being caught in the crossfire of war.")
        assert "a prediction" in found["claim-opinion"]

    def it_reads_a_named_source_before_a_colon_as_attributing_what_follows(self, example: Example) -> None:
        assert _rules(example, "point:us-strategic-ambiguity", "detail",
                      "The Foreign Policy Research Institute applies the phrase to Japan: strategic ambiguity may "
                      "have saved Japan from direct conflict with China over Taiwan, but it will not protect Japan "
                      "from being caught in the crossfire of war.") == {}


class Describe_partial_quantifiers:
    def it_catches_some_dropped_from_a_subject(self, example: Example) -> None:
        found = _rules(example, "point:sdf-evacuation-gap", "detail", "Lim adds that Japanese politicians hope",
                       old="Lim adds that some Japanese politicians hope")
        assert "some japanese politicians" in found["claim-scope"].lower()

    def it_lets_an_existential_object_stand(self, example: Example) -> None:
        assert "claim-scope" not in _rules(example, "point:cyber-threshold", "summary", "Taiwan has ways of dealing",
                                           old="Taiwan has ways of dealing")


class Describe_inverted_conditions:
    def it_reads_were_x_to_after_that_as_a_condition(self, example: Example) -> None:
        assert _rules(example, "point:first-island-chain", "summary",
                      "Yao argues that Taiwan's position in the first island chain has held back China's military "
                      "expansion, and that were China to seize Taiwan by force, Japan would find it almost impossible "
                      "to stop Beijing breaching its security.") == {}

    def it_reads_cannot_as_impossible(self, example: Example) -> None:
        found = _rules(example, "point:prior-consultation", "detail", "Japan cannot deny access",
                       old="it will be difficult for Japan to deny access")
        assert "“cannot”" in found["claim-certainty"]


class Describe_done_as_planned:
    def it_catches_work_under_way_given_as_to_come(self, example: Example) -> None:
        found = _rules(example, "point:okinawa-electronic-warfare", "summary", "Tokyo will work to improve",
                       old="Tokyo has worked to improve")
        assert "still to come" in found["claim-aspect"] and "been working" in found["claim-aspect"]

    def it_lets_a_plan_stay_a_plan(self, example: Example) -> None:
        assert _rules(example, "point:mofa-reporting", "headline",
                      "The new official will answer to the foreign ministry, not defence") == {}
