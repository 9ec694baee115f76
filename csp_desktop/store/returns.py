"""The update round's records: workbooks sent, returns taken in, and every change an owner proposed.

These tables are themselves a log that is only ever added to (and outcomes filled in), so their rows
are written without audit rows of their own: the audit trail records what the accepted changes did to
the register, under the owner's and the file's name.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from collections.abc import Iterable, Iterator

from ..domain.model import new_id
from ..domain.scoring import Rating
from .register import Register, now_utc

LOG_TABLES = ("update_rounds", "round_owners", "round_items", "returns", "return_changes")
UPDATABLE = ("risks", "mitigations", "actions", "indicators")
PENDING, APPLIED, REJECTED, NOT_TAKEN = "pending", "applied", "rejected", "not taken"
TAKEN, REFUSED = "taken", "refused"
_CHUNK = 500  # SQLite allows 999 parameters in one statement on older builds
# Every change row is written with every column: a batch insert would otherwise write NULL for a missing one.
_CHANGE_DEFAULTS = {"tbl": "", "row_id": "", "item": "", "field": "", "old_value": "", "new_value": "",
                    "register_value": "", "apply_value": None, "sent_version": None, "register_version": None,
                    "flag": "", "detail": "", "outcome": PENDING}


@contextlib.contextmanager
def acting_as(reg: Register, who: str) -> Iterator[Register]:
    """Audit rows written inside name `who` (an owner and their file) instead of the person at the keyboard."""
    before, reg.who = reg.who, who
    try:
        yield reg
    finally:
        reg.who = before


def _stamped(rows: Iterable[dict]) -> list[dict]:
    return [{"id": new_id(), **row, "version": 1} for row in rows]


def record_round(reg: Register, round_row: dict, sendings: list[tuple[dict, list[dict]]]) -> str:
    """Store a round, each owner's sending and the rows it carried; returns the round id."""
    with reg.transaction():
        (stored,) = _stamped([round_row])
        reg.db.table("update_rounds").insert(stored)
        for sending, items in sendings:
            (row,) = _stamped([{**sending, "round_id": stored["id"]}])
            reg.db.table("round_owners").insert(row)
            reg.db.table("round_items").insert_all(_stamped({**item, "round_owner_id": row["id"]} for item in items),
                                             batch_size=_CHUNK)
    return stored["id"]


def sending(reg: Register, sending_id: str) -> dict | None:
    rows = reg.query("SELECT s.*, r.sent_at, r.return_by FROM round_owners s JOIN update_rounds r "
                     "ON r.id = s.round_id WHERE s.id = ?", [sending_id])
    return rows[0] if rows else None


def sent_items(reg: Register, sending_id: str) -> list[dict]:
    return reg.query("SELECT * FROM round_items WHERE round_owner_id = ? ORDER BY rowid", [sending_id])


@dataclass(frozen=True)
class Current:
    """A row owners update, as it stands now: its version, and its values under the names an owner's
    return uses for them ("score", "expected score", "due", "status", ...), as domain values."""
    version: int
    values: dict


def current_values(reg: Register, table: str, ids: list[str]) -> dict[str, Current]:
    rows = current_rows(reg, table, ids)
    return {row_id: Current(row["version"], _owner_fields(table, row)) for row_id, row in rows.items()}


def _owner_fields(table: str, row: dict) -> dict:
    """The physical columns become the fields owners see: a score is a Rating, a date a date."""
    values = {k: v for k, v in row.items() if not k.endswith(("_likelihood", "_impact"))}
    if table == "risks":  # owners score the risk as it is now: its residual, else its inherent score
        values["score"] = _rating(row["residual_likelihood"] or row["inherent_likelihood"],
                                  row["residual_impact"] or row["inherent_impact"])
    if table == "mitigations":
        values["expected score"] = _rating(row["expected_likelihood"], row["expected_impact"])
    if "due" in values:
        values["due"] = date.fromisoformat(values["due"]) if values["due"] else None
    return values


def _rating(likelihood, impact) -> Rating | None:
    return Rating(likelihood, impact) if likelihood and impact else None


def current_rows(reg: Register, table: str, ids: list[str]) -> dict[str, dict]:
    if table not in UPDATABLE:
        raise ValueError(f"not a table owners update: {table}")
    found = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update({r["id"]: r for r in reg.query(f"SELECT * FROM [{table}] WHERE id IN ({marks})", chunk)})
    return found


