"""The update round screen: review every proposed change, accept or reject per change or per file, apply."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from csp_desktop.services import updates
from csp_desktop.store.actions import get_action
from csp_desktop.store.risks import get_risk
from csp_desktop.domain.scoring import Rating
from csp_desktop.ui.updates.updates_models import ChangesModel, ProgressModel
from csp_desktop.ui.updates.updates_view import ReturnsView
from csp_desktop.ui.updates.send_dialog import SendChoice, SendDialog
from csp_desktop.ui.shell.session import Session
from tests.services.update_helpers import build_round_register, edit_return, register_state

# The offscreen platform says this whenever a window is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-screenshots"


@pytest.fixture
def view(qtbot, register, tmp_path):
    items = build_round_register(register)
    sent = updates.send_round(register, tmp_path / "out", return_by=date(2026, 12, 20))
    book = next(f.path for f in sent.files if f.owner == "Siân Prŵs")
    back = edit_return(book, {("Risks", "R-01", "New likelihood"): "Likely",
                              ("Risks", "R-01", "Commentary"): "Worse since the new bar opened & <busier>",
                              ("Risks", "R-02", "New impact"): "about 3",
                              ("Actions", "A-1", "New status"): "complete",
                              ("Actions", "A-2", "Progress update"): "Quotes in"}, tmp_path / "sian-back.xlsx")
    session = Session(register)
    widget = ReturnsView(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.items, widget.back = items, back  # type: ignore[attr-defined]  # the round's items ride on the view
    return widget


def _row(model, field):
    return next(n for n, c in enumerate(model.rows) if c["field"] == field)


def _select(widget, rows):
    table = widget.review_table
    table.clearSelection()
    for row in rows:
        table.selectionModel().select(widget.review.index(row, 0),
                                      QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_review_accept_reject_and_apply(view, qtbot):
    view.receive_files([view.back])
    view.wait()
    assert "sian-back.xlsx (Siân Prŵs): 5 proposed change(s): 1 not taken, 4 pending." in view.account.toPlainText()
    assert view.tabs.tabText(0) == "Review changes (4 waiting)"
    assert {c["field"] for c in view.review.rows} == {"score", "commentary", "status", "progress"}

    _select(view, [_row(view.review, "score")])
    qtbot.mouseClick(_button(view, "Accept"), Qt.MouseButton.LeftButton)
    assert "Owner's value: Likely \u00d7 Major = 16" in view.detail.toPlainText()
    _select(view, [_row(view.review, "progress")])
    qtbot.mouseClick(_button(view, "Reject"), Qt.MouseButton.LeftButton)
    assert view.review.data(view.review.index(_row(view.review, "progress"), 0)) == "Reject"

    with qtbot.waitSignal(view.session.changed):
        result = view.apply()
    assert (len(result.applied), len(result.rejected)) == (1, 1)
    assert get_risk(view.session.register, view.items["r1"].id).residual == Rating(4, 4)
    assert "Applied 1 change(s) and rejected 1." in view.account.toPlainText()
    assert view.tabs.tabText(0) == "Review changes (2 waiting)"
    (logged,) = view.log.rows
    assert (logged["applied"], logged["rejected"], logged["pending"], logged["not_taken"]) == (1, 1, 2, 1)


def test_accept_file_takes_only_clean_changes_and_reject_file_takes_all(view, qtbot):
    reg = view.session.register
    before = register_state(reg)
    view.receive_files([view.back])
    view.wait()
    assert register_state(reg) == before   # receiving alone writes only the returns log
    _select(view, [0])
    qtbot.mouseClick(_button(view, "Reject whole file"), Qt.MouseButton.LeftButton)
    assert view.review.chosen("reject") and not view.review.chosen("accept")
    qtbot.mouseClick(_button(view, "Accept file's clean changes"), Qt.MouseButton.LeftButton)
    assert len(view.review.chosen("accept")) == 4
    view.apply()
    assert get_action(reg, view.items["a1"].id).status == "complete"


def test_refused_and_duplicate_files_are_explained(view, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    view.receive_files([view.back, junk, view.back])
    view.wait()
    text = view.account.toPlainText().splitlines()
    assert text[1] == "junk.xlsx: refused. junk.xlsx is not a spreadsheet (.xlsx)."
    assert "already received on" in text[2] and "nothing was applied twice" in text[2]
    assert [r["state"][:7] for r in view.log.rows] == ["refused", "taken"]


def test_returns_log_shows_every_change_of_a_return(view, qtbot):
    view.receive_files([view.back])
    view.wait()
    view.tabs.setCurrentIndex(1)
    view.log_table.selectRow(0)
    outcomes = sorted(c["outcome"] for c in view.log_changes.rows)
    assert outcomes == ["not taken", "pending", "pending", "pending", "pending"]
    invalid = next(c for c in view.log_changes.rows if c["flag"] == "invalid")
    assert invalid["new_value"] == "unchanged \u00d7 about 3"


def test_send_from_the_app_and_progress(view, qtbot, tmp_path):
    dialog = SendDialog(["Police & Crime", "Siân Prŵs"], tmp_path / "round2", today=date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.owner_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    choice = dialog.choice()
    assert choice == SendChoice(["Siân Prŵs"], date(2026, 12, 21), tmp_path / "round2")
    view.send(choice)
    view.wait()
    assert len(list((tmp_path / "round2").glob("*.xlsx"))) == 1
    assert "Sent 1 workbook(s)" in view.account.toPlainText()
    states = {r["owner"]: r["state"] for r in view.progress.rows}
    assert states == {"Police & Crime": "outstanding", "Siân Prŵs": "outstanding"}
    assert view.summary.text() == "0 of 2 owners have returned their latest workbook."


def test_models_pass_the_model_tester(view, qtmodeltester):
    view.receive_files([view.back])
    view.wait()
    qtmodeltester.check(view.review)
    qtmodeltester.check(view.progress)
    assert isinstance(view.review, ChangesModel) and isinstance(view.progress, ProgressModel)


def test_screenshot(view, qtbot):
    from csp_desktop.store.actions import save_action
    a2 = get_action(view.session.register, view.items["a2"].id)
    a2.progress = "Coordinator: chased by phone 20/11"   # a conflict to show
    save_action(view.session.register, a2)
    view.receive_files([view.back])
    view.wait()
    _select(view, [_row(view.review, "score")])
    view._decide_selected("accept")
    _select(view, [_row(view.review, "progress")])
    view._decide_selected("reject")
    _select(view, [_row(view.review, "score")])
    view.show()
    qtbot.waitExposed(view)
    SCREENSHOTS.mkdir(exist_ok=True)
    assert view.grab().save(str(SCREENSHOTS / "returns-review.png"))
    view.tabs.setCurrentIndex(1)
    view.log_table.selectRow(0)
    assert view.grab().save(str(SCREENSHOTS / "returns-log.png"))
    view.tabs.setCurrentIndex(2)
    assert view.grab().save(str(SCREENSHOTS / "returns-progress.png"))


def _button(view, text):
    from PySide6.QtWidgets import QPushButton
    return next(b for b in view.findChildren(QPushButton) if b.text() == text)


def test_demo_round_screenshot(qtbot, tmp_path):
    """The demo partnership: every owner sent a workbook, two returns taken in, one with a conflict."""
    from csp_desktop.services.demo import create_demo
    from csp_desktop.store.actions import list_actions, save_action
    reg = create_demo(tmp_path / "demo.cspreg", date(2026, 11, 23))
    try:
        sent = updates.send_round(reg, tmp_path / "out", return_by=date(2026, 12, 18))
        assert len(sent.files) >= 5
        backs = []
        for number, book in enumerate(sorted(f.path for f in sent.files)[:2]):
            edits = {("Risks", 3, "New likelihood"): "Likely", ("Risks", 3, "Commentary"): "Rhagor o ddigwyddiadau; "
                     "więcej patroli & <CCTV> £2k", ("Actions", 3, "New status"): "complete",
                     ("Actions", 4, "Progress update"): "Meeting held with housing",
                         ("Risks", 4, "New impact"): "about 3"}
            backs.append(edit_return(book, edits, tmp_path / f"return-{number}.xlsx"))
        action = next(a for a in list_actions(reg) if a.status == "in progress")
        action.progress = "Coordinator's own note"
        save_action(reg, action)
        widget = ReturnsView(Session(reg))
        qtbot.addWidget(widget)
        widget.resize(1366, 768)
        widget.receive_files(backs)
        widget.wait()
        assert widget.review.waiting() > 0
        widget.review_table.selectRow(0)
        widget.show()
        qtbot.waitExposed(widget)
        SCREENSHOTS.mkdir(exist_ok=True)
        assert widget.grab().save(str(SCREENSHOTS / "returns-demo-review.png"))
        widget.tabs.setCurrentIndex(2)
        assert widget.grab().save(str(SCREENSHOTS / "returns-demo-progress.png"))
    finally:
        reg.close()


def test_sending_runs_off_the_gui_thread_with_a_busy_bar(view, qtbot, tmp_path):
    view.show()
    choice = SendChoice(["Siân Prŵs"], date(2026, 12, 21), tmp_path / "round3")
    view.send(choice)
    # Until the GUI thread hears back, the window stays usable and says it is working.
    assert view.busy_bar.isVisible()
    assert not view.send_button.isEnabled() and not view.receive_button.isEnabled()
    SCREENSHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SCREENSHOTS / "returns-sending.png"))
    view.wait()
    assert not view.busy_bar.isVisible() and view.send_button.isEnabled()
    assert "Sent 1 workbook(s)" in view.account.toPlainText()


def test_sending_shows_a_percentage_per_owner(view, qtbot, tmp_path):
    view.receive_files([view.back])   # something in the review table, as in a real round
    view.wait()
    view.show()
    qtbot.waitExposed(view)
    shown = []   # what the bar showed after each step reached the GUI thread

    def seen(_ticket, done, total):
        shown.append((bar.value(), bar.maximum(), bar.text()))
        if done == 1:   # mid-send, inside the slot: the view as the user sees it between owners
            assert view.cancel_button.isVisible() and not view.send_button.isEnabled()
            SCREENSHOTS.mkdir(exist_ok=True)
            assert view.grab().save(str(SCREENSHOTS / "returns-sending-progress.png"))

    bar = view.busy_bar
    view.worker.progressed.connect(seen)
    view.send(SendChoice(["Police & Crime", "Siân Prŵs"], date(2026, 12, 21), tmp_path / "round4"))
    view.wait()
    assert shown == [(0, 2, "Sent 0 of 2 owners"), (1, 2, "Sent 1 of 2 owners"), (2, 2, "Sent 2 of 2 owners")]
    assert not bar.isVisible()
    assert "Sent 2 workbook(s)" in view.account.toPlainText()


def test_cancel_sends_nothing_and_records_nothing(view, qtbot, tmp_path):
    import threading
    from tests.conftest import snapshot
    before = snapshot(view.session.register)
    gate = threading.Event()
    view.worker.start(gate.wait)   # holds the view's worker, so the send cannot begin before Cancel
    view.show()
    view.send(SendChoice(["Police & Crime", "Siân Prŵs"], date(2026, 12, 21), tmp_path / "round5"))
    assert view.cancel_button.isVisible() and view.cancel_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert not view.cancel_button.isEnabled()
    gate.set()
    view.wait()
    assert "Sending was cancelled" in view.account.toPlainText()
    assert snapshot(view.session.register) == before
    assert not any((tmp_path / "round5").glob("*.xlsx"))
    assert not view.cancel_button.isVisible() and view.send_button.isEnabled()


def test_a_refused_send_is_one_sentence(view, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    view.send(SendChoice(["Siân Prŵs"], date(2026, 12, 21), blocked / "round"))
    view.wait()
    text = view.account.toPlainText()
    assert text and "Traceback" not in text and "Sent" not in text


def test_words_outside_the_yellow_columns_are_named_and_kept(view, qtbot, tmp_path):
    from openpyxl import load_workbook
    wb = load_workbook(view.back)
    wb["Risks"]["Q3"] = "NB: chair wants this escalated"
    wb["Actions"]["F4"] = "Quotes in; CCTV ordered"   # the read-only "Latest progress" of A-2
    wb.save(view.back)
    before = register_state(view.session.register)
    view.receive_files([view.back])
    view.wait()
    said = view.account.toPlainText()
    assert "2 cell(s) written outside the columns taken back are kept with the return but not applied:" in said
    assert "Risks Q3 (R-01 Night-time economy violence): wrote in a column that is not taken back: column Q: " \
           "NB: chair wants this escalated" in said
    assert "changed a column that is not taken back: Latest progress: Quotes in; CCTV ordered" in said
    comments = [c for c in view.review.rows if c["flag"] == "comment"]
    assert {c["outcome"] for c in comments} == {"not taken"}   # shown with the file, never to be accepted
    assert register_state(view.session.register) == before
    SCREENSHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SCREENSHOTS / "updates_comments.png"))
