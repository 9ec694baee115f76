"""User text shown by Qt: never let it be read as markup (Qt guesses rich text in labels and tooltips)."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox

TOOLTIP_CHARS = 500


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as typed, cut to a readable length."""
    if not text:
        return None
    cut = text if len(text) <= TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "\u2026"
    return f"<qt>{html.escape(cut).replace(chr(10), '<br>')}</qt>"


def ask(parent, title: str, text: str) -> bool:
    """A yes/no question whose text (which may quote the user's own words) is shown as typed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(_plain())
    return box.exec() == QMessageBox.StandardButton.Yes


def tell(parent, title: str, text: str, icon: str = "warning") -> None:
    """A one-sentence message (an error the user can put right), shown as plain text."""
    icons = {"warning": QMessageBox.Icon.Warning, "info": QMessageBox.Icon.Information,
             "error": QMessageBox.Icon.Critical}
    box = QMessageBox(icons[icon], title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(_plain())
    box.exec()


def _plain():
    """Qt's PlainText format, looked up when a message is shown: importing the Qt namespace costs ~15 ms
    (PySide builds all its enums), which the window's first paint should not wait for."""
    from PySide6.QtCore import Qt
    return Qt.TextFormat.PlainText
