"""A coordinator's whole day in one run of the app, by keyboard and mouse through qtbot; then the
register is checked. Dialogs that would block (exec) are answered by typing into them, as a person would."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit

from csp_desktop.store.actions import list_actions
from csp_desktop.store.risks import list_risks, reviews_for
from csp_desktop.ui.actions.action_editor import ActionEditor
from csp_desktop.ui.meetings.meeting_dialogs import PackOptionsDialog
from csp_desktop.ui.risks.risk_dialogs import ReviewDialog
from csp_desktop.ui.updates.send_dialog import SendDialog
from tests.ui.windows import OFFSCREEN_NOISE, demo_path, messages, qsettings, wait_loaded, window  # noqa: F401

pytestmark = OFFSCREEN_NOISE
HEREFORDSHIRE = Path("/work/shared/registers")
NAME = "Herefordshire Community Safety Partnership"


def on_screen(qtbot, dialog):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_a_coordinators_day(qtbot, window, monkeypatch, tmp_path, messages):
    tables = [HEREFORDSHIRE / f"herefordshire-2012{part}.csv" for part in ("-priorities", "", "-actions")]
    if not all(t.is_file() for t in tables):
        pytest.skip("the Herefordshire tables are not in /work/shared/registers")

    # New register, named.
    path = tmp_path / "hereford.cspreg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))

    def name_it(dialog):
        on_screen(qtbot, dialog)
        qtbot.keyClicks(dialog.findChild(QLineEdit), NAME)
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
        return dialog.result()
    monkeypatch.setattr(QInputDialog, "exec", name_it)
    window.files.new_register()
    reg = window.session.register
    assert reg.path == path and window.windowTitle().startswith(f"{NAME} \u2013 hereford.cspreg")

    # Import the Herefordshire tables: File > Import shows how each file was read, every row checked,
    # then Import takes it in.
    for table in tables:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, t=table, **k: (str(t), ""))
        window.files.import_dialog()
        dialog = window.import_preview
        qtbot.waitUntil(lambda d=dialog: d.preview is not None and d.preview.checked and d.status.isHidden(),
                        timeout=30000)
        assert dialog.import_button.isEnabled(), [str(p) for p in dialog.preview.problems]
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=30000)
        qtbot.waitUntil(lambda: window.session is not None and not window.progress.isVisible(), timeout=30000)
    reg = window.session.register  # the import opened the register afresh
    assert not window.session.read_only, window.banner.text()  # not locked out by our own writer lock
    wait_loaded(qtbot, window)
    imported = list_risks(reg)
    assert len(imported) > 5 and list_actions(reg)

    # Add a risk, score it on the grid by keyboard, and record a review.
    window.nav.setCurrentRow(1)
    risks = window.page("Risks")
    qtbot.mouseClick(risks.new_risk, Qt.MouseButton.LeftButton)
    title = risks.editor.details.title
    qtbot.keyClicks(title, " - county lines into Leominster")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    new_risk = next(r for r in list_risks(reg) if r.title.endswith("county lines into Leominster"))
    risks.editor.tabs.setCurrentIndex(1)
    for name in ("inherent", "residual"):
        grid = risks.editor.grids[name]
        grid.setFocus()
        for key in (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Space):
            qtbot.keyClick(grid, key)
    scored = next(r for r in list_risks(reg) if r.id == new_risk.id)
    assert scored.inherent is not None and scored.residual is not None

    def review(dialog):
        on_screen(qtbot, dialog)
        qtbot.keyClicks(dialog.note, "Checked with the police lead")
        dialog.next_review.setFocus()
        qtbot.keyClicks(dialog.next_review.line, "15/02/27")
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(ReviewDialog, "exec", review)
    qtbot.mouseClick(risks.editor.history.record, Qt.MouseButton.LeftButton)
    (done,) = reviews_for(reg, new_risk.id)
    assert (done.before, done.after, done.note) == (scored.inherent, scored.residual, "Checked with the police lead")

    # Add an action, typing its due date, then mark it complete.
    window.nav.setCurrentRow(2)
    actions = window.page("Actions")

    def new_action(editor):
        on_screen(qtbot, editor)
        qtbot.keyClicks(editor.title_edit, "Brief licensees on county lines")
        editor.has_due.setFocus()
        qtbot.keyClick(editor.has_due, Qt.Key.Key_Space)
        qtbot.keyClick(editor.has_due, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(QApplication.focusWidget(), "31/01/2027")
        qtbot.mouseClick(editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return editor.result()
    monkeypatch.setattr(ActionEditor, "exec", new_action)
    actions.new_action()
    action = next(a for a in list_actions(reg) if a.title == "Brief licensees on county lines")
    assert action.due == date(2027, 1, 31) and action.ref.startswith("A-")
    actions.set_status([action], "complete")
    assert next(a for a in list_actions(reg) if a.id == action.id).status == "complete"

    # Undo and redo.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert next(a for a in list_actions(reg) if a.id == action.id).status != "complete"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert next(a for a in list_actions(reg) if a.id == action.id).status == "complete"

    # Build and view a pack.
    window.nav.setCurrentRow(3)
    meetings = window.page("Meetings")
    monkeypatch.setattr(PackOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(meetings.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: meetings.build is None, timeout=60000)
    assert meetings.pdf.document.pageCount() >= 2

    # Send the owner round.
    window.nav.setCurrentRow(4)
    returns = window.page("Owner updates")
    out = tmp_path / "round"

    def send(dialog):
        on_screen(qtbot, dialog)
        dialog.folder.selectAll()
        qtbot.keyClicks(dialog.folder, str(out))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()
    monkeypatch.setattr(SendDialog, "exec", send)
    returns._ask_send()
    qtbot.waitUntil(lambda: not returns._pending, timeout=60000)
    assert list(out.glob("*.xlsx"))

    # The register at the end of the day.
    assert reg.name == NAME and not [m for m in messages if m[0] in ("Pack", "Error")]
    final = list_actions(reg)
    assert all(a.ref for a in final)
    assert {r.ref for r in list_risks(reg)} >= {r.ref for r in imported} | {new_risk.ref}
    issues = reg.query("PRAGMA foreign_key_check")
    assert issues == []
