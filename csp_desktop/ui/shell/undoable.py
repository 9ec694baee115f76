"""The base of every undoable edit: one QUndoCommand per edit that calls a service and tells the session.

A command's first redo happens inside QUndoStack.push. When a service refuses (a UserError: a bad
value, a read-only register, a row someone else changed), the command records the sentence in
`error` and makes itself obsolete, so the stack drops it and nothing half-done stays undoable.
Failures of a later undo or redo (the register changed under it) are announced on `failures`.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ...errors import UserError
from ...services.changes import Changes, Done


class CommandFailures(QObject):
    failed = Signal(str)


failures = CommandFailures()


class EditCommand(QUndoCommand):
    """Subclasses implement `do` and `undo_it`, each calling service operations and returning the `Changes`
    those operations returned; after each run the session announces them, so views update just those rows."""

    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session
        self.error: str | None = None
        self._pushed = False
        self.last = Changes()  # what the last run changed

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def do(self) -> Changes:
        raise NotImplementedError

    def undo_it(self) -> Changes:
        raise NotImplementedError

    def _run(self, step: Callable[[], Changes]) -> None:
        try:
            self.last = step()
        except UserError as exc:
            # Refused inside its transaction, so nothing changed; a later run refused still has views
            # read again what the command last touched, which is what the user is looking at.
            self.error = str(exc)
            self.setObsolete(True)
            if self._pushed:
                failures.failed.emit(self.error)
        self._pushed = True
        if self.last:
            self.session.notify(self.last)


def push(session, command: EditCommand) -> str | None:
    """Push and run the command; returns the sentence explaining why it was refused, or None."""
    session.undo_stack.push(command)
    return command.error


def _changes(outcome: Done | Changes) -> Changes:
    """What a service operation changed, whether it also returned a value (Done) or not."""
    return outcome.changes if isinstance(outcome, Done) else outcome


class AddCommand(EditCommand):
    """Add a row with the service's `add` (it returns the row as stored); undo deletes it again with `delete`."""

    add: Callable
    delete: Callable

    def __init__(self, session, text: str, row):
        super().__init__(session, text)
        self.row, self.row_id = row, row.id

    def do(self) -> Changes:
        done = type(self).add(self.session.register, self.row)
        self.row = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return _changes(type(self).delete(self.session.register, self.row_id, None))


class DeleteCommand(EditCommand):
    """Delete a row with the service's `delete`, which returns what `restore` needs to put it back as it was
    (with what hung on it or pointed to it); the first run refuses a row changed since it was read."""

    delete: Callable
    restore: Callable

    def __init__(self, session, text: str, row):
        super().__init__(session, text)
        self.row_id = row.id
        self.expected: int | None = row.version  # the first run only: undo and redo apply as stored
        self.removed: tuple = ()

    def do(self) -> Changes:
        done = type(self).delete(self.session.register, self.row_id, self.expected)
        self.removed, self.expected = done.value, None
        return done.changes

    def undo_it(self) -> Changes:
        return _changes(type(self).restore(self.session.register, *self.removed))
