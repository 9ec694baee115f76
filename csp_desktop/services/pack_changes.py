"""Changes since the previous meeting: against what that board saw (its issued pack) or, when it was
never issued, against the register as the audit log says it stood on the meeting's date."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from ..domain.dates import show
from ..domain.exemption import exempt_ids
from ..domain.model import Meeting
from ..domain.pack import (ACTION_DONE, CLOSED, DUE_CHANGED, ESCALATED, FIRST_SCORED, NEW_ACTION, NEW_RISK,
                           OWNER_CHANGED,
                           REMOVED, REOPENED, SCORE_DOWN, SCORE_UP, PackAction, PackChange, PackRisk, travel,
                           travel_header)
from ..domain.scoring import Rating, Scheme
from ..store import Register
from ..store.meetings import previous_meeting
from ..store.risks import list_risks, reviews_by_risk
from ..store.rewind import as_it_stood
from ..store.snapshots import get_snapshot
from . import pack_json


@dataclass(frozen=True)
class Comparison:
    """What the pack measures against, and what it found: the changes page, the summary counts and the
    register's Travel arrows are all read from this one comparison, so they cannot disagree."""
    changes: tuple[PackChange, ...] = ()
    basis: str = "none"                       # "snapshot", "history", "reviews" or "first review"
    travel: dict[str, str] = field(default_factory=dict)   # risk id -> UP, DOWN, UNCHANGED or NEW
    since: date | None = None                 # the previous meeting's date; None: each risk's first review


def changes_since(reg: Register, previous: Meeting | None, risks: tuple[PackRisk, ...],
                  actions: tuple[PackAction, ...]) -> Comparison:
    """Measure against what the previous board saw (its issued pack), else the register as the audit log says
    it stood then ("history"), else the reviews dated since then when the register is younger than the meeting
    ("reviews"). With no previous meeting, each risk is measured against its first review."""
    old_risks, old_actions, basis = _baseline(reg, previous, risks, actions)
    since = previous.held_on.date() if previous is not None else None
    return compare(old_risks, old_actions, risks, actions, reg.scheme, since, basis)


def travel_now(reg: Register, today: date) -> tuple[dict[str, str], str]:
    """Each risk's direction of travel as the app shows it, on the pack's basis: since the latest meeting held
    before today (else each risk's first review); and the words saying so ("since 24/10/2026")."""
    previous = previous_meeting(reg, datetime.combine(today, time.max).isoformat(timespec="minutes"))
    risks = tuple(PackRisk(id=r.id, ref=r.ref, title=r.title, owner=r.owner_name, status=r.status,
                           inherent=r.inherent, residual=r.residual, exempt=r.exempt) for r in list_risks(reg))
    old_risks, _, _ = _baseline(reg, previous, risks, ())
    before = {r.id: r for r in old_risks}
    since = previous.held_on.date() if previous is not None else None
    return {r.id: travel(before.get(r.id), r) for r in risks}, travel_header(since)


def _baseline(reg: Register, previous: Meeting | None, risks, actions):
    if previous is None:
        return _rewound_by_reviews(reg, None, risks), actions, "first review"
    issued = get_snapshot(reg, previous.id)
    if issued is not None:
        before = pack_json.loads(issued["data"])
        return before.risks, before.actions, "snapshot"
    since = previous.held_on.isoformat(timespec="minutes")
    if reg.info()["created_at"] > since:
        # The register did not exist then, so its audit log cannot say what the board saw; the reviews,
        # dated by the people who made them, still say how each score moved.
        return _rewound_by_reviews(reg, previous.held_on.date(), risks), actions, "reviews"
    old_risks, old_actions = as_it_stood(reg, since, risks, actions)
    return old_risks, old_actions, "history"


