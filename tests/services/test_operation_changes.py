"""Each operation of the services layer says what it changed, and what it says is what it wrote.

Every operation below runs against a fresh register; the audit rows it leaves are its own record of what
it wrote. The test checks, per operation: the returned Changes names the kind of every row audited (and
its id, where it names ids); every audit row carries the workspace's identity; the write was one
BEGIN IMMEDIATE transaction.
"""
from dataclasses import dataclass, replace
from datetime import date

import pytest

from csp_desktop.domain.model import Action, Indicator, Mitigation, Organisation, Owner, Priority, Risk
from csp_desktop.domain.plan import Objective
from csp_desktop.domain.remap import Remap
from csp_desktop.domain.scoring import Rating, default_5x5, preset
from csp_desktop.services import action_editing, cadence, meetings, partner_editing, plan_editing, plan_year
from csp_desktop.services import risk_editing, scheme_editing
from csp_desktop.services.changes import Changes, Kind
from csp_desktop.services import round_contact
from csp_desktop.services.registers import rename_partnership

ON = date(2026, 11, 27)

# The kind of row each audited table holds; the register's own details are told apart by field.
TABLE_KINDS = {"risks": Kind.RISKS, "mitigations": Kind.MITIGATIONS, "reviews": Kind.REVIEWS,
               "actions": Kind.ACTIONS, "progress_notes": Kind.ACTIONS, "owners": Kind.OWNERS,
               "organisations": Kind.OWNERS, "meetings": Kind.MEETINGS, "pack_snapshots": Kind.MEETINGS,
               "priorities": Kind.PLAN, "priority_leads": Kind.PLAN, "objectives": Kind.PLAN,
               "plan_themes": Kind.PLAN, "indicators": Kind.PLAN, "indicator_values": Kind.PLAN,
               "plan_info": Kind.PLAN, "plan_years": Kind.PLAN}
INFO_KINDS = {"scheme": Kind.SCHEME, "name": Kind.REGISTER, "cadence": Kind.CADENCE, "coordinator": Kind.REGISTER,
              "coordinator_email": Kind.REGISTER}
# Rows that belong to another (a note to its action, a lead agency to its priority): their own ids need not be named.
OWNED_ROWS = {"progress_notes", "priority_leads", "pack_snapshots"}
# The import's own bookkeeping (for File > Undo last import, read when that menu opens): no view shows it.
BOOKKEEPING = {"import_runs", "import_mappings"}


@dataclass
class Written:
    kinds: set
    ids: set
    who: set
    transactions: int


