"""A register with fixed ids, so a workbook sent from it once (and saved by LibreOffice) can be received in tests."""
from __future__ import annotations

from datetime import date

from csp_desktop.domain.model import Action, Mitigation, Owner, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.services import updates
from csp_desktop.store import Register
from csp_desktop.store.actions import add_action
from csp_desktop.store.partners import add_owner
from csp_desktop.store.risks import add_mitigation, add_risk

REGISTER_ID = "3f6c1c1e-0000-4000-8000-00000000f1a1"
ROUND_ID = "3f6c1c1e-0000-4000-8000-00000000f1a2"
OWNER_ID = "3f6c1c1e-0000-4000-8000-00000000f1a3"
R1, R2 = "3f6c1c1e-0000-4000-8000-0000000000a1", "3f6c1c1e-0000-4000-8000-0000000000b2"
M1 = "3f6c1c1e-0000-4000-8000-0000000000c1"
A1, A2 = "3f6c1c1e-0000-4000-8000-0000000000d1", "3f6c1c1e-0000-4000-8000-0000000000d2"
LIBREOFFICE_RETURN = "libreoffice-return.xlsx"


def build_fixed_register(path) -> Register:
    reg = Register.create(path, "Fixture Partnership")
    info = reg.info()
    with reg.transaction():  # the register's identity is what a workbook is matched on
        reg.delete("register_info", info["id"])
        reg.insert("register_info", {**{k: info[k] for k in ("name", "scheme", "created_at")}, "id": REGISTER_ID})
    add_owner(reg, Owner(name="Gwenllïan Wójcik", id=OWNER_ID))
    add_risk(reg, Risk(title="Knife crime in the town centre", ref="R-01", owner_id=OWNER_ID, id=R1,
                       inherent=Rating(4, 5), residual=Rating(3, 4)))
    add_risk(reg, Risk(title="Funding & <staff> gaps", ref="R-02", owner_id=OWNER_ID, id=R2, residual=Rating(2, 2)))
    add_mitigation(reg, Mitigation(risk_id=R1, description="Weapons sweeps", owner_id=OWNER_ID, id=M1))
    add_action(reg, Action(title="Bleed kits in venues", ref="A-1", owner_id=OWNER_ID, id=A1, due=date(2026, 12, 31)))
    add_action(reg, Action(title="Youth outreach", ref="A-2", owner_id=OWNER_ID, id=A2, status="in progress",
                           progress="Two sessions held"))
    return reg


def send_fixed_round(reg, outdir):
    return updates.send_round(reg, outdir, round_id=ROUND_ID)
