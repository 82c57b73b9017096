"""Every sentence a reader sees, paired with the quotes and citations behind it.

Products print a point's headline, summary and detail, a timeline label and date, a
figure's value and caption, "Sources differ" lines, key judgments, module intros,
the background and the BLUF. Each becomes a Claim: its text, the verified quotes it
rests on, the sources the product cites beside it, and the file and line it comes
from. The faithfulness rules read nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.content.modules import Content, Intro, Judgment, Module, Point, Waiver
from briefwright.diagnostics import Where
from briefwright.yamlio import FieldPath, YamlDocument


@dataclass(frozen=True)
class Claim:
    owner: str  # what a waiver is attached to: "point:<id>", "bluf", "background", "<module>:key_judgment"
    field: str  # headline | summary | detail | label | date | figure | conflicts | text
    text: str
    quotes: tuple[tuple[str, str], ...]  # (source id, verbatim quote)
    cited: tuple[str, ...]  # source ids the product cites beside this text
    where: Where
    waivers: tuple[Waiver, ...] = ()
    prescriptive: bool = False  # the product's own recommendation, not a report of a source
    judgment: Judgment | None = None  # set for key judgments and the BLUF
    analysis: bool = False  # the author's own analysis, shown as such, not a report of its quotes

    def describe(self) -> str:
        kind = self.owner.removeprefix("point:")
        return f"{'point ' if self.owner.startswith('point:') else ''}'{kind}' {self.field}"


def spelled_date(date: str) -> str:
    """A timeline date written out ("4 June 2022"), so its month can be matched to a quote."""
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(2000, parts[1], 1).strftime("%B")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def _point_quotes(point: Point) -> tuple[tuple[str, str], ...]:
    quotes = [(item.source, item.quote) for item in point.evidence]
    quotes += [(position.source, position.quote) for conflict in point.conflicts for position in conflict.positions]
    return tuple(quotes)


def point_claims(point: Point, module: Module, document: YamlDocument, base: FieldPath) -> Iterator[Claim]:
    owner = f"point:{point.id}"
    quotes, cited, waivers = _point_quotes(point), tuple(point.source_ids), tuple(point.waive)
    prescriptive = module.role == "recommendations"

    def claim(field: str, text: str, path: FieldPath, *, of: tuple[tuple[str, str], ...] = quotes,
              citing: tuple[str, ...] = cited) -> Claim:
        analysis = point.analysis is not None and field in point.analysis.fields
        return Claim(owner, field, text, of, citing, document.where(base + path), waivers, prescriptive,
                     analysis=analysis)

    yield claim("headline", point.headline, ("headline",))
    yield claim("summary", point.summary, ("summary",))
    yield claim("detail", point.detail, ("detail",))
    if point.label:
        yield claim("label", point.label, ("label",))
    if point.date:
        yield claim("date", spelled_date(point.date), ("date",))
    if point.figure:
        yield claim("figure", f"{point.figure.value} {point.figure.caption}", ("figure",))
    for c_index, conflict in enumerate(point.conflicts):
        yield claim("conflicts", f"Sources differ on {conflict.about}.", ("conflicts", c_index, "about"))
        yield claim("conflicts", conflict.summary, ("conflicts", c_index, "summary"))
        for p_index, position in enumerate(conflict.positions):
            yield claim("conflicts", position.says, ("conflicts", c_index, "positions", p_index, "says"),
                        of=((position.source, position.quote),), citing=(position.source,))


def judgment_claim(content: Content, owner: str, judgment: Judgment | Intro, points: list[str],
                   document: YamlDocument, path: FieldPath, prescriptive: bool = False) -> Claim:
    quotes = tuple(quote for point_id in points if point_id in content.points
                   for quote in _point_quotes(content.points[point_id]))
    cited = tuple(content.sources_of([p for p in points if p in content.points]))
    assessment = owner == "bluf" or owner.endswith(":key_judgment")
    return Claim(owner, "text", judgment.text, quotes, cited, document.where(path + ("text",)),
                 tuple(judgment.waive), prescriptive, judgment if assessment and isinstance(judgment, Judgment) else None)


def collect_claims(content: Content) -> list[Claim]:
    """Claims in file order: topic first, then each module's intro, key judgment and points."""
    claims: list[Claim] = []
    topic, topic_document = content.topic, content.topic_document
    if topic_document is not None:
        claims.append(judgment_claim(content, "bluf", topic.bluf, topic.bluf.points, topic_document, ("bluf",)))
        if topic.background is not None:
            background = judgment_claim(content, "background", topic.background, topic.background.points,
                                        topic_document, ("background",))
            claims.append(background)
    for module in content.modules:
        document = content.documents.get(module.id)
        if document is None:
            continue
        prescriptive = module.role == "recommendations"
        claims.append(judgment_claim(content, f"{module.id}:intro", module.intro, module.intro_points, document,
                                     ("intro",), prescriptive))
        claims.append(judgment_claim(content, f"{module.id}:key_judgment", module.key_judgment,
                                     module.key_judgment.points, document, ("key_judgment",), prescriptive))
        for index, point in enumerate(module.points):
            if content.points.get(point.id) is point:
                claims.extend(point_claims(point, module, document, ("points", index)))
    return claims


_CACHED: list[tuple[Content, list[Claim]]] = []  # the last content's claims: a build lints and maps many products


def claims_of(content: Content) -> list[Claim]:
    """collect_claims, once per content object (every product of a build reads the same content)."""
    if not _CACHED or _CACHED[0][0] is not content:
        _CACHED[:] = [(content, collect_claims(content))]
    return _CACHED[0][1]


def origins(content: Content) -> tuple[dict[str, Where], dict[str, Where]]:
    """Where each shown field is written, by its anchor key ("<point>:summary", "<module>:key_judgment",
    "topic:bluf"), and where each point's first field is (for text that shows a point without an anchor)."""
    fields: dict[str, Where] = {}
    points: dict[str, Where] = {}
    for claim in claims_of(content):
        if claim.owner.startswith("point:"):
            point = claim.owner.removeprefix("point:")
            points.setdefault(point, claim.where)
            for field in ("value", "caption") if claim.field == "figure" else (claim.field,):
                fields[f"{point}:{field}"] = claim.where
        elif claim.owner in ("bluf", "background"):
            fields[f"topic:{claim.owner}"] = claim.where
        else:
            fields[claim.owner] = claim.where  # "<module>:intro", "<module>:key_judgment"
    return fields, points
