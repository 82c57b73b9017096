"""Plan a deck: the fixed parts take a slide each, the modules share the rest.

Each module first gets the fewest slides its must-keep points fit on; every slide left goes
where it saves the most dropped value; then slides move from modules whose slides fall under
half full to ones that stay at least half full with one more.
"""

from __future__ import annotations

from briefwright.compose.selection import Frame, Pick
from briefwright.diagnostics import BriefwrightError, fail
from briefwright.plan.choices import Choices, Fit, Picks
from briefwright.plan.engine import LayoutEngine
from briefwright.plan.packing import ModulePacker, Packing
from briefwright.products import as_slides
from briefwright.roles import NARRATIVE_ROLES

MIN_MODULE_FILL = 0.5  # a module slide under half full looks unfinished

Allocation = dict[str, int]  # module id → its slides
Packed = dict[str, Packing]  # module id → its slides' picks and the value it dropped


class SlidePlanner:
    def __init__(self, choices: Choices, engine: LayoutEngine) -> None:
        self.choices = choices
        self.engine = engine
        self.product = choices.product
        self.modules = choices.modules
        self.packer = ModulePacker(choices, engine)
        self.total = as_slides(self.product).slide_budget
        self.fixed_parts = [part for part in choices.parts if part.role != "modules"]
        self.module_slots = self.total - len(self.fixed_parts) - engine.reserved_slides
        self.where = self.product.where(("budget", "slides"))

    def fit(self) -> Fit:
        allocation, packed = self._must_keep()
        self._share_spare_slides(allocation, packed)
        self._rebalance(allocation, packed)
        frames, picks = self._frames(packed)
        layout = self.engine.lay_out(frames)
        if layout.overflows:
            raise fail("slide-overflow", self.product.where(("boxes",)),
                       f"product '{self.product.id}', {layout.overflows[0]}",
                       "shorten the text, or enlarge the box in the product file")
        reasons = {p.id: "no room left on the module's slides" for m in self.choices.ordered for p in m.points}
        return self.choices.fit(frames, picks, reasons, layout.fills, {})

    def _must_keep(self) -> tuple[Allocation, Packed]:
        """The fewest slides each module's priority-1 points fit on; a refusal if the deck lacks them."""
        if self.modules and self.module_slots < 1:
            reserved = self.engine.reserved_slides
            raise fail("budget-exceeded", self.where,
                       f"product '{self.product.id}': {self.total} slides leave no room for modules"
                       + (" once the 'what changed' slide is placed" if reserved else ""),
                       "raise budget.slides" if reserved else "")
        allocation: Allocation = {}
        packed: Packed = {}
        for module in self.modules:
            slides = 1
            result = self.packer.pack(module, slides)
            while result is None and slides < self.module_slots:
                slides += 1
                result = self.packer.pack(module, slides)
            if result is None:
                raise fail("budget-exceeded", self.where,
                           f"product '{self.product.id}' ({self.total} slides): the priority-1 points of module "
                           f"'{module.id}' do not fit even as headlines on the {self.module_slots} content slides",
                           "raise the slide budget or lower some points to priority 2")
            allocation[module.id], packed[module.id] = slides, result
        needed = sum(allocation.values())
        if needed > self.module_slots:
            detail = ", ".join(f"{m}: {n}" for m, n in allocation.items())
            raise fail("budget-exceeded", self.where,
                       f"product '{self.product.id}': must-keep (priority-1) points need {needed} content slides "
                       f"({detail}) but {self.total} slides leave {self.module_slots} after "
                       f"{', '.join(part.role for part in self.fixed_parts)}",
                       "raise budget.slides, raise max_points_per_slide, or lower some points to priority 2")
        return allocation, packed

    def _share_spare_slides(self, allocation: Allocation, packed: Packed) -> None:
        """Give each slide left to the module that drops the most without it."""
        for _ in range(self.module_slots - sum(allocation.values())):
            options = []
            for index, module in enumerate(self.modules):
                grown = self.packer.pack(module, allocation[module.id] + 1)
                if grown is not None:
                    # Most dropped value first; then a slide more where no slide falls under half full
                    # (thin "(continued)" slides are for content that has nothing else to fill them);
                    # then the module with fewer slides; then reading order.
                    roomy = self.packer.thinnest(module, grown[0]) >= MIN_MODULE_FILL
                    options.append(((packed[module.id][1], roomy, -allocation[module.id], -index), module, grown))
            if not options:
                raise self._too_thin(sum(allocation.values()))
            _, module, grown = max(options, key=lambda option: option[0])
            allocation[module.id] += 1
            packed[module.id] = grown

    def _rebalance(self, allocation: Allocation, packed: Packed) -> None:
        """Move a slide from a module whose slides fall under half full to one that stays at least half
        full with it, when neither then drops more: the same content on fuller slides."""
        for _ in range(2 * sum(allocation.values())):  # each move fills a thin module; bounded all the same
            move = self._slide_to_move(allocation, packed)
            if move is None:
                return
            (thin, shrunk), (other, grown) = move
            allocation[thin] -= 1
            allocation[other] += 1
            packed[thin], packed[other] = shrunk, grown

    def _slide_to_move(self, allocation: Allocation, packed: Packed) -> tuple[tuple[str, Packing],
                                                                              tuple[str, Packing]] | None:
        for thin in self.modules:
            slides = allocation[thin.id]
            if slides < 2 or self.packer.thinnest(thin, packed[thin.id][0]) >= MIN_MODULE_FILL:
                continue
            shrunk = self.packer.pack(thin, slides - 1)
            if shrunk is None or shrunk[1] > packed[thin.id][1]:
                continue
            for other in self.modules:
                grown = self.packer.pack(other, allocation[other.id] + 1) if other is not thin else None
                if grown is not None and grown[1] <= packed[other.id][1] \
                        and self.packer.thinnest(other, grown[0]) >= MIN_MODULE_FILL:
                    return (thin.id, shrunk), (other.id, grown)
        return None

    def _frames(self, packed: Packed) -> tuple[list[Frame], Picks]:
        """A frame a slide in the product's order, and every module's picks (the digest's too)."""
        module_frames: list[Frame] = []
        picks: Picks = {}
        for module in self.modules:
            packing, _ = packed[module.id]
            picks[module.id] = [pick for slide in packing for pick in slide]
            module_frames += [Frame("module", module.id, slide, continued=index > 0)
                              for index, slide in enumerate(packing)]
        frames: list[Frame] = []
        for part in self.choices.parts:
            if part.role == "modules":
                frames.extend(module_frames)
                continue
            frame = self.choices.fixed_frame(part, module_frames)
            if part.role == "digest":
                frame.picks = self._plan_digest(frame)
                for pick in frame.picks:
                    picks.setdefault(self.choices.content.point_module[pick.point_id], []).append(pick)
            frames.append(frame)
        return frames, picks

    def _plan_digest(self, frame: Frame) -> list[Pick]:
        """One slide of several modules' headlines: all priority-1 points, then more while they fit."""
        modules = [self.choices.content.module(m) for m in frame.modules]
        cap = 2 * self.product.max_points_per_slide
        chosen: list[Pick] = []
        for point, _ in self.choices.ranked(modules):
            trial = chosen + [Pick(point.id, "headline")]
            fits = len(trial) <= cap and self.engine.frame_fit(
                Frame("digest", picks=trial, modules=frame.modules)).fits
            if fits:
                chosen = trial
            elif point.priority == 1:
                raise fail("budget-exceeded", self.where,
                           f"product '{self.product.id}': the priority-1 headlines of {', '.join(frame.modules)} "
                           "do not fit on the digest slide", "choose a longer deck or lower some priorities")
        return chosen

    def _too_thin(self, filled: int) -> BriefwrightError:
        """What a deck lacks to fill its slides: which modules, of which role, and how many points more."""
        roles = self.choices.modules_part().only or " or ".join(NARRATIVE_ROLES)
        if not self.modules:
            return fail("budget-unfillable", self.where,
                        f"product '{self.product.id}' ({self.total} slides) gives {self.module_slots} slide(s) to "
                        f"modules of role {roles}, and content/ has no such module",
                        f"write a module (role: {roles}) with at least {self.module_slots} point(s), one a slide; "
                        "or build another product (`briefwright list` shows them)")
        points = sum(len(module.points) for module in self.modules)
        names = ", ".join(f"'{module.id}' ({len(module.points)})" for module in self.modules)
        return fail("budget-unfillable", self.where,
                    f"product '{self.product.id}' ({self.total} slides) gives {self.module_slots} slide(s) to the "
                    f"modules of role {roles}, but their {points} point(s) fill only {filled}: modules {names}",
                    f"add at least {self.module_slots - filled} more point(s) to these modules (a slide shows at "
                    "least one), or build a product with fewer slides (`briefwright list` shows them)")
