"""Counts and small lookups the dashboard and the risk editor need without loading every row."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..domain.model import Review
from .register import Register
from .rows import to_review


def overdue_action_count(reg: Register, today: date) -> int:
    """Actions past their due date that are neither complete nor cancelled (as derived.is_overdue)."""
    rows = reg.query("SELECT COUNT(*) AS n FROM actions WHERE due IS NOT NULL AND due < ? "
                     "AND status NOT IN ('complete', 'cancelled')", [today.isoformat()])
    return rows[0]["n"]


def actions_for_risk(reg: Register, risk_id: str) -> list[dict]:
    """The actions linked to a risk, directly or through one of its mitigations, soonest due first."""
    return reg.query(
        "SELECT a.id, a.ref, a.title, a.due, a.status, o.name AS owner_name FROM actions a "
        "LEFT JOIN owners o ON o.id = a.owner_id "
        "WHERE a.risk_id = ? OR a.mitigation_id IN (SELECT id FROM mitigations WHERE risk_id = ?) "
        "ORDER BY a.due IS NULL, a.due, a.rowid", [risk_id, risk_id])


def last_scored_reviews(reg: Register, risk_ids: list[str] | None = None) -> dict[str, list[Review]]:
    """Each risk's last two reviews that give a residual score: all the direction of travel needs.

    With `risk_ids`, only those risks' (a handful, after an edit)."""
    only, params = "", []
    if risk_ids is not None:
        only, params = f" AND risk_id IN ({', '.join('?' for _ in risk_ids)})", list(risk_ids)
    rows = reg.query(
        "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY risk_id ORDER BY reviewed_on DESC, rowid DESC)"
        f" AS n FROM reviews WHERE after_likelihood IS NOT NULL{only}) WHERE n <= 2 ORDER BY risk_id, n DESC",
        params)
    grouped = defaultdict(list)
    for row in rows:
        grouped[row["risk_id"]].append(to_review(row))
    return dict(grouped)
