"""The register as it stood at an earlier time, rebuilt from the audit log (for a pack's changes page when
the previous meeting's pack was never issued). This is where the audit rows' columns are read: the
services layer asks for risks and actions as they stood and never names a column."""
from __future__ import annotations

import json
from dataclasses import replace

from ..domain.dates import from_iso
from ..domain.pack import PackAction, PackRisk
from ..domain.scoring import Rating
from .partners import list_owners
from .register import Register
from .snapshots import audit_since


def as_it_stood(reg: Register, since: str, risks: tuple[PackRisk, ...],
                actions: tuple[PackAction, ...]) -> tuple[list[PackRisk], list[PackAction]]:
    """The risks and actions as they stood at `since` (ISO), rewound from their audit rows: those inserted
    since left out, those deleted since put back, each field changed since given its first old value."""
    owners = {o.id: o.name for o in list_owners(reg)}
    risk_log, action_log = _Log(audit_since(reg, "risks", since)), _Log(audit_since(reg, "actions", since))
    old_risks = [risk_log.rewind_risk(r, owners) for r in risks if r.id not in risk_log.inserted]
    old_risks += [_deleted_risk(row) for row in risk_log.deleted if row["id"] not in risk_log.inserted]
    old_actions = [action_log.rewind_action(a) for a in actions if a.id not in action_log.inserted]
    return old_risks, old_actions


class _Log:
    """The audit rows of one table since a date: what was inserted, deleted, and each field's first old value."""

    def __init__(self, rows: list[dict]):
        self.inserted = {r["row_id"] for r in rows if r["change"] == "insert"}
        self.deleted = [json.loads(r["old"]) for r in rows if r["change"] == "delete" and r["old"]]
        self.first_old: dict[tuple[str, str], str | None] = {}
        for r in rows:
            if r["change"] == "update":
                self.first_old.setdefault((r["row_id"], r["field"]), r["old"])

    def old(self, row_id: str, name: str, now):
        key = (row_id, name)
        return self.first_old[key] if key in self.first_old else now

    def rewind_risk(self, risk: PackRisk, owners: dict[str, str]) -> PackRisk:
        now = risk.residual
        likelihood = self.old(risk.id, "residual_likelihood", now.likelihood if now else None)
        impact = self.old(risk.id, "residual_impact", now.impact if now else None)
        residual = Rating(int(likelihood), int(impact)) if likelihood is not None and impact is not None else None
        owner_key = (risk.id, "owner_id")
        owner = owners.get(self.first_old[owner_key] or "", "") if owner_key in self.first_old else risk.owner
        exempt = self.old(risk.id, "exempt", None)
        return replace(risk, status=self.old(risk.id, "status", risk.status), residual=residual, owner=owner,
                       exempt=risk.exempt if exempt is None else exempt in ("1", 1, True))

    def rewind_action(self, action: PackAction) -> PackAction:
        due = self.old(action.id, "due", None)
        exempt = self.old(action.id, "exempt", None)
        return replace(action, status=self.old(action.id, "status", action.status),
                       due=from_iso(due) if (action.id, "due") in self.first_old else action.due,
                       exempt=action.exempt if exempt is None else exempt in ("1", 1, True))


def _deleted_risk(row: dict) -> PackRisk:
    return PackRisk(id=row["id"], ref=row.get("ref") or "", title=row.get("title") or "",
                    status=row.get("status") or "open", exempt=bool(row.get("exempt")))
