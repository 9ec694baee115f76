"""The open register as the GUI sees it: the register, its undo stack and one change signal."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...domain.scoring import Scheme
from ...store import Register


class Session(QObject):
    """Every view listens to `changed`; every edit goes through `undo_stack` commands that call services.

    `changed` carries the name of what changed ("risks", "actions", "owners", "meetings", "scheme", ...)
    so a view refreshes only when it must; "*" means everything.
    """

    changed = Signal(str)

    def __init__(self, register: Register, parent: QObject | None = None):
        super().__init__(parent)
        self.register = register
        self.undo_stack = QUndoStack(self)

    @property
    def scheme(self) -> Scheme:
        return self.register.scheme

    @property
    def read_only(self) -> bool:
        return self.register.read_only

    def notify(self, what: str) -> None:
        self.changed.emit(what)
