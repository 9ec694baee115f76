"""The problems the reader found: errors and warnings told apart by icon, word and colour."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from ..common.accessible import named

ERROR_COLOUR, WARNING_COLOUR = QColor("#9C0006"), QColor("#7F6000")


class ProblemList(QListWidget):
    chosen = Signal(object)   # the Problem clicked (or chosen with Enter)

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "Problems", "What the reader found; choose one to see its cell.")
        self.setWordWrap(True)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self._problems = []

    def show_problems(self, problems, message: str = "") -> None:
        self.clear()
        self._problems = list(problems)
        style = self.style()
        for problem in self._problems:
            error = problem.severity == "error"
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical if error
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            item = QListWidgetItem(icon, f"{'Error' if error else 'Warning'}: {_where(problem)}{problem.message}")
            item.setForeground(QBrush(ERROR_COLOUR if error else WARNING_COLOUR))
            self.addItem(item)
        if not self._problems:
            self.addItem(message or "No problems found.")

    def _chosen(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self._problems):
            self.chosen.emit(self._problems[row])


def _where(problem) -> str:
    place = problem.place()
    return f"{place}: " if place else ""
