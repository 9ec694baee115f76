"""Gathering each owner's part of the register for their workbook, and what was sent, for checking returns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from datetime import date

from ..domain.dates import show
from ..domain.derived import CLOSED_ACTION_STATUSES, is_overdue
from ..domain.exemption import covers, exempt_ids
from ..domain.model import ACTION_STATUSES, Action, Mitigation, Owner, Review, Risk
from ..domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from ..interchange.owner_layout import EXEMPT_KEY, EXEMPT_MARK
from ..interchange.owner_workbook import OwnerWorkbook
from ..store.actions import list_actions
from ..store.risks import list_risks, mitigations_by_risk
from ..store import Register
from .update_indicators import indicator_cells


@dataclass
class OwnerPart:
    """What one owner is asked to update: open risks, mitigations on open risks, unfinished actions."""
    owner: Owner
    risks: list[Risk] = field(default_factory=list)
    mitigations: list[tuple[Mitigation, Risk]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)   # cells of the indicators this owner supplies
    exempt: frozenset[str] = frozenset()   # the register's exempt ids (domain.exemption), to mark rows

    @property
    def empty(self) -> bool:
        return not (self.risks or self.mitigations or self.actions or self.indicators)


def owner_parts(reg: Register, owners: list[Owner]) -> tuple[list[OwnerPart], dict[str, list[Mitigation]]]:
    """Each owner's part, read from the register once however many owners there are."""
    everything, by_risk, actions = list_risks(reg), mitigations_by_risk(reg), list_actions(reg)
    exempt = exempt_ids(everything, actions, (m for ms in by_risk.values() for m in ms))
    parts = {o.id: OwnerPart(o, exempt=exempt) for o in owners}
    risks = {r.id: r for r in everything if r.status == "open"}
    for risk in risks.values():
        if risk.owner_id in parts:
            parts[risk.owner_id].risks.append(risk)
    for risk_id, mitigations in by_risk.items():
        for m in mitigations:
            if m.owner_id in parts and risk_id in risks:
                parts[m.owner_id].mitigations.append((m, risks[risk_id]))
    for action in actions:
        if action.owner_id in parts and action.status not in CLOSED_ACTION_STATUSES:
            parts[action.owner_id].actions.append(action)
    for owner_id, cells in indicator_cells(reg, set(parts)).items():
        parts[owner_id].indicators = cells
    return [parts[o.id] for o in owners], by_risk


def keep_only(part: OwnerPart, which: str) -> OwnerPart:
    """The owner's part with only its public ('public') or only its exempt ('exempt') rows, by the one
    rule of domain/exemption.py (a mitigation of an exempt risk, an action on one, are exempt too)."""
    want = which == "exempt"
    keep = lambda item: covers(part.exempt, item) == want  # noqa: E731
    return OwnerPart(part.owner, risks=[r for r in part.risks if keep(r)],
                     mitigations=[(m, r) for m, r in part.mitigations if keep(m)],
                     actions=[a for a in part.actions if keep(a)],
                     indicators=part.indicators if not want else [], exempt=part.exempt)


def rating_text(scheme: Scheme, rating: Rating | None) -> str:
    if rating is None:
        return ""
    return (f"{scheme.label(LIKELIHOOD, rating.likelihood)} \u00d7 {scheme.label(IMPACT, rating.impact)} "
            f"= {rating.score}")


def workbook_for(part: OwnerPart, scheme: Scheme, meta: dict, by_risk: dict[str, list[Mitigation]],
                 last_reviews: dict[str, Review] | None = None, today: date | None = None) -> OwnerWorkbook:
    """The owner's workbook; marked OFFICIAL-SENSITIVE when it carries any exempt (Part II) item."""
    exempt = any(covers(part.exempt, item) for item in (*part.risks, *part.actions, *(m for m, _r in part.mitigations)))
    meta.setdefault("marking", "OFFICIAL-SENSITIVE" if exempt else "OFFICIAL")
    reviews = last_reviews or {}
    return OwnerWorkbook(meta=meta, likelihood_labels=scheme.likelihood_labels, impact_labels=scheme.impact_labels,
                         statuses=ACTION_STATUSES,
                         risks=[_marked(_risk_cells(r, scheme, by_risk.get(r.id, []), reviews.get(r.id)), r, part)
                                for r in part.risks],
                         mitigations=[_marked(_mitigation_cells(m, r, scheme), m, part) for m, r in part.mitigations],
                         actions=[_marked(_action_cells(a, today or date.today()), a, part) for a in part.actions],
                         indicators=part.indicators)


def _marked(cells: dict, item, part: OwnerPart) -> dict:
    """The row's cells, with its exempt mark by the one rule: an owner must know which of their rows are not
    for publication."""
    return {**cells, EXEMPT_KEY: EXEMPT_MARK if covers(part.exempt, item) else ""}


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
    return {"ref": risk.ref, "title": risk.title,
            "likelihood": _label(scheme, LIKELIHOOD, current.likelihood if current else None),
            "impact": _label(scheme, IMPACT, current.impact if current else None),
            "score": current.score if current else None,
            "band": band.name if band else "",
            "target": f"{target.score} ({target.likelihood}\u00d7{target.impact})" if target else "",
            "mitigations": listed, "last_review": last, "row_id": risk.id, "row_version": risk.version}


def _mitigation_cells(m: Mitigation, risk: Risk, scheme: Scheme) -> dict:
    expected = m.expected
    return {"risk_ref": risk.ref, "risk_title": risk.title, "description": m.description,
            "expected_likelihood": _label(scheme, LIKELIHOOD, expected.likelihood if expected else None),
            "expected_impact": _label(scheme, IMPACT, expected.impact if expected else None),
            "row_id": m.id, "row_version": m.version}


def _action_cells(a: Action, today: date) -> dict:
    return {"ref": a.ref, "title": a.title, "risk_ref": a.risk_ref,
            "due": a.due, "status": a.status, "progress": a.progress, "row_id": a.id, "row_version": a.version,
            "_overdue": is_overdue(a, today)}


def sent_items(book: OwnerWorkbook) -> list[dict]:
    """What the return will be checked against: each row's identity, version and the values shown."""
    items = []
    for tbl, rows in (("risks", book.risks), ("mitigations", book.mitigations), ("actions", book.actions),
                      ("indicators", book.indicators)):
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
