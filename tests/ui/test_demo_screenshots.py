"""The three views on the demo register at 1366x768, saved for a person to look at; also model checks."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtTest import QAbstractItemModelTester

from csp_desktop.ui.actions.actions_view import ActionsView
from csp_desktop.ui.partners.partners_view import PartnersView
from csp_desktop.ui.shell.session import Session
from csp_desktop.ui.settings.settings_view import SettingsView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-screenshots"
DEMO_DAY = date(2026, 11, 23)


@pytest.mark.parametrize("name, make", [
    ("actions", lambda s: ActionsView(s, today=lambda: DEMO_DAY)),
    ("settings", lambda s: SettingsView(s)),
    ("partners", lambda s: PartnersView(s)),
])
def test_demo_view(demo_register, qtbot, name, make):
    view = make(Session(demo_register))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(10)
    for model in ([view.model, view.proxy] if name == "actions" else
                  [view.org_model, view.owner_model] if name == "partners" else []):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, view)
        assert model.rowCount() > 0
    SCREENSHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SCREENSHOTS / f"{name}-demo.png"))


def test_demo_tracker_shows_overdue_in_red(demo_register, qtbot):
    view = ActionsView(Session(demo_register), today=lambda: DEMO_DAY)
    qtbot.addWidget(view)
    view.due_combo.setCurrentIndex(view.due_combo.findData("overdue"))
    assert view.proxy.rowCount() > 0
    assert {view.proxy.index(r, 6).data() for r in range(view.proxy.rowCount())} == {"Red"}


def test_demo_action_editor(demo_register, qtbot):
    from csp_desktop.store.actions import list_actions, notes_by_action
    from csp_desktop.ui.actions.action_editor import ActionEditor
    notes = notes_by_action(demo_register)
    action = max(list_actions(demo_register), key=lambda a: len(notes.get(a.id, [])))
    editor = ActionEditor(Session(demo_register), action, today=DEMO_DAY)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.notes_list.count() == len(notes[action.id]) > 0
    editor.grab().save(str(SCREENSHOTS / "action-editor-demo.png"))
