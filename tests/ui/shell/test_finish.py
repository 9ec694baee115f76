"""What a new user sees of the finished window: menus, help, toolbar, sidebar counts and the status bar."""
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser

from csp_desktop.store.risks import list_risks
from csp_desktop.ui.help.help_windows import font_licences, library_licences, shortcut_rows
from csp_desktop.ui.risks.risks_view import RisksView
from csp_desktop.ui.shell.main_window import VIEWS, MainWindow
from tests.ui.windows import (OFFSCREEN_NOISE, demo_path, messages, qsettings, view_of, wait_loaded,  # noqa: F401
                              window)

pytestmark = OFFSCREEN_NOISE


def menu(window, title: str):
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)


def test_view_menu_shows_ampersands_as_typed(window):
    texts = [a.text() for a in menu(window, "View").actions()]
    assert "Partners && owners" in texts  # shown as "Partners & owners", not "Partners _owners"
    assert [a.shortcut().toString() for a in menu(window, "View").actions()] == \
        [f"Ctrl+{n}" for n in range(1, len(VIEWS) + 1)]


def test_no_two_actions_share_a_shortcut_and_none_takes_ctrl_digits(window):
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            text = keys.toString()
            assert text not in seen, (text, action.text(), seen.get(text))
            seen[text] = action.text()
    toolbar_keys = {a.shortcut().toString() for a in window.toolbar.steps.values()}
    assert toolbar_keys == {"Ctrl+Shift+N", "Ctrl+Shift+A", "Ctrl+Shift+R", "Ctrl+Shift+P"}
    assert not {f"Ctrl+{n}" for n in range(1, 10)} & toolbar_keys


def test_undo_and_redo_name_the_step_and_the_status_bar_says_it(window, qtbot):
    assert window.undo_action.text() == "&Undo"
    risks = window.page("Risks")
    risk = next(r for r in list_risks(window.session.register) if r.ref == "R-03")
    risks.select_risk(risk.id)
    risks.editor.details.title.setText("Renamed & checked")
    risks.editor.details.title.editingFinished.emit()
    assert window.undo_action.text() == "&Undo change title of R-03"
    assert "Change title of R-03" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == "Undone: change title of R-03."
    assert window.redo_action.text() == "&Redo change title of R-03"
    assert window.undo_action.text() == "&Undo"
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == "Redone: change title of R-03."


def test_toolbar_new_risk_goes_to_risks_and_adds_one(window, qtbot):
    before = len(list_risks(window.session.register))
    window.toolbar.steps["New risk"].trigger()
    assert window.stack.currentWidget() is window.page("Risks")
    assert len(list_risks(window.session.register)) == before + 1
    assert window.toolbar.widgetForAction(window.undo_action).text() == "Undo"  # the toolbar keeps short words


def test_toolbar_record_review_without_a_risk_says_what_to_do(window, monkeypatch):
    risks = window.page("Risks")
    risks.editor.show_risk(None)
    window.toolbar.steps["Record review"].trigger()
    assert "Choose a risk" in window.statusBar().currentMessage()


def test_toolbar_steps_reach_the_views_own_code(window, monkeypatch):
    called = []
    for name, method in (("ActionsView", "new_action"), ("MeetingsView", "build_pack")):
        title = next(view.title for view in VIEWS if view.name == name)
        monkeypatch.setattr(type(window.page(title)), method, lambda self, method=method: called.append(method))
    window.toolbar.steps["New action"].trigger()
    window.toolbar.steps["Build pack"].trigger()
    assert called == ["new_action", "build_pack"]


def test_toolbar_is_built_from_the_views_present(qsettings, qtbot, monkeypatch):
    import csp_desktop.ui.shell.main_window as main_window
    monkeypatch.setattr(main_window, "VIEWS", tuple(v for v in VIEWS if v.name != "MeetingsView"))
    win = MainWindow(qsettings)
    qtbot.addWidget(win)
    assert "Build pack" not in win.toolbar.steps and "New risk" in win.toolbar.steps
    assert win.nav.count() == len(VIEWS) - 1


def test_sidebar_shows_counts_and_follows_changes(window, qtbot):
    rows = {view.name: window.nav.item(n) for n, view in enumerate(VIEWS)}
    open_risks = [r for r in list_risks(window.session.register) if r.status != "closed"]
    assert rows["RisksView"].text() == f"Risks\n{len(open_risks)} open"
    assert rows["ActionsView"].text().startswith("Actions\n") and "overdue" in rows["ActionsView"].text()
    assert not rows["RisksView"].icon().isNull()
    window.toolbar.steps["New risk"].trigger()
    # The new risk's row is added in place (no reload); the counts follow just after it repaints.
    qtbot.waitUntil(lambda: rows["RisksView"].text() == f"Risks\n{len(open_risks) + 1} open", timeout=5000)


def test_help_guide_opens_the_shipped_page_with_its_pictures(window):
    guide = window.help.show_guide()
    browser = guide.findChild(QTextBrowser)
    text = browser.toPlainText()
    for job in ("Coordinator", "Risk owner", "Secretary"):
        assert job in text
    assert browser.documentTitle() == "CSP Desktop guide"
    assert browser.horizontalScrollBar().maximum() == 0  # the pictures fit the window
    assert browser.document().resource(2, "dashboard.png") is not None  # 2: QTextDocument.ImageResource
    guide.close()


def test_help_shortcuts_list_the_real_actions(window):
    rows = dict(shortcut_rows(window))
    assert rows["Find"] == QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["New risk"] == "Ctrl+Shift+N"
    position = [view.title for view in VIEWS].index("Partners & owners") + 1
    assert rows["Partners & owners"] == f"Ctrl+{position}"
    window.help.show_shortcuts().close()


def test_about_names_version_licences_and_where_files_are(window):
    about = window.help.show_about()
    text = about.findChild(QTextBrowser).toPlainText()
    assert "CSP Desktop" in text and str(window.session.register.path) in text and "csp-desktop.log" in text
    assert "DejaVu-LICENSE.txt" in text and "Noto-LICENSE.txt" in text and "LGPL" in text
    assert {name for name, _v, _l in library_licences()} >= {"PySide6-Essentials", "reportlab", "openpyxl"}
    assert all(fonts for _licence, fonts in font_licences())
    assert isinstance(about, QDialog)
    about.close()


def test_risk_editor_folds_away_and_the_divider_is_remembered(window, qsettings, qtbot, demo_path):
    risks = window.page("Risks")
    window.nav.setCurrentRow(1)
    wide = risks.table.columnWidth(1)
    risks.toggle_editor.click()
    assert not risks.editor_shown() and risks.toggle_editor.text() == "Show editor"
    assert risks.table.columnWidth(1) > wide  # the titles get the width
    window.close()
    again = MainWindow(qsettings)
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    with qtbot.waitSignal(_opened(again, demo_path).loaded, timeout=10000):
        pass
    again.nav.setCurrentRow(1)
    risks = view_of(again, "Risks", RisksView)
    assert not risks.editor_shown()
    risks.toggle_editor.click()
    assert risks.editor_shown() and risks.toggle_editor.text() == "Hide editor"
    again.close()


def _opened(win, path):
    assert win.open_register(path)
    return win.data


def test_guide_pictures_exist_and_stay_small():
    import re

    from csp_desktop.paths import resource
    page = resource("guide", "index.html").read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', page)
    assert len(pictures) >= 5
    sizes = [resource("guide", name).stat().st_size for name in pictures]
    assert sum(sizes) < 400_000
