"""The update round end to end: returns built the way an owner would, by editing a sent workbook."""
from datetime import date

import pytest

from csp_desktop.domain.scoring import Rating
from csp_desktop.services import updates
from csp_desktop.services.changes import Kind
from csp_desktop.store.actions import get_action, notes_for, save_action
from csp_desktop.store.risks import get_risk, reviews_for
from tests.services.update_helpers import build_round_register, edit_return, register_state
from tests.conftest import known

TODAY = date(2026, 11, 23)


@pytest.fixture
def sent(register, tmp_path):
    items = build_round_register(register)
    result = updates.send_round(register, tmp_path / "out", return_by=date(2026, 12, 20))
    items["book"] = next(f.path for f in result.files if f.owner == "Siân Prŵs")
    items["police_book"] = next(f.path for f in result.files if f.owner == "Police & Crime")
    return items


def _audit_by(reg, name):
    return reg.query("SELECT * FROM audit WHERE who LIKE ? ORDER BY rowid", [name + "%"])


def test_clean_update_applies_and_logs_everything(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Risks", "R-01", "New likelihood"): "Likely",
                                      ("Risks", "R-01", "Commentary"): "More incidents since the new bar opened",
                                      ("Actions", "A-1", "New status"): "complete",
                                      ("Actions", "A-2", "Progress update"): "Three quotes in; <b> & £ kept",
                                      ("Actions", "A-2", "Revised due date"): date(2027, 1, 31)},
                       tmp_path / "back.xlsx")
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)

    assert [c["outcome"] for c in receipt.changes] == ["applied"] * 5
    risk = get_risk(register, sent["r1"].id)
    assert risk.residual == Rating(4, 4)
    (review,) = reviews_for(register, risk.id)
    # first review: from the residual the risk had (3x4), so the owner's 4x4 reads as the rise it is
    assert (review.before, review.after, review.reviewer) == (Rating(3, 4), Rating(4, 4), "Siân Prŵs")
    assert review.note == "More incidents since the new bar opened"
    assert get_action(register, sent["a1"].id).status == "complete"
    assert get_action(register, sent["a1"].id).completed_on == TODAY
    a2 = get_action(register, sent["a2"].id)
    assert (a2.due, a2.progress) == (date(2027, 1, 31), "Three quotes in; <b> & £ kept")
    assert notes_for(register, a2.id)[-1].author == "Siân Prŵs"
    audit = _audit_by(register, "Siân Prŵs")
    assert audit and all("back.xlsx" in row["who"] and "tester" in row["who"] for row in audit)
    assert {row["tbl"] for row in audit} == {"risks", "reviews", "actions", "progress_notes"}
    (logged,) = updates.returns_log(register)
    assert (logged["owner_name"], logged["file_name"], logged["applied"], logged["status"]) == \
        ("Siân Prŵs", "back.xlsx", 5, "taken")
    assert [r["state"] for r in updates.progress(register, TODAY)] == ["outstanding", "returned"]


def test_invalid_values_are_kept_in_the_log_but_never_applied(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Risks", "R-02", "New likelihood"): "about 3",
                                      ("Actions", "A-2", "Revised due date"): "12/31/2026",
                                      ("Actions", "A-1", "New status"): "nearly done"}, tmp_path / "back.xlsx")
    before = register_state(register)
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)

    assert register_state(register) == before
    flags = {(c["item"][:4], c["field"]): (c["flag"], c["outcome"], c["new_value"]) for c in receipt.changes}
    assert flags[("R-02", "score")] == ("invalid", "not taken", "about 3 \u00d7 unchanged")
    assert flags[("A-2 ", "due")] == ("invalid", "not taken", "12/31/2026")
    assert flags[("A-1 ", "status")] == ("invalid", "not taken", "nearly done")
    detail = next(c["detail"] for c in receipt.changes if c["field"] == "score")
    assert "'about 3'" in detail and "Rare" in detail
    (logged,) = updates.returns_log(register)
    assert (logged["not_taken"], logged["applied"]) == (3, 0)


