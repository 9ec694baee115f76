"""File > Backups...: the list, what restoring would lose in plain words, and Restore."""
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from csp_desktop.services.changes import Changes
from csp_desktop.domain import backup_policy as policy
from csp_desktop.domain.model import Risk
from csp_desktop.services import backups
from csp_desktop.store import Register
from csp_desktop.store.risks import add_risk, list_risks
from csp_desktop.ui.shell.backups_dialog import BackupsDialog
from tests.ui.windows import (OFFSCREEN_NOISE, SCREEN, demo_path, messages, qsettings, screenshot,  # noqa: F401
                              window)
from tests.conftest import known

pytestmark = OFFSCREEN_NOISE
YESTERDAY = datetime.now() - timedelta(days=1)


def _titles(path):
    with Register.open(path, read_only=True) as reg:
        return {r.title for r in list_risks(reg)}


def _yesterday_then_a_bad_change(window):
    reg = window.session.register
    backups.make_backup(reg, policy.IMPORT, YESTERDAY)
    add_risk(reg, Risk("A change saved by mistake"))
    window.session.notify(Changes.everything())


def test_the_list_says_what_restoring_loses_and_restore_brings_yesterday_back(qtbot, window, messages):
    _yesterday_then_a_bad_change(window)
    dialog = BackupsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.resize(*SCREEN)
    dialog.show()
    qtbot.waitUntil(dialog.checked_all, timeout=10000)
    assert dialog.table.rowCount() == 2  # today's on opening, and yesterday's before an import
    assert dialog.current().made_at.date() == YESTERDAY.date()  # preselected: as it was yesterday
    assert [known(dialog.table.item(r, 3)).text() for r in range(2)] == ["passes", "passes"]
    text = dialog.loss.text()
    assert "back as it was on" in text and "before an import" in text
    assert "The 1 change saved since then will be lost" in text and "kept as a backup first" in text
    assert str(backups.backups_folder(window.session.register.path)) in dialog.findChildren(type(dialog.loss))[0].text()
    screenshot(dialog, "backups-dialog")
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert dialog.chosen is not None and dialog.result() == dialog.DialogCode.Accepted
    path = window.session.register.path
    assert window.files.restore(dialog.chosen)
    assert "A change saved by mistake" not in _titles(path)
    assert window.session is not None and window.session.register.path == path  # open again, writable
    assert not window.session.read_only
    assert messages[-1][0] == "Restore" and "restore that one to undo this" in messages[-1][1]
    assert [b.reason for b in backups.list_backups(path)][:1] == [policy.RESTORE]


def test_the_menu_opens_the_dialog_and_restores_in_three_clicks(qtbot, window, messages, monkeypatch):
    _yesterday_then_a_bad_change(window)
    seen = []

    def click_restore(dialog):  # the user presses Restore on the preselected backup
        qtbot.waitUntil(dialog.checked_all, timeout=10000)
        seen.append(dialog.loss.text())
        dialog.restore.click()
        return dialog.result()

    monkeypatch.setattr(BackupsDialog, "exec", click_restore)
    path = window.session.register.path
    window.files.backups.trigger()
    assert seen and "will be lost" in seen[0]
    assert "A change saved by mistake" not in _titles(path)


def test_a_damaged_backup_cannot_be_restored(qtbot, window):
    reg = window.session.register
    bad = backups.make_backup(reg, policy.IMPORT, YESTERDAY)
    known(bad).write_bytes(b"junk" * 1000)
    dialog = BackupsDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.checked_all, timeout=10000)
    row = next(r for r, b in enumerate(dialog.found) if b.path == bad)
    assert known(dialog.table.item(row, 3)).text().startswith("fails")
    dialog.table.selectRow(row)
    assert not dialog.restore.isEnabled() and "cannot be restored" in dialog.loss.text()


def test_the_settings_are_saved_in_the_register(qtbot, window):
    dialog = BackupsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.keep.setValue(4)
    dialog.max_mb.setValue(100)
    qtbot.mouseClick(dialog.save_settings, Qt.MouseButton.LeftButton)
    assert backups.settings(window.session.register) == (4, 100)


def test_a_damaged_register_offers_its_newest_good_backup(qtbot, window, messages):
    reg = window.session.register
    path = reg.path
    backups.make_backup(reg, policy.IMPORT, YESTERDAY)
    window.close_register()
    path.write_bytes(b"overwritten by something else" * 200)
    assert window.open_register(path)  # the user answers Yes
    assert messages[-1][0] == "Open register" and "newest backup of it that passes" in messages[-1][1]
    assert window.session.register.path == path and _titles(path)
