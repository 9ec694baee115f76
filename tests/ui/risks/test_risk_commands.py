"""Undo commands for risks, on a bare QUndoStack: each keeps the old value and undoes exactly."""
from datetime import date

import pytest
from PySide6.QtGui import QUndoStack

from csp_desktop.services.changes import Changes, Kind
from csp_desktop.domain.model import Mitigation, Owner, Review, Risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.store import Register
from csp_desktop.store.partners import add_owner
from csp_desktop.store.risks import add_risk, get_risk, mitigations_for, record_review, reviews_for
from csp_desktop.ui.risks import risk_commands as c
from csp_desktop.ui.shell.undoable import failures
from csp_desktop.ui.shell.session import Session
from tests.conftest import snapshot


@pytest.fixture
def session(register, qtbot):
    return Session(register)


@pytest.fixture
def risk(register):
    risk = Risk("Funding ends", ref="R-01", inherent=Rating(4, 4), residual=Rating(3, 3))
    add_risk(register, risk)
    return get_risk(register, risk.id)


def test_set_field_undo_redo_on_a_bare_stack(session, risk, qtbot):
    stack = QUndoStack()
    with qtbot.waitSignal(session.changed) as told:
        stack.push(c.SetRiskField(session, risk, "residual", Rating(2, 3)))
    assert told.args == [Changes.of(Kind.RISKS, ids=[risk.id])]
    assert get_risk(session.register, risk.id).residual == Rating(2, 3)
    stack.undo()
    assert get_risk(session.register, risk.id).residual == Rating(3, 3)
    stack.redo()
    assert get_risk(session.register, risk.id).residual == Rating(2, 3)


def test_compound_edit_is_one_step_with_a_child_per_field(session, risk):
    command = c.EditRisk(session, risk,
                         {"title": "Funding ends in March", "exempt": True, "next_review": date(2027, 1, 5)})
    assert [(f.name, f.old) for f in command.fields] == [("title", "Funding ends"), ("exempt", False),
                                                          ("next_review", None)]
    session.undo_stack.push(command)
    stored = get_risk(session.register, risk.id)
    assert (stored.title, stored.exempt, stored.next_review) == ("Funding ends in March", True, date(2027, 1, 5))
    session.undo_stack.undo()
    stored = get_risk(session.register, risk.id)
    assert (stored.title, stored.exempt, stored.next_review) == ("Funding ends", False, None)


def test_a_refused_edit_is_not_pushed_and_writes_nothing(session, risk):
    before = snapshot(session.register)
    for name, value in (("title", "   "), ("residual", Rating(6, 1)), ("status", "maybe"), ("ref", "x" * 501)):
        error = c.push(session, c.SetRiskField(session, risk, name, value))
        assert error and error.endswith(".") and "\n" not in error, (name, error)
    assert session.undo_stack.count() == 0
    assert snapshot(session.register) == before


def test_read_only_register_refuses_edits_in_one_sentence(tmp_path, qtbot):
    path = tmp_path / "ro.cspreg"
    with Register.create(path, "RO") as reg:
        risk = Risk("A risk", ref="R-1")
        add_risk(reg, risk)
    reg = Register.open(path, read_only=True)
    session = Session(reg)
    error = c.push(session, c.SetRiskField(session, get_risk(reg, risk.id), "title", "Changed"))
    assert error == "ro.cspreg is open read-only, so nothing was changed."
    reg.close()


def test_review_undo_removes_it_and_restores_the_score_redo_brings_the_same_review_back(session, risk):
    command = c.RecordReview(session, risk, Rating(2, 2), on=date(2026, 11, 20), reviewer="Ffion",
                             note="Better", next_review=date(2027, 2, 1))
    session.undo_stack.push(command)
    history = reviews_for(session.register, risk.id)
    assert [(r.before, r.after, r.note) for r in history] == [(Rating(3, 3), Rating(2, 2), "Better")]
    session.undo_stack.undo()
    assert reviews_for(session.register, risk.id) == []
    stored = get_risk(session.register, risk.id)
    assert (stored.residual, stored.next_review) == (Rating(3, 3), None)
    session.undo_stack.redo()
    again = reviews_for(session.register, risk.id)
    assert [r.id for r in again] == [history[0].id]
    stored = get_risk(session.register, risk.id)
    assert (stored.residual, stored.next_review) == (Rating(2, 2), date(2027, 2, 1))


def test_an_unchanged_score_is_a_valid_review(session, risk):
    session.undo_stack.push(c.RecordReview(session, risk, risk.residual, on=date(2026, 11, 20), reviewer="Ffion"))
    risk = get_risk(session.register, risk.id)
    session.undo_stack.push(c.RecordReview(session, risk, risk.residual, on=date(2026, 11, 27), reviewer="Ffion"))
    first, again = reviews_for(session.register, risk.id)
    assert (first.before, first.after) == (Rating(3, 3), Rating(3, 3))  # the residual it had: no change
    assert again.before == again.after == Rating(3, 3)


