"""Coming up: due before the next meeting or within N days; overdue grouped by owner and organisation."""
from datetime import date

from csp_desktop.services.coming_up import ACCEPTANCE, ACTION, REVIEW, by_organisation, coming_up
from csp_desktop.services import risk_editing
from csp_desktop.store.review_cycle import log_chase
from tests.services.cycle_fixture import TODAY, build_cycle_register
from tests.conftest import known


def test_due_before_the_next_meeting_and_overdue_by_owner(register):
    build_cycle_register(register)
    found = coming_up(register, TODAY)
    assert found.until == date(2026, 12, 14) and known(found.meeting)["board"] == "Partnership Executive Group"
    assert [(i.kind, i.ref) for i in found.due] == [(ACTION, "A-2"), (ACTION, "A-3"), (REVIEW, "R-02"),
                                                     (REVIEW, "R-04")]
    assert next(i for i in found.due if i.ref == "A-2").exempt  # its risk is exempt
    owners = {g.owner_name: [i.ref for i in g.items] for g in found.overdue}
    assert owners == {"Siân Prŵs": ["R-01", "A-1", "R-03"], "Housing Partnership": ["A-5"]}
    assert list(by_organisation(found.overdue)) == ["Cyngor Sir Glanhafren", "(no organisation)"]
    assert found.counts == {"reviews due": 2, "actions due": 2, "overdue": 4, "acceptances": 0}
    assert "4 overdue" in found.status_text()


def test_a_chosen_number_of_days_and_the_chase_shows(register):
    items = build_cycle_register(register)
    log_chase(register, [{"owner_id": items["sian"].id, "owner_name": "Siân Prŵs", "part": "public",
                          "file_name": "x.eml", "items": 3}])
    found = coming_up(register, TODAY, days=7)
    assert found.until == date(2026, 12, 4) and [i.ref for i in found.due] == ["A-2", "A-3"]
    sian = next(g for g in found.overdue if g.owner_name == "Siân Prŵs")
    assert sian.chased_at is not None


def test_an_acceptance_ending_comes_up(register):
    items = build_cycle_register(register)
    risk_editing.set_risk_fields(register, items["r1"].id, {
        "response": "tolerate", "response_reason": "Nothing more can be done this year",
        "accepted_by": "PEG chair", "accepted_on": date(2026, 6, 1), "accepted_until": date(2026, 12, 1)}, None)
    found = coming_up(register, TODAY)
    assert [(i.kind, i.ref) for i in found.due if i.kind == ACCEPTANCE] == [(ACCEPTANCE, "R-01")]


def test_the_overview_agrees_with_the_full_reading(register):
    from csp_desktop.services.coming_up import due_between, overdue_of, overview
    build_cycle_register(register)
    full, quick = coming_up(register, TODAY), overview(register, TODAY, first=2)
    assert quick.counts == full.counts and quick.due_total == len(full.due)
    assert [i.ref for i in quick.due] == [i.ref for i in full.due[:2]]
    assert [i.ref for i in due_between(register, TODAY, quick.until)] == [i.ref for i in full.due]
    assert {(g.owner_name, g.count) for g in quick.overdue} == {(g.owner_name, len(g.items)) for g in full.overdue}
    for group in full.overdue:
        assert [i.ref for i in overdue_of(register, group.owner_id, TODAY)] == [i.ref for i in group.items]
    assert quick.status_text() == full.status_text()
