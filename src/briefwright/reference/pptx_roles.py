"""Layouts by role: which layout holds a title slide, a title and body, a title only, nothing.

A layout's role is read from its placeholders' types and geometry, never from its name, so
renamed and localised masters work. A layout whose title or body runs vertically or is
rotated is never chosen for horizontal text. A profile's `branding.layouts` mapping wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.reference.pptx_master import Layout, Master, Placeholder

ROLES = {
    "title": "the cover slide: a centred title and a subtitle",
    "content": "a title and one body area",
    "title_only": "a title and free space for briefwright's own drawing",
    "blank": "no title, no body",
}
TITLES = ("title", "ctrTitle")
BODIES = ("body", "obj", "subTitle")
CONTENT_KINDS = ("pic", "chart", "tbl", "dgm", "media", "clipArt")
MIN_BODY_SHARE = 0.2  # a body placeholder smaller than this share of the slide is a caption


@dataclass
class Classified:
    layout: Layout
    role: str  # a key of ROLES, or "vertical" / "other"
    why: str


@dataclass
class Choice:
    """The layouts a deck is built on, and what the reader should hear about the choice."""

    title: Layout | None
    content: Layout | None  # the layout whose body placeholder gives the body box
    slide: Layout | None  # the layout every non-cover slide is made from
    errors: list[str] = field(default_factory=list)
    mapping_errors: dict[str, str] = field(default_factory=dict)  # role → why the profile's layout cannot serve
    warnings: list[str] = field(default_factory=list)


def title_placeholder(layout: Layout) -> Placeholder | None:
    return next((p for p in layout.placeholders if p.type in TITLES and p.rect is not None), None)


def body_placeholders(layout: Layout) -> list[Placeholder]:
    return [p for p in layout.placeholders if p.type in ("body", "obj") and p.rect is not None]


def subtitle_placeholder(layout: Layout) -> Placeholder | None:
    found = next((p for p in layout.placeholders if p.type == "subTitle" and p.rect is not None), None)
    return found or next(iter(body_placeholders(layout)), None)


def classify(layout: Layout, master: Master) -> Classified:
    crooked = _crooked_text(layout)
    if crooked is not None:
        return crooked
    title = title_placeholder(layout)
    if title is None:
        return _untitled(layout)
    return _titled(layout, title, master)


def _crooked_text(layout: Layout) -> Classified | None:
    """A layout whose title or body is vertical or rotated, said as such; None when all text runs upright."""
    text = [p for p in layout.placeholders if p.type in (*TITLES, *BODIES)]
    crooked = [p for p in text if not p.upright]
    if not crooked:
        return None
    what = "vertical" if crooked[0].vertical else f"rotated {crooked[0].rotation:g}°"
    return Classified(layout, "vertical", f"its {crooked[0].type} placeholder is {what}")


def _untitled(layout: Layout) -> Classified:
    bodies = body_placeholders(layout)
    others = [p for p in layout.placeholders if p.type in CONTENT_KINDS]
    subtitle = next((p for p in layout.placeholders if p.type == "subTitle"), None)
    if not bodies and not others and subtitle is None:
        return Classified(layout, "blank", "no title or body placeholder")
    return Classified(layout, "other", "a body without a title placeholder")


def _titled(layout: Layout, title: Placeholder, master: Master) -> Classified:
    bodies = body_placeholders(layout)
    others = [p for p in layout.placeholders if p.type in CONTENT_KINDS]
    subtitle = next((p for p in layout.placeholders if p.type == "subTitle"), None)
    if title.type == "ctrTitle" or subtitle is not None:
        return Classified(layout, "title", f"a {'centred ' if title.type == 'ctrTitle' else ''}title and a subtitle")
    if others:
        return Classified(layout, "other", f"a {others[0].type} placeholder (pictures, charts) besides the title")
    if not bodies:
        return Classified(layout, "title_only", "a title and no body placeholder")
    return _by_bodies(layout, bodies, master)


def _by_bodies(layout: Layout, bodies: list[Placeholder], master: Master) -> Classified:
    """A titled layout with body placeholders: content when there is one large body, other otherwise."""
    large = [p for p in bodies if p.rect is not None and p.rect.area >= MIN_BODY_SHARE * master.width * master.height]
    if len(bodies) == 1 and large:
        return Classified(layout, "content", "a title and one body placeholder")
    if len(bodies) == 1:
        return Classified(layout, "other", "a body placeholder too small for slide text (a caption or section header)")
    return Classified(layout, "other", f"{len(bodies)} body placeholders (two columns, comparison or caption)")


def classify_all(master: Master) -> list[Classified]:
    return [classify(layout, master) for layout in master.layouts]


def _first(classified: list[Classified], role: str) -> Layout | None:
    return next((entry.layout for entry in classified if entry.role == role), None)


def _mapped(classified: list[Classified], mapping: dict[str, str], role: str, choice: Choice) -> Layout | None:
    name = mapping.get(role)
    if name is None:
        return None
    entry = next((entry for entry in classified if entry.layout.name == name), None)
    if entry is None:
        return None  # the profile check names the missing layout with its file and line
    usable = {"title": ("title", "content", "title_only"), "content": ("content",),
              "title_only": ("title_only", "content"), "blank": ("blank", "title_only", "content")}[role]
    if entry.role not in usable:
        choice.mapping_errors[role] = (f"layout '{name}' given for '{role}' is {entry.role} ({entry.why}); "
                                       f"a '{role}' layout needs {ROLES[role]}")
        return None
    return entry.layout


def choose(master: Master, mapping: dict[str, str]) -> Choice:
    """The deck's layouts: the profile's mapping first, then by role, with every fallback said."""
    classified = classify_all(master)
    choice = Choice(None, None, None)
    content = _mapped(classified, mapping, "content", choice) or _first(classified, "content")
    title_only = _mapped(classified, mapping, "title_only", choice) or (
        None if "content" in mapping else _first(classified, "title_only"))
    slide = title_only or content
    if slide is None:
        crooked = [entry.layout.name for entry in classified if entry.role == "vertical"]
        choice.errors.append("no layout has a horizontal title placeholder with free space or one body below it"
                             + (f" (vertical or rotated: {', '.join(crooked)})" if crooked else "")
                             + "; add a 'Title Only' or 'Title and Content' layout to the master")
        return choice
    title = _mapped(classified, mapping, "title", choice) or _first(classified, "title")
    if title is None:
        title = slide
        choice.warnings.append(f"the master has no title-slide layout (a centred title and a subtitle); "
                               f"the cover uses '{slide.name}'")
    choice.title, choice.content, choice.slide = title, content, slide
    return choice
