"""Risks, their mitigations and their review history."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..domain.derived import review_before
from ..domain.model import Mitigation, Review, Risk
from ..domain.scoring import Rating
from . import records
from .errors import RegisterError
from .register import Register
from .rows import (mitigation_row, rating_columns, review_row, risk_row, to_mitigation, to_review,
                   to_risk)

_RISKS = """
SELECT r.*, o.name AS owner_name, p.title AS priority_title
FROM risks r LEFT JOIN owners o ON o.id = r.owner_id LEFT JOIN priorities p ON p.id = r.priority_id
"""


def list_risks(reg: Register) -> list[Risk]:
    return [to_risk(row) for row in reg.query(_RISKS + " ORDER BY r.rowid")]


def risks_by_id(reg: Register, ids: list[str], chunk: int = 500) -> list[Risk]:
    """The risks with these ids that are still in the register (any id of another kind is ignored)."""
    found = []
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        found += reg.query(_RISKS + f" WHERE r.id IN ({', '.join('?' for _ in part)}) ORDER BY r.rowid", part)
    return [to_risk(row) for row in found]


def get_risk(reg: Register, risk_id: str) -> Risk:
    rows = reg.query(_RISKS + " WHERE r.id = ?", [risk_id])
    if not rows:
        raise RegisterError("That risk is no longer in the register.")
    return to_risk(rows[0])


def check_fits(reg: Register, risk: Risk) -> None:
    scheme = reg.scheme
    for name in ("inherent", "residual", "target"):
        if not scheme.fits(getattr(risk, name)):
            raise RegisterError(f"The {name} score of risk {risk.ref or risk.title!r} is outside the "
                                f"register's {scheme.size} matrix.")


def add_risk(reg: Register, risk: Risk) -> str:
    check_fits(reg, risk)
    return records.add(reg, "risks", risk, risk_row(risk))


def save_risk(reg: Register, risk: Risk) -> dict:
    check_fits(reg, risk)
    return records.save(reg, "risks", risk, risk_row(risk))


def delete_risk(reg: Register, risk: Risk) -> None:
    records.remove(reg, "risks", risk)


_MITIGATIONS = "SELECT m.*, o.name AS owner_name FROM mitigations m LEFT JOIN owners o ON o.id = m.owner_id"


def mitigations_for(reg: Register, risk_id: str) -> list[Mitigation]:
    rows = reg.query(_MITIGATIONS + " WHERE m.risk_id = ? ORDER BY m.position, m.rowid", [risk_id])
    return [to_mitigation(row) for row in rows]


def get_mitigation(reg: Register, mitigation_id: str) -> Mitigation | None:
    rows = reg.query(_MITIGATIONS + " WHERE m.id = ?", [mitigation_id])
    return to_mitigation(rows[0]) if rows else None


def mitigations_by_risk(reg: Register) -> dict[str, list[Mitigation]]:
    grouped = defaultdict(list)
    for row in reg.query(_MITIGATIONS + " ORDER BY m.risk_id, m.position, m.rowid"):
        grouped[row["risk_id"]].append(to_mitigation(row))
    return dict(grouped)


def add_mitigation(reg: Register, mitigation: Mitigation) -> str:
    return records.add(reg, "mitigations", mitigation, mitigation_row(mitigation))


def save_mitigation(reg: Register, mitigation: Mitigation) -> dict:
    return records.save(reg, "mitigations", mitigation, mitigation_row(mitigation))


def delete_mitigation(reg: Register, mitigation: Mitigation) -> None:
    records.remove(reg, "mitigations", mitigation)


def reviews_for(reg: Register, risk_id: str) -> list[Review]:
    rows = reg.query("SELECT * FROM reviews WHERE risk_id = ? ORDER BY reviewed_on, rowid", [risk_id])
    return [to_review(row) for row in rows]


def reviews_by_risk(reg: Register) -> dict[str, list[Review]]:
    grouped = defaultdict(list)
    for row in reg.query("SELECT * FROM reviews ORDER BY risk_id, reviewed_on, rowid"):
        grouped[row["risk_id"]].append(to_review(row))
    return dict(grouped)


def record_review(reg: Register, risk: Risk, after: Rating | None, *, on: date, reviewer: str,
                  note: str = "", next_review: date | None = None) -> Review:
    """Append a review and set the risk's residual score to `after` (the same score is a valid review).

    Its "before" is the score at the previous review (domain.derived.review_before)."""
    before = review_before(reviews_for(reg, risk.id), on, risk.current)
    review = Review(risk_id=risk.id, reviewed_on=on, reviewer=reviewer, before=before, after=after, note=note)
    risk_check = Risk(title=risk.title, ref=risk.ref, residual=after)
    check_fits(reg, risk_check)
    changes = rating_columns("residual", after)
    if next_review is not None:
        changes["next_review"] = next_review.isoformat()
    with reg.transaction():
        reg.update("risks", risk.id, changes, expected_version=risk.version)
        review.id = reg.insert("reviews", {**review_row(review), "id": review.id})
    review.version = 1
    fresh = get_risk(reg, risk.id)
    risk.residual, risk.next_review, risk.version = fresh.residual, fresh.next_review, fresh.version
    return review
