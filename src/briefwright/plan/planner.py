"""Fit content to a product's budget: choose points by priority and their level of detail.

Priority 1 points are must-keep: if they cannot fit even at their shortest level,
planning fails with a message naming the product, the budget and what does not fit.
Everything else is added, in priority order and round-robin across modules, at the
product's preferred level, falling back to a shorter level, until the budget is full.
Every decision is recorded so `briefwright plan` can explain it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwright.compose.changes import changes_slides
from briefwright.compose.composer import Composer, module_order
from briefwright.compose.selection import Frame, Pick
from briefwright.content.modules import DETAIL_LEVELS, Content, DetailLevel, Module, Point
from briefwright.diagnostics import BriefwrightError, fail
from briefwright.measure.layout import Pagination, Typesetter
from briefwright.model import Document
from briefwright.products import NARRATIVE_ROLES, Part, Product

PRIORITY_WEIGHT = {1: 100.0, 2: 10.0, 3: 1.0}
REFERENCE_HINT = ("; the audience's Word reference document sets the page, margins and styles (its "
                  "branding.reference_overrides: [page, margins, styles] keeps the product's)")


@dataclass(frozen=True)
class Decision:
    point_id: str
    module_id: str
    priority: int
    outcome: str  # kept | condensed | dropped
    level: str | None
    reason: str


@dataclass
class Fit:
    """What the planner decides, and nothing composed: which points go in which frame (section or
    slide) at what level, why each point was kept, condensed or dropped, how full each page or
    slide is, and the page each section starts on (for a contents list)."""

    product_id: str
    audience_id: str
    frames: list[Frame]
    decisions: list[Decision]
    fills: list[float]  # per page (flow) or per slide body (slides)
    unit: str  # "page" | "slide"
    page_numbers: dict[str, int]  # section key → first page, when the product has a contents part

    @property
    def count(self) -> int:
        return len(self.fills)


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


def _levels_down_from(product_levels: list[DetailLevel], prefer: DetailLevel) -> list[DetailLevel]:
    """Levels to try for a point: preferred first, then shorter ones."""
    allowed = [level for level in product_levels if DETAIL_LEVELS.index(level) <= DETAIL_LEVELS.index(prefer)]
    return list(reversed(allowed))


def _better(level: DetailLevel, than: DetailLevel) -> bool:
    return DETAIL_LEVELS.index(level) > DETAIL_LEVELS.index(than)


MIN_MODULE_FILL = 0.5  # a module slide under half full looks unfinished


class Planner:
    def __init__(self, content: Content, composer: Composer, typesetter: Typesetter) -> None:
        self.content = content
        self.composer = composer
        self.typesetter = typesetter
        self.product = composer.context.product
        self.audience = composer.context.audience
        self.ordered = module_order(content, self.audience)
        # A part with nothing to show in this project (no timeline module, no background) is left
        # out, and a deck gives its slide to the modules.
        self.parts = [part for part in self.product.parts if self._has_content(part)]
        modules_part = next((part for part in self.parts if part.role == "modules"), None)
        self.modules = [m for m in self.ordered if modules_part is not None and modules_part.includes(m.role)]
        if modules_part is not None and modules_part.only and not self.modules:
            # No module has the role the part keeps (a young project has no recommendations yet): the
            # part shows every module instead, and a digest of those same modules would repeat it.
            self.modules = [m for m in self.ordered if m.role in NARRATIVE_ROLES]
            self.parts = [part for part in self.parts if part.role != "digest"]
        self.where = self.product.where(("budget",))
        # A module's best packing depends only on how many slides it gets; the slide allocator
        # asks for the same (module, slides) many times while it weighs where a slide goes.
        self._packings: dict[tuple[str, int], tuple[list[list[Pick]], float] | None] = {}
        self._fits: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[bool, float]] = {}  # (fits, body fill)
        # What every trial layout needs and no pick changes, worked out once: a point's place in
        # its module, and the events and figures a drawn part shows (chosen from all points by rank).
        self._position = {point.id: index for module in content.modules for index, point in enumerate(module.points)}
        self._drawn: dict[tuple[str, tuple[str, ...]], list[Pick]] = {}

    def _has_content(self, part: Part) -> bool:
        if part.role in ("timeline", "figures", "digest"):
            return any(part.includes(m.role) and m.points for m in self.ordered)
        if part.role == "background":
            return self.content.topic.background is not None
        return True

    def fit(self) -> Fit:
        """Decide; the trial documents composed to measure the choices stay inside the planner."""
        return self._plan_pages() if self.product.kind == "flow" else self._plan_slides()

    def excluded(self, point: Point) -> str | None:
        """Why the audience leaves this point out, or None. Must-keep points are never left out."""
        hits = sorted(set(point.tags) & set(self.audience.tags.exclude))
        if hits and point.priority > 1:
            return f"the audience leaves out tag '{hits[0]}'"
        return None

    def effective_priority(self, point: Point) -> float:
        """Favoured tags move a point ahead of others of its priority (never into must-keep)."""
        favoured = bool(set(point.tags) & set(self.audience.tags.favour))
        return point.priority - 0.5 if favoured and point.priority > 1 else float(point.priority)

    def _ranked(self, modules: list[Module]) -> list[tuple[Point, Module]]:
        """By effective priority; within it, round-robin across modules, heavier modules served more often."""
        items = []
        for index, module in enumerate(modules):
            weight = self.audience.weight(module.id)
            seen: dict[float, int] = {}
            for point in module.points:
                if self.excluded(point):
                    continue
                priority = self.effective_priority(point)
                rank = seen.get(priority, 0)  # position among the module's points of this priority
                seen[priority] = rank + 1
                items.append((point, module, priority, rank / weight, index))
        items.sort(key=lambda item: (item[2], item[3], item[4]))
        return [(point, module) for point, module, *_ in items]

    def _select_drawn(self, part: Part, covered: list[str]) -> list[Pick]:
        """Events or figures for a timeline or key-figures part: priority first, up to the product's cap."""
        key = (part.role, tuple(covered))
        if key not in self._drawn:
            self._drawn[key] = self._rank_drawn(part, covered)
        return list(self._drawn[key])

    def _rank_drawn(self, part: Part, covered: list[str]) -> list[Pick]:
        cap = self.product.max_events if part.role == "timeline" else self.product.max_figures
        modules = [self.content.module(m) for m in covered]
        ranked = [point for point, _ in self._ranked(modules)]
        must = [point for point in ranked if point.priority == 1]
        if len(must) > cap:
            raise fail("budget-exceeded", self.where,
                       f"product '{self.product.id}': {len(must)} priority-1 {part.role} points, but it shows at most {cap}",
                       f"raise max_{'events' if part.role == 'timeline' else 'figures'} or lower some priorities")
        chosen = ranked[:cap]
        if part.role == "timeline":
            chosen.sort(key=lambda point: point.date or "")
        return [Pick(point.id, "summary") for point in chosen]

    def _fixed_frame(self, part: Part, module_frames: list[Frame]) -> Frame:
        covered = [m.id for m in self.ordered if part.includes(m.role)]
        frame = Frame(part.role, modules=covered)
        if part.role in ("timeline", "figures"):
            frame.picks = self._select_drawn(part, covered)
        if part.role == "contents":
            after = self.parts[self.parts.index(part) + 1:]
            for later in after:
                if later.role == "modules":
                    frame.entries += [(f.module_id or "", self.content.module(f.module_id or "").title)
                                      for f in module_frames if not f.continued]
                elif later.role in ("background", "timeline", "figures", "sources"):
                    frame.entries.append((later.role, self.composer.text(f"{later.role}_heading")))
        return frame

    # -- Word: flowing pages -----------------------------------------------------

    def _frames_for(self, picks: dict[str, list[Pick]]) -> list[Frame]:
        module_frames = []
        for module in self.modules:
            chosen = sorted(picks.get(module.id, []), key=lambda pick: self._position[pick.point_id])
            if chosen:
                module_frames.append(Frame("module", module.id, chosen))
        frames: list[Frame] = []
        for part in self.parts:
            frames.extend(module_frames if part.role == "modules" else [self._fixed_frame(part, module_frames)])
        return frames

    def _layout_pages(self, picks: dict[str, list[Pick]]) -> tuple[list[Frame], Document, Pagination]:
        frames = self._frames_for(picks)
        document = self.composer.compose(frames)
        return frames, document, self.typesetter.paginate(document)

    def _number_contents(self, frames: list[Frame], document: Document,
                         pagination: Pagination) -> dict[str, int]:
        """Print the contents' page numbers, read off the layout itself.

        Done once, on the chosen plan: a contents line is one line whatever its digits, so the
        trial layouts do not need the numbers to know how many pages they take.
        """
        if not any(frame.role == "contents" for frame in frames):
            return {}
        pages: dict[str, int] = {}
        index = 0
        for section in document.sections:
            key = section.module_id or section.role
            if section.blocks and index < len(pagination.block_pages):
                pages.setdefault(key, pagination.block_pages[index])
            index += len(section.blocks)
        numbered_pagination = self.typesetter.paginate(self.composer.compose(frames, pages))
        assert numbered_pagination.block_pages == pagination.block_pages, "page numbers moved the layout"
        return pages

    def _plan_pages(self) -> Fit:
        budget = self.product.budget
        shortest = self.product.levels[0]
        picks: dict[str, list[Pick]] = {m.id: [] for m in self.modules}
        ranked = self._ranked(self.modules)
        must_keep = [(p, m) for p, m in ranked if p.priority == 1]
        for point, module in must_keep:
            picks[module.id].append(Pick(point.id, shortest))
        frames, document, pagination = self._layout_pages(picks)
        if pagination.pages > (budget.pages or 1):
            raise fail("budget-exceeded", self.where,
                       f"product '{self.product.id}' for '{self.audience.id}': the {len(must_keep)} priority-1 points "
                       f"need {pagination.pages} pages even at '{shortest}' level, but the budget is "
                       f"{budget.pages} page(s)",
                       "lower some points to priority 2, shorten them, or choose a longer product"
                       + (REFERENCE_HINT if self.product.reference_styles or self.product.page_size else ""))
        cap = self.product.max_points_per_module
        reasons: dict[str, str] = {}
        for point, module in ranked:
            module_picks = picks[module.id]
            existing = next((p for p in module_picks if p.point_id == point.id), None)
            if existing is None and cap is not None and len(module_picks) >= cap:
                reasons[point.id] = f"the module already has {cap} points (the product's cap)"
                continue
            placed = existing is not None
            for level in _levels_down_from(self.product.levels, self.product.prefer):
                if existing is not None and not _better(level, existing.level):
                    break
                trial = {key: list(value) for key, value in picks.items()}
                if existing is not None:
                    trial[module.id][trial[module.id].index(existing)] = Pick(point.id, level)
                else:
                    trial[module.id].append(Pick(point.id, level))
                trial_frames, trial_document, trial_pagination = self._layout_pages(trial)
                if trial_pagination.pages <= (budget.pages or 1):
                    picks, frames, document, pagination = trial, trial_frames, trial_document, trial_pagination
                    placed = True
                    break
            if not placed:
                reasons[point.id] = "no room left within the page budget"
        if budget.min_pages and pagination.pages < budget.min_pages:
            raise fail("budget-unfillable", self.where,
                       f"product '{self.product.id}': all the content fills only {pagination.pages} page(s); "
                       f"the product needs at least {budget.min_pages}",
                       "add content, or lower budget.min_pages")
        pages = self._number_contents(frames, document, pagination)
        return Fit(self.product.id, self.audience.id, frames, self._decisions(self._with_drawn(picks, frames), reasons),
                   pagination.fills, "page", pages)

    # -- PowerPoint: fixed slides -----------------------------------------------

    def _plan_slides(self) -> Fit:
        total = self.product.budget.slides or 0
        fixed_parts = [part for part in self.parts if part.role != "modules"]
        reserved = changes_slides(self.product, self.composer.context.previous)  # the "what changed" slide
        module_slots = total - len(fixed_parts) - reserved
        where = self.product.where(("budget", "slides"))
        if self.modules and module_slots < 1:
            raise fail("budget-exceeded", where, f"product '{self.product.id}': {total} slides leave no room for modules"
                       + (" once the 'what changed' slide is placed" if reserved else ""),
                       "raise budget.slides" if reserved else "")
        allocation: dict[str, int] = {}
        packed: dict[str, tuple[list[list[Pick]], float]] = {}
        for module in self.modules:
            slides = 1
            result = self._pack_module(module, slides)
            while result is None and slides < module_slots:
                slides += 1
                result = self._pack_module(module, slides)
            if result is None:
                raise fail("budget-exceeded", where,
                           f"product '{self.product.id}' ({total} slides): the priority-1 points of module "
                           f"'{module.id}' do not fit even as headlines on the {module_slots} content slides",
                           "raise the slide budget or lower some points to priority 2")
            allocation[module.id], packed[module.id] = slides, result
        needed = sum(allocation.values())
        if needed > module_slots:
            detail = ", ".join(f"{m}: {n}" for m, n in allocation.items())
            raise fail("budget-exceeded", where,
                       f"product '{self.product.id}': must-keep (priority-1) points need {needed} content slides "
                       f"({detail}) but {total} slides leave {module_slots} after "
                       f"{', '.join(part.role for part in fixed_parts)}",
                       "raise budget.slides, raise max_points_per_slide, or lower some points to priority 2")
        for _ in range(module_slots - needed):
            options = []
            for index, module in enumerate(self.modules):
                grown = self._pack_module(module, allocation[module.id] + 1)
                if grown is not None:
                    # Most dropped value first; then a slide more where no slide falls under half full
                    # (thin "(continued)" slides are for content that has nothing else to fill them);
                    # then the module with fewer slides; then reading order.
                    roomy = self._thinnest(module, grown[0]) >= MIN_MODULE_FILL
                    options.append(((packed[module.id][1], roomy, -allocation[module.id], -index), module, grown))
            if not options:
                raise self._too_thin(total, module_slots, sum(allocation.values()))
            _, module, grown = max(options, key=lambda option: option[0])
            allocation[module.id] += 1
            packed[module.id] = grown
        self._rebalance(allocation, packed)
        module_frames: list[Frame] = []
        picks: dict[str, list[Pick]] = {}
        for module in self.modules:
            packing, _ = packed[module.id]
            picks[module.id] = [pick for slide in packing for pick in slide]
            module_frames += [Frame("module", module.id, slide, continued=index > 0)
                              for index, slide in enumerate(packing)]
        frames: list[Frame] = []
        for part in self.parts:
            if part.role == "modules":
                frames.extend(module_frames)
                continue
            frame = self._fixed_frame(part, module_frames)
            if part.role == "digest":
                frame.picks = self._plan_digest(frame)
                for pick in frame.picks:
                    picks.setdefault(self.content.point_module[pick.point_id], []).append(pick)
            frames.append(frame)
        document = self.composer.compose(frames)
        fills = []
        for number, section in enumerate(document.sections, start=1):
            fit = self.typesetter.slide_fit(section)
            if not fit.fits:
                raise fail("slide-overflow", self.product.where(("boxes",)),
                           f"product '{self.product.id}', slide {number} ({section.role}): " + "; ".join(fit.problems),
                           "shorten the text, or enlarge the box in the product file")
            fills.append(fit.body_fill)
        reasons = {p.id: "no room left on the module's slides" for m in self.ordered for p in m.points}
        return Fit(self.product.id, self.audience.id, frames, self._decisions(self._with_drawn(picks, frames), reasons),
                   fills, "slide", {})

    def _with_drawn(self, picks: dict[str, list[Pick]], frames: list[Frame]) -> dict[str, list[Pick]]:
        merged = {key: list(value) for key, value in picks.items()}
        for frame in frames:
            if frame.role in ("timeline", "figures"):
                for pick in frame.picks:
                    merged.setdefault(self.content.point_module[pick.point_id], []).append(pick)
        return merged

    def _too_thin(self, total: int, module_slots: int, filled: int) -> BriefwrightError:
        """What a deck lacks to fill its slides: which modules, of which role, and how many points more."""
        where = self.product.where(("budget", "slides"))
        part = next(part for part in self.parts if part.role == "modules")
        roles = part.only or " or ".join(NARRATIVE_ROLES)
        if not self.modules:
            return fail("budget-unfillable", where,
                        f"product '{self.product.id}' ({total} slides) gives {module_slots} slide(s) to modules of "
                        f"role {roles}, and content/ has no such module",
                        f"write a module (role: {roles}) with at least {module_slots} point(s), one a slide; "
                        "or build another product (`briefwright list` shows them)")
        points = sum(len(module.points) for module in self.modules)
        names = ", ".join(f"'{module.id}' ({len(module.points)})" for module in self.modules)
        return fail("budget-unfillable", where,
                    f"product '{self.product.id}' ({total} slides) gives {module_slots} slide(s) to the modules "
                    f"of role {roles}, but their {points} point(s) fill only {filled}: modules {names}",
                    f"add at least {module_slots - filled} more point(s) to these modules (a slide shows at least "
                    "one), or build a product with fewer slides (`briefwright list` shows them)")

    def _plan_digest(self, frame: Frame) -> list[Pick]:
        """One slide of several modules' headlines: all priority-1 points, then more while they fit."""
        modules = [self.content.module(m) for m in frame.modules]
        cap = 2 * self.product.max_points_per_slide
        chosen: list[Pick] = []
        for point, _ in self._ranked(modules):
            trial = chosen + [Pick(point.id, "headline")]
            fits = len(trial) <= cap and self.typesetter.fits_box(
                self.composer.compose([Frame("digest", picks=trial, modules=frame.modules)]).sections[0].blocks,
                self.product.boxes["body"])
            if fits:
                chosen = trial
            elif point.priority == 1:
                raise fail("budget-exceeded", self.product.where(("budget", "slides")),
                           f"product '{self.product.id}': the priority-1 headlines of {', '.join(frame.modules)} "
                           "do not fit on the digest slide", "choose a longer deck or lower some priorities")
        return chosen

    def _slide_fits(self, module: Module, slide: list[Pick]) -> bool:
        if len(slide) > self.product.max_points_per_slide:
            return False
        return self._slide_measure(module, slide)[0]

    def _slide_measure(self, module: Module, slide: list[Pick]) -> tuple[bool, float]:
        """Whether a module slide's picks fit its body box, and how full the box is."""
        # A one-slide trial is composed from scratch (its own citation numbers), so whether it fits
        # depends only on the module and its picks; the packer asks the same question many times.
        key = (module.id, tuple((pick.point_id, pick.level) for pick in slide))
        if key not in self._fits:
            section = self.composer.compose([Frame("module", module.id, slide)]).sections[0]
            body = self.product.boxes["body"]
            height, capacity = self.typesetter.box_text_height(section.blocks, body), self.typesetter.box_inner(body)[1]
            self._fits[key] = (height <= capacity, height / capacity)  # as Typesetter.fits_box decides
        return self._fits[key]

    def _rebalance(self, allocation: dict[str, int], packed: dict[str, tuple[list[list[Pick]], float]]) -> None:
        """Move a slide from a module whose slides fall under half full to one that stays at least half
        full with it, when neither then drops more: the same content on fuller slides."""
        for _ in range(2 * sum(allocation.values())):  # each move fills a thin module; bounded all the same
            move = self._slide_to_move(allocation, packed)
            if move is None:
                return
            (thin, shrunk), (other, grown) = move
            allocation[thin.id] -= 1
            allocation[other.id] += 1
            packed[thin.id], packed[other.id] = shrunk, grown

    def _slide_to_move(self, allocation: dict[str, int], packed: dict[str, tuple[list[list[Pick]], float]]):
        for thin in self.modules:
            slides = allocation[thin.id]
            if slides < 2 or self._thinnest(thin, packed[thin.id][0]) >= MIN_MODULE_FILL:
                continue
            shrunk = self._pack_module(thin, slides - 1)
            if shrunk is None or shrunk[1] > packed[thin.id][1]:
                continue
            for other in self.modules:
                grown = self._pack_module(other, allocation[other.id] + 1) if other is not thin else None
                if grown is not None and grown[1] <= packed[other.id][1] \
                        and self._thinnest(other, grown[0]) >= MIN_MODULE_FILL:
                    return (thin, shrunk), (other, grown)
        return None

    def _thinnest(self, module: Module, packing: list[list[Pick]]) -> float:
        return min(self._slide_measure(module, slide)[1] for slide in packing)

    def _layout(self, module: Module, picks: list[Pick], slides: int) -> list[list[Pick]] | None:
        """Spread picks (in module order) over exactly `slides` slides, as evenly as they fit."""
        if len(picks) < slides:
            return None
        order = {p.id: i for i, p in enumerate(module.points)}
        picks = sorted(picks, key=lambda pick: order[pick.point_id])
        base, extra = divmod(len(picks), slides)
        balanced, start = [], 0
        for size in (base + (1 if i < extra else 0) for i in range(slides)):
            balanced.append(picks[start:start + size])
            start += size
        if all(self._slide_fits(module, slide) for slide in balanced):
            return balanced
        # Uneven text lengths: fill greedily, then split the fullest slides until the count is right.
        greedy: list[list[Pick]] = [[]]
        for pick in picks:
            if greedy[-1] and not self._slide_fits(module, greedy[-1] + [pick]):
                greedy.append([])
            greedy[-1].append(pick)
        if len(greedy) > slides or not all(self._slide_fits(module, s) for s in greedy):
            return None
        while len(greedy) < slides:
            fullest = max(range(len(greedy)), key=lambda i: len(greedy[i]))
            if len(greedy[fullest]) < 2:
                return None
            half = len(greedy[fullest]) // 2
            greedy[fullest:fullest + 1] = [greedy[fullest][:half], greedy[fullest][half:]]
        return greedy

    def _pack_module(self, module: Module, slides: int) -> tuple[list[list[Pick]], float] | None:
        """Best use of `slides` slides for one module, or None if its must-keep points cannot fill them."""
        key = (module.id, slides)
        if key not in self._packings:
            self._packings[key] = self._pack_module_uncached(module, slides)
        return self._packings[key]

    def _pack_module_uncached(self, module: Module, slides: int) -> tuple[list[list[Pick]], float] | None:
        shortest = self.product.levels[0]
        ranked = [point for point, _ in self._ranked([module])]
        chosen: list[Pick] = [Pick(p.id, shortest) for p in ranked if p.priority == 1]
        if len(chosen) >= slides and self._layout(module, chosen, slides) is None:
            return None
        dropped_value = 0.0
        for point in ranked:
            existing = next((p for p in chosen if p.point_id == point.id), None)
            for level in _levels_down_from(self.product.levels, self.product.prefer):
                if existing is not None and not _better(level, existing.level):
                    break
                trial = [p for p in chosen if p.point_id != point.id] + [Pick(point.id, level)]
                if len(trial) < slides or self._layout(module, trial, slides) is not None:
                    chosen = trial
                    break
            else:
                if existing is None:
                    dropped_value += PRIORITY_WEIGHT[point.priority] * self.audience.weight(module.id)
        layout = self._layout(module, chosen, slides)
        return None if layout is None else (layout, dropped_value)

    # -- reporting ---------------------------------------------------------------

    def _decisions(self, picks: dict[str, list[Pick]], reasons: dict[str, str]) -> list[Decision]:
        decisions = []
        prefer_index = DETAIL_LEVELS.index(self.product.prefer)
        for module in self.ordered:
            chosen = {p.point_id: p for p in picks.get(module.id, [])}
            drawn = module.role in ("timeline", "figures")
            for point in module.points:
                pick = chosen.get(point.id)
                if drawn:
                    if pick is not None:
                        reason = f"shown in the {module.role}"
                    elif not any(part.role == module.role for part in self.parts):
                        reason = "its module is not part of this product"
                    else:
                        cap = "max_events" if module.role == "timeline" else "max_figures"
                        reason = self.excluded(point) or f"beyond the product's {cap}"
                    decisions.append(Decision(point.id, module.id, point.priority, "kept" if pick else "dropped",
                                              "headline" if pick else None, reason))
                    continue
                if pick is None:
                    reason = self.excluded(point) or (
                        reasons.get(point.id, "no room") if module in self.modules or point.id in reasons
                        else "its module is not part of this product")
                    decisions.append(Decision(point.id, module.id, point.priority, "dropped", None, reason))
                elif DETAIL_LEVELS.index(pick.level) < prefer_index:
                    decisions.append(Decision(point.id, module.id, point.priority, "condensed", pick.level,
                                              f"kept at '{pick.level}' (preferred '{self.product.prefer}') to fit"))
                else:
                    decisions.append(Decision(point.id, module.id, point.priority, "kept", pick.level,
                                              "priority 1: must keep" if point.priority == 1 else "room in budget"))
        return decisions


def check_line_limits(document: Document, product: Product, audience_id: str, typesetter: Typesetter) -> None:
    """Styles with max_lines (the memo's BLUF: four) hold content the planner cannot shorten."""
    if product.kind != "flow":
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
                       + (REFERENCE_HINT if product.reference_styles or product.page_size else ""))
