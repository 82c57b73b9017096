"""Advice and promises to the reader, stated as fact.

A text that teaches states how a system works, and a restatement may give that plainly; but some of its
sentences are the writer's advice ("it's preferable to use …", "try increasing the numbers …", "we
recommend …") or a promise to the reader ("once you understand ownership, you won't need to …"). Those are
the writer's view: a clause restating one keeps it attributed ("the book prefers", "the authors suggest"),
keeps a word of advice ("should", "better", "recommended"), or hedges it; stating the advised act as what
happens ("Rust programs use the techniques", "increasing the numbers fixes the program") or the promise as
fact ("once readers understand ownership they won't need to …") states the writer's opinion as fact.
General English only: words of advice, the imperative "try", and a prediction of what "you" will do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from briefwright.content import language as lang
from briefwright.content import lexicon as lex
from briefwright.content.alignment import Finding, LintContext, QuoteClause
from briefwright.content.claims import Claim
from briefwright.content.passages import aligned_clauses, cite, reporting, short

# Words by which a passage advises: the preferred course, not what happens.
_ADVICE = re.compile(r"\b(?:preferable|preferably|advisable|recommended|we recommend|we suggest|we advise"
                     r"|it'?s best|it is best|it'?s better|it is better|(?:^|[,;:]\s*)try\s+\w+ing)\b")
# A promise or forecast made to the reader: what "you" will (not) do or need.
_TO_THE_READER = re.compile(r"\byou(?:'ll|’ll|\s+will|\s+won't|\s+won’t|\s+will not)\b")
# Words by which a claim keeps the advice or the promise as someone's.
_KEPT = re.compile(r"\b(?:prefer\w*|recommend\w*|advis\w*|suggest\w*|should|ought|better|best|try|tries|trying"
                   r"|encourag\w*|urg\w*|promis\w*|assur\w*|expect\w*|says?|said|according)\b")


def _view_of(item: QuoteClause, clause: str) -> str | None:
    """The advice or promise a quote clause gives on what the claim's clause restates (two of the first three
    content words after it), or None."""
    text = lang.plain(item.text)
    found = _ADVICE.search(text) or _TO_THE_READER.search(text)
    if found is None:
        return None
    after = [word for token in text[found.end():].split() for word in sorted(lang.content_words(token))][:3]
    restated = lang.content_words(clause)
    return found.group(0).strip(",;: ") if sum(lex.word_in(word, restated) for word in after) >= 2 else None


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    # Compiled once per word: built afresh in every call, the patterns crowd out re's own cache of 512.
    return re.compile(rf"\b{re.escape(word)}\b")


def _attributed(sentence: str, aligned: list[QuoteClause]) -> bool:
    """The sentence attributes what it says, by a reporting word the passage does not itself use ("think" in
    "you won't need to think about …" restates; "the authors think" attributes)."""
    passage = lang.plain(" ".join(item.sentence for item in aligned))
    own = " ".join(word for word in lang.plain(sentence).split() if not _whole_word(word).search(passage))
    return lang.reports_a_view(own)


def check_advice_as_fact(claim: Claim, context: LintContext) -> Iterator[Finding]:
    """A clause that restates a passage's advice or promise to the reader as what simply happens."""
    if not reporting(claim) or claim.prescriptive or claim.judgment is not None:
        return
    for sentence, clause, aligned in aligned_clauses(claim, context):
        said = lang.plain(sentence)
        if _KEPT.search(said) or _attributed(sentence, aligned) or lex.directive(sentence) \
                or lang.certainty(clause).hedged:
            continue
        views = [(item, view) for item in aligned if (view := _view_of(item, clause)) is not None]
        if views and (not _TO_THE_READER.search(views[0][1]) or lex.firm_prediction(clause)):
            item, view = views[0]
            yield Finding("claim-opinion", claim,
                          f"“{short(clause)}” states as fact the writer's advice or promise ('{view}'): {cite(item)}",
                          "attribute it ('the book recommends …', 'the authors say …') or keep the advice")
            return
