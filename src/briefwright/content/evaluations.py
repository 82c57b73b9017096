"""Evaluations added: a claim that judges what its quotes only describe states an opinion as fact.

"Sensibly, the rights are reinstated", "the rule unfairly shifts the risk", "the scheme's best feature",
"the most business-friendly option": the words that praise or blame are the brief's own, not the source's,
when none of the claim's quotes uses them. The existing opinion rule (faithfulness._opinion) catches a
source's view printed as fact; this one catches a view the source never held. The words are general
English evaluative adverbs and adjectives (merit, fairness, wisdom), none of a project's topic;
words that mostly describe rather than judge ("fair use", "great power", "strict", "sound") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.passages import short

_EVALUATIVE = """
    rightly wrongly rightfully wrongfully unfairly justly unjustly sensibly wisely unwisely foolishly generously
    harshly unreasonably needlessly excessively unduly commendably admirably laudably shamefully disgracefully
    regrettably unfortunately fortunately sadly thankfully mercifully cynically naively recklessly irresponsibly
    cleverly brilliantly clumsily absurdly ridiculously outrageously scandalously deservedly undeservedly
    pointlessly arbitrarily
    unfair unjust sensible foolish generous harsh draconian onerous burdensome excessive unreasonable punitive
    admirable commendable laudable praiseworthy shameful disgraceful regrettable deplorable lamentable absurd
    ridiculous outrageous scandalous brilliant clumsy excellent superb terrible awful dreadful worst best greatest
    finest ideal flawed misguided naive reckless irresponsible pointless heavy-handed overreaching lenient lax
    stupid silly wonderful splendid
"""
_EVALUATIVE_WORDS = re.compile(r"\b(?:" + "|".join(_EVALUATIVE.split()) + r")\b|\b[a-z]+-friendly\b")


def added_evaluations(text: str, quoted: str) -> list[str]:
    """The evaluative words of the text that the quoted text does not use and no reporting verb before them
    attributes ("Critics call the rule harsh"). Compared as written, not by stem: "rightly" judges, "rights"
    does not; "harsh" is in "harshly"."""
    lowered, own = lang.plain(quoted), lang.plain(lang.unquoted(text))
    return [match.group(0) for match in _EVALUATIVE_WORDS.finditer(own)
            if not re.search(rf"\b{re.escape(match.group(0))}", lowered)
            and not lang.reports_a_view(own[: match.end()])]


def check_added_evaluation(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A claim that praises or blames where its quotes do not, in its own voice."""
    if claim.analysis or claim.prescriptive or not claim.quotes:
        return  # the author's own analysis and recommendations may judge
    quoted = " ".join(quote for _, quote in claim.quotes)
    for sentence in lang.sentences(claim.text):
        added = added_evaluations(sentence, quoted)
        if added:
            yield Finding("claim-opinion", claim,
                          f"“{short(sentence)}” judges ({', '.join(added)}) where none of its quotes does",
                          "describe what the source says without praise or blame, attribute the judgment to "
                          "whoever makes it, or mark the field as the author's own analysis")
