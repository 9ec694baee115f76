"""The base of every undoable edit: one QUndoCommand per edit that calls a service and tells the session.

A command's first redo happens inside QUndoStack.push. When a service refuses (a UserError: a bad
value, a read-only register, a row someone else changed), the command records the sentence in
`error` and makes itself obsolete, so the stack drops it and nothing half-done stays undoable.
Failures of a later undo or redo (the register changed under it) are announced on `failures`.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ...errors import UserError
from ...services.changes import Changes, Kind


class CommandFailures(QObject):
    failed = Signal(str)


failures = CommandFailures()


class EditCommand(QUndoCommand):
    """Subclasses set `kinds` (what they change), name the rows in `changed_ids`, and implement `do` and
    `undo_it`; after each run the session announces `changes()` so views update just those rows."""

    kinds: tuple[Kind, ...] = ()

    def changed_ids(self) -> tuple[str, ...]:
        return ()  # not known: views read everything of these kinds again

    def changes(self) -> Changes:
        return Changes.of(*self.kinds, ids=self.changed_ids())

    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session
        self.error: str | None = None
        self._pushed = False

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def _run(self, step) -> None:
        try:
            step()
        except UserError as exc:
            self.error = str(exc)
            self.setObsolete(True)
            if self._pushed:
                failures.failed.emit(self.error)
        self._pushed = True
        self.session.notify(self.changes())


def push(session, command: EditCommand) -> str | None:
    """Push and run the command; returns the sentence explaining why it was refused, or None."""
    session.undo_stack.push(command)
    return command.error


class AddCommand(EditCommand):
    """Add a row with the service's `add` (it returns the row as stored); undo deletes it again with `delete`."""

    add: Callable
    delete: Callable

    def __init__(self, session, text: str, row):
        super().__init__(session, text)
        self.row, self.row_id = row, row.id

    def do(self) -> None:
        self.row = type(self).add(self.session.register, self.row)

    def undo_it(self) -> None:
        type(self).delete(self.session.register, self.row_id, None)


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

    def do(self) -> None:
        self.removed = type(self).delete(self.session.register, self.row_id, self.expected)
        self.expected = None

    def undo_it(self) -> None:
        type(self).restore(self.session.register, *self.removed)
