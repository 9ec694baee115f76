"""Changes since the previous meeting: against what that board saw (its issued pack) or, when it was
never issued, against the register as the audit log says it stood on the meeting's date."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..domain.dates import show
from ..domain.model import Meeting
from ..domain.pack import (ACTION_DONE, CLOSED, DUE_CHANGED, ESCALATED, FIRST_SCORED, NEW_ACTION, NEW_RISK, OWNER_CHANGED,
                           REMOVED, REOPENED, SCORE_DOWN, SCORE_UP, PackAction, PackChange, PackRisk)
from ..domain.scoring import Rating, Scheme
from ..store import Register
from ..store.partners import list_owners
from ..store.risks import reviews_by_risk
from ..store.history import History
from ..store.snapshots import get_snapshot
from . import pack_json


def changes_since(reg: Register, previous: Meeting | None, risks: tuple[PackRisk, ...],
                  actions: tuple[PackAction, ...]) -> tuple[tuple[PackChange, ...], str]:
    """(changes, basis): basis says what they were measured against: "snapshot" (the previous meeting's issued
    pack), "history" (the audit log), "reviews" (the register is younger than the meeting) or "none"."""
    if previous is None:
        return (), "none"
    issued = get_snapshot(reg, previous.id)
    if issued is not None:
        before = pack_json.loads(issued["data"])
        return compare(before.risks, before.actions, risks, actions, reg.scheme), "snapshot"
    since = previous.held_on.isoformat(timespec="minutes")
    if reg.info()["created_at"] > since:
        # The register did not exist then, so its audit log cannot say what the board saw; the reviews,
        # dated by the people who made them, still say how each score moved.
        old_risks = _rewound_by_reviews(reg, previous.held_on.date(), risks)
        return compare(old_risks, actions, risks, actions, reg.scheme), "reviews"
    old_risks, old_actions = _as_it_stood(reg, since, risks, actions)
    return compare(old_risks, old_actions, risks, actions, reg.scheme), "history"


def compare(old_risks, old_actions, risks, actions, scheme: Scheme) -> tuple[PackChange, ...]:
    """Every change from the old items to the new, risks in the new order first, then actions."""
    found: list[PackChange] = []
    before = {r.id: r for r in old_risks}
    for risk in risks:
        found += _risk_changes(before.get(risk.id), risk, scheme)
    now = {r.id for r in risks}
    found += [PackChange("risk", r.ref, r.title, REMOVED, _score(r.current, scheme), "", r.exempt)
              for r in old_risks if r.id not in now]
    earlier = {a.id: a for a in old_actions}
    for action in actions:
        found += _action_changes(earlier.get(action.id), action)
    return tuple(found)


def _risk_changes(old: PackRisk | None, new: PackRisk, scheme: Scheme) -> list[PackChange]:
    if old is None:
        return [_change(new, NEW_RISK, "", _score(new.current, scheme))] if new.status == "open" else []
    exempt = old.exempt or new.exempt  # a change to an item exempt then or now is itself exempt
    found = []
    if old.status != new.status:
        found.append(_change(new, CLOSED if new.status == "closed" else REOPENED, old.status, new.status, exempt))
    was, now = old.current, new.current
    if was != now and now is not None:
        what = FIRST_SCORED if was is None else SCORE_UP if now.score > was.score else \
            SCORE_DOWN if now.score < was.score else None
        if what:
            found.append(_change(new, what, _score(was, scheme), _score(now, scheme), exempt))
        if scheme.above_appetite(now.score) and not (was and scheme.above_appetite(was.score)):
            found.append(_change(new, ESCALATED, _score(was, scheme), _score(now, scheme), exempt))
    if old.owner != new.owner:
        found.append(_change(new, OWNER_CHANGED, old.owner or "none", new.owner or "none", exempt))
    return found


def _action_changes(old: PackAction | None, new: PackAction) -> list[PackChange]:
    def change(what, before, after, exempt):
        return PackChange("action", new.ref, new.title, what, before, after, exempt)
    if old is None:
        return [change(NEW_ACTION, "", f"due {show(new.due)}" if new.due else "no due date", new.exempt)]
    exempt = old.exempt or new.exempt
    found = []
    if new.status == "complete" and old.status != "complete":
        found.append(change(ACTION_DONE, old.status, show(new.completed_on) or "complete", exempt))
    if old.due != new.due and new.status != "complete":
        found.append(change(DUE_CHANGED, show(old.due) or "none", show(new.due) or "none", exempt))
    return found


def _change(risk: PackRisk, what: str, before: str, after: str, exempt: bool | None = None) -> PackChange:
    return PackChange("risk", risk.ref, risk.title, what, before, after, risk.exempt if exempt is None else exempt)


def _score(rating: Rating | None, scheme: Scheme) -> str:
    if rating is None:
        return "not scored"
    band = scheme.band_for(rating.score)
    return f"{rating.score} ({band.name})" if band else str(rating.score)


def _rewound_by_reviews(reg: Register, since: date, risks) -> list[PackRisk]:
    """Each risk with the residual score it had before the first review on or after `since`."""
    reviews = reviews_by_risk(reg)
    rewound = []
    for risk in risks:
        later = [r for r in reviews.get(risk.id, []) if r.reviewed_on >= since]
        rewound.append(replace(risk, residual=later[0].before) if later else risk)
    return rewound


# -- the register as it stood, rebuilt from the audit log --------------------------------------------

def _as_it_stood(reg: Register, since: str, risks, actions):
    owners = {o.id: o.name for o in list_owners(reg)}
    risk_log, action_log = History(reg, "risks", since), History(reg, "actions", since)
    old_risks = [_rewound_risk(risk_log, r, owners) for r in risks if r.id not in risk_log.inserted]
    old_risks += [PackRisk(id=d.id, ref=d.ref, title=d.title, status=d.status, exempt=d.exempt)
                  for d in risk_log.deleted()]
    old_actions = [_rewound_action(action_log, a) for a in actions if a.id not in action_log.inserted]
    return old_risks, old_actions


def _rewound_risk(log: History, risk: PackRisk, owners: dict[str, str]) -> PackRisk:
    owner_changed, old_owner = log.old_owner_id(risk.id)
    return replace(risk, status=log.old(risk.id, "status", risk.status),
                   residual=log.old_residual(risk.id, risk.residual),
                   owner=owners.get(old_owner, "") if owner_changed else risk.owner,
                   exempt=log.old_exempt(risk.id, risk.exempt))


def _rewound_action(log: History, action: PackAction) -> PackAction:
    return replace(action, status=log.old(action.id, "status", action.status),
                   due=log.old_due(action.id, action.due), exempt=log.old_exempt(action.id, action.exempt))
