"""Coming up on the Dashboard: what is due and overdue, each item opening its risk or action, the chase."""
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from csp_desktop.ui.dashboard.coming_up import ComingUpPanel
from csp_desktop.ui.shell.session import Session
from tests.services.cycle_fixture import TODAY, build_cycle_register
from tests.ui.windows import OFFSCREEN_NOISE, messages, qsettings, screenshot, window_on  # noqa: F401
from tests.conftest import known


@pytest.fixture
def cycle(register):
    items = build_cycle_register(register)
    return Session(register), items


def texts(tree):
    found = []

    def walk(item, depth):
        found.append(("  " * depth) + " | ".join(item.text(c) for c in range(tree.columnCount()) if item.text(c)))
        for n in range(item.childCount()):
            walk(item.child(n), depth + 1)
    for n in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(n), 0)
    return found


def test_due_and_overdue_by_organisation_and_owner(qtbot, cycle):
    session, items = cycle
    panel = ComingUpPanel(session, today=lambda: TODAY)
    qtbot.addWidget(panel)
    lines = texts(panel.tree)
    assert lines[0] == "Due by 14/12/2026 (4)"
    assert any("A-2 Secret follow-up  [Part II]" in line for line in lines)
    assert "Overdue (4), by organisation and owner" in lines
    assert "  Cyngor Sir Glanhafren (3)" in lines and "    Siân Prŵs: 3 overdue" in lines
    assert "Partnership Executive Group on 14/12/2026" in panel.heading.text()
    with qtbot.waitSignal(panel.counted) as counted:
        panel.window_combo.setCurrentIndex(1)  # next 7 days
    assert counted.args[0].startswith("Coming up by 04/12/2026: 0 reviews, 2 actions; 4 overdue")


def test_each_item_opens_its_risk_or_action(qtbot, cycle):
    session, items = cycle
    panel = ComingUpPanel(session, today=lambda: TODAY)
    qtbot.addWidget(panel)
    due = known(panel.tree.topLevelItem(0))
    rows = [known(due.child(n)) for n in range(due.childCount())]
    action_row = next(row for row in rows if row.text(0).startswith("A-3"))
    review_row = next(row for row in rows if row.text(0).startswith("R-04"))
    with qtbot.waitSignal(panel.action_chosen) as chosen:
        panel.tree.itemActivated.emit(action_row, 0)
    assert chosen.args == [items["a3"].id]
    with qtbot.waitSignal(panel.risk_chosen) as chosen:
        panel.tree.itemActivated.emit(review_row, 0)
    assert chosen.args == [items["r4"].id]


@OFFSCREEN_NOISE
def test_the_window_opens_on_coming_up_with_the_counts_in_the_status_bar(qtbot, register, qsettings, messages,
                                                                         monkeypatch):
    items = build_cycle_register(register)
    path = register.path
    register.close()
    win = window_on(qtbot, qsettings, path)
    dashboard = win.page("Dashboard")
    assert win.nav.currentRow() == 0 and dashboard.tabs.currentWidget() is dashboard.coming_up
    assert "overdue" in win.due_counts.text()
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=10000)
    screenshot(win, "coming-up")
    opened = []
    monkeypatch.setattr("csp_desktop.ui.actions.actions_view.ActionsView.edit_current", lambda self: opened.append(
        self.current_action().id))
    dashboard.coming_up.action_chosen.emit(items["a3"].id)
    qtbot.waitUntil(lambda: opened == [items["a3"].id], timeout=3000)
    assert win.nav.currentRow() == 2
    dashboard.coming_up.risk_chosen.emit(items["r4"].id)
    assert win.nav.currentRow() == 1 and win.page("Risks").selected_risk().id == items["r4"].id
    win.close()


