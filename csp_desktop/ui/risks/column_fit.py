"""On a narrow window the risks table drops its least needed columns, so the titles keep their width.

A laptop at 150% scaling leaves the table about 400 pixels beside the editor; with every column shown
titles were cut to about 15 characters. Columns come back, in the reverse order, as soon as there is
room. Everything hidden here is still in the editor beside the table.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from .risk_table_model import INHERENT, NEXT_REVIEW, PRIORITY, STATUS, TARGET, TITLE, TRAVEL

DROPPED_FIRST = (STATUS, TARGET, INHERENT, TRAVEL, NEXT_REVIEW, PRIORITY)
TITLE_CHARS = 32  # a title this long reads as a title, not a fragment


class ColumnFit(QObject):
    def __init__(self, table: QTableView, widths: dict[int, int]):
        super().__init__(table)
        self.table, self.widths = table, widths  # each column's natural width, set when the table was built
        self.wanted = table.fontMetrics().averageCharWidth() * TITLE_CHARS
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def hidden(self) -> list[int]:
        return [c for c in DROPPED_FIRST if self.table.isColumnHidden(c)]

    def fit(self) -> None:
        available = self.table.viewport().width()
        shown = [c for c in self.widths if c != TITLE and c not in DROPPED_FIRST]
        drop = []
        for column in reversed(DROPPED_FIRST):  # keep the most needed first, while the title still gets its width
            needs = sum(self.widths[c] for c in shown) + self.widths[column] + self.wanted
            if needs <= available and not drop:
                shown.append(column)
            else:
                drop.append(column)
        for column in DROPPED_FIRST:
            self.table.setColumnHidden(column, column in drop)