def compare(old_risks, old_actions, risks, actions, scheme: Scheme, since: date | None = None,
            basis: str = "snapshot") -> Comparison:
    """One row per risk that moved or changed, in the new order, then removed risks, then actions."""
    found: list[PackChange] = []
    before = {r.id: r for r in old_risks}
    directions = {risk.id: travel(before.get(risk.id), risk) for risk in risks}
    for risk in risks:
        row = _risk_change(before.get(risk.id), risk, scheme, directions[risk.id], since)
        found += [row] if row else []
    now = {r.id for r in risks}
    found += [PackChange("risk", r.ref, r.title, REMOVED, _score(r.current, scheme), "", r.exempt, r.id)
              for r in old_risks if r.id not in now]
    earlier = {a.id: a for a in old_actions}
    for action in actions:
        found += _action_changes(earlier.get(action.id), action)
    return Comparison(tuple(found), basis, directions, since)


def _risk_change(old: PackRisk | None, new: PackRisk, scheme: Scheme, direction: str,
                 since: date | None) -> PackChange | None:
    """Everything that happened to one risk, as one row: "Score up; now above appetite" go together."""
    shown = direction if new.status == "open" else ""
    if old is None:
        return _change(new, NEW_RISK, "", _score(new.current, scheme), shown, since) if new.status == "open" else None
    whats = []
    if old.status != new.status:
        whats.append(CLOSED if new.status == "closed" else REOPENED)
    was, now = old.current, new.current
    if now is not None and (was is None or was.score != now.score):
        whats.append(FIRST_SCORED if was is None else SCORE_UP if now.score > was.score else SCORE_DOWN)
    if now is not None and scheme.above_appetite(now.score) and not (was and scheme.above_appetite(was.score)):
        whats.append(ESCALATED)
    if old.owner != new.owner:
        whats.append(f"{OWNER_CHANGED} (was {old.owner or 'none'})")
    if not whats:
        return None
    exempt = bool(exempt_ids((old, new)))  # a change to an item exempt then or now is itself exempt
    text = "; ".join([whats[0]] + [w[0].lower() + w[1:] for w in whats[1:]])
    return _change(new, text, _score(was, scheme), _score(now, scheme), shown, since, exempt)


def _action_changes(old: PackAction | None, new: PackAction) -> list[PackChange]:
    def change(what, before, after, exempt):
        return PackChange("action", new.ref, new.title, what, before, after, exempt, new.id)
    if old is None:
        return [change(NEW_ACTION, "", f"due {show(new.due)}" if new.due else "no due date", new.exempt)]
    exempt = bool(exempt_ids((), (old, new)))
    found = []
    if new.status == "complete" and old.status != "complete":
        found.append(change(ACTION_DONE, old.status, show(new.completed_on) or "complete", exempt))
    if old.due != new.due and new.status != "complete":
        found.append(change(DUE_CHANGED, show(old.due) or "none", show(new.due) or "none", exempt))
    return found


def _change(risk: PackRisk, what: str, before: str, after: str, direction: str, since: date | None,
             exempt: bool | None = None) -> PackChange:
    review = risk.last_review
    # a reason given since the basis
    fresh = review if review is not None and (since is None or review.on >= since) else None
    return PackChange("risk", risk.ref, risk.title, what, before, after, risk.exempt if exempt is None else exempt,
                      risk.id, travel=direction, reason=fresh.note if fresh else "", on=fresh.on if fresh else None)


def _score(rating: Rating | None, scheme: Scheme) -> str:
    """"12 High (3×4)": the score, its band and likelihood × impact."""
    if rating is None:
        return "not scored"
    band = scheme.band_for(rating.score)
    named = f"{rating.score} {band.name}" if band else str(rating.score)
    return f"{named} ({rating.likelihood}\u00d7{rating.impact})"


def _rewound_by_reviews(reg: Register, since: date | None, risks) -> list[PackRisk]:
    """Each risk with the residual score it had before the first review on or after `since` (None: its first
    review of all). A risk never reviewed since stays as it is: nothing says it moved."""
    reviews = reviews_by_risk(reg)
    rewound = []
    for risk in risks:
        later = [r for r in reviews.get(risk.id, []) if since is None or r.reviewed_on >= since]
        if later:
            first = later[0]
            # No score before the first review (a risk scored by it): compare with what that review found.
            was = first.before if first.before is not None or since is not None else first.after
            rewound.append(replace(risk, residual=was))
        else:
            rewound.append(risk)
    return rewound
