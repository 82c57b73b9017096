"""Lint one invented claim against invented quotes: the general rules are tested on sentences of no topic the
example is about (a city council, a river authority), so a rule fitted to the example's strings fails here."""

from __future__ import annotations

from pathlib import Path

from briefwright.content.claims import Claim
from briefwright.content.faithfulness import lint_claim, lint_context
from briefwright.diagnostics import Where
from briefwright.sources.registry import SourceRegistry

# Quotes of other points: the project's vocabulary, and the words too common to tell passages apart.
_BACKGROUND = (
    ("minutes", "The council met in the town hall on Tuesday evening and heard residents."),
    ("minutes", "The river authority publishes its flood maps every spring for the whole valley."),
    ("report", "Residents asked the council about parking near the market square."),
)


def findings(text: str, quotes: list[tuple[str, str]], field: str = "summary", *, prescriptive: bool = False,
             others: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(rule, message) of every finding on a claim of `field` saying `text`, citing `quotes`; `others` are
    quotes of the same sources under other points of the invented project."""
    where = Where(Path("content/invented.yaml"), 1, field)
    claim = Claim("point:invented", field, text, tuple(quotes), tuple(sorted({source for source, _ in quotes})),
                  where, prescriptive=prescriptive)
    background = [Claim(f"point:other-{index}", "summary", quote, ((source, quote),), (source,), where)
                  for index, (source, quote) in enumerate(_BACKGROUND + others)]
    context = lint_context(None, SourceRegistry({}, Path("seeds/sources.yaml")), [claim, *background])  # type: ignore[arg-type]
    context.author_of = str.title  # type: ignore[method-assign]  # no registry: a hint names the source id
    return [(finding.rule, finding.message) for finding in lint_claim(claim, context)]


def rules(text: str, quotes: list[tuple[str, str]], field: str = "summary", **options: object) -> list[str]:
    return [rule for rule, _ in findings(text, quotes, field, **options)]  # type: ignore[arg-type]
