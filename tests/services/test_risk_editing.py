"""The risk editing, dashboard and opening services, without Qt."""
import sqlite3
from datetime import date, timedelta

import pytest

from csp_desktop.domain.model import Action, Mitigation, Risk
from csp_desktop.domain.scoring import Rating, default_5x5
from csp_desktop.services import dashboard, opening
from csp_desktop.services import risk_editing as editing
from csp_desktop.services.workspace import Workspace
from csp_desktop.store import NotARegisterError, Register
from csp_desktop.store.actions import add_action
from csp_desktop.store.risks import add_risk, get_risk, record_review
from tests.conftest import known, snapshot

TODAY = date(2026, 11, 23)


@pytest.fixture
def risk(register):
    risk = Risk("Funding ends", ref="R-01", inherent=Rating(4, 4), residual=Rating(3, 3))
    add_risk(register, risk)
    return risk


def test_set_fields_checks_every_value_before_writing(register, risk):
    before = snapshot(register)
    for changes in ({"title": ""}, {"title": "ok", "status": "pending"}, {"next_review": "31/02/2026"},
                    {"residual": (3, 3)}, {"colour": "red"}):
        with pytest.raises(editing.RiskEditError):
            editing.set_risk_fields(register, risk.id, changes, risk.version)
    assert snapshot(register) == before
    stored = editing.set_risk_fields(register, risk.id, {"description": "x" * 10_000, "exempt": True},
                                     risk.version).value
    assert len(stored.description) == 10_000 and stored.exempt


def test_listing_gives_direction_of_travel_and_overdue_actions(register, risk):
    record_review(register, get_risk(register, risk.id), Rating(2, 3), on=TODAY - timedelta(days=90), reviewer="a")
    record_review(register, get_risk(register, risk.id), Rating(4, 3), on=TODAY, reviewer="a")
    add_action(register, Action("Late", due=TODAY - timedelta(days=1)))
    add_action(register, Action("Done late", due=TODAY - timedelta(days=1), status="complete"))
    listing = editing.load_risks(register, TODAY)
    # With no meeting yet, travel is measured from before the first review: its "before" is the residual the
    # risk was added with (3 x 3 = 9; not the inherent 16, which made a risk that got worse read as better),
    # so 4 x 3 = 12 now is up (worse).
    assert listing.travel == {risk.id: "up"}
    assert listing.overdue_actions == 1
    assert editing.load_risks_from(Workspace.adopt(register), TODAY).travel == {risk.id: "up"}


def test_withdrawing_a_review_restores_the_risk(register, risk):
    review = editing.record_review(register, risk.id, Rating(1, 1), on=TODAY, reviewer="a",
                                   next_review=TODAY + timedelta(days=90), expected_version=risk.version).value
    editing.withdraw_review(register, review, Rating(3, 3), None)
    stored = get_risk(register, risk.id)
    assert (stored.residual, stored.next_review, editing.reviews_for(register, risk.id)) == (Rating(3, 3), None, [])


def test_linked_actions_come_directly_or_through_a_mitigation(register, risk):
    mitigation = editing.add_mitigation(register, Mitigation(risk_id=risk.id, description="Patrols")).value
    add_action(register, Action("Direct", risk_id=risk.id, due=TODAY))
    add_action(register, Action("Via mitigation", mitigation_id=mitigation.id))
    add_action(register, Action("Unrelated"))
    assert [a["title"] for a in editing.linked_actions(register, risk.id)] == ["Direct", "Via mitigation"]


def test_mitigation_outside_the_matrix_is_refused(register, risk):
    with pytest.raises(editing.RiskEditError, match="outside the register's 5x5 matrix"):
        editing.add_mitigation(register, Mitigation(risk_id=risk.id, description="x", expected=Rating(6, 1)))


def test_next_ref_follows_the_highest_r_number():
    assert editing.next_ref([Risk("a", ref="R-07"), Risk("b", ref="R-10"), Risk("c", ref="7")]) == "R-11"
    assert editing.next_ref([]) == "R-01"


def test_dashboard_counts_open_risks_only():
    risks = [Risk("a", inherent=Rating(5, 5), residual=Rating(4, 4), next_review=TODAY - timedelta(days=1)),
             Risk("b", inherent=Rating(2, 2)), Risk("c", residual=Rating(1, 1), status="closed"), Risk("d")]
    summary = dashboard.summarise(risks, default_5x5(), TODAY, overdue_actions=3)
    assert summary.open_risks == 3 and summary.unscored == 1
    assert summary.inherent_cells == {(5, 5): 1, (2, 2): 1} and summary.residual_cells == {(4, 4): 1}
    assert summary.band_counts == {"Low": 1, "Medium": 0, "High": 0, "Very high": 1}
    assert [r.title for r in summary.above_appetite] == ["a"] and [r.title for r in summary.top] == ["a", "b"]
    assert [r.title for r in summary.reviews_overdue] == ["a"] and summary.overdue_actions == 3
    from csp_desktop.domain.scoring import words_3x3
    on_3x3 = dashboard.summarise(risks, words_3x3(), TODAY)
    assert on_3x3.outside_matrix == 1 and on_3x3.inherent_cells == {(2, 2): 1} and on_3x3.residual_cells == {}


def test_opening_a_locked_register_gives_read_only_with_the_reason(register):
    other = sqlite3.connect(register.path)
    other.execute("BEGIN IMMEDIATE")
    try:
        opened = opening.open_for_editing(register.path)
        assert opened.register.read_only
        assert opened.read_only_reason == ("Opened read-only: test.cspreg is in use by another program; close it "
                                           "there and try again.")
        opened.register.close()
    finally:
        other.rollback()
        other.close()
    opened = opening.open_for_editing(register.path)
    assert opened.read_only_reason is None and not opened.register.read_only
    opened.register.close()


def test_opening_something_else_is_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(NotARegisterError, match="notes.txt is not a CSP Desktop register"):
        opening.open_for_editing(text)
    plain = tmp_path / "other.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(NotARegisterError, match="other.db is an SQLite database but not a CSP Desktop register"):
        opening.open_for_editing(plain)
    assert not (tmp_path / "missing.cspreg").exists()
    with pytest.raises(Exception, match="There is no register at"):
        opening.open_for_editing(tmp_path / "missing.cspreg")
    assert isinstance(Register, type)


def test_a_new_risk_without_a_review_date_is_due_after_its_bands_cycle(register):
    from csp_desktop.services.cadence import next_review_after
    very_high = editing.add_risk(register, Risk("Knife crime", inherent=Rating(5, 5), residual=Rating(4, 5)),
                                 today=TODAY).value
    assert very_high.next_review == next_review_after(register, Rating(4, 5), TODAY)
    assert TODAY < known(very_high.next_review) <= TODAY + timedelta(days=93)
    unscored = editing.add_risk(register, Risk("Not scored yet"), today=TODAY).value
    given = editing.add_risk(register, Risk("Dated", residual=Rating(1, 1), next_review=date(2027, 6, 1)),
                             today=TODAY).value
    assert given.next_review == date(2027, 6, 1)  # a date the user gave is kept
    assert unscored.next_review == next_review_after(register, None, TODAY)