def taken_return_with_hash(reg: Register, sha256: str) -> dict | None:
    rows = reg.query("SELECT * FROM returns WHERE file_sha256 = ? AND status = ? ORDER BY received_at LIMIT 1",
                     [sha256, TAKEN])
    return rows[0] if rows else None


def log_return(reg: Register, return_row: dict, changes: list[dict]) -> str:
    """Keep a return and its proposed changes; returns the return's id."""
    with reg.transaction():
        (stored,) = _stamped([{"received_at": now_utc(), "received_by": reg.who, **return_row}])
        reg.db.table("returns").insert(stored)
        reg.db.table("return_changes").insert_all(
            _stamped({**_CHANGE_DEFAULTS, **change, "return_id": stored["id"], "position": n}
                     for n, change in enumerate(changes)),
            batch_size=_CHUNK)
    return stored["id"]


_CHANGES = """
SELECT c.*, t.owner_name, t.file_name, t.received_at, t.round_owner_id
FROM return_changes c JOIN returns t ON t.id = c.return_id
"""


def changes(reg: Register, *, return_id: str | None = None, outcome: str | None = None,
            ids: list[str] | None = None) -> list[dict]:
    where, params = [], []
    if return_id is not None:
        where.append("c.return_id = ?")
        params.append(return_id)
    if outcome is not None:
        where.append("c.outcome = ?")
        params.append(outcome)
    if ids is not None:
        if not ids:
            return []
        where.append(f"c.id IN ({', '.join('?' * len(ids))})")
        params += ids
    sql = _CHANGES + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY t.received_at, t.rowid, c.position"
    return reg.query(sql, params)


def changes_under_review(reg: Register) -> list[dict]:
    """Every change of the returns that still have changes waiting, so a file is reviewed whole."""
    return reg.query(_CHANGES + " WHERE c.return_id IN (SELECT return_id FROM return_changes WHERE outcome = ?)"
                     " ORDER BY t.received_at, t.rowid, c.position", [PENDING])


def set_outcome(reg: Register, change_ids: list[str], outcome: str) -> None:
    """Record what became of changes; each decision bumps the change's version like any other write."""
    at, who = now_utc(), reg.who
    with reg.transaction():
        for start in range(0, len(change_ids), _CHUNK):
            chunk = change_ids[start:start + _CHUNK]
            reg.db.execute(f"UPDATE return_changes SET outcome = ?, decided_at = ?, decided_by = ?, "
                           f"version = version + 1 WHERE id IN ({', '.join('?' * len(chunk))})",
                           [outcome, at, who, *chunk])


def returns_log(reg: Register) -> list[dict]:
    """Every file taken in or refused, newest first, with how many of its changes met each outcome."""
    return reg.query("""
        SELECT t.*,
               COUNT(c.id) AS changes,
               SUM(c.outcome = 'applied') AS applied,
               SUM(c.outcome = 'rejected') AS rejected,
               SUM(c.outcome = 'not taken') AS not_taken,
               SUM(c.outcome = 'pending') AS pending
        FROM returns t LEFT JOIN return_changes c ON c.return_id = t.id
        GROUP BY t.id ORDER BY t.received_at DESC, t.rowid DESC""")


def round_progress(reg: Register) -> list[dict]:
    """Each owner's latest workbook and the first return taken in for it (NULL while outstanding)."""
    return reg.query("""
        WITH latest AS (
            SELECT s.*, r.sent_at, r.return_by,
                   ROW_NUMBER() OVER (PARTITION BY COALESCE(s.owner_id, s.owner_name)
                                      ORDER BY r.sent_at DESC, s.rowid DESC) AS n
            FROM round_owners s JOIN update_rounds r ON r.id = s.round_id)
        SELECT l.id AS sending_id, l.owner_name, l.file_name, l.sent_at, l.return_by, l.risks, l.mitigations,
               l.actions, o.email,
               (SELECT MIN(t.received_at) FROM returns t WHERE t.round_owner_id = l.id AND t.status = 'taken')
                   AS returned_at,
               (SELECT COUNT(*) FROM returns t WHERE t.round_owner_id = l.id AND t.status = 'taken') AS returns
        FROM latest l LEFT JOIN owners o ON o.id = l.owner_id
        WHERE l.n = 1 ORDER BY l.owner_name COLLATE NOCASE""")