def test_chase_owners_writes_drafts_and_coming_up_shows_the_chase(qtbot, cycle, tmp_path, monkeypatch, messages):
    from csp_desktop.ui.dashboard import chase_dialog
    session, items = cycle
    panel = ComingUpPanel(session)
    qtbot.addWidget(panel)
    out = tmp_path / "drafts"
    out.mkdir()
    seen = []

    def fake_exec(dialog):
        seen.append([dialog.owner_list.item(n).text() for n in range(dialog.owner_list.count())])
        dialog.folder.setText(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(chase_dialog.ChaseDialog, "exec", fake_exec)
    chase_dialog.chase_owners(panel, session)
    assert any(name.startswith("Siân Prŵs") for name in seen[0])
    assert len(list(out.glob("*.eml"))) == 4  # Siân (public and Part II), Łukasz, Housing Partnership
    assert messages[-1][1].startswith("Wrote 4 email drafts") and "Housing Partnership" in messages[-1][1]
    qtbot.waitUntil(lambda: any("chased on" in line for line in texts(panel.tree)), timeout=5000)  # recounted


def test_the_response_tab_saves_in_one_step_and_the_list_filters_by_it(qtbot, register, monkeypatch):
    from csp_desktop.ui.risks.risks_view import RisksView
    items = build_cycle_register(register)
    session = Session(register)
    view = RisksView(session)
    qtbot.addWidget(view)
    view.data.load_now()
    view.select_risk(items["r1"].id)
    form = view.editor.response
    form.response.setCurrentIndex(form.response.findData("tolerate"))
    form.reason.setPlainText("Nothing more can be done this year")
    assert "needs an acceptance" in form.advice.text()
    form.save.click()
    assert "needs an acceptance" in view.editor.message.text()
    form.accepted_by.setText("Chair, PEG")
    form.accepted_on.setText("01/06/2026")
    form.accepted_until.setText("30/12/2026")
    form.save.click()
    assert view.editor.message.text() == ""
    assert session.undo_stack.count() == 1
    view.data.load_now()
    view.response.setCurrentIndex(view.response.findData("tolerate"))
    assert view.proxy.rowCount() == 1
    view.response.setCurrentIndex(view.response.findData(""))
    assert view.proxy.rowCount() == 4
    session.undo_stack.undo()
    from csp_desktop.store.risks import get_risk
    assert get_risk(register, items["r1"].id).response == ""


def test_the_review_dialog_shows_the_cadence_date_and_a_band_change_is_told(qtbot, register):
    from csp_desktop.domain.scoring import Rating
    from csp_desktop.ui.risks.risk_dialogs import ReviewDialog
    from csp_desktop.ui.risks.risks_view import RisksView
    items = build_cycle_register(register)
    session = Session(register)
    view = RisksView(session)
    qtbot.addWidget(view)
    view.data.load_now()
    view.select_risk(items["r2"].id)  # 2 x 2 = 4: Low
    editor = view.editor
    from csp_desktop.services.risk_editing import cadence_date
    dialog = ReviewDialog(session.scheme, known(editor.risk), "tester", TODAY, view,
                          next_by=lambda rating, on: cadence_date(register, rating, on))
    qtbot.addWidget(dialog)
    assert dialog.next_review.line.placeholderText() == "blank: 27/11/2027, by the band's cadence"
    dialog.grid.set_value(Rating(4, 4))
    dialog.grid.picked.emit(Rating(4, 4))
    assert dialog.next_review.line.placeholderText() == "blank: 27/12/2026, by the band's cadence"
    editor._set_field("residual", Rating(3, 4))  # 12: High
    assert editor.message.text().startswith("R-02 moved from Low to High: its next review is now")
    session.undo_stack.undo()
    from csp_desktop.store.risks import get_risk
    assert get_risk(register, items["r2"].id).next_review == date(2026, 12, 5)


def test_a_recount_due_as_the_register_closes_does_nothing(qtbot, cycle):
    # A restore closes the register while the panel's 0.3 s recount may still be pending.
    session, _items = cycle
    panel = ComingUpPanel(session, today=lambda: TODAY)
    qtbot.addWidget(panel)
    shown = texts(panel.tree)
    session.workspace.close()
    panel.reload()
    assert texts(panel.tree) == shown
