"""Undoable edits of the action tracker: each keeps what it needs to put things back when created."""
from __future__ import annotations

from datetime import date

from ...domain.model import Action, ProgressNote
from ...errors import UserError
from ...services import action_editing as editing
from ...services.changes import Kind
from ..shell.undoable import AddCommand, DeleteCommand, EditCommand
from ...domain.shorten import shorten


class ActionCommand(EditCommand):
    """An edit of actions; the tracker reads again just the actions named in `changed_ids`."""

    kinds = (Kind.ACTIONS,)

    def changed_ids(self):
        return (self.action_id,)


def _short(text: str, limit: int = 40) -> str:
    return shorten(text, limit)


class AddActionCommand(AddCommand, ActionCommand):
    add, delete = staticmethod(editing.add_action), staticmethod(editing.delete_action)

    def __init__(self, session, action: Action):
        super().__init__(session, f"Add action \u201c{_short(action.title)}\u201d", action)
        self.action_id = action.id


class DeleteActionCommand(DeleteCommand, ActionCommand):
    """Delete an action; undo brings it back with its progress notes."""
    delete, restore = staticmethod(editing.delete_action), staticmethod(editing.restore_action)

    def __init__(self, session, action: Action):
        super().__init__(session, f"Delete action \u201c{_short(action.title)}\u201d", action)
        self.action_id = action.id


class EditActionCommand(ActionCommand):
    """Change some fields of one action; the first run refuses if the action changed since it was read."""

    def __init__(self, session, before: Action, values: dict):
        super().__init__(session, f"Edit action \u201c{_short(before.title)}\u201d")
        self.action_id = before.id
        self.expected_version: int | None = before.version
        self.old = {name: getattr(before, name) for name in values}
        self.new = dict(values)

    def do(self) -> None:
        editing.update_action(self.session.register, self.action_id, self.new, self.expected_version)
        self.expected_version = None  # undo and redo apply to whatever the register holds then

    def undo_it(self) -> None:
        editing.update_action(self.session.register, self.action_id, self.old, None)


class SetStatusCommand(ActionCommand):
    """The quick status change, for one or several actions at once: all change or none do."""

    def changed_ids(self):
        return tuple(self.old)

    def __init__(self, session, actions: list[Action], status: str, today: date):
        what = f"\u201c{_short(actions[0].title)}\u201d" if len(actions) == 1 else f"{len(actions)} actions"
        super().__init__(session, f"Mark {what} {status}")
        self.new = editing.status_values(status, today)
        self.old = {a.id: {"status": a.status, "completed_on": a.completed_on} for a in actions}
        self.expected: dict[str, int] = {a.id: a.version for a in actions}  # the first run only

    def do(self) -> None:
        self._apply({action_id: self.new for action_id in self.old}, self.old)
        self.expected = {}

    def undo_it(self) -> None:
        self._apply(self.old, {action_id: self.new for action_id in self.old})

    def _apply(self, values: dict[str, dict], restore: dict[str, dict]) -> None:
        done = []
        try:
            for action_id, changes in values.items():
                editing.update_action(self.session.register, action_id, changes, self.expected.get(action_id))
                done.append(action_id)
        except UserError:
            for action_id in done:  # put back the ones already changed, then say why
                editing.update_action(self.session.register, action_id, restore[action_id], None)
            raise


class AddNoteCommand(ActionCommand):
    """A progress note with the time and the author; undo takes it away and restores the progress text."""

    def __init__(self, session, action: Action, text: str):
        super().__init__(session, f"Add a progress note to \u201c{_short(action.title)}\u201d")
        self.action_id = action.id
        self.text = text
        self.progress_before = action.progress
        self.note: ProgressNote | None = None

    def do(self) -> None:
        reg = self.session.register
        if self.note is None:
            self.note = editing.add_note(reg, self.action_id, self.text, reg.who)
        else:
            editing.readd_note(reg, self.note)

    def undo_it(self) -> None:
        editing.remove_note(self.session.register, self.note, self.progress_before)
