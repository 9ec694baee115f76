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
from ...services.changes import Changes


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
