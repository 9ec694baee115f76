"""The action editor shows the progress text the tracker shows, and every dated note; adding a note
never makes the earlier text (from an import or an owner's workbook) vanish."""
import pytest
from PySide6.QtCore import Qt

from csp_desktop.domain.model import Action
from csp_desktop.services.action_editing import EARLIER_PROGRESS
from csp_desktop.store import actions as store
from csp_desktop.ui.actions.action_editor import ActionEditor
from csp_desktop.ui.shell.session import Session
from tests.ui.tracker_data import TODAY

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def notes_shown(editor) -> list[str]:
    return [editor.notes_list.item(n).text() for n in range(editor.notes_list.count())]


def test_the_old_progress_text_stays_visible_after_a_note_is_added(qtbot, register):
    action = Action("Review CCTV", ref="A-002", progress="Quotes requested from three firms")
    store.add_action(register, action)  # as an import or an owner's workbook leaves it: text, no note
    session = Session(register)
    editor = ActionEditor(session, store.get_action(register, action.id), today=TODAY)
    qtbot.addWidget(editor)
    assert "Quotes requested from three firms" in editor.progress_label.text()
    qtbot.keyClicks(editor.note_edit, "Three quotes in; chose the cheapest")
    qtbot.mouseClick(editor.add_note_button, Qt.MouseButton.LeftButton)
    shown = notes_shown(editor)
    assert len(shown) == 2 and "Quotes requested from three firms" in shown[0] and EARLIER_PROGRESS in shown[0]
    assert "Three quotes in; chose the cheapest" in shown[1]
    assert "Three quotes in" in editor.progress_label.text()
    again = ActionEditor(session, store.get_action(register, action.id), today=TODAY)  # opened afresh
    qtbot.addWidget(again)
    assert [s.splitlines()[-1] for s in notes_shown(again)] == ["Quotes requested from three firms",
                                                                 "Three quotes in; chose the cheapest"]
    qtbot.keyClicks(again.note_edit, "Installed")
    qtbot.mouseClick(again.add_note_button, Qt.MouseButton.LeftButton)
    assert len(notes_shown(again)) == 3  # the earlier text is kept once, not again with each note
