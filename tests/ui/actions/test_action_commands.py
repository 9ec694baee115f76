"""The action tracker's undo commands on a bare QUndoStack, checked against the database."""
from datetime import date


from csp_desktop.services.action_editing import EARLIER_PROGRESS
from csp_desktop.services.changes import Kind
from csp_desktop.domain.model import Action, Owner
from csp_desktop.store import actions as store
from csp_desktop.store import partners
from csp_desktop.ui.actions.action_commands import (AddActionCommand, AddNoteCommand, DeleteActionCommand,
                                            EditActionCommand, SetStatusCommand)
from tests.conftest import known, snapshot

TODAY = date(2026, 11, 23)


def stored(reg, action_id):
    return store.get_action(reg, action_id)


def test_add_action_undo_redo(session, stack, register):
    action = Action(title="Refresh the ASB protocol", ref="A-1", due=date(2026, 12, 1))
    stack.push(AddActionCommand(session, action))
    assert stored(register, action.id).title == "Refresh the ASB protocol"
    stack.undo()
    assert store.list_actions(register) == []
    stack.redo()
    assert stored(register, action.id).ref == "A-1"


def test_add_action_without_title_is_refused_and_not_undoable(session, stack, register):
    before = snapshot(register)
    command = AddActionCommand(session, Action(title="   "))
    stack.push(command)
    assert command.error == "An action needs a title."
    assert stack.count() == 0
    assert snapshot(register) == before


def test_edit_keeps_old_values(session, stack, register):
    owner = Owner("Sgt Jones")
    partners.add_owner(register, owner)
    action = Action(title="Old title")
    store.add_action(register, action)
    stack.push(EditActionCommand(session, action, {"title": "New title", "owner_id": owner.id,
                                                   "due": date(2027, 1, 31)}))
    now = stored(register, action.id)
    assert (now.title, now.owner_name, now.due) == ("New title", "Sgt Jones", date(2027, 1, 31))
    stack.undo()
    now = stored(register, action.id)
    assert (now.title, now.owner_id, now.due) == ("Old title", None, None)


def test_edit_from_a_stale_copy_is_refused(session, stack, register):
    action = Action(title="Shared")
    store.add_action(register, action)
    stale = store.get_action(register, action.id)
    store.save_action(register, store.get_action(register, action.id).__class__(
        **{**stale.__dict__, "title": "Changed elsewhere"}))
    command = EditActionCommand(session, stale, {"title": "Mine"})
    stack.push(command)
    assert "changed since" in known(command.error)
    assert stored(register, action.id).title == "Changed elsewhere"


def test_set_status_complete_stamps_date_and_undoes(session, stack, register):
    first, second = Action(title="One"), Action(title="Two", status="in progress")
    for a in (first, second):
        store.add_action(register, a)
    stack.push(SetStatusCommand(session, [first, second], "complete", TODAY))
    assert [(stored(register, a.id).status, stored(register, a.id).completed_on) for a in (first, second)] == \
        [("complete", TODAY)] * 2
    stack.undo()
    assert [stored(register, a.id).status for a in (first, second)] == ["not started", "in progress"]
    assert stored(register, first.id).completed_on is None


def test_set_status_is_all_or_nothing(session, stack, register):
    first, gone = Action(title="One"), Action(title="Gone")
    for a in (first, gone):
        store.add_action(register, a)
    store.delete_action(register, store.get_action(register, gone.id))
    command = SetStatusCommand(session, [first, gone], "complete", TODAY)
    stack.push(command)
    assert command.error and stack.count() == 0
    assert stored(register, first.id).status == "not started"


def test_note_records_author_time_and_progress(session, stack, register):
    action = Action(title="Chase CCTV repairs", progress="Quote requested")
    store.add_action(register, action)
    stack.push(AddNoteCommand(session, action, "Engineer booked for Tuesday"))
    earlier, *notes = store.notes_for(register, action.id)
    assert [(n.text, n.author) for n in notes] == [("Engineer booked for Tuesday", "tester")]
    # The text the note replaces was in no note (as after an import): it is kept as one, dated when written.
    assert (earlier.text, earlier.author) == ("Quote requested", EARLIER_PROGRESS) and earlier.at is not None
    assert notes[0].at is not None
    assert stored(register, action.id).progress == "Engineer booked for Tuesday"
    stack.undo()
    assert store.notes_for(register, action.id) == [earlier]  # a true record of the text; kept
    assert stored(register, action.id).progress == "Quote requested"
    stack.redo()
    assert [n.at for n in store.notes_for(register, action.id)] == [earlier.at, notes[0].at]


def test_empty_note_is_refused(session, stack, register):
    action = Action(title="A")
    store.add_action(register, action)
    command = AddNoteCommand(session, action, " \n ")
    stack.push(command)
    assert command.error == "A progress note needs some text."


def test_delete_action_undo_brings_back_notes(session, stack, register):
    action = Action(title="Delete me", progress="")
    store.add_action(register, action)
    stack.push(AddNoteCommand(session, action, "first"))
    stack.push(DeleteActionCommand(session, stored(register, action.id)))
    assert store.list_actions(register) == []
    stack.undo()
    assert stored(register, action.id).progress == "first"
    assert [n.text for n in store.notes_for(register, action.id)] == ["first"]


def test_commands_announce_actions(session, stack, register, qtbot):
    with qtbot.waitSignal(session.changed) as blocker:
        stack.push(AddActionCommand(session, Action(title="Signal")))
    (changes,) = blocker.args
    assert changes.kinds == {Kind.ACTIONS} and changes.ids == {stack.command(0).action_id}


def test_undo_that_can_no_longer_apply_is_dropped_and_announced(session, stack, register, qtbot):
    from csp_desktop.ui.shell.undoable import failures
    action = Action(title="Soon gone")
    store.add_action(register, action)
    stack.push(EditActionCommand(session, action, {"title": "Renamed"}))
    store.delete_action(register, store.get_action(register, action.id))  # someone else deletes it
    with qtbot.waitSignal(failures.failed) as failed:
        stack.undo()
    assert failed.args == ["That action is no longer in the register."]
    assert stack.count() == 0