def test_conflict_shows_both_values_and_waits_for_the_coordinator(register, sent, tmp_path):
    a2 = get_action(register, sent["a2"].id)
    a2.status = "cancelled"  # the coordinator closes it after the workbook went out
    save_action(register, a2)
    back = edit_return(sent["book"], {("Actions", "A-2", "New status"): "complete",
                                      ("Actions", "A-2", "Progress update"): "Still waiting on quotes",
                                      ("Risks", "R-01", "New impact"): "Catastrophic"}, tmp_path / "back.xlsx")
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)

    by_field = {c["field"]: c for c in receipt.changes}
    status = by_field["status"]
    assert (status["flag"], status["outcome"]) == ("conflict", "pending")
    assert (status["old_value"], status["register_value"], status["new_value"]) == \
        ("in progress", "cancelled", "complete")
    assert by_field["score"]["outcome"] == "applied"  # the risk did not change, so it is clean
    assert get_action(register, a2.id).status == "cancelled"

    result = updates.decide(register, [status["id"]], [by_field["progress"]["id"]], today=TODAY)
    assert result.applied == [status["id"]] and result.rejected == [by_field["progress"]["id"]]
    assert result.changes.kinds == {Kind.ACTIONS, Kind.RETURNS}  # what the views are told
    assert result.changes.ids == {a2.id, status["id"], by_field["progress"]["id"]}
    assert get_action(register, a2.id).status == "complete"
    return_id = known(receipt.return_id)
    outcomes = {c["field"]: c["outcome"] for c in updates.changes_of(register, return_id)}
    assert outcomes == {"status": "applied", "progress": "rejected", "score": "applied"}
    rejected = next(c for c in updates.changes_of(register, return_id) if c["field"] == "progress")
    assert rejected["new_value"] == "Still waiting on quotes" and rejected["decided_by"] == "tester"


def test_conflict_accepted_after_a_further_edit_is_held_back(register, sent, tmp_path):
    a2 = get_action(register, sent["a2"].id)
    a2.progress = "edited in the register"
    save_action(register, a2)
    back = edit_return(sent["book"], {("Actions", "A-2", "New status"): "cancelled"}, tmp_path / "back.xlsx")
    (change,) = updates.receive(register, back, today=TODAY).changes
    a2.progress = "edited again after receiving"
    save_action(register, a2)
    before = register_state(register)

    result = updates.decide(register, [change["id"]], [], today=TODAY)
    assert result.applied == [] and "changed in the register" in result.held[0][1]
    assert register_state(register) == before
    assert updates.pending(register)[0]["id"] == change["id"]


def test_the_same_file_twice_applies_nothing_twice(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Actions", "A-2", "Progress update"): "Done the survey"},
                       tmp_path / "back.xlsx")
    first = updates.receive(register, back, accept_all=True, today=TODAY)
    after_first = register_state(register)
    second = updates.receive(register, back, accept_all=True, today=TODAY)

    assert known(second.duplicate_of)["id"] == first.return_id and not known(second.applied).applied
    assert register_state(register) == after_first
    assert len(notes_for(register, sent["a2"].id)) == 1
    assert len(updates.returns_log(register)) == 1


