"""The action tracker as a coordinator uses it: typing, filtering, editing, undoing."""
from datetime import date

import pytest
from PySide6.QtCore import Qt

from csp_desktop.store import actions as store
from csp_desktop.ui.actions.action_editor import ActionEditor
from csp_desktop.ui.actions.action_filter import DUE_SOON, OVERDUE
from csp_desktop.ui.actions.action_rows import DUE, RAG, REF, STATUS, TITLE
from csp_desktop.ui.actions.actions_view import ActionsView
from csp_desktop.ui.partners.partners_view import PartnersView
from csp_desktop.ui.shell.session import Session
from csp_desktop.ui.settings.settings_view import SettingsView

from tests.conftest import snapshot
from tests.ui.tracker_data import TODAY
from tests.ui.seen import clipped, rows_in_view
from tests.ui.windows import SCREENSHOTS, on_screen

# The offscreen platform says this whenever a window is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def session(filled_session):
    return filled_session


@pytest.fixture
def view(session, qtbot):
    widget = ActionsView(session, today=lambda: TODAY)
    return on_screen(qtbot, widget, widget.model, widget.proxy, show=True)


def shown(view, column=REF) -> list[str]:
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def row_of(view, ref: str) -> int:
    return shown(view).index(ref)


def test_lists_actions_with_en_gb_dates_and_rag(view):
    assert view.proxy.rowCount() == 6
    r = row_of(view, "A-1")
    assert view.proxy.index(r, DUE).data() == "13/11/2026"
    assert view.proxy.index(r, RAG).data() == "Red"
    assert view.proxy.index(r, RAG).data(Qt.ItemDataRole.BackgroundRole).name() == "#c00000"
    assert view.proxy.index(r, RAG).data(Qt.ItemDataRole.ForegroundRole).name() == "#ffffff"
    assert view.proxy.index(row_of(view, "A-2"), RAG).data() == "Amber"
    assert view.proxy.index(row_of(view, "A-3"), RAG).data() == ""