def run(reg, operation) -> tuple[Changes, Written]:
    begun = []
    reg.db.conn.set_trace_callback(lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    last = reg.query("SELECT max(rowid) AS n FROM audit")[0]["n"] or 0
    try:
        result = operation()
    finally:
        reg.db.conn.set_trace_callback(None)
    changes = result if isinstance(result, Changes) else result.changes  # a Done, or a report carrying them
    rows = [r for r in reg.query("SELECT tbl, row_id, field, who FROM audit WHERE rowid > ?", [last])
            if r["tbl"] not in BOOKKEEPING]
    kinds = {INFO_KINDS[r["field"]] if r["tbl"] == "register_info" else TABLE_KINDS[r["tbl"]] for r in rows}
    ids = {r["row_id"] for r in rows if r["tbl"] not in OWNED_ROWS and r["tbl"] != "register_info"}
    return changes, Written(kinds, ids, {r["who"] for r in rows}, len(begun))


def check(reg, operation) -> Changes:
    changes, written = run(reg, operation)
    assert isinstance(changes, Changes)
    assert written.kinds, "the operation wrote nothing to audit"
    assert written.kinds <= changes.kinds, f"wrote {written.kinds - changes.kinds} without saying so"
    if changes.rows_known:
        assert written.ids <= changes.ids, "wrote rows it did not name"
    assert written.who == {reg.who}
    assert written.transactions == 1, f"{written.transactions} transactions"
    return changes


@pytest.fixture
def world(register):
    owner = partner_editing.add_owner(register, Owner("Sgt Jones")).value
    risk = risk_editing.add_risk(register, Risk("Flooding", ref="R-01", owner_id=owner.id,
                                                inherent=Rating(4, 4), residual=Rating(3, 3))).value
    return register, owner, risk


def test_risk_operations_say_what_they_wrote(world):
    reg, owner, risk = world
    check(reg, lambda: risk_editing.add_risk(reg, Risk("Knife crime", ref="R-02")))
    check(reg, lambda: risk_editing.set_risk_fields(reg, risk.id, {"title": "Flood"}, risk.version))
    review = check_done(reg, lambda: risk_editing.record_review(reg, risk.id, Rating(2, 2), on=ON, reviewer="a",
                                                                expected_version=None))
    check(reg, lambda: risk_editing.withdraw_review(reg, review, Rating(3, 3), None))
    check(reg, lambda: risk_editing.reapply_review(reg, review, None))
    mitigation = check_done(reg, lambda: risk_editing.add_mitigation(reg, Mitigation(risk_id=risk.id,
                                                                                     description="Patrols")))
    check(reg, lambda: risk_editing.save_mitigation(reg, mitigation.id, risk.id, {"description": "More"}, None))
    action = action_editing.add_action(reg, Action("Sandbags", risk_id=risk.id)).value
    kept = check_done(reg, lambda: risk_editing.remove_risk_keeping(reg, risk.id, None))
    assert action.id in run(reg, lambda: risk_editing.restore_risk(reg, *kept))[0].ids
    check(reg, lambda: risk_editing.remove_mitigation(reg, mitigation.id, risk.id, None))


def check_done(reg, operation):
    """Check an operation that also returns what it made, and hand that on."""
    kept = []

    def kept_operation():
        kept.append(operation())
        return kept[0]

    check(reg, kept_operation)
    return kept[0].value


def test_action_operations_say_what_they_wrote(world):
    reg, owner, _ = world
    action = check_done(reg, lambda: action_editing.add_action(reg, Action("Sandbags", owner_id=owner.id)))
    other = action_editing.add_action(reg, Action("Leaflets")).value
    check(reg, lambda: action_editing.update_action(reg, action.id, {"title": "More sandbags"}, action.version))
    both = check(reg, lambda: action_editing.update_actions(reg, {a: {"status": "complete", "completed_on": ON}
                                                                  for a in (action.id, other.id)}, {}))
    assert both.ids == {action.id, other.id}
    note = check_done(reg, lambda: action_editing.add_note(reg, action.id, "Delivered", "a"))
    check(reg, lambda: action_editing.remove_note(reg, note, ""))
    check(reg, lambda: action_editing.readd_note(reg, note))
    removed = check_done(reg, lambda: action_editing.delete_action(reg, action.id, None))
    check(reg, lambda: action_editing.restore_action(reg, *removed))


def test_partner_operations_say_what_they_wrote(world):
    reg, owner, risk = world
    org = check_done(reg, lambda: partner_editing.add_organisation(reg, Organisation("Powys")))
    check(reg, lambda: partner_editing.update_owner(reg, owner.id, {"organisation_id": org.id}, None))
    check(reg, lambda: partner_editing.rename_organisation(reg, org.id, "Powys CC", None))
    removed = check_done(reg, lambda: partner_editing.delete_owner(reg, owner.id, None))
    assert risk.id in run(reg, lambda: partner_editing.restore_owner(reg, *removed))[0].ids
    gone = check_done(reg, lambda: partner_editing.delete_organisation(reg, org.id, None))
    check(reg, lambda: partner_editing.restore_organisation(reg, *gone))


def test_meeting_operations_say_what_they_wrote(world):
    reg, _, _ = world
    meeting_id = check_done(reg, lambda: meetings.create_meeting(reg, meetings.new_meeting("Board", "2026-12-01")))
    check(reg, lambda: meetings.edit_meeting(reg, meeting_id, venue="Shirehall"))
    from csp_desktop.services.packs import issue
    check(reg, lambda: issue(reg, meeting_id, ON))
    assert not issue(reg, meeting_id, ON), "issued once: the second time changes nothing"
    check(reg, lambda: meetings.remove_meeting(reg, meeting_id))


def test_plan_operations_say_what_they_wrote(world):
    reg, owner, _ = world
    priority = Priority("Violence", ref="1")
    check(reg, lambda: plan_editing.add_priority(reg, priority, ["West Mercia Police"]))
    check(reg, lambda: plan_editing.set_lead_agencies(reg, priority.id, ["Herefordshire Council"]))
    check(reg, lambda: plan_editing.add_objective(reg, Objective(priority.id, "Fewer assaults", ref="1.1")))
    indicator = Indicator("Assaults", priority_id=priority.id, ref="1.1")
    check(reg, lambda: plan_editing.add_indicator(reg, indicator))
    check(reg, lambda: plan_editing.set_plan_info(reg, start_year=2026, end_year=2029, year_number=1))
    value = check_done(reg, lambda: plan_editing.record_value(reg, indicator.id, "2026/27 Q1", "12"))
    check(reg, lambda: plan_editing.correct_value(reg, value.id, text="13"))
    action = action_editing.add_action(reg, Action("Patrols", priority_id=priority.id)).value
    assert check(reg, lambda: plan_editing.set_fields(reg, "action", action.id, {"owner_id": owner.id})).touches(
        Kind.ACTIONS)
    row = check_done(reg, lambda: plan_editing.remove(reg, "indicator", indicator.id))
    check(reg, lambda: plan_editing.restore(reg, "indicator", row))
    check(reg, lambda: plan_year.retire_priority(reg, priority.id, "Done", ON))
    check(reg, lambda: plan_year.reinstate_priority(reg, priority.id))


def test_settings_operations_say_what_they_wrote(world):
    reg, _, _ = world
    check(reg, lambda: rename_partnership(reg, "Herefordshire CSP"))
    assert not rename_partnership(reg, "Herefordshire CSP").changes, "the same name again changes nothing"
    check(reg, lambda: round_contact.set_contact(reg, "Sam Patel", "sam@csp.example.org"))
    check(reg, lambda: cadence.set_cadence(reg, {"Very high": 1, "High": 2, "Medium": 4, "Low": 12}))
    assert not scheme_editing.apply_scheme(reg, reg.scheme).changes, "the same scheme again changes nothing"
    check(reg, lambda: scheme_editing.apply_scheme(reg, replace(default_5x5(), name="Ours")))
    smaller = preset("3x3")
    remapped = check_done(reg, lambda: scheme_editing.apply_scheme_remapped(
        reg, smaller, Remap.proposed(reg.scheme, smaller), on=ON, reviewer="a"))
    check(reg, lambda: scheme_editing.undo_remap(reg, remapped))
    check(reg, lambda: scheme_editing.redo_remap(reg, remapped, smaller, Remap.proposed(default_5x5(), smaller)))


def test_an_import_says_what_kinds_it_added(world):
    from csp_desktop.services.imports import import_file
    from tests.conftest import FIXTURES
    reg, _, _ = world
    changes, written = run(reg, lambda: import_file(reg, FIXTURES / "shared-registers" / "herefordshire-2012.csv"))
    assert written.kinds <= changes.kinds and written.transactions == 1 and written.who == {reg.who}
    assert not changes.rows_known  # an import adds many rows: views read their kinds again


def test_starting_the_next_plan_year_says_what_it_wrote(world):
    reg, _, _ = world
    plan_editing.set_plan_info(reg, start_year=2026, end_year=2029, year_number=1)
    plan_editing.add_priority(reg, Priority("Violence", ref="1"))
    done = []

    def start_next_year():
        done.append(plan_year.start_next_year(reg, ON, retire={"1": "Met"}, add=[("Exploitation", ["Youth Justice"])]))
        return done[0]

    check(reg, start_next_year)
    assert done[0].changes.touches(Kind.OWNERS)  # a lead agency the register did not have became a partner


def test_several_actions_change_together_or_not_at_all(world):
    from csp_desktop.store.errors import ConflictError
    from tests.conftest import snapshot
    reg, _, _ = world
    first, second = (action_editing.add_action(reg, Action(title)).value for title in ("Sandbags", "Leaflets"))
    action_editing.update_action(reg, second.id, {"title": "Leaflets, reprinted"}, None)  # changed meanwhile
    before = snapshot(reg)
    with pytest.raises(ConflictError):
        action_editing.update_actions(reg, {a.id: {"status": "complete", "completed_on": ON} for a in (first, second)},
                                      {first.id: first.version, second.id: second.version})
    assert snapshot(reg) == before
