"""What falls due by a date: reviews, actions and acceptances, read straight off the date indexes.

Only the rows in the window are read (never the whole register), so "Coming up" stays quick on a
register of tens of thousands of actions.
"""
from __future__ import annotations

from datetime import date

import sqlite3

from .errors import explain
from .register import Register

_OWNER = ("LEFT JOIN owners o ON o.id = {t}.owner_id LEFT JOIN organisations g ON g.id = o.organisation_id")
# Every query below returns plain tuples in this order (not dicts: ten thousand rows come back at once).
COLUMNS = ("id", "ref", "title", "due", "exempt", "owner_id", "owner_name", "owner_email", "organisation",
           "risk_exempt")
_PEOPLE = "o.id, o.name, o.email, g.name"


# Per kind of item: the rows, the date column, the item's own exempt flag, its risk's, and what makes it live.
# The conditions match the partial indexes of db/*_review_cycle.sql word for word, so they are used.
_KINDS = {
    "review": ("risks r", "r", "r.next_review", "0", "r.next_review IS NOT NULL AND r.status = 'open'"),
    "action": ("actions a LEFT JOIN risks k ON k.id = a.risk_id", "a", "a.due", "COALESCE(k.exempt, 0)",
               "a.due IS NOT NULL AND a.status NOT IN ('complete', 'cancelled')"),
    "acceptance": ("risks r", "r", "r.accepted_until", "0",
                   "r.response = 'tolerate' AND r.accepted_until IS NOT NULL AND r.status = 'open'"),
}
KINDS = tuple(_KINDS)


def items(reg: Register, kind: str, *, since: date | None = None, until: date | None = None,
          before: date | None = None, owner_id: str | None = None, limit: int | None = None) -> list[tuple]:
    """Rows (COLUMNS) of one kind due from `since` to `until` (inclusive) or before `before`, soonest first."""
    source, t, due, risk_exempt, live = _KINDS[kind]
    where, params = _window(due, live, since, until, before)
    if owner_id is not None:
        where += f" AND {t}.owner_id IS ?"
        params.append(owner_id or None)
    sql = (f"SELECT {t}.id, {t}.ref, {t}.title, {due}, {t}.exempt, {_PEOPLE}, {risk_exempt} FROM {source} "
           + _OWNER.format(t=t) + f" WHERE {where} ORDER BY {due}" + (" LIMIT ?" if limit else ""))
    return _rows(reg, sql, params + ([limit] if limit else []))


def count(reg: Register, kind: str, *, since: date | None = None, until: date | None = None,
          before: date | None = None) -> int:
    source, t, due, _risk_exempt, live = _KINDS[kind]
    where, params = _window(due, live, since, until, before)
    return _rows(reg, f"SELECT COUNT(*) FROM {source.split(' LEFT JOIN ')[0]} WHERE {where}", params)[0][0]


def owners_with(reg: Register, kind: str, *, before: date) -> dict[str | None, int]:
    """{owner id (None: no owner): how many items of this kind fall due before `before`}."""
    source, t, due, _risk_exempt, live = _KINDS[kind]
    where, params = _window(due, live, None, None, before)
    rows = _rows(reg, f"SELECT {t}.owner_id, COUNT(*) FROM {source.split(' LEFT JOIN ')[0]} WHERE {where} "
                      f"GROUP BY {t}.owner_id", params)
    return dict(rows)


def _window(due: str, live: str, since, until, before) -> tuple[str, list]:
    where, params = live, []
    for test, value in ((">=", since), ("<=", until), ("<", before)):
        if value is not None:
            where += f" AND {due} {test} ?"
            params.append(value.isoformat())
    return where, params


def reviews_due(reg: Register, until: date) -> list[tuple]:
    return items(reg, "review", until=until)


def actions_due(reg: Register, until: date) -> list[tuple]:
    return items(reg, "action", until=until)


def acceptances_lapsing(reg: Register, until: date) -> list[tuple]:
    return items(reg, "acceptance", until=until)


def _rows(reg: Register, sql: str, params: list) -> list[tuple]:
    try:
        return reg.db.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise explain(exc, reg.path) from exc


def next_meeting(reg: Register, today: date) -> dict | None:
    rows = reg.query("SELECT id, board, held_on FROM meetings WHERE held_on >= ? ORDER BY held_on LIMIT 1",
                     [today.isoformat()])
    return rows[0] if rows else None


def owner_names(reg: Register) -> dict[str, tuple[str, str]]:
    """{owner id: (name, organisation)} for every owner."""
    rows = _rows(reg, "SELECT o.id, o.name, COALESCE(g.name, '') FROM owners o "
                      "LEFT JOIN organisations g ON g.id = o.organisation_id", [])
    return {row[0]: (row[1], row[2]) for row in rows}
