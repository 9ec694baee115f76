"""The menu bar: File (file_menu), Edit (Undo, Redo, Find), View (one item per view) and Help (help_menu).

Shortcuts are given once the window has painted (after_paint): the first one set costs ~11 ms.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..common.status import menu_text


def add_action(window, menu, text: str, keys, slot) -> QAction:
    """An item of `menu` calling `slot`; its shortcut (a QKeySequence, or a list of them) comes after the paint."""
    action = QAction(text, window)
    window.keys_later(action, keys)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menu_bar(window) -> None:
    bar = window.menuBar()
    window.files.add_to(bar.addMenu("&File"))
    window.edit.add_to(bar.addMenu("&Edit"))
    view = bar.addMenu("&View")
    for n, shown in enumerate(window.views):
        add_action(window, view, menu_text(shown.title), QKeySequence(f"Ctrl+{n + 1}"),
                   lambda _=False, n=n: window.nav.setCurrentRow(n))
    window.help.add_to(bar.addMenu("&Help"))


class EditMenu(QObject):
    """Undo and Redo (their texts name the step: feedback.py) and Find (the current view's filter)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._refusals_connected = False

    def add_to(self, menu) -> None:
        window = self.window
        self.undo = add_action(window, menu, "&Undo", QKeySequence.StandardKey.Undo, self._undo)
        self.redo = add_action(window, menu, "&Redo", [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
                               self._redo)
        menu.addSeparator()
        self.find = add_action(window, menu, "&Find", QKeySequence.StandardKey.Find, self._find)

    def set_open(self, stack) -> None:
        """Enabled for the open register's undo stack (None: no register open)."""
        self.find.setEnabled(stack is not None)
        self.undo.setEnabled(bool(stack and stack.canUndo()))
        self.redo.setEnabled(bool(stack and stack.canRedo()))
        if stack is None:
            self.undo.setText("&Undo")
            self.redo.setText("&Redo")
        else:
            stack.canUndoChanged.connect(self.undo.setEnabled)
            stack.canRedoChanged.connect(self.redo.setEnabled)
            self._connect_refusals()

    def _find(self) -> None:
        page = self.window.current_page()
        if page is not None and hasattr(page, "focus_filter"):
            page.focus_filter()

    def _undo(self) -> None:
        window = self.window
        if window.session is not None and not window.session.read_only:
            window.undo_feedback.undo()

    def _redo(self) -> None:
        window = self.window
        if window.session is not None and not window.session.read_only:
            window.undo_feedback.redo()

    def _connect_refusals(self) -> None:
        """An undo or redo the register refused (it changed under the command) reaches the user."""
        if not self._refusals_connected:
            from PySide6.QtCore import Qt

            from .undoable import failures
            failures.failed.connect(self._step_refused, Qt.ConnectionType.QueuedConnection)
            self._refusals_connected = True

    def _step_refused(self, message: str) -> None:
        """An undo or redo the register refused (changed elsewhere, file now locked): explain, start afresh."""
        session = self.window.session
        if session is None:
            return
        session.undo_stack.clear()
        from ...services.changes import Changes  # not at start-up: the window paints before services load
        from ..common.text import tell
        session.notify(Changes.everything())
        tell(self.window, "Undo", f"{message} The undo history was cleared.")
