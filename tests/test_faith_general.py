"""General rules of the faithfulness check, each shown on invented sentences about no topic the example is
about (a city council, a river authority): one edit it must catch, and a faithful paraphrase it must let be."""

from __future__ import annotations

from briefwright.content import language
from tests.faith_invented import rules


def test_british_and_american_spellings_share_a_stem() -> None:
    assert language.content_words("recognised the favour, analysed the organisation") == language.content_words(
        "recognized the favor, analyzed the organization")
    assert language.content_words("citizen") != language.content_words("citisen")  # nothing else is rewritten


def test_a_denial_dropped_across_spellings_is_caught() -> None:
    quote = [("minutes", "Since 2010 the councillors have never apologized.")]
    assert "claim-negation" in rules("Since 2010 the councillors have apologised.", quote)
    assert rules("Since 2010 the councillors have never apologised.", quote) == []
