"""Issued packs: the register as presented at a meeting, kept in the register file."""
from __future__ import annotations

from .errors import RegisterError
from .register import Register, now_utc


def get_snapshot(reg: Register, meeting_id: str) -> dict | None:
    """{"issued_at", "issued_by", "data"} of the meeting's issued pack, or None when not issued."""
    rows = reg.query("SELECT issued_at, issued_by, data FROM pack_snapshots WHERE meeting_id = ?", [meeting_id])
    return rows[0] if rows else None


def issued_meetings(reg: Register) -> dict[str, str]:
    """{meeting id: issued_at} for every meeting whose pack has been issued."""
    return {r["meeting_id"]: r["issued_at"] for r in reg.query("SELECT meeting_id, issued_at FROM pack_snapshots")}


def save_snapshot(reg: Register, meeting_id: str, data: str) -> str:
    """Keep `data` (JSON) as the meeting's issued pack; a meeting is issued once."""
    if get_snapshot(reg, meeting_id) is not None:
        raise RegisterError("That meeting's pack has already been issued; it is rebuilt as presented.")
    with reg.transaction():
        return reg.insert("pack_snapshots", {"meeting_id": meeting_id, "issued_at": now_utc(),
                                             "issued_by": reg.who, "data": data})


def audit_since(reg: Register, table: str, since: str) -> list[dict]:
    """The audit rows of `table` written at or after the ISO date-time `since`, oldest first."""
    return reg.query("SELECT * FROM audit WHERE tbl = ? AND at >= ? ORDER BY at, rowid", [table, since])


def first_old_values(reg: Register, table: str, field: str) -> dict[str, str | None]:
    """{row id: the field's value before its first recorded change}: e.g. each action's original due date."""
    rows = reg.query("SELECT row_id, old FROM audit WHERE tbl = ? AND field = ? AND change = 'update' "
                     "ORDER BY at, rowid", [table, field])
    first: dict[str, str | None] = {}
    for row in rows:
        first.setdefault(row["row_id"], row["old"])
    return first
