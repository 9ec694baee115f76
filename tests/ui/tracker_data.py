"""A small register for the action tracker, settings and partners tests (made with the store itself)."""
from datetime import date, datetime, timedelta

from csp_desktop.domain.model import Action, Meeting, Organisation, Owner, Priority, ProgressNote, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.store import actions, meetings, partners, risks

TODAY = date(2026, 11, 23)


def fill(reg) -> dict:
    """Owners, risks, a priority, a meeting and actions: overdue, due soon, later, closed, hostile text."""
    police = Organisation("West Mercia Police")
    council = Organisation("Cyngor Sir Powys")
    for org in (police, council):
        partners.add_organisation(reg, org)
    jones = Owner("Sgt Ffion Jones", organisation_id=police.id, email="ffion.jones@example.org")
    nowak = Owner("Zbigniew Nowak", organisation_id=council.id)
    hpeg = Owner("HPEG", kind="body")
    for owner in (jones, nowak, hpeg):
        partners.add_owner(reg, owner)
    priority = Priority("Reduce anti-social behaviour", ref="2", lead_agency="Police")
    partners.add_priority(reg, priority)
    meeting = Meeting("Partnership Executive Group", datetime(2026, 9, 14, 10, 0))
    meetings.add_meeting(reg, meeting)
    risk_a = Risk("Loss of CCTV coverage in the town centre", ref="R-02", owner_id=jones.id,
                  inherent=Rating(4, 4), residual=Rating(3, 3))
    risk_b = Risk("Funding for youth diversion ends", ref="R-10", owner_id=hpeg.id,
                  inherent=Rating(5, 5), residual=Rating(5, 4))
    for risk in (risk_a, risk_b):
        risks.add_risk(reg, risk)
    day = lambda n: TODAY + timedelta(days=n)  # noqa: E731
    made = [
        Action("Repair camera 14 on Broad Street", ref="A-1", owner_id=jones.id, due=day(-10), risk_id=risk_a.id,
               status="in progress"),
        Action("Write to the PCC about diversion funding", ref="A-2", owner_id=hpeg.id, due=day(12),
               risk_id=risk_b.id),
        Action("Adolygu'r cynllun diogelwch cymunedol (ŵyl)", ref="A-10", owner_id=nowak.id, due=day(90),
               priority_id=priority.id),
        Action("Report <b>hate crime</b> figures & trends", ref="A-3", owner_id=nowak.id, due=day(-40),
               status="complete", completed_on=day(-41), meeting_id=meeting.id),
        Action("مراجعة خطة السلامة", ref="A-4", due=day(30), meeting_id=meeting.id),
        Action("Zespół ds. bezpieczeństwa 🚓 follow-up", ref="A-5", owner_id=nowak.id, due=None,
               status="cancelled"),
    ]
    for action in made:
        actions.add_action(reg, action)
    actions.add_note(reg, ProgressNote(made[0].id, "Contractor booked", author="ffion",
                                       at=datetime(2026, 11, 2, 9, 30)))
    return {"owners": {"jones": jones, "nowak": nowak, "hpeg": hpeg}, "orgs": {"police": police, "council": council},
            "risks": [risk_a, risk_b], "actions": made, "priority": priority, "meeting": meeting}
