"""The main window: views, menus, remembered state, read-only banner, refusals, import off the GUI thread."""
import os
import sqlite3
import stat

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from csp_desktop.store import Register
from csp_desktop.store.risks import list_risks
from csp_desktop.ui.dashboard.dashboard_view import DashboardView
from csp_desktop.ui.risks.risks_view import RisksView
from csp_desktop.ui.shell.main_window import VIEWS, MainWindow
from tests.conftest import FIXTURES
from tests.ui.windows import (OFFSCREEN_NOISE, SCREEN, demo_path, messages, qsettings, view_of,  # noqa: F401
                              screenshot, wait_loaded, window)

pytestmark = OFFSCREEN_NOISE


def open_window(qtbot, settings, path, size=SCREEN) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    if size:
        win.resize(*size)
    win.show()
    if win.open_register(path):
        assert win.data is not None
        qtbot.waitSignal(win.data.loaded, timeout=10000).wait()
    return win


def test_every_view_is_reachable_and_screenshotted(qtbot, window):
    QAbstractItemModelTester(window.page("Risks").proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    for row, title in enumerate(view.title for view in VIEWS):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.page(title)
        assert window.page(title).accessibleName() or window.page(title).findChildren(object)
        screenshot(window, f"{row + 1}-{title.split()[0].lower()}")
    risks = window.page("Risks")
    window.nav.setCurrentRow(1)
    risks.select_risk(risks.model.rows[2].risk.id)
    for n in range(risks.editor.tabs.count()):
        risks.editor.tabs.setCurrentIndex(n)
        screenshot(window, f"2-risks-editor-{n + 1}-{risks.editor.tabs.tabText(n).replace('&', '').lower()}")


def test_dark_palette_screens(qtbot, window):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#f0f0f0"),
                         (QPalette.ColorRole.Button, "#3a3a3a"), (QPalette.ColorRole.ButtonText, "#f0f0f0"),
                         (QPalette.ColorRole.AlternateBase, "#333333"), (QPalette.ColorRole.Highlight, "#2f65ca")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    app.processEvents()
    try:
        for row in (0, 1):
            window.nav.setCurrentRow(row)
            risks = window.page("Risks")
            risks.select_risk(risks.model.rows[0].risk.id)
            risks.editor.tabs.setCurrentIndex(1)
            app.processEvents()
            assert window.palette().color(QPalette.ColorRole.Window).name() == "#2b2b2b"
            screenshot(window, f"dark-{row + 1}-{VIEWS[row].title.lower()}")
    finally:
        app.setPalette(light)


def test_state_is_remembered_between_windows(qtbot, demo_path, qsettings, messages):
    first = open_window(qtbot, qsettings, demo_path)
    first.nav.setCurrentRow(1)
    first.resize(1100, 700)
    first.close()
    saved = qsettings.value("geometry")
    again = open_window(qtbot, QSettings(qsettings.fileName(), QSettings.Format.IniFormat), demo_path, size=None)
    assert again.nav.currentRow() == 0  # a register always opens on the Dashboard's Coming up (issue 16)
    dashboard = view_of(again, "Dashboard", DashboardView)
    assert dashboard.tabs.currentWidget() is dashboard.coming_up
    # The offscreen screen is smaller than the window may be, so Qt fits the size to it: check the restore.
    assert saved is not None and again.geometry_restored
    assert again.files.recent_files() == [str(demo_path.resolve())]
    assert again.settings.value("last_register") == str(demo_path.resolve())
    again.files._fill_recent()
    assert [a.text() for a in again.files.recent.actions()] == [f"&1 {demo_path.resolve()}"]


def test_a_read_only_file_opens_read_only_with_a_banner(qtbot, demo_path, qsettings, messages, monkeypatch):
    os.chmod(demo_path, stat.S_IRUSR | stat.S_IRGRP)
    if os.access(demo_path, os.W_OK):  # root may write anyway: make the app see the file as the user would
        monkeypatch.setattr("csp_desktop.services.workspace.os.access", lambda path, mode: False)
    win = open_window(qtbot, qsettings, demo_path)
    assert win.session is not None and win.session.read_only and not win.banner.isHidden()
    assert win.banner.text() == "Opened read-only: demo.cspreg is a read-only file, so changes cannot be saved."
    assert "(read-only)" in win.windowTitle()
    risks = view_of(win, "Risks", RisksView)
    risks.select_risk(risks.model.rows[0].risk.id)
    assert not risks.new_risk.isEnabled() and risks.editor.details.title.isReadOnly()
    assert not win.files.import_.isEnabled() and win.files.export.isEnabled()
    screenshot(win, "read-only-banner")


def test_a_locked_register_opens_read_only_saying_why(qtbot, demo_path, qsettings, messages):
    other = sqlite3.connect(demo_path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        win = open_window(qtbot, qsettings, demo_path)
        assert win.session is not None and win.session.read_only
        assert win.banner.text() == ("Opened read-only: demo.cspreg is in use by another program; close it there "
                                     "and try again.")
        assert view_of(win, "Risks", RisksView).model.rowCount() > 0
    finally:
        other.rollback()
        other.close()


def test_a_register_another_app_holds_opens_read_only_naming_the_holder(qtbot, demo_path, qsettings, messages):
    from csp_desktop.store.writer_lock import WriterLock
    with WriterLock.acquire(demo_path, "Jo Bloggs"):
        win = open_window(qtbot, qsettings, demo_path)
        assert win.session is not None and win.session.read_only
        assert win.banner.text().startswith("Opened read-only: demo.cspreg is being edited by Jo Bloggs on ")
        assert view_of(win, "Risks", RisksView).model.rowCount() > 0
        win.close_register()
    win.open_register(demo_path)
    assert win.session is not None and not win.session.read_only and win.banner.isHidden()


def test_a_file_that_is_not_a_register_is_refused_in_one_sentence(qtbot, tmp_path, qsettings, messages):
    junk = tmp_path / "minutes.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a register")
    win = open_window(qtbot, qsettings, junk)
    assert win.session is None
    assert messages == [("Open register", "minutes.xlsx is not a CSP Desktop register "
                         "(it is not an SQLite database, or its first page is damaged).")]


def test_import_runs_off_the_gui_thread_after_a_dry_run(qtbot, tmp_path, qsettings, messages, monkeypatch):
    path = tmp_path / "empty.cspreg"
    Register.create(path, "Empty").close()
    win = open_window(qtbot, qsettings, path)
    win.files.start_import(FIXTURES / "shared-registers" / "herefordshire-2012.csv", dry_run=True)
    assert win.progress.isVisible()
    qtbot.waitUntil(lambda: len(messages) >= 1, timeout=20000)
    assert len(messages) == 1, messages
    assert messages[0][1].startswith("herefordshire-2012.csv can be imported: 3 owners, 6 risks, 6 mitigations.")
    win.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: view_of(win, "Risks", RisksView).model.rowCount() == 6, timeout=20000)
    assert win.statusBar().currentMessage() == ("Imported 3 owners, 6 risks, 6 mitigations from "
                                                f"{FIXTURES / 'shared-registers' / 'herefordshire-2012.csv'}.")
    reasons = sorted(p.name.rsplit("_", 1)[1] for p in tmp_path.joinpath("backups").iterdir())
    assert reasons == ["import.cspreg", "opening.cspreg"]  # the backups folder beside the register
    # reopened after the import, still its writer
    assert win.session is not None and not win.session.read_only and win.banner.isHidden()
    with Register.open(path, read_only=True) as reg:
        assert len(list_risks(reg)) == 6


