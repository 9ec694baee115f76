"""User text shown by Qt: never let it be read as markup (Qt guesses rich text in labels and tooltips)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ...domain.shorten import shorten

TOOLTIP_CHARS = 500


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as typed, cut to a readable length."""
    if not text:
        return None
    cut = shorten(text, TOOLTIP_CHARS + 1, flat=False)
    return f"<qt>{html.escape(cut).replace(chr(10), '<br>')}</qt>"


def ask(parent, title: str, text: str) -> bool:
    """A yes/no question whose text (which may quote the user's own words) is shown as typed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes


def tell(parent, title: str, text: str, icon: str = "warning") -> None:
    """A one-sentence message (an error the user can put right), shown as plain text."""
    icons = {"warning": QMessageBox.Icon.Warning, "info": QMessageBox.Icon.Information,
             "error": QMessageBox.Icon.Critical}
    box = QMessageBox(icons[icon], title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
