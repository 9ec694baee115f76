"""Reading the audit trail back, newest first, a page at a time, through the audit indexes.

The audit table is read as it stands: every write of the register has put its rows there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .register import Register

PAGE = 200

# Rows belonging to exempt items. TEMPORARY rule, to be replaced by issue 12's domain/exemption.py:
# a risk or action marked exempt, an action serving an exempt risk, and the mitigations, reviews and
# progress notes of those; a deleted item counts as it was when deleted.
_EXEMPT_RISKS = "SELECT id FROM risks WHERE exempt = 1"
# Two arms, not one OR, so each uses an index (actions_exempt, actions_risk) instead of scanning actions.
_EXEMPT_ACTIONS = ("SELECT id FROM actions WHERE exempt = 1 "
                   f"UNION SELECT id FROM actions WHERE risk_id IN ({_EXEMPT_RISKS})")
EXEMPT_ROWS = (f"{_EXEMPT_RISKS} UNION {_EXEMPT_ACTIONS}"
               f" UNION SELECT id FROM mitigations WHERE risk_id IN ({_EXEMPT_RISKS})"
               f" UNION SELECT id FROM reviews WHERE risk_id IN ({_EXEMPT_RISKS})"
               f" UNION SELECT id FROM progress_notes WHERE action_id IN ({_EXEMPT_ACTIONS})"
               " UNION SELECT row_id FROM audit WHERE change = 'delete' AND json_extract(old, '$.exempt') = 1")


@dataclass
class Filter:
    who: str = ""                      # part of the person's name, any case
    since: date | None = None
    until: date | None = None          # inclusive
    row_ids: list[str] = field(default_factory=list)   # only these items (a risk with its mitigations ...)
    tables: list[str] = field(default_factory=list)    # only these kinds
    public_only: bool = False          # leave exempt items out


def page(reg: Register, chosen: Filter, *, offset: int = 0, limit: int = PAGE) -> list[dict]:
    """One page of audit rows matching `chosen`, newest first, with `exempt` (0/1) for each."""
    where, params = _where(chosen)
    if not chosen.who:
        return reg.query(_select(where) + " LIMIT ? OFFSET ?", [*params, limit, offset])
    # A person's own edits (who = name) and the owner returns under their name (who = "name (return ...")
    # are two index ranges, each read newest first and merged: one OR would sort every row of both.
    arms, values = [], []
    for test, extra in (("a.who = ?", [chosen.who]),
                        ("a.who >= ? AND a.who < ?", [f"{chosen.who} (return ", f"{chosen.who} (return \U0010ffff"])):
        # INDEXED BY: without statistics the planner may prefer a kind or date index and sort a year of rows.
        arms.append(f"SELECT * FROM ({_select([test, *where], 'INDEXED BY audit_who_at')} LIMIT ?)")
        values += [*extra, *params, offset + limit]
    return reg.query(" UNION ALL ".join(arms) + " ORDER BY at DESC LIMIT ? OFFSET ?", [*values, limit, offset])


def _select(where: list[str], index: str = "") -> str:
    return (f"SELECT a.*, a.row_id IN ({EXEMPT_ROWS}) AS exempt FROM audit a {index}"
            f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.at DESC, a.rowid DESC")


def _where(chosen: Filter) -> tuple[list[str], list]:
    """The conditions besides the person (page() reads the person's two ranges itself)."""
    where, params = [], []
    if chosen.since:
        where.append("a.at >= ?")
        params.append(chosen.since.isoformat())
    if chosen.until:
        where.append("a.at < ?")
        params.append((chosen.until + timedelta(days=1)).isoformat())
    if chosen.row_ids:
        where.append(f"a.row_id IN ({', '.join('?' for _ in chosen.row_ids)})")
        params += chosen.row_ids
    if chosen.tables:
        where.append(f"a.tbl IN ({', '.join('?' for _ in chosen.tables)})")
        params += chosen.tables
    if chosen.public_only:
        where.append(f"a.row_id NOT IN ({EXEMPT_ROWS})")
    return where, params


def people(reg: Register) -> list[str]:
    """Everyone who has changed the register (distinct, through the who index)."""
    return [row["who"] for row in reg.query("SELECT DISTINCT who FROM audit ORDER BY who")]


def item_rows(reg: Register, ref_or_id: str) -> list[str]:
    """The audit row ids of an item named by reference (R-07, A-3) or id: the item and what hangs off it."""
    found = reg.query("SELECT id, 'risks' AS tbl FROM risks WHERE id = ? OR ref = ? COLLATE NOCASE "
                      "UNION ALL SELECT id, 'actions' FROM actions WHERE id = ? OR ref = ? COLLATE NOCASE "
                      "UNION ALL SELECT id, 'meetings' FROM meetings WHERE id = ?",
                      [ref_or_id, ref_or_id, ref_or_id, ref_or_id, ref_or_id])
    ids = []
    for row in found:
        ids += [row["id"], *children(reg, row["tbl"], row["id"])]
    return ids


def children(reg: Register, tbl: str, row_id: str) -> list[str]:
    if tbl == "risks":
        rows = reg.query("SELECT id FROM mitigations WHERE risk_id = ? UNION ALL SELECT id FROM reviews "
                         "WHERE risk_id = ?", [row_id, row_id])
    elif tbl == "actions":
        rows = reg.query("SELECT id FROM progress_notes WHERE action_id = ?", [row_id])
    else:
        rows = []
    return [r["id"] for r in rows]


def labels(reg: Register, row_ids: set[str]) -> dict[str, dict]:
    """{row id: {tbl, ref, title, parent}} for the items still in the register, read for one page only."""
    if not row_ids:
        return {}
    marks, ids = ", ".join("?" for _ in row_ids), list(row_ids)
    rows = reg.query(
        f"SELECT id, 'risks' AS tbl, ref, title, '' AS parent FROM risks WHERE id IN ({marks}) "
        f"UNION ALL SELECT id, 'actions', ref, title, '' FROM actions WHERE id IN ({marks}) "
        f"UNION ALL SELECT id, 'meetings', '', board || ' ' || substr(held_on, 1, 10), '' FROM meetings "
        f"WHERE id IN ({marks}) "
        "UNION ALL SELECT m.id, 'mitigations', r.ref, m.description, r.title "
        f"FROM mitigations m JOIN risks r ON r.id = m.risk_id WHERE m.id IN ({marks}) "
        "UNION ALL SELECT v.id, 'reviews', r.ref, v.reviewed_on, r.title "
        f"FROM reviews v JOIN risks r ON r.id = v.risk_id WHERE v.id IN ({marks}) "
        "UNION ALL SELECT n.id, 'progress_notes', a.ref, n.text, a.title "
        f"FROM progress_notes n JOIN actions a ON a.id = n.action_id WHERE n.id IN ({marks}) "
        f"UNION ALL SELECT id, 'owners', '', name, '' FROM owners WHERE id IN ({marks}) "
        f"UNION ALL SELECT id, 'organisations', '', name, '' FROM organisations WHERE id IN ({marks}) "
        f"UNION ALL SELECT id, 'priorities', ref, title, '' FROM priorities WHERE id IN ({marks})",
        ids * 9)
    return {row["id"]: row for row in rows}


def names(reg: Register, ids: set[str]) -> dict[str, str]:
    """{id: name} of the owners, organisations, priorities, risks, mitigations and meetings a page links to."""
    if not ids:
        return {}
    marks, values = ", ".join("?" for _ in ids), list(ids)
    rows = reg.query(f"SELECT id, name FROM owners WHERE id IN ({marks}) "
                     f"UNION ALL SELECT id, name FROM organisations WHERE id IN ({marks}) "
                     f"UNION ALL SELECT id, TRIM(ref || ' ' || title) FROM priorities WHERE id IN ({marks}) "
                     f"UNION ALL SELECT id, TRIM(ref || ' ' || title) FROM risks WHERE id IN ({marks}) "
                     f"UNION ALL SELECT id, description FROM mitigations WHERE id IN ({marks}) "
                     f"UNION ALL SELECT id, board || ' ' || substr(held_on, 1, 10) FROM meetings WHERE id IN ({marks})",
                     values * 6)
    return {row["id"]: row["name"] for row in rows}
