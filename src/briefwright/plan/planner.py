"""Fit content to a product's budget: choose points by priority and their level of detail.

Priority 1 points are must-keep: if they cannot fit even at their shortest level,
planning fails with a message naming the product, the budget and what does not fit.
Everything else is added, in priority order and round-robin across modules, at the
product's preferred level, falling back to a shorter level, until the budget is full.
Every decision is recorded so `briefwright plan` can explain it.

The planner chooses (choices.py; pages.py for flowing products, slides.py and packing.py for
decks) and asks a layout engine (engine.py) whether a choice fits: the flow engine composes
and paginates, the slides engine composes and fits boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwright.audience import AudienceProfile
from briefwright.compose.composer import Composer
from briefwright.compose.selection import Frame
from briefwright.content.modules import Content
from briefwright.diagnostics import fail
from briefwright.measure.layout import Typesetter
from briefwright.model import Document
from briefwright.plan.choices import Choices, Decision, Fit
from briefwright.plan.engine import LayoutEngine
from briefwright.plan.flow_engine import FlowEngine
from briefwright.plan.pages import PagePlanner, reference_hint
from briefwright.plan.slides import SlidePlanner
from briefwright.plan.slides_engine import SlidesEngine
from briefwright.products import FlowProduct, Product


@dataclass
class Plan:
    """A fit and the document composed from it, once, for the writer."""

    fit: Fit
    document: Document
    reading_grade: float  # Flesch–Kincaid grade of the product's prose

    @property
    def frames(self) -> list[Frame]:
        return self.fit.frames

    @property
    def decisions(self) -> list[Decision]:
        return self.fit.decisions

    @property
    def fills(self) -> list[float]:
        return self.fit.fills

    @property
    def unit(self) -> str:
        return self.fit.unit

    @property
    def count(self) -> int:
        return self.fit.count

    def summary(self) -> dict[str, int]:
        counts = {"kept": 0, "condensed": 0, "dropped": 0}
        for decision in self.decisions:
            counts[decision.outcome] += 1
        return counts


class Planner:
    """Chooses what a product shows; the engine (flow or slides, by the product's kind) measures it."""

    def __init__(self, content: Content, product: Product, audience: AudienceProfile, engine: LayoutEngine) -> None:
        self.choices = Choices(content, product, audience, engine)
        self.engine = engine

    @classmethod
    def for_product(cls, content: Content, composer: Composer, typesetter: Typesetter) -> Planner:
        """The planner with the engine the composer's product needs (its kind: flow or slides)."""
        product, audience = composer.context.product, composer.context.audience
        engine = FlowEngine(composer, typesetter) if isinstance(product, FlowProduct) \
            else SlidesEngine(composer, typesetter)
        return cls(content, product, audience, engine)

    def fit(self) -> Fit:
        """Decide; the trial documents composed to measure the choices stay inside the engine."""
        if self.engine.unit == "page":
            return PagePlanner(self.choices, self.engine).fit()
        return SlidePlanner(self.choices, self.engine).fit()


def check_line_limits(document: Document, product: Product, audience_id: str, typesetter: Typesetter) -> None:
    """Styles with max_lines (the memo's BLUF: four) hold content the planner cannot shorten."""
    if not isinstance(product, FlowProduct):
        return
    width = typesetter.page_geometry().content_width
    for block in document.blocks():
        limit = product.styles[block.style].max_lines
        if limit is not None and (lines := typesetter.line_count(block, width)) > limit:
            raise fail("line-limit", product.where(("styles", block.style, "max_lines")),
                       f"product '{product.id}' for '{audience_id}': the {block.style} paragraph takes "
                       f"{lines} lines; the product allows {limit} (lines {width / 72:.2f} in wide): "
                       f"“{block.text[:60]}…”",
                       "shorten that text in content/ (for the BLUF: content/topic.yaml bluf.text)"
                       + reference_hint(product))
