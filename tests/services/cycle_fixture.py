"""A small register for the review cycle: owners with awkward names and emails, due and overdue items."""
from __future__ import annotations

from datetime import date, datetime

from csp_desktop.domain.model import Action, Meeting, Organisation, Owner, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.store.actions import add_action
from csp_desktop.store.meetings import add_meeting
from csp_desktop.store.partners import add_organisation, add_owner
from csp_desktop.store.risks import add_risk

TODAY = date(2026, 11, 27)
SECRET = "Operation Nightjar informant"  # exempt text that must never reach an ordinary draft


def build_cycle_register(reg) -> dict:
    police = Organisation("Dyfed-Powys Police")
    council = Organisation("Cyngor Sir Glanhafren")
    for org in (police, council):
        add_organisation(reg, org)
    people = {"sian": Owner("Siân Prŵs", organisation_id=council.id, email="sian.prws@glanhafren.gov.uk"),
              "lukasz": Owner("Łukasz Żółć", organisation_id=police.id, email='"Żółć, Łukasz" <lukasz.zolc@police.uk>'),
              "nobody": Owner("Housing Partnership", kind="body")}
    for owner in people.values():
        add_owner(reg, owner)
    sian, lukasz, nobody = (people[k].id for k in ("sian", "lukasz", "nobody"))
    risks = {"r1": Risk("Knife crime & <weapons>", ref="R-01", owner_id=sian, residual=Rating(4, 4),
                        next_review=date(2026, 11, 1)),
             "r2": Risk("Funding gaps", ref="R-02", owner_id=sian, residual=Rating(2, 2),
                        next_review=date(2026, 12, 5)),
             "r3": Risk(SECRET, ref="R-03", owner_id=sian, residual=Rating(3, 3), next_review=date(2026, 11, 20),
                        exempt=True),
             "r4": Risk("County lines", ref="R-04", owner_id=lukasz, residual=Rating(3, 4),
                        next_review=date(2026, 12, 10)),
             "r5": Risk("Later", ref="R-05", owner_id=lukasz, next_review=date(2027, 6, 1))}
    for risk in risks.values():
        add_risk(reg, risk)
    actions = {"a1": Action("Bleed kits", ref="A-1", owner_id=sian, due=date(2026, 11, 10)),
               "a2": Action("Secret follow-up", ref="A-2", owner_id=sian,
                            due=date(2026, 12, 1), risk_id=risks["r3"].id),
               "a3": Action("Youth outreach", ref="A-3", owner_id=lukasz, due=date(2026, 12, 3)),
               "a4": Action("Done already", ref="A-4", owner_id=lukasz, due=date(2026, 11, 1), status="complete"),
               "a5": Action("Hostel review", ref="A-5", owner_id=nobody, due=date(2026, 11, 2))}
    for action in actions.values():
        add_action(reg, action)
    meeting = Meeting("Partnership Executive Group", datetime(2026, 12, 14, 10, 0), venue="Neuadd y Sir")
    add_meeting(reg, meeting)
    return {**people, **risks, **actions, "meeting": meeting}
