"""What falls due by a date: reviews, actions and acceptances, read straight off the date indexes.

Only the rows in the window are read (never the whole register), so "Coming up" stays quick on a
register of tens of thousands of actions.
"""
from __future__ import annotations

from datetime import date, datetime

import sqlite3

from .errors import explain
from .register import Register

_OWNER = ("LEFT JOIN owners o ON o.id = {t}.owner_id LEFT JOIN organisations g ON g.id = o.organisation_id")
# Every query below returns plain tuples in this order (not dicts: ten thousand rows come back at once).
COLUMNS = ("id", "ref", "title", "due", "exempt", "owner_id", "owner_name", "owner_email", "organisation",
           "risk_exempt")
_PEOPLE = "o.id, o.name, o.email, g.name"


def reviews_due(reg: Register, until: date) -> list[tuple]:
    return _rows(reg,
        f"SELECT r.id, r.ref, r.title, r.next_review, r.exempt, {_PEOPLE}, 0 FROM risks r " + _OWNER.format(t="r") +
        " WHERE r.next_review IS NOT NULL AND r.next_review <= ? AND r.status = 'open'", [until.isoformat()])


def actions_due(reg: Register, until: date) -> list[tuple]:
    return _rows(reg,
        f"SELECT a.id, a.ref, a.title, a.due, a.exempt, {_PEOPLE}, COALESCE(k.exempt, 0) FROM actions a "
        + _OWNER.format(t="a") + " LEFT JOIN risks k ON k.id = a.risk_id"
        " WHERE a.due IS NOT NULL AND a.due <= ? AND a.status NOT IN ('complete', 'cancelled')",
        [until.isoformat()])


def acceptances_lapsing(reg: Register, until: date) -> list[tuple]:
    return _rows(reg,
        f"SELECT r.id, r.ref, r.title, r.accepted_until, r.exempt, {_PEOPLE}, 0 FROM risks r " + _OWNER.format(t="r") +
        " WHERE r.response = 'tolerate' AND r.accepted_until IS NOT NULL AND r.accepted_until <= ?"
        " AND r.status = 'open'", [until.isoformat()])


def _rows(reg: Register, sql: str, params: list) -> list[tuple]:
    try:
        return reg.db.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise explain(exc, reg.path) from exc


def next_meeting(reg: Register, today: date) -> dict | None:
    rows = reg.query("SELECT id, board, held_on FROM meetings WHERE held_on >= ? ORDER BY held_on LIMIT 1",
                     [today.isoformat()])
    return rows[0] if rows else None


def owner_emails(reg: Register) -> dict[str, dict]:
    """{owner id: {name, email, organisation}} for every owner."""
    rows = reg.query("SELECT o.id, o.name, o.email, g.name AS organisation FROM owners o "
                     "LEFT JOIN organisations g ON g.id = o.organisation_id")
    return {row["id"]: row for row in rows}


def parse_held_on(text: str) -> datetime:
    return datetime.fromisoformat(text)


def exempt_risk_ids(reg: Register) -> set[str]:
    return {row["id"] for row in reg.query("SELECT id FROM risks WHERE exempt = 1")}
