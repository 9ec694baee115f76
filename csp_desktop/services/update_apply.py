"""Applying the changes a coordinator accepted: one transaction, audited under the owner's and file's name."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.model import ProgressNote
from ..domain.scoring import Rating
from ..store import Register
from ..store.actions import add_note, get_action, save_action
from ..store.returns import APPLIED, REJECTED, acting_as, set_outcome
from .cadence import next_review_after
from .changes import Changes, Kind
from ..store.records import stored_version
from ..store.risks import get_mitigation, get_risk, record_review, save_mitigation
from .update_indicators import apply_indicator


@dataclass
class Applied:
    applied: list[str] = field(default_factory=list)    # change ids written to the register
    rejected: list[str] = field(default_factory=list)
    held: list[tuple[str, str]] = field(default_factory=list)  # (change id, why it stays pending)
    changes: Changes = Changes()  # what the register now holds differently: the rows taken in, the decisions


def apply_decisions(reg: Register, accepted: list[dict], rejected: list[dict], today: date) -> Applied:
    """Write every accepted change and record every decision, all in one transaction or none."""
    result = Applied(rejected=[c["id"] for c in rejected])
    written = Changes()
    reg.quick_check()  # the owner's changes go in only if the register is sound
    with reg.transaction():
        for group in _by_row(accepted):
            reason = _stale(reg, group)
            if reason:
                result.held += [(c["id"], reason) for c in group]
                continue
            first = group[0]
            with acting_as(reg, _who(reg, first)):
                written |= _APPLY[first["tbl"]](reg, first["row_id"], _values(group), first["owner_name"], today)
            result.applied += [c["id"] for c in group]
        set_outcome(reg, result.applied, APPLIED)
        set_outcome(reg, result.rejected, REJECTED)
    decided = result.applied + result.rejected
    result.changes = written | Changes.of(Kind.RETURNS, ids=decided) if decided else written
    return result


def _by_row(changes: list[dict]) -> list[list[dict]]:
    """Changes to one row from one return are applied together against the version they were checked at."""
    groups = defaultdict(list)
    for change in changes:
        groups[(change["return_id"], change["tbl"], change["row_id"])].append(change)
    return list(groups.values())


def _stale(reg: Register, group: list[dict]) -> str:
    now = stored_version(reg, group[0]["tbl"], group[0]["row_id"])
    if now is None:
        return "the item is no longer in the register"
    if now != group[0]["register_version"]:
        return "the item changed in the register after this return was received; receive the file again to compare"
    return ""


def _who(reg: Register, change: dict) -> str:
    return f"{change['owner_name']} (return {change['file_name']}, taken in by {reg.who})"


def _values(group: list[dict]) -> dict:
    return {c["field"]: json.loads(c["apply_value"]) for c in group}


def _apply_risk(reg: Register, row_id: str, values: dict, owner: str, today: date) -> Changes:
    """A re-score or a commentary becomes a review in the risk's history, as if the owner had reviewed it."""
    risk = get_risk(reg, row_id)
    score = values.get("score")
    after = Rating(score["likelihood"], score["impact"]) if score else risk.residual  # commentary alone: confirmed
    note = values.get("commentary", {}).get("text", "")
    # An owner's return is a review: the next one falls due by the band's cadence, so the risk
    # no longer reads "review overdue" once the coordinator has taken the return in.
    review = record_review(reg, risk, after, on=today, reviewer=owner, note=note,
                           next_review=next_review_after(reg, after or risk.inherent, today))
    return Changes.of(Kind.RISKS, Kind.REVIEWS, ids=(row_id, review.id))


def _apply_mitigation(reg: Register, row_id: str, values: dict, owner: str, today: date) -> Changes:
    mitigation = get_mitigation(reg, row_id)
    assert mitigation is not None  # a return for a row no longer in the register is stale (_stale), never applied
    risk_id = mitigation.risk_id
    if "description" in values:
        mitigation.description = values["description"]["text"]
    if "expected score" in values:
        score = values["expected score"]
        mitigation.expected = Rating(score["likelihood"], score["impact"])
    save_mitigation(reg, mitigation)
    return Changes.of(Kind.MITIGATIONS, ids=(row_id, risk_id))


def _apply_action(reg: Register, row_id: str, values: dict, owner: str, today: date) -> Changes:
    action = get_action(reg, row_id)
    if "status" in values:
        action.status = values["status"]["status"]
        action.completed_on = today if action.status == "complete" else None
    if "due" in values:
        action.due = date.fromisoformat(values["due"]["due"])
    if "status" in values or "due" in values:
        save_action(reg, action)
    if "progress" in values:
        add_note(reg, ProgressNote(action_id=row_id, text=values["progress"]["text"], author=owner,
                                   at=datetime.now()))
    return Changes.of(Kind.ACTIONS, ids=(row_id,))


_APPLY = {"risks": _apply_risk, "mitigations": _apply_mitigation, "actions": _apply_action,
          "indicators": apply_indicator}
