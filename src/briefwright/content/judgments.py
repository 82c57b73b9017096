"""Whether a key judgment's or the BLUF's confidence fits the evidence under it, and whether it takes
a side in a dispute the content records.

ICD 203 ties confidence to the quality and corroboration of the sources: "high" on a single source,
or on points whose sources are recorded as disagreeing, claims more than the evidence carries. A
judgment whose words follow one position of a recorded conflict must say that sources differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.content import language as lang
from briefwright.content.alignment import Finding, LintContext
from briefwright.content.claims import Claim
from briefwright.content.modules import Point

# A judgment that says so does not hide the dispute.
_ACKNOWLEDGES = re.compile(r"\b(?:differ\w*|disagree\w*|disput\w*|contest\w*|debat\w*|divided|split|unclear"
                           r"|uncertain\w*|some sources|others)\b")


def check_judgment_fit(claim: Claim, context: LintContext) -> Iterator[Finding]:
    judgment, content = claim.judgment, context.content
    if judgment is None or judgment.confidence is None or content is None:
        return
    points = [content.points[point_id] for point_id in judgment.points if point_id in content.points]
    cited = sorted({source for point in points for source in point.source_ids})
    disputed = [point for point in points if point.conflicts]
    if judgment.confidence == "high" and len(cited) == 1:
        yield Finding("judgment-confidence-fit", claim,
                      f"states high confidence on a single source ({cited[0]})",
                      "lower the confidence to moderate, or rest the judgment on points that other sources "
                      "corroborate")
    if judgment.confidence == "high" and disputed:
        yield Finding("judgment-confidence-fit", claim,
                      f"states high confidence although its point '{disputed[0].id}' records that sources differ "
                      f"on {' '.join(disputed[0].conflicts[0].about.split())}",
                      "lower the confidence, or rest the judgment on undisputed points")
    yield from _takes_a_side(claim, disputed, context.common)


def _takes_a_side(claim: Claim, disputed: list[Point], common: frozenset[str]) -> Iterator[Finding]:
    if _ACKNOWLEDGES.search(lang.plain(claim.text)):
        return
    words = lang.content_words(claim.text) - common
    for point in disputed:
        for conflict in point.conflicts:
            # A side shows in the words only that side uses ("official" against "officer" and "attaché").
            said = {position.source: lang.content_words(f"{position.says} {position.quote}")
                    for position in conflict.positions}
            scores = {source: len(words & own - frozenset().union(*(other for key, other in said.items()
                                                                     if key != source)))
                      for source, own in said.items()}
            ranked = sorted(scores.values(), reverse=True)
            if len(ranked) >= 2 and ranked[0] >= 3 and ranked[0] >= 2 * max(ranked[1], 1):
                side = max(scores, key=lambda source: scores[source])
                yield Finding("judgment-conflict", claim,
                              f"follows {side}'s side of a recorded dispute ({' '.join(conflict.about.split())}, "
                              f"point '{point.id}') without saying that sources differ",
                              "say that sources differ, or rest the judgment on what they agree on")
