"""The open register as the GUI sees it: its workspace, its undo stack and one change signal."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...domain.scoring import Scheme
from ...services.changes import Changes
from ...services.workspace import Workspace


class Session(QObject):
    """Every view listens to `changed`; every edit goes through `undo_stack` commands that call services.

    `changed` carries a `Changes` (the kinds of rows and their ids) so a view updates only what it
    shows of them, and does nothing when none is its concern.
    """

    changed = Signal(object)

    def __init__(self, workspace, parent: QObject | None = None):
        super().__init__(parent)
        # A bare register (tests, tools) is taken as a workspace of its own.
        self.workspace = workspace if isinstance(workspace, Workspace) else Workspace.adopt(workspace)
        self.undo_stack = QUndoStack(self)

    @property
    def register(self):
        """The main connection, for the GUI thread only; background jobs ask the workspace for their own."""
        return self.workspace.register

    @property
    def scheme(self) -> Scheme:
        return self.register.scheme

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    def notify(self, changes: Changes) -> None:
        if changes:  # an operation that changed nothing (a pack issued before) has nothing to tell
            self.changed.emit(changes)
