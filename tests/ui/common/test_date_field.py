"""The one date field: typed as a person types (real key events), en-GB, refused in one sentence.

Before it, New action > tick "Has a due date" > select all > type 31/01/2027 gave 27/01/2027, and
Add meeting > Tab into the date > type `14/01/2027 10:00` gave 14/11/2026 20:27 (QDateEdit and
QDateTimeEdit type into fixed sections). These tests type through the focused widget, whatever it is.
"""
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from csp_desktop.ui.actions.action_editor import ActionEditor
from csp_desktop.ui.common.date_field import DateField
from csp_desktop.ui.meetings.meeting_dialogs import MeetingDialog
from csp_desktop.ui.shell.session import Session
from tests.ui.windows import OFFSCREEN_NOISE

TODAY = date(2026, 11, 27)
pytestmark = OFFSCREEN_NOISE  # showing a window offscreen, so that Tab and focus work as for a person


def type_into_focus(qtbot, text: str) -> None:
    """Select all in whatever has the keyboard focus and type over it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused, text)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


@pytest.mark.parametrize("typed", ["31/01/2027", "15/02/2027"])
def test_a_new_actions_typed_due_date_is_the_date_typed(qtbot, register, typed):
    editor = shown(qtbot, ActionEditor(Session(register), today=TODAY))
    qtbot.keyClicks(editor.title_edit, "Typed due date")
    editor.has_due.setFocus()
    qtbot.keyClick(editor.has_due, Qt.Key.Key_Space)  # tick "Has a due date"
    qtbot.keyClick(editor.has_due, Qt.Key.Key_Tab)  # on into the date
    type_into_focus(qtbot, typed)
    assert editor.values()["due"] == datetime.strptime(typed, "%d/%m/%Y").date()


def test_a_meetings_typed_date_and_time_are_those_typed(qtbot):
    dialog = shown(qtbot, MeetingDialog())
    dialog.board.setFocus()
    qtbot.keyClicks(dialog.board, "Partnership Executive Group")
    qtbot.keyClick(dialog.board, Qt.Key.Key_Tab)  # Tab into the date
    type_into_focus(qtbot, "14/01/2027 10:00")
    values = dialog.values()
    assert (values["on"], values["at"]) == ("2027-01-14", "10:00")


@pytest.mark.parametrize("typed, expected", [
    ("22/11/2026", date(2026, 11, 22)), ("22/11/26", date(2026, 11, 22)), ("2026-11-22", date(2026, 11, 22)),
    ("1/2/2027", date(2027, 2, 1))])
def test_en_gb_typing(qtbot, typed, expected):
    field = shown(qtbot, DateField("Due date"))
    field.setFocus()
    type_into_focus(qtbot, typed)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == expected and field.text() == expected.strftime("%d/%m/%Y")


@pytest.mark.parametrize("typed", ["31/02/2027", "tomorrow", "9" * 3000, "'; DROP TABLE risk; --", "14/13/2026"])
def test_a_bad_date_is_refused_in_one_sentence(qtbot, typed):
    field = shown(qtbot, DateField("Due date"))
    refused: list[str] = []
    field.refused.connect(refused.append)
    field.setFocus()
    type_into_focus(qtbot, typed)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert len(refused) == 1 and refused[0].startswith("Due date: ") and refused[0].endswith(").")
    assert refused[0].count(". ") == 0  # one sentence
    with pytest.raises(ValueError):
        field.value()


def test_a_bad_time_is_refused_and_the_meeting_dialog_stays_open(qtbot):
    dialog = shown(qtbot, MeetingDialog())
    dialog.when.setFocus()
    type_into_focus(qtbot, "14/01/2027 25:00")
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text() == (
        "Date and time: '25:00' is not a time of day (write it as 10:00 or 14:30).")


def test_the_calendar_popup_picks_a_date(qtbot):
    field = shown(qtbot, DateField("Next review date", date(2026, 11, 22)))
    finished = []
    field.editingFinished.connect(lambda: finished.append(field.value()))
    field._calendar_to_text()  # what opening the popup does: it starts on the date in the field
    assert field.calendar.selectedDate().toPython() == date(2026, 11, 22)
    field.calendar.setSelectedDate(field.calendar.selectedDate().addDays(3))
    field.calendar.clicked.emit(field.calendar.selectedDate())
    assert field.value() == date(2026, 11, 25) and finished == [date(2026, 11, 25)]
    assert field.button.menu() is not None and field.button.accessibleName() == "Pick next review date from a calendar"


def test_no_qdateedit_is_left_in_the_app():
    from pathlib import Path
    import csp_desktop
    root = Path(csp_desktop.__file__).parent
    users = [p.name for p in root.rglob("*.py") if "QDateEdit" in p.read_text() or "QDateTimeEdit" in p.read_text()]
    assert users == [] or users == ["date_field.py"]
