"""Sign-off that lapses: who approved which claims of a built product, and the digest of each
claim's text, confidence and cited quotes when they did.

Approvals live in the build folder beside the manifest (approvals.json; builds never remove
it). After every build, and whenever asked, each approval is compared with the product's
current evidence map: a claim whose digest differs is stale, one no longer shown is gone,
and a claim shown but never approved is unapproved. `check --strict` fails on any of these
for the products the project file names under review.require_approval.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefwright.diagnostics import BriefwrightError, Report, Where, fail
from briefwright.output import write_atomic
from briefwright.review.compare import Build, ShownField, read_build, shown_fields

APPROVALS = "approvals.json"


def claim_digest(shown: ShownField) -> str:
    """What an approval vouches for: the words, the confidence word, and the quotes cited."""
    payload = json.dumps({"text": shown.text, "confidence": shown.confidence, "quotes": list(shown.quotes)},
                         ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _load(folder: Path) -> dict[str, Any]:
    path = folder / APPROVALS
    if not path.is_file():
        return {"approvals": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("approvals"), dict):
            return data
    except (ValueError, AttributeError):
        pass
    raise fail("approvals-unreadable", Where(path), "the approvals file is not valid",
               "restore it from version control, or delete it and approve again")


def _save(folder: Path, data: dict[str, Any]) -> None:
    write_atomic(folder / APPROVALS, (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode())


def files_for(build: Build, product: str, audience: str | None) -> list[str]:
    """Built files that match a file name or a product id (and audience, when given)."""
    if product in build.files:
        return [product]
    return sorted(name for name, entry in build.files.items()
                  if entry.get("product") == product and (audience is None or entry.get("audience") == audience))


def approve(folder: Path, product: str, by: str, audience: str | None = None,
            claims: list[str] | None = None) -> dict[str, list[str]]:
    """Record by's approval of the claims (all, unless named) of the matching files; file → approved."""
    build = read_build(folder)
    names = files_for(build, product, audience)
    if not names:
        raise fail("approve-unknown", Where(folder / "manifest.json", field=product),
                   f"no built file of product '{product}'" + (f" for audience '{audience}'" if audience else ""),
                   "build it first (briefwright build --product NAME), or give a built file's name")
    data = _load(folder)
    when = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    done: dict[str, list[str]] = {}
    for name in names:
        shown = shown_fields(build.evidence(name))
        chosen = claims or list(shown)
        unknown = [key for key in chosen if key not in shown]
        if unknown:
            raise fail("approve-unknown", Where(folder / name), f"{name} shows no claim {', '.join(unknown)}",
                       "name claims by their anchor (owner:field), as `briefwright review status` lists them")
        record = data["approvals"].setdefault(name, {"claims": {}})
        for key in chosen:
            record["claims"][key] = {"by": by, "at": when, "digest": claim_digest(shown[key])}
        done[name] = chosen
    _save(folder, data)
    refresh(folder)
    return done


@dataclass
class ApprovalState:
    file: str
    current: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # approved, then changed
    gone: list[str] = field(default_factory=list)  # approved, no longer shown
    unapproved: list[str] = field(default_factory=list)
    approvers: dict[str, str] = field(default_factory=dict)  # claim → who approved it

    @property
    def ok(self) -> bool:
        return not (self.stale or self.gone or self.unapproved)


def states(folder: Path) -> list[ApprovalState]:
    """Every built file's approval state against its current evidence map."""
    build = read_build(folder)
    approvals = _load(folder)["approvals"]
    found = []
    for name in sorted(build.files):
        shown = shown_fields(build.evidence(name))
        approved = approvals.get(name, {}).get("claims", {})
        state = ApprovalState(name)
        for key, fields in shown.items():
            record = approved.get(key)
            if record is None:
                state.unapproved.append(key)
                continue
            state.approvers[key] = record.get("by", "")
            (state.current if record.get("digest") == claim_digest(fields) else state.stale).append(key)
        state.gone = [key for key in approved if key not in shown]
        found.append(state)
    return found


def refresh(folder: Path) -> None:
    """Mark each approval's claims stale (or gone) as the current build shows them; a folder
    without approvals is left as it is."""
    if not (folder / APPROVALS).is_file() or not (folder / "manifest.json").is_file():
        return
    data = _load(folder)
    for state in states(folder):
        record = data["approvals"].get(state.file)
        if record is None:
            continue
        for key, claim in record["claims"].items():
            claim["status"] = "stale" if key in state.stale else "gone" if key in state.gone else "current"
    _save(folder, data)


def require_current(folder: Path, products: list[str], report: Report) -> None:
    """Errors for every built file of these products whose claims are not all approved as they stand."""
    if not products:
        return
    try:
        build = read_build(folder)
    except BriefwrightError:  # no build yet: nothing built, nothing approved
        report.error("approval-missing", Where(folder), f"products {', '.join(products)} need approval, "
                     "but nothing is built", "build them, then briefwright review approve PRODUCT --by NAME")
        return
    wanted = {name for product in products for name in files_for(build, product, None)}
    for state in states(folder):
        if state.file not in wanted or state.ok:
            continue
        parts = [f"{len(items)} {label}: {', '.join(items[:4])}{' …' if len(items) > 4 else ''}"
                 for label, items in (("stale", state.stale), ("no longer shown", state.gone),
                                      ("never approved", state.unapproved)) if items]
        report.error("approval-stale", Where(folder / state.file), "approval is not current — " + "; ".join(parts),
                     f"review the changes (briefwright diff), then briefwright review approve {state.file} --by NAME")
