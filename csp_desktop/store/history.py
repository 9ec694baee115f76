"""What the audit trail says about rows since a moment: which were added or deleted, and what each
field held before its first change since then. Read in the columns' own terms here, and handed out
as domain values, so the services never see the audit's physical field names."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from ..domain.dates import from_iso
from ..domain.scoring import Rating
from .register import Register
from .snapshots import audit_since


@dataclass(frozen=True)
class Deleted:
    """A row deleted since the moment, as it was just before."""
    id: str
    ref: str
    title: str
    status: str
    exempt: bool


class History:
    """The audit rows of one table since `since` (an ISO date-time)."""

    def __init__(self, reg: Register, table: str, since: str):
        rows = audit_since(reg, table, since)
        self.inserted = {r["row_id"] for r in rows if r["change"] == "insert"}
        self._deleted = [json.loads(r["old"]) for r in rows if r["change"] == "delete" and r["old"]]
        self._first_old: dict[tuple[str, str], str | None] = {}
        for r in rows:
            if r["change"] == "update":
                self._first_old.setdefault((r["row_id"], r["field"]), r["old"])

    def deleted(self) -> list[Deleted]:
        """Rows deleted since then that were there before it (not added and removed meanwhile)."""
        return [Deleted(row["id"], row.get("ref") or "", row.get("title") or "", row.get("status") or "open",
                        bool(row.get("exempt"))) for row in self._deleted if row["id"] not in self.inserted]

    def changed(self, row_id: str, name: str) -> bool:
        return (row_id, name) in self._first_old

    def old(self, row_id: str, name: str, now):
        return self._first_old.get((row_id, name), now) if self.changed(row_id, name) else now

    def old_residual(self, row_id: str, now: Rating | None) -> Rating | None:
        likelihood = self.old(row_id, "residual_likelihood", now.likelihood if now else None)
        impact = self.old(row_id, "residual_impact", now.impact if now else None)
        return Rating(int(likelihood), int(impact)) if likelihood is not None and impact is not None else None

    def old_owner_id(self, row_id: str) -> tuple[bool, str | None]:
        """(whether the owner changed since, and if so the owner's id before)."""
        return self.changed(row_id, "owner_id"), self._first_old.get((row_id, "owner_id"))

    def old_exempt(self, row_id: str, now: bool) -> bool:
        old = self.old(row_id, "exempt", None)
        return now if old is None else old in ("1", 1, True)

    def old_due(self, row_id: str, now: date | None) -> date | None:
        return from_iso(self._first_old[(row_id, "due")]) if self.changed(row_id, "due") else now
