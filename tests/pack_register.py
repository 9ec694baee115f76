"""A small register with everything a pack must handle: bands, reviews, an exempt risk and action,
a closed risk, overdue actions, matters arising, markup characters and non-Latin text."""
from __future__ import annotations

from datetime import date, datetime

from csp_desktop.domain.model import Action, Meeting, Mitigation, Owner, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.store.actions import add_action
from csp_desktop.store.meetings import add_meeting
from csp_desktop.store.partners import add_owner
from csp_desktop.store.risks import add_mitigation, add_risk, record_review

TODAY = date(2026, 11, 23)
EXEMPT_REF, EXEMPT_TITLE = "R-99", "Covert operation Kestrel funding gap"
EXEMPT_ACTION = "Brief the chair on Operation Kestrel"
MARKUP_TITLE = "Night-time economy <b>bold</b> & a lone < sign"
NON_LATIN = "Cyngor Gwynedd: dŵr, tŷ; Łódź żółć; £1,500 \u2013 \u201cquoted\u201d"


def fill(reg) -> dict:
    """Add the test data; returns ids by name."""
    police = Owner("Ch Insp Ffion Llŷr", kind="person")
    council = Owner("All partners", kind="body")
    add_owner(reg, police)
    add_owner(reg, council)
    last = Meeting("Partnership Executive Group", datetime(2026, 9, 1, 10, 0), venue="Town Hall")
    this = Meeting("Partnership Executive Group", datetime(2026, 12, 1, 14, 30), venue="Council Chamber, Pwllheli",
                   chair="Cllr Siân Ŵyn", attendees="Police, Probation, Fire & Rescue")
    add_meeting(reg, last)
    add_meeting(reg, this)
    risks = {
        "R-1": Risk("Loss of funding for IDVA service", ref="R-1", owner_id=council.id, description="Grant ends March.",
                    inherent=Rating(5, 5), residual=Rating(4, 4), target=Rating(2, 3), next_review=date(2026, 10, 1)),
        "R-2": Risk(MARKUP_TITLE, ref="R-2", owner_id=police.id, description="<i>not italic</i> & 3 < 4 > 2",
                    inherent=Rating(3, 3), residual=Rating(3, 3)),
        "R-3": Risk(NON_LATIN, ref="R-3", owner_id=police.id,
                    description="Urdu: \u0645\u062d\u0641\u0648\u0638 \u06af\u06be\u0631",
                    inherent=Rating(2, 2), residual=Rating(2, 2)),
        "R-4": Risk("Data sharing agreement lapses", ref="R-4", owner_id=council.id,
                    inherent=Rating(2, 2), residual=Rating(1, 2)),
        "R-5": Risk("Closed risk about CCTV", ref="R-5", status="closed", inherent=Rating(3, 3), residual=Rating(2, 3)),
        EXEMPT_REF: Risk(EXEMPT_TITLE, ref=EXEMPT_REF, owner_id=police.id, exempt=True,
                         description="Named informant at risk",
                         inherent=Rating(5, 3), residual=Rating(5, 3)),  # reviewed up to 5x4
    }
    for risk in risks.values():
        add_risk(reg, risk)
    add_mitigation(reg, Mitigation(risks["R-1"].id, "Bid to PCC fund <2027>", owner_id=council.id,
                                   expected=Rating(3, 3)))
    add_mitigation(reg, Mitigation(risks[EXEMPT_REF].id, "Kestrel contingency reserve", owner_id=police.id))
    record_review(reg, risks["R-2"], Rating(4, 3), on=date(2026, 10, 5), reviewer="Ffion")
    record_review(reg, risks["R-3"], Rating(2, 2), on=date(2026, 10, 6), reviewer="Ffion")
    record_review(reg, risks[EXEMPT_REF], Rating(5, 4), on=date(2026, 10, 7), reviewer="Ffion")
    actions = [
        Action("Write the PCC bid", ref="A-1", owner_id=council.id, due=date(2026, 11, 1), risk_id=risks["R-1"].id,
               meeting_id=last.id, progress="Draft with finance & legal"),
        Action("Refresh ISA with health", ref="A-2", owner_id=council.id, due=date(2027, 2, 1),
               risk_id=risks["R-4"].id),
        Action("Patrol plan <draft>", ref="A-3", owner_id=police.id, due=date(2026, 12, 10), status="in progress",
               meeting_id=last.id),
        Action(EXEMPT_ACTION, ref="A-9", owner_id=police.id, due=date(2026, 11, 2), exempt=True, meeting_id=last.id),
        Action("Kestrel reserve paper", ref="A-8", owner_id=police.id, due=date(2027, 1, 5),
               risk_id=risks[EXEMPT_REF].id),
    ]
    for action in actions:
        add_action(reg, action)
    return {"last": last.id, "this": this.id, **{ref: r.id for ref, r in risks.items()}}


PUBLIC_ORDER = ["R-1", "R-2", "R-3", "R-4"]   # residual 16, 12, 4, 2
