"""Gathering each owner's part of the register for their workbook, and what was sent, for checking returns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from datetime import date

from ..domain.dates import show
from ..domain.derived import CLOSED_ACTION_STATUSES, is_overdue
from ..domain.model import ACTION_STATUSES, Action, Mitigation, Owner, Review, Risk
from ..interchange.owner_layout import EXEMPT_FLAG
from ..domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from ..interchange.owner_workbook import OwnerWorkbook
from ..store.actions import list_actions
from ..store.risks import list_risks, mitigations_by_risk
from ..store import Register


@dataclass
class OwnerPart:
    """What one owner is asked to update: open risks, mitigations on open risks, unfinished actions."""
    owner: Owner
    risks: list[Risk] = field(default_factory=list)
    mitigations: list[tuple[Mitigation, Risk]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.risks or self.mitigations or self.actions)


def owner_parts(reg: Register, owners: list[Owner]) -> tuple[list[OwnerPart], dict[str, list[Mitigation]]]:
    """Each owner's part, read from the register once however many owners there are."""
    parts = {o.id: OwnerPart(o) for o in owners}
    risks = {r.id: r for r in list_risks(reg) if r.status == "open"}
    by_risk = mitigations_by_risk(reg)
    for risk in risks.values():
        if risk.owner_id in parts:
            parts[risk.owner_id].risks.append(risk)
    for risk_id, mitigations in by_risk.items():
        for m in mitigations:
            if m.owner_id in parts and risk_id in risks:
                parts[m.owner_id].mitigations.append((m, risks[risk_id]))
    for action in list_actions(reg):
        if action.owner_id in parts and action.status not in CLOSED_ACTION_STATUSES:
            parts[action.owner_id].actions.append(action)
    return [parts[o.id] for o in owners], by_risk


def rating_text(scheme: Scheme, rating: Rating | None) -> str:
    if rating is None:
        return ""
    return (f"{scheme.label(LIKELIHOOD, rating.likelihood)} \u00d7 {scheme.label(IMPACT, rating.impact)} "
            f"= {rating.score}")


def workbook_for(part: OwnerPart, scheme: Scheme, meta: dict, by_risk: dict[str, list[Mitigation]],
                 last_reviews: dict[str, Review] | None = None, today: date | None = None) -> OwnerWorkbook:
    """The owner's workbook; marked OFFICIAL-SENSITIVE when it carries any exempt (Part II) item."""
    exempt = any(r.exempt for r in part.risks) or any(a.exempt for a in part.actions)
    meta.setdefault("marking", "OFFICIAL-SENSITIVE" if exempt else "OFFICIAL")
    reviews = last_reviews or {}
    return OwnerWorkbook(meta=meta, likelihood_labels=scheme.likelihood_labels, impact_labels=scheme.impact_labels,
                         statuses=ACTION_STATUSES,
                         risks=[_risk_cells(r, scheme, by_risk.get(r.id, []), reviews.get(r.id)) for r in part.risks],
                         mitigations=[_mitigation_cells(m, r, scheme) for m, r in part.mitigations],
                         actions=[_action_cells(a, today or date.today()) for a in part.actions])


def _label(scheme: Scheme, axis: str, level: int | None) -> str | None:
    return scheme.label(axis, level) if level else None


def _risk_cells(risk: Risk, scheme: Scheme, mitigations: list[Mitigation], review: Review | None = None) -> dict:
    current = risk.current
    listed = "\n".join(f"\u2022 {m.description}" + (f" ({m.owner_name})" if m.owner_name else "")
                       for m in mitigations)
    band = scheme.band_for(current.score) if current else None
    target = risk.target
    last = ""
    if review is not None:
        last = f"{show(review.reviewed_on)}" + (f", {review.reviewer}" if review.reviewer else "") + \
            (f": {review.note}" if review.note else "")
    return {"ref": risk.ref, "exempt": EXEMPT_FLAG if risk.exempt else "", "title": risk.title,
            "likelihood": _label(scheme, LIKELIHOOD, current and current.likelihood),
            "impact": _label(scheme, IMPACT, current and current.impact), "score": current.score if current else None,
            "band": band.name if band else "",
            "target": f"{target.score} ({target.likelihood}\u00d7{target.impact})" if target else "",
            "mitigations": listed, "last_review": last, "row_id": risk.id, "row_version": risk.version}


def _mitigation_cells(m: Mitigation, risk: Risk, scheme: Scheme) -> dict:
    expected = m.expected
    return {"risk_ref": risk.ref, "risk_title": risk.title, "description": m.description,
            "expected_likelihood": _label(scheme, LIKELIHOOD, expected and expected.likelihood),
            "expected_impact": _label(scheme, IMPACT, expected and expected.impact),
            "row_id": m.id, "row_version": m.version}


def _action_cells(a: Action, today: date) -> dict:
    return {"ref": a.ref, "exempt": EXEMPT_FLAG if a.exempt else "", "title": a.title, "risk_ref": a.risk_ref,
            "due": a.due, "status": a.status, "progress": a.progress, "row_id": a.id, "row_version": a.version,
            "_overdue": is_overdue(a, today)}


def sent_items(book: OwnerWorkbook) -> list[dict]:
    """What the return will be checked against: each row's identity, version and the values shown."""
    items = []
    for tbl, rows in (("risks", book.risks), ("mitigations", book.mitigations), ("actions", book.actions)):
        for row in rows:
            shown = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()
                     if k not in ("row_id", "row_version") and not k.startswith("_")}
            items.append({"tbl": tbl, "row_id": row["row_id"], "row_version": row["row_version"],
                          "label": _item_label(tbl, row), "sent": shown})
    return items


def _item_label(tbl: str, row: dict) -> str:
    if tbl == "mitigations":
        return f"{row['risk_ref']} mitigation: {row['description']}".strip()
    return f"{row['ref']} {row['title']}".strip()


def file_name_for(owner_name: str, stamp: str, folder: Path) -> Path:
    """A file name that says whose workbook it is, safe on Windows, never overwriting an earlier one."""
    safe = re.sub(r"[^\w \-.,()&']+", "_", owner_name).strip(" ._")[:60] or "owner"
    candidate = folder / f"{safe} - update {stamp}.xlsx"
    number = 2
    while candidate.exists():
        candidate = folder / f"{safe} - update {stamp} ({number}).xlsx"
        number += 1
    return candidate
