"""How the content uses its sources: citations per source, priorities per module, weak spots."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.content.faithfulness import waiver_lines
from briefwright.content.modules import Content
from briefwright.sources.registry import SourceRegistry


@dataclass
class SourceUse:
    source_id: str
    points: int = 0
    quotes: int = 0


@dataclass
class Coverage:
    sources: list[SourceUse]
    modules: list[tuple[str, dict[int, int]]]
    single_source_points: list[str]
    overlapping_quotes: list[tuple[str, str, str]] = field(default_factory=list)  # (source, point a, point b)
    waivers: list[str] = field(default_factory=list)  # "owner.field: rule — reason"


def coverage(content: Content, sources: SourceRegistry) -> Coverage:
    uses = {source.id: SourceUse(source.id) for source in sources}
    spans: dict[str, list[tuple[int, int, str]]] = {source.id: [] for source in sources}
    for point in content.points.values():
        for source_id in point.source_ids:
            uses[source_id].points += 1
        for item in point.evidence:
            uses[item.source].quotes += 1
            spans[item.source].append((item.match.start, item.match.end, point.id))
    modules = [(module.id, {level: sum(1 for p in module.points if p.priority == level) for level in (1, 2, 3)})
               for module in content.modules]
    single = [point.id for point in content.points.values() if len(point.source_ids) == 1]
    return Coverage(list(uses.values()), modules, single, _overlaps(spans), waiver_lines(content))


def _overlaps(spans: dict[str, list[tuple[int, int, str]]]) -> list[tuple[str, str, str]]:
    """(source, point, other point) for every two quotes of one source whose passages overlap."""
    overlaps = []
    for source_id, items in spans.items():
        items.sort()
        for index, (_, end, point_id) in enumerate(items):
            for other_start, _, other_point in items[index + 1:]:
                if other_start >= end:
                    break
                overlaps.append((source_id, point_id, other_point))
    return overlaps


def format_coverage(result: Coverage) -> str:
    lines = ["coverage by source:", f"  {'source':<10} {'points':>6} {'quotes':>6}"]
    for use in result.sources:
        lines.append(f"  {use.source_id:<10} {use.points:>6} {use.quotes:>6}")
    lines.append("points by module and priority (P1 / P2 / P3):")
    for module_id, counts in result.modules:
        lines.append(f"  {module_id:<22} {counts[1]:>2} / {counts[2]:>2} / {counts[3]:>2}")
    lines.append(f"points resting on a single source ({len(result.single_source_points)}): "
                 + (", ".join(result.single_source_points) or "none"))
    if result.overlapping_quotes:
        lines.append(f"overlapping quotes ({len(result.overlapping_quotes)}):")
        for source_id, first, second in result.overlapping_quotes:
            lines.append(f"  {source_id}: {first} and {second} quote overlapping passages")
    else:
        lines.append("overlapping quotes: none")
    lines.append(f"faithfulness waivers ({len(result.waivers)}){':' if result.waivers else ': none'}")
    lines.extend(result.waivers)
    return "\n".join(lines)
