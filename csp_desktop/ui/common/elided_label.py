"""A one-line label that ends in "…" when its text is wider than the label; the tooltip has it whole."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from .text import plain_tooltip


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.full = text
        self.setAccessibleDescription(text)
        self._elide()

    def text(self) -> str:  # the whole text; text_shown() is what fits
        return self.full

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, max(self.width(), 40))
        super().setText(shown)
        if shown != self.full:
            self.setToolTip(plain_tooltip(self.full) or "")
