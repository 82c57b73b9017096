"""The article before a word the vocabulary pass swapped or spelled out agrees with the new word."""

from __future__ import annotations

from briefwright.audience import Vocabulary
from briefwright.compose.vocabulary import VocabularyPass
from briefwright.content.articles import agree_articles, vowel_sound


class Describe_articles:
    def it_knows_the_sound_a_word_starts_with(self) -> None:
        assert vowel_sound("unofficial") and vowel_sound("hour") and vowel_sound("SDF") and vowel_sound("MP")
        assert not vowel_sound("unified") and not vowel_sound("one-off") and not vowel_sound("Self-Defense")
        assert vowel_sound("NATO") is None  # said as a word or letter by letter: either article will do

    def it_fixes_only_the_articles_whose_next_word_changed(self) -> None:
        original = "a de facto embassy beside an SDF officer and an useless aside"
        rewritten = "a unofficial embassy beside an Self-Defense Forces (SDF) officer and an useless aside"
        # The author's own "an useless" is not the rewrite's doing and is left for the lint to report.
        assert agree_articles(original, rewritten) == \
            "an unofficial embassy beside a Self-Defense Forces (SDF) officer and an useless aside"

    def it_keeps_the_case_of_an_article_that_opens_a_sentence(self) -> None:
        assert agree_articles("A de facto embassy.", "A unofficial embassy.") == "An unofficial embassy."

    def it_is_applied_by_the_vocabulary_pass(self) -> None:
        vocabulary = Vocabulary.model_validate({"replace": {"de facto embassy": "unofficial embassy"},
                                                "acronyms": {"SDF": "Self-Defense Forces"}, "expand": "first-use"})
        rewrite = VocabularyPass(vocabulary)
        assert rewrite.text("It is a de facto embassy for an SDF officer.") == \
            "It is an unofficial embassy for a Self-Defense Forces (SDF) officer."