def test_user_text_in_tooltips_is_escaped(view):
    tip = view.proxy.index(row_of(view, "A-3"), TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;hate crime&lt;/b&gt; figures &amp; trends" in tip


def test_sorts_dates_as_dates_and_refs_naturally(view):
    view.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
    assert shown(view) == ["A-3", "A-1", "A-2", "A-4", "A-10", "A-5"]  # no due date last
    view.table.sortByColumn(REF, Qt.SortOrder.DescendingOrder)
    assert shown(view) == ["A-10", "A-5", "A-4", "A-3", "A-2", "A-1"]
    for column in range(view.model.columnCount()):
        view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert sorted(shown(view)) == sorted(["A-1", "A-2", "A-3", "A-4", "A-5", "A-10"])


def test_type_to_filter(view, qtbot):
    view.focus_filter()
    qtbot.keyClicks(view.filter_edit, "CAMERA broad")
    assert shown(view) == ["A-1"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "nowak")
    assert sorted(shown(view)) == ["A-10", "A-3", "A-5"]
    assert view.count_label.text() == "3 of 6 actions"


def test_overdue_and_due_soon_filters(view):
    view.due_combo.setCurrentIndex(view.due_combo.findData(OVERDUE))
    assert shown(view) == ["A-1"]  # A-3 is past due but complete
    view.due_combo.setCurrentIndex(view.due_combo.findData(DUE_SOON))
    assert sorted(shown(view)) == ["A-2", "A-4"]  # due in 12 and exactly 30 days


def test_owner_and_status_filters(view, data):
    view.owner_combo.setCurrentIndex(view.owner_combo.findData(data["owners"]["nowak"].id))
    view.status_combo.setCurrentIndex(view.status_combo.findData("complete"))
    assert shown(view) == ["A-3"]
    view.status_combo.setCurrentIndex(view.status_combo.findData("open"))
    assert shown(view) == ["A-10"]
    view.owner_combo.setCurrentIndex(view.owner_combo.findData(""))
    view.status_combo.setCurrentIndex(0)
    assert shown(view) == ["A-4"]


def test_quick_status_change_through_the_delegate_and_undo(view, session, register, data, qtbot):
    index = view.proxy.index(row_of(view, "A-2"), STATUS)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    combo = view.table.indexWidget(index) or view.table.focusWidget()
    combo.setCurrentText("complete")
    combo.activated.emit(combo.currentIndex())
    action_id = data["actions"][1].id
    assert store.get_action(register, action_id).status == "complete"
    assert store.get_action(register, action_id).completed_on == TODAY
    assert view.proxy.index(row_of(view, "A-2"), RAG).data() == ""
    session.undo_stack.undo()
    assert store.get_action(register, action_id).status == "not started"
    assert view.proxy.index(row_of(view, "A-2"), RAG).data() == "Amber"
    session.undo_stack.redo()
    assert store.get_action(register, action_id).status == "complete"


def test_status_shortcut_marks_every_selected_action(view, register, qtbot):
    view.table.setFocus()
    for ref in ("A-1", "A-2"):
        view.table.selectionModel().select(view.proxy.index(row_of(view, ref), 0),
                                           view.table.selectionModel().SelectionFlag.Select
                                           | view.table.selectionModel().SelectionFlag.Rows)
    view.status_actions[2].trigger()
    statuses = {a.ref: a.status for a in store.list_actions(register)}
    assert statuses["A-1"] == statuses["A-2"] == "complete"
    assert view.status_actions[2].shortcut().toString() == "Ctrl+Alt+3"


def test_add_an_action_and_mark_it_complete(view, session, register, data, qtbot, monkeypatch):
    editors = []

    def fill_and_save(editor):
        qtbot.keyClicks(editor.title_edit, "Run a knife-crime awareness week")
        editor.ref_edit.setText("A-20")
        editor.owner_combo.setCurrentIndex(editor.owner_combo.findData(data["owners"]["jones"].id))
        qtbot.keyClick(editor.has_due, Qt.Key.Key_Space)
        editor.due_edit.line.selectAll()
        qtbot.keyClicks(editor.due_edit.line, "01/11/2026")
        editor.save()
        return editor.result()

    def exec_(editor):
        editors.append(editor)
        return fill_and_save(editor)

    monkeypatch.setattr(ActionEditor, "exec", exec_)
    view.new_action()
    added = [a for a in store.list_actions(register) if a.ref == "A-20"][0]
    assert (added.title, added.owner_name, added.due, added.status) == (
        "Run a knife-crime awareness week", "Sgt Ffion Jones", date(2026, 11, 1), "not started")
    assert view.proxy.index(row_of(view, "A-20"), RAG).data() == "Red"
    assert view.current_action().id == added.id
    view.set_status([view.current_action()], "complete")
    done = store.get_action(register, added.id)
    assert (done.status, done.completed_on) == ("complete", TODAY)
    assert view.proxy.index(row_of(view, "A-20"), RAG).data() == ""
    assert view.proxy.index(row_of(view, "A-20"), STATUS).data() == "complete"


def test_editor_edits_and_refuses_an_empty_title(session, register, data, qtbot):
    action = store.get_action(register, data["actions"][1].id)
    editor = ActionEditor(session, action, today=TODAY)
    qtbot.addWidget(editor)
    editor.title_edit.setText("   ")
    editor.save()
    assert editor.message.text() == "\u26a0 An action needs a title."
    assert store.get_action(register, action.id).title == action.title
    editor.title_edit.setText("x" * 10_000)
    editor.has_due.setChecked(False)
    editor.exempt_box.setChecked(True)
    editor.save()
    saved = store.get_action(register, action.id)
    assert (len(saved.title), saved.due, saved.exempt) == (10_000, None, True)
    session.undo_stack.undo()
    assert store.get_action(register, action.id).title == action.title


def test_add_progress_note_shows_author_and_time(session, register, data, qtbot):
    action = store.get_action(register, data["actions"][0].id)
    editor = ActionEditor(session, action, today=TODAY)
    qtbot.addWidget(editor)
    assert editor.notes_list.count() == 1
    qtbot.keyClicks(editor.note_edit, "Camera fixed; ")  # QTest types ASCII only; paste the rest
    editor.note_edit.insertPlainText("\u0645\u0631\u0627\u062c\u0639\u0629 🎉 <i>done</i>")
    qtbot.mouseClick(editor.add_note_button, Qt.MouseButton.LeftButton)
    assert editor.notes_list.count() == 2
    text = editor.notes_list.item(1).text()
    when, rest = text.split(" \u2013 ", 1)
    assert date.fromisoformat("-".join(reversed(when[:10].split("/")))) == date.today()
    assert rest == "tester\nCamera fixed; \u0645\u0631\u0627\u062c\u0639\u0629 🎉 <i>done</i>"
    assert store.get_action(register, action.id).progress.startswith("Camera fixed")
    # The note moved the action's version on: saving the form afterwards still works.
    editor.status_combo.setCurrentText("complete")
    editor.save()
    assert store.get_action(register, action.id).status == "complete"


def test_a_read_only_register_says_so(tmp_path, register, data, qtbot):
    from csp_desktop.store import Register
    path = register.path
    register.close()
    with Register.open(path, read_only=True) as reg:
        session = Session(reg)
        view = ActionsView(session, today=lambda: TODAY)
        qtbot.addWidget(view)
        assert not view.new_button.isEnabled() and not view.status_actions[0].isEnabled()
        view.set_status([view.model.rows[0].action], "cancelled")
        assert "read-only" in view.message.text()
        assert view.message.isVisibleTo(view)
        editor = ActionEditor(session, view.model.rows[0].action, today=TODAY)
        qtbot.addWidget(editor)
        assert "read-only" in editor.message.text() and not editor.add_note_button.isEnabled()
        partners_view, settings_view = PartnersView(session), SettingsView(session)
        qtbot.addWidget(partners_view)
        qtbot.addWidget(settings_view)
        assert not partners_view.add_owner_button.isEnabled() and not settings_view.apply_button.isEnabled()


def test_screenshot(view, qtbot):
    SCREENSHOTS.mkdir(exist_ok=True)
    view.table.selectRow(1)
    view.grab().save(str(SCREENSHOTS / "actions-view.png"))
    # What the user sees: all six actions in view at 1366x768, the chosen one selected, nothing cut off.
    assert len(shown(view)) == 6 and rows_in_view(view.table) == 6
    assert [i.row() for i in view.table.selectionModel().selectedRows()] == [1]
    assert clipped(view) == []
    editor = ActionEditor(view.session, view.model.rows[1].action, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.grab().save(str(SCREENSHOTS / "action-editor.png"))
    assert editor.title_edit.text() == view.model.rows[1].action.title
    assert clipped(editor) == []


def test_hostile_input_does_not_crash(view, session, register, data, qtbot):
    view.filter_edit.setText("x" * 10_000)
    assert view.proxy.rowCount() == 0
    view.filter_edit.setText("\u202e\u0645\u0631\u0627\u062c\u0639\u0629")
    assert shown(view) == ["A-4"]
    view.filter_edit.clear()
    editor = ActionEditor(session, store.get_action(register, data["actions"][1].id), today=TODAY)
    qtbot.addWidget(editor)
    editor.has_due.setChecked(True)
    before = snapshot(register)
    for typed in ("31/02/2026", "9" * 2000, "'; DROP TABLE action; --", "\u202e\u0645 2026\x00"):
        editor.due_edit.line.selectAll()
        if typed.isascii():
            qtbot.keyClicks(editor.due_edit.line, typed)
        else:  # QTest cannot type these: pasted, as a user would
            editor.due_edit.line.insert(typed)
        editor.save()  # refused in one sentence; nothing written, the dialog stays open
        assert editor.message.text().startswith("\u26a0 Due date:") and editor.result() == 0
        assert snapshot(register) == before


def test_edits_refresh_only_what_changed_and_follow_filters(view, session, register, data):
    view.status_combo.setCurrentIndex(view.status_combo.findData("open"))
    assert sorted(shown(view)) == ["A-1", "A-10", "A-2", "A-4"]
    def row_of(action_id):
        return next(row for row in view.model.rows if row.action.id == action_id)

    untouched = row_of(data["actions"][0].id)
    view.set_status([data["actions"][1]], "complete")
    assert sorted(shown(view)) == ["A-1", "A-10", "A-4"]
    assert row_of(data["actions"][0].id) is untouched  # not rebuilt
    session.undo_stack.undo()
    assert sorted(shown(view)) == ["A-1", "A-10", "A-2", "A-4"]
    assert view.count_label.text() == "4 of 6 actions"


def test_delete_with_undo(view, session, register, data):
    view.table.selectRow(row_of(view, "A-1"))
    view.delete_selected()
    assert "A-1" not in shown(view) and len(store.list_actions(register)) == 5
    session.undo_stack.undo()
    assert "A-1" in shown(view)
    view.table.selectAll()
    view.delete_selected()
    assert store.list_actions(register) == [] and view.count_label.text() == "0 of 0 actions"
    session.undo_stack.undo()  # the six deletes were one step
    assert len(store.list_actions(register)) == 6
    assert [n.text for n in store.notes_for(register, data["actions"][0].id)] == ["Contractor booked"]


def test_keyboard_enter_opens_the_editor_and_f2_the_status(view, qtbot, monkeypatch):
    opened = []

    def exec_(editor):
        opened.append(editor.title_edit.text())
        return 0

    monkeypatch.setattr(ActionEditor, "exec", exec_)
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row_of(view, "A-2"), TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == ["Write to the PCC about diversion funding"]
    view.table.setCurrentIndex(view.proxy.index(row_of(view, "A-2"), STATUS))
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = view.table.indexWidget(view.table.currentIndex()) or view.table.focusWidget()
    assert editor.accessibleName() == "Status" and editor.currentText() == "not started"


def test_delete_button_removes_the_selected_action_and_names_it_for_undo(view, session, register):
    assert view.delete_button.text() == "De&lete" and view.delete_button.isEnabled()
    view.table.selectRow(row_of(view, "A-1"))
    view.delete_button.click()
    assert "A-1" not in shown(view) and len(store.list_actions(register)) == 5
    assert session.undo_stack.undoText().startswith("Delete action \u201c")
    session.undo_stack.undo()
    assert "A-1" in shown(view)


def test_narrow_tracker_drops_linked_and_progress_before_cutting_titles(view, qtbot):
    from csp_desktop.ui.actions.action_rows import LINKED, PROGRESS
    view.resize(700, 500)
    qtbot.waitUntil(lambda: view.table.isColumnHidden(LINKED))
    assert view.table.columnWidth(TITLE) >= view.column_fit.wanted - 2 or view.table.isColumnHidden(PROGRESS)
    view.resize(1366, 768)
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(LINKED))


def test_an_edit_reads_again_only_the_actions_its_operation_named(view, session, data, monkeypatch):
    from csp_desktop.services import lookups
    from csp_desktop.ui.actions.action_commands import EditActionCommand
    from csp_desktop.ui.shell.undoable import push

    def every_action(*_args):
        raise AssertionError("an edit of one action must not read every action")
    monkeypatch.setattr(lookups, "action_versions", every_action)
    monkeypatch.setattr(lookups, "actions", every_action)
    read = []
    by_id = lookups.actions_by_id

    def counted_by_id(reg, ids):
        read.append(list(ids))
        return by_id(reg, ids)

    monkeypatch.setattr(lookups, "actions_by_id", counted_by_id)
    target, other = (view.model.rows[view.model.row_for(a.id)].action for a in data["actions"][:2])
    untouched = view.model.rows[view.model.row_for(other.id)]
    assert push(session, EditActionCommand(session, target, {"title": "Fence repaired"})) is None
    assert read == [[target.id]]
    assert view.model.rows[view.model.row_for(target.id)].action.title == "Fence repaired"
    assert view.model.rows[view.model.row_for(other.id)] is untouched
    session.undo_stack.undo()
    assert view.model.rows[view.model.row_for(target.id)].action.title == target.title