def test_export_writes_the_file_in_the_background(qtbot, window, tmp_path):
    out = tmp_path / "register.json"
    ticket = window.files.worker.start(lambda: __import__("csp_desktop.services.opening", fromlist=["x"])
                                       .export_from(window.session.workspace, out))
    window.files._pending[ticket] = ("export", out, False)
    qtbot.waitUntil(lambda: out.exists() and not window.progress.isVisible(), timeout=10000)
    assert '"risks"' in out.read_text(encoding="utf-8")


def test_every_control_of_the_dashboard_and_risks_views_is_named_for_screen_readers(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QWidget
    risks = window.page("Risks")
    risks.select_risk(risks.model.rows[0].risk.id)
    unnamed = []
    for page in (window.page("Dashboard"), risks, window.nav):
        for widget in [page, *page.findChildren(QWidget)]:
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isEnabled():
                continue
            if isinstance(widget, QAbstractButton) and widget.text().strip("&"):
                continue
            if widget.metaObject().className() in ("QTabBar", "QScrollBar", "QToolButton", "QHeaderView",
                                                   "QComboBoxListView"):
                continue  # Qt names these from their tab texts, arrows and section titles
            if not widget.accessibleName():
                unnamed.append(f"{widget.metaObject().className()} in {type(page).__name__}")
    assert unnamed == [], unnamed


def test_an_undo_the_register_refuses_is_explained_and_the_history_cleared(qtbot, window, messages):
    from csp_desktop.ui.risks import risk_commands as c
    risks = window.page("Risks")
    risk = risks.model.rows[0].risk
    assert c.push(window.session, c.SetRiskField(window.session, risk, "title", "Changed")) is None
    with window.session.register.transaction():  # another program deletes the risk
        window.session.register.delete("risks", risk.id)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0] == ("Undo", "That risk is no longer in the register. The undo history was cleared.")
    assert window.session.undo_stack.count() == 0
