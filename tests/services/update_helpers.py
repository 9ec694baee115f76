"""Building a small register with owners, and editing a sent workbook the way an owner would (openpyxl)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from csp_desktop.domain.model import Action, Mitigation, Owner, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.interchange.owner_layout import FIRST_DATA_ROW, HEADER_ROW
from csp_desktop.store.actions import add_action
from csp_desktop.store.partners import add_owner
from csp_desktop.store.returns import LOG_TABLES
from csp_desktop.store.risks import add_mitigation, add_risk


def build_round_register(reg) -> dict:
    """Two owners (one Welsh-named), three risks, mitigations and actions; returns the objects by name."""
    siân = Owner(name="Siân Prŵs", email="sian@example.org")
    police = Owner(name="Police & Crime", kind="body")
    for owner in (siân, police):
        add_owner(reg, owner)
    r1 = Risk(title="Night-time economy violence", ref="R-01", owner_id=siân.id,
              inherent=Rating(4, 4), residual=Rating(3, 4))
    r2 = Risk(title="Funding <ends> & £ cuts", ref="R-02", owner_id=siân.id, inherent=Rating(3, 3))
    r3 = Risk(title="Police risk", ref="R-03", owner_id=police.id, residual=Rating(2, 2))
    for risk in (r1, r2, r3):
        add_risk(reg, risk)
    m1 = Mitigation(risk_id=r3.id, description="=Street pastors on Fridays", owner_id=siân.id,
                    expected=Rating(1, 2))
    m2 = Mitigation(risk_id=r1.id, description="Taxi marshals", owner_id=police.id)
    for m in (m1, m2):
        add_mitigation(reg, m)
    a1 = Action(title="Train door staff", ref="A-1", owner_id=siân.id, due=date(2026, 12, 31), risk_id=r1.id)
    a2 = Action(title="Review CCTV", ref="A-2", owner_id=siân.id, due=date(2026, 10, 1), status="in progress",
                progress="Quotes requested")
    a3 = Action(title="Police action", ref="A-3", owner_id=police.id)
    for action in (a1, a2, a3):
        add_action(reg, action)
    return {"sian": siân, "police": police, "r1": r1, "r2": r2, "r3": r3, "m1": m1, "m2": m2,
            "a1": a1, "a2": a2, "a3": a3}


def edit_return(path: Path, edits: dict, out: Path | None = None) -> Path:
    """Fill cells as an owner would: edits = {(sheet, ref or row number, heading): value}."""
    wb = load_workbook(path)
    for (sheet, which, heading), value in edits.items():
        ws = wb[sheet]
        column = [c.value for c in ws[HEADER_ROW]].index(heading) + 1
        row = which if isinstance(which, int) else _row_of(ws, which)
        ws.cell(row=row, column=column).value = value
    out = out or path
    wb.save(out)
    return out


def _row_of(ws, ref: str) -> int:
    for number in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(number, 1).value == ref:
            return number
    raise KeyError(ref)


def register_state(reg) -> dict:
    """Every table except the returns log: what must not change unless a change was accepted."""
    from tests.conftest import snapshot
    return {t: rows for t, rows in snapshot(reg).items() if t not in LOG_TABLES}