def test_mitigation_add_edit_remove_and_undo(session, risk):
    owner = Owner("Ffion Jones")
    add_owner(session.register, owner)
    mitigation = Mitigation(risk_id=risk.id, description="Joint protocol", owner_id=owner.id, expected=Rating(2, 3))
    stack = session.undo_stack
    stack.push(c.AddMitigation(session, mitigation))
    [stored] = mitigations_for(session.register, risk.id)
    assert (stored.owner_name, stored.expected) == ("Ffion Jones", Rating(2, 3))
    stack.push(c.EditMitigation(session, stored, {"description": "Joint protocol, signed", "expected": None}))
    assert mitigations_for(session.register, risk.id)[0].expected is None
    stack.push(c.RemoveMitigation(session, mitigations_for(session.register, risk.id)[0]))
    assert mitigations_for(session.register, risk.id) == []
    stack.undo()
    assert mitigations_for(session.register, risk.id)[0].description == "Joint protocol, signed"
    stack.undo()
    assert mitigations_for(session.register, risk.id)[0].description == "Joint protocol"
    stack.undo()
    assert mitigations_for(session.register, risk.id) == []


def test_deleting_a_risk_undoes_with_its_mitigations_and_reviews(session, risk):
    reg = session.register
    c.push(session, c.AddMitigation(session, Mitigation(risk_id=risk.id, description="Patrols")))
    record_review(reg, get_risk(reg, risk.id), Rating(2, 2), on=date(2026, 10, 1), reviewer="Ffion")
    before = snapshot(reg)["risks"], snapshot(reg)["mitigations"], snapshot(reg)["reviews"]
    session.undo_stack.push(c.RemoveRisk(session, get_risk(reg, risk.id)))
    assert reg.query("SELECT COUNT(*) AS n FROM risks")[0]["n"] == 0
    session.undo_stack.undo()
    after = snapshot(reg)["risks"], snapshot(reg)["mitigations"], snapshot(reg)["reviews"]
    assert [len(x) for x in after] == [1, 1, 1]
    assert get_risk(reg, risk.id).residual == Rating(2, 2)
    assert [len(x) for x in before] == [1, 1, 1]


def test_undo_refused_by_the_register_is_reported_not_raised(session, risk, qtbot):
    session.undo_stack.push(c.SetRiskField(session, risk, "title", "New title"))
    session.register.query("SELECT 1")  # the row is deleted behind the app's back:
    with session.register.transaction():
        session.register.delete("risks", risk.id)
    with qtbot.waitSignal(failures.failed) as told:
        session.undo_stack.undo()
    assert "no longer in the register" in told.args[0]


def test_add_risk_then_undo_and_redo(session):
    risk = Risk("New risk", ref="R-02")
    session.undo_stack.push(c.AddRisk(session, risk))
    assert get_risk(session.register, risk.id).ref == "R-02"
    session.undo_stack.undo()
    assert session.register.query("SELECT COUNT(*) AS n FROM risks")[0]["n"] == 0
    session.undo_stack.redo()
    assert get_risk(session.register, risk.id).title == "New risk"
    assert isinstance(Review, type)


def test_deleting_a_risk_unlinks_its_actions_and_undo_relinks_them_with_audit_rows(session, risk):
    from csp_desktop.domain.model import Action
    from csp_desktop.store.actions import add_action, get_action
    mitigation = Mitigation(risk_id=risk.id, description="Bid for funds")
    assert c.push(session, c.AddMitigation(session, mitigation)) is None
    linked = Action("Write the bid", ref="A-001", risk_id=risk.id, mitigation_id=mitigation.id)
    other = Action("Unrelated", ref="A-002")
    for action in (linked, other):
        add_action(session.register, action)
    assert c.push(session, c.RemoveRisk(session, get_risk(session.register, risk.id))) is None
    assert (get_action(session.register, linked.id).risk_id, get_action(session.register, linked.id).mitigation_id) \
        == (None, None)
    session.undo_stack.undo()
    back = get_action(session.register, linked.id)
    assert (back.risk_id, back.mitigation_id) == (risk.id, mitigation.id)
    audit = session.register.query("SELECT field, old, new FROM audit WHERE tbl = 'actions' AND row_id = ? "
                                   "AND change = 'update' ORDER BY rowid", [linked.id])
    assert [(a["field"], a["new"]) for a in audit] == [("risk_id", None), ("mitigation_id", None),
                                                      ("risk_id", risk.id), ("mitigation_id", mitigation.id)]
    session.undo_stack.redo()
    assert get_action(session.register, linked.id).risk_id is None
    assert get_action(session.register, other.id).risk_id is None