def test_a_second_receive_with_accept_all_applies_what_was_still_waiting(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Actions", "A-1", "New status"): "in progress"}, tmp_path / "back.xlsx")
    updates.receive(register, back, today=TODAY)
    assert get_action(register, sent["a1"].id).status == "not started"
    again = updates.receive(register, back, accept_all=True, today=TODAY)
    assert again.duplicate_of is not None and len(known(again.applied).applied) == 1
    assert get_action(register, sent["a1"].id).status == "in progress"


def test_dry_run_writes_nothing_at_all(register, sent, tmp_path):
    from tests.conftest import snapshot
    back = edit_return(sent["book"], {("Actions", "A-1", "New status"): "in progress"}, tmp_path / "back.xlsx")
    before = snapshot(register)
    receipt = updates.receive(register, back, dry_run=True, accept_all=True)
    assert receipt.changes[0]["field"] == "status" and receipt.return_id is None
    assert snapshot(register) == before


def test_an_invalid_change_cannot_be_accepted(register, sent, tmp_path):
    back = edit_return(sent["book"], {("Risks", "R-02", "New likelihood"): "about 3"}, tmp_path / "back.xlsx")
    (change,) = updates.receive(register, back, today=TODAY).changes
    # Not pending, so deciding on it does nothing and the register is untouched.
    before = register_state(register)
    result = updates.decide(register, [change["id"]], [], today=TODAY)
    assert result.applied == [] and register_state(register) == before


def test_send_only_to_named_owners_and_unknown_names_are_refused(register, tmp_path):
    build_round_register(register)
    result = updates.send_round(register, tmp_path / "one", owner_names=["police & crime"])
    assert [f.owner for f in result.files] == ["Police & Crime"]
    from csp_desktop.errors import UserError
    with pytest.raises(UserError, match="no owner called 'Nobody'"):
        updates.send_round(register, tmp_path / "two", owner_names=["Nobody"])
    assert not (tmp_path / "two").exists() or not any((tmp_path / "two").iterdir())


def test_progress_export_is_safe_csv(register, sent, tmp_path):
    rows = updates.progress(register, date(2027, 1, 5))
    assert [r["state"] for r in rows] == ["overdue", "overdue"]
    rows[0]["owner"] = "=HYPERLINK(1)"
    out = updates.export_progress(rows, tmp_path / "chase.csv")
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == ",".join(updates.PROGRESS_COLUMNS)
    assert "'=HYPERLINK(1)" in text and "Siân Prŵs" in text


def test_mitigation_revisions_are_applied_with_the_owner_named(register, sent, tmp_path):
    from csp_desktop.store.risks import mitigations_for
    back = edit_return(sent["book"], {("Mitigations", 3, "Revised mitigation"): "Street pastors Fri & Sat",
                                      ("Mitigations", 3, "New expected impact"): "Negligible"},
                       tmp_path / "back.xlsx")
    receipt = updates.receive(register, back, accept_all=True, today=TODAY)
    assert [(c["field"], c["outcome"]) for c in receipt.changes] == [("description", "applied"),
                                                                      ("expected score", "applied")]
    (m1,) = [m for m in mitigations_for(register, sent["r3"].id) if m.id == sent["m1"].id]
    assert (m1.description, m1.expected) == ("Street pastors Fri & Sat", Rating(1, 1))
    assert {a["who"] for a in _audit_by(register, "Siân")} == {"Siân Prŵs (return back.xlsx, taken in by tester)"}


def test_an_item_deleted_from_the_register_after_sending_is_a_conflict_never_applied(register, sent, tmp_path):
    from csp_desktop.store.actions import delete_action
    delete_action(register, get_action(register, sent["a1"].id))
    back = edit_return(sent["book"], {("Actions", "A-1", "New status"): "complete"}, tmp_path / "back.xlsx")
    before = register_state(register)
    (change,) = updates.receive(register, back, accept_all=True, today=TODAY).changes
    assert (change["flag"], change["outcome"], change["register_value"]) == ("conflict", "not taken", "(deleted)")
    assert "deleted from the register after the workbook was sent" in change["detail"]
    assert register_state(register) == before


def test_send_reports_each_owner_and_a_cancel_keeps_nothing(register, tmp_path):
    from tests.conftest import snapshot
    build_round_register(register)
    steps = []
    updates.send_round(register, tmp_path / "all", progress=lambda done, total: steps.append((done, total)))
    assert steps == [(0, 2), (1, 2), (2, 2)]

    before = snapshot(register)

    def cancel_after_first(done, total):
        if done == 1:
            raise updates.SendCancelled()

    with pytest.raises(updates.SendCancelled, match="nothing was recorded"):
        updates.send_round(register, tmp_path / "cancelled", progress=cancel_after_first)
    assert snapshot(register) == before   # no round, no sendings, no items
    assert list((tmp_path / "cancelled").iterdir()) == []   # the workbook written first is removed
