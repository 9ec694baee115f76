"""The Help menu: Guide (F1), Keyboard shortcuts and About, each in a window of its own."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

from .menus import add_action


class HelpMenu:
    def __init__(self, window):
        self.window = window
        self.shown = None  # the help window last opened (kept so it is not collected while open)

    def add_to(self, menu) -> None:
        self.guide = add_action(self.window, menu, "&Guide", QKeySequence.StandardKey.HelpContents, self.show_guide)
        self.keys = add_action(self.window, menu, "&Keyboard shortcuts", QKeySequence(), self.show_shortcuts)
        menu.addSeparator()
        self.about = add_action(self.window, menu, "&About CSP Desktop", QKeySequence(), self.show_about)

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
