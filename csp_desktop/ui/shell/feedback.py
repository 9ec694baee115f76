"""What the window says after each finished step: the status bar line, and Undo/Redo texts that name the step.

Views call common.status.say(self, "Pack saved to ..."); the undo stack's own steps (every edit is a command) are
announced here, so no view has to remember to do it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject

from ..common.status import menu_text, say


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class UndoFeedback(QObject):
    """Keeps the window's Undo and Redo texts naming the step and announces every step in the status bar."""

    def __init__(self, window, stack):
        super().__init__(stack)
        self.window, self.stack = window, stack
        self.doing = "Done"  # what the next index change is: a new edit, an undo or a redo
        self.index = stack.index()
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        stack.indexChanged.connect(self._moved)
        self._undo_text(stack.undoText())
        self._redo_text(stack.redoText())

    def detach(self) -> None:
        """Before the register closes: the stack's clearing as it goes is no step to announce."""
        for signal, slot in ((self.stack.undoTextChanged, self._undo_text),
                             (self.stack.redoTextChanged, self._redo_text), (self.stack.indexChanged, self._moved)):
            signal.disconnect(slot)

    def _undo_text(self, text: str) -> None:
        self.window.undo_action.setText(f"&Undo {menu_text(_lower_first(text))}".strip())

    def _redo_text(self, text: str) -> None:
        self.window.redo_action.setText(f"&Redo {menu_text(_lower_first(text))}".strip())

    def undo(self) -> None:
        self._step("Undone", self.stack.undo)

    def redo(self) -> None:
        self._step("Redone", self.stack.redo)

    def _step(self, doing: str, step) -> None:
        """Run the stack's undo or redo with the status bar saying which it was."""
        self.doing = doing
        try:
            step()
        finally:
            self.doing = "Done"

    def _moved(self, index: int) -> None:
        step = self.stack.text(index if self.doing == "Undone" else index - 1)
        self.index = index
        if step:
            say(self.window, f"{self.doing}: {_lower_first(step) if self.doing != 'Done' else step}.")
