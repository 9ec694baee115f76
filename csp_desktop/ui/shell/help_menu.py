"""The Help menu: Guide (F1), Keyboard shortcuts and About, each in a window of its own."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


class HelpMenu:
    def __init__(self, window):
        self.window = window
        self.shown = None  # the help window last opened (kept so it is not collected while open)

    def add_to(self, menu) -> None:
        self.guide = self._action(menu, "&Guide", QKeySequence.StandardKey.HelpContents, self.show_guide)
        self.keys = self._action(menu, "&Keyboard shortcuts", QKeySequence(), self.show_shortcuts)
        menu.addSeparator()
        self.about = self._action(menu, "&About CSP Desktop", QKeySequence(), self.show_about)

    def _action(self, menu, text: str, keys, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _show(self, make):
        from ..help import help_windows
        self.shown = getattr(help_windows, make)(self.window)
        self.shown.show()
        return self.shown

    def show_guide(self):
        return self._show("guide")

    def show_shortcuts(self):
        return self._show("shortcuts")

    def show_about(self):
        return self._show("about")
