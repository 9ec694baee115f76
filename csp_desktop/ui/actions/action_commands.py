"""Undoable edits of the action tracker: each keeps what it needs to put things back when created."""
from __future__ import annotations

from datetime import date

from ...domain.model import Action, ProgressNote
from ...services import action_editing as editing
from ...services.changes import Changes
from ..shell.undoable import AddCommand, DeleteCommand, EditCommand
from ...domain.shorten import shorten


def _short(text: str, limit: int = 40) -> str:
    return shorten(text, limit)


class AddActionCommand(AddCommand):
    add, delete = staticmethod(editing.add_action), staticmethod(editing.delete_action)

    def __init__(self, session, action: Action):
        super().__init__(session, f"Add action \u201c{_short(action.title)}\u201d", action)
        self.action_id = action.id


class DeleteActionCommand(DeleteCommand):
    """Delete an action; undo brings it back with its progress notes."""
    delete, restore = staticmethod(editing.delete_action), staticmethod(editing.restore_action)

    def __init__(self, session, action: Action):
        super().__init__(session, f"Delete action \u201c{_short(action.title)}\u201d", action)
        self.action_id = action.id


class EditActionCommand(EditCommand):
    """Change some fields of one action; the first run refuses if the action changed since it was read."""

    def __init__(self, session, before: Action, values: dict):
        super().__init__(session, f"Edit action \u201c{_short(before.title)}\u201d")
        self.action_id = before.id
        self.expected_version: int | None = before.version
        self.old = {name: getattr(before, name) for name in values}
        self.new = dict(values)

    def do(self) -> Changes:
        done = editing.update_action(self.session.register, self.action_id, self.new, self.expected_version)
        self.expected_version = None  # undo and redo apply to whatever the register holds then
        return done.changes

    def undo_it(self) -> Changes:
        return editing.update_action(self.session.register, self.action_id, self.old, None).changes


class SetStatusCommand(EditCommand):
    """The quick status change, for one or several actions at once: all change or none do."""

    def __init__(self, session, actions: list[Action], status: str, today: date):
        what = f"\u201c{_short(actions[0].title)}\u201d" if len(actions) == 1 else f"{len(actions)} actions"
        super().__init__(session, f"Mark {what} {status}")
        self.new = editing.status_values(status, today)
        self.old = {a.id: {"status": a.status, "completed_on": a.completed_on} for a in actions}
        self.expected: dict[str, int] = {a.id: a.version for a in actions}  # the first run only

    def do(self) -> Changes:
        changes = editing.update_actions(self.session.register, {action_id: self.new for action_id in self.old},
                                         self.expected)
        self.expected = {}
        return changes

    def undo_it(self) -> Changes:
        return editing.update_actions(self.session.register, self.old, {})


class AddNoteCommand(EditCommand):
    """A progress note with the time and the author; undo takes it away and restores the progress text."""

    def __init__(self, session, action: Action, text: str):
        super().__init__(session, f"Add a progress note to \u201c{_short(action.title)}\u201d")
        self.action_id = action.id
        self.note_text = text  # (not `text`: that is QUndoCommand.text())
        self.progress_before = action.progress
        self.note: ProgressNote | None = None

    def do(self) -> Changes:
        reg = self.session.register
        if self.note is not None:
            return editing.readd_note(reg, self.note)
        done = editing.add_note(reg, self.action_id, self.note_text, reg.who)
        self.note = done.value
        return done.changes

    def undo_it(self) -> Changes:
        assert self.note is not None  # undone only after done
        return editing.remove_note(self.session.register, self.note, self.progress_before)
