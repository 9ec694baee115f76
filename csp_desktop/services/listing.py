"""The register as flat rows for listings: the command line's tables and the exports share them."""
from __future__ import annotations

from datetime import date

from ..domain.dates import to_iso
from ..domain.derived import is_overdue, rag_of
from ..domain.exemption import exempt_ids
from ..domain.model import Action, Risk
from ..domain.ordering import natural_key
from ..domain.scoring import Rating, Scheme
from ..store import Register
from ..store.actions import list_actions
from ..store.risks import list_risks, mitigations_by_risk

RISK_COLUMNS = ("ref", "title", "owner", "inherent_likelihood", "inherent_impact", "inherent_score",
                "residual_likelihood", "residual_impact", "residual_score", "band", "exempt", "status", "version")
ACTION_COLUMNS = ("ref", "title", "owner", "due", "status", "rag", "rag_note", "progress", "priority", "risk", "exempt",
                  "version")


def by_current_score(risks: list[Risk]) -> list[Risk]:
    """Highest residual score first (inherent where no residual is known), then by ref."""
    def key(risk: Risk):
        current = risk.current
        return (-(current.score if current else 0), natural_key(risk.ref), risk.title.lower())
    return sorted(risks, key=key)


def _pair(prefix: str, rating: Rating | None) -> dict:
    return {f"{prefix}_likelihood": rating.likelihood if rating else None,
            f"{prefix}_impact": rating.impact if rating else None,
            f"{prefix}_score": rating.score if rating else None}


def risk_listing_row(risk: Risk, scheme: Scheme) -> dict:
    band = scheme.band_for(risk.current.score if risk.current else None)
    return {"ref": risk.ref, "title": risk.title, "owner": risk.owner_name or None,
            **_pair("inherent", risk.inherent), **_pair("residual", risk.residual),
            "band": band.name if band else None, "exempt": risk.exempt, "status": risk.status,
            "version": risk.version}


def risk_rows(reg: Register) -> list[dict]:
    scheme = reg.scheme
    return [risk_listing_row(r, scheme) for r in by_current_score(list_risks(reg))]


def action_listing_row(action: Action, today: date, exempt: frozenset[str] = frozenset()) -> dict:
    """`exempt`: the register's exempt ids (domain.exemption), so an action on an exempt risk lists as exempt."""
    shown = rag_of(action, today)
    return {"ref": action.ref, "title": action.title, "owner": action.owner_name or None,
            "due": to_iso(action.due), "status": action.status, "rag": shown.band, "rag_note": shown.note or None,
            "progress": action.progress, "priority": action.priority_title or None,
            "risk": action.risk_ref or None, "exempt": action.exempt or action.id in exempt,
            "version": action.version}


def action_rows(reg: Register, today: date, *, overdue_only: bool = False) -> list[dict]:
    actions = list_actions(reg)
    exempt = exempt_ids(list_risks(reg), actions, (m for ms in mitigations_by_risk(reg).values() for m in ms))
    if overdue_only:
        actions = [a for a in actions if is_overdue(a, today)]
    actions.sort(key=lambda a: (a.due is None, a.due or date.max, a.owner_name.lower()))
    return [action_listing_row(a, today, exempt) for a in actions]
