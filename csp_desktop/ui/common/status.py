"""What a finished step says in the window's status bar, and menu texts shown as typed."""
from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

SHOWN_MS = 8000  # long enough to read a path, short enough not to be mistaken for the present state


def say(widget: QWidget | None, message: str) -> None:
    """Show `message` in the status bar of `widget`'s window for a few seconds (nothing if it has none)."""
    window = widget.window() if widget is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, SHOWN_MS)


def menu_text(text: str) -> str:
    """`text` for a menu or button, its ampersands shown as typed rather than read as Alt keys."""
    return text.replace("&", "&&")
