"""Small inputs built in the test: content of a few points, the built-in products and audience,
and fake layout engines that measure frames from a table instead of composing them."""

from __future__ import annotations

import math
from pathlib import Path

from briefwright.audience import AudienceProfile, load_audience
from briefwright.compose.selection import Frame
from briefwright.content.modules import Content, Evidence, Judgment, Module, Point, Topic
from briefwright.plan.engine import FrameFit, Layout, Unit
from briefwright.products import Product, load_product
from briefwright.templates import Layers

LEVEL_UNITS = {"headline": 1, "summary": 2, "detail": 3}  # how much room a point takes at each level


def point(point_id: str, priority: int, tags: tuple[str, ...] = ()) -> Point:
    return Point(id=point_id, headline=f"Headline {point_id}", summary=f"Summary of {point_id}.",
                 detail=f"Detail of {point_id}.", priority=priority, tags=list(tags),
                 evidence=[Evidence(source="report", quote="a quote long enough to count")])


def module(module_id: str, *points: Point, role: str = "analysis") -> Module:
    return Module(id=module_id, title=module_id.title(), role=role, intro="Intro.",
                  key_judgment=Judgment(text="Judgment.", points=[points[0].id]), points=list(points))


def content(*modules: Module) -> Content:
    topic = Topic(title="Topic", subject="Subject", bluf=Judgment(text="Bottom line.", points=[modules[0].points[0].id]))
    built = Content(topic, list(modules))
    for each in modules:
        for item in each.points:
            built.points[item.id] = item
            built.point_module[item.id] = each.id
    return built


def builtin(tmp_path: Path, product_name: str) -> tuple[Product, AudienceProfile]:
    """A built-in product and the built-in base audience, as a project without templates sees them."""
    layers = Layers.for_project(tmp_path, tmp_path / "templates", None)
    return load_product(layers, product_name), load_audience(layers, "base")


def frame_units(frame: Frame) -> int:
    """A module frame: its heading and its points; any other part: one unit."""
    if frame.role in ("module", "digest"):
        return int(frame.role == "module") + sum(LEVEL_UNITS[pick.level] for pick in frame.picks)
    return 1


class FakeFlowEngine:
    """Pages of `capacity` units; a frame is kept whole on one page unless it is taller than a page."""

    unit: Unit = "page"
    reserved_slides = 0

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.numbered: list[dict[str, int]] = []  # the page numbers each numbered layout was given

    def heading(self, role: str) -> str:
        return f"{role.title()} heading"

    def lay_out(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Layout:
        if page_numbers is not None:
            self.numbered.append(dict(page_numbers))
        heights: list[int] = [0]
        starts: dict[str, int] = {}
        for frame in frames:
            units = frame_units(frame)
            if heights[-1] and heights[-1] + units > self.capacity:
                heights.append(0)
            starts.setdefault(frame.module_id or frame.role, len(heights))
            heights[-1] += units
        pages = sum(max(1, math.ceil(height / self.capacity)) for height in heights)
        return Layout(pages, [min(height, self.capacity) / self.capacity for height in heights], starts)

    def frame_fit(self, frame: Frame) -> FrameFit:
        return FrameFit(frame_units(frame) <= self.capacity, frame_units(frame) / self.capacity)


class FakeSlidesEngine:
    """Slide bodies of `capacity` units; the slides listed in `overflowing` (1-based) are too full."""

    unit: Unit = "slide"
    reserved_slides = 0

    def __init__(self, capacity: int, overflowing: tuple[int, ...] = ()) -> None:
        self.capacity = capacity
        self.overflowing = overflowing
        self.measured: list[Frame] = []

    def heading(self, role: str) -> str:
        return f"{role.title()} heading"

    def _body(self, frame: Frame) -> int:
        return sum(LEVEL_UNITS[pick.level] for pick in frame.picks)

    def lay_out(self, frames: list[Frame], page_numbers: dict[str, int] | None = None) -> Layout:
        overflows = [f"slide {number} ({frame.role}): body needs more than its box"
                     for number, frame in enumerate(frames, start=1)
                     if number in self.overflowing or self._body(frame) > self.capacity]
        return Layout(len(frames), [self._body(frame) / self.capacity for frame in frames], overflows=overflows)

    def frame_fit(self, frame: Frame) -> FrameFit:
        self.measured.append(frame)
        return FrameFit(self._body(frame) <= self.capacity, self._body(frame) / self.capacity)
