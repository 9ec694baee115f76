"""On a narrow window a table drops its least needed columns, so its titles keep a readable width.

A laptop at 150% scaling left the risks table about 400 pixels beside the editor, and with every column
shown titles were cut to about 15 characters (action titles to "…"). Columns come back, most needed
first, as soon as there is room. What a table drops must be readable elsewhere (its editor, a tooltip).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

TITLE_CHARS = 32  # a title this long reads as a title, not a fragment


class ColumnFit(QObject):
    def __init__(self, table: QTableView, widths: dict[int, int], title: int, dropped_first: tuple[int, ...]):
        super().__init__(table)
        self.table, self.widths = table, widths  # each column's natural width, set when the table was built
        self.title, self.dropped_first = title, dropped_first
        self.wanted = table.fontMetrics().averageCharWidth() * TITLE_CHARS
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def hidden(self) -> list[int]:
        return [c for c in self.dropped_first if self.table.isColumnHidden(c)]

    def fit(self) -> None:
        available = self.table.viewport().width()
        shown = [c for c in self.widths if c != self.title and c not in self.dropped_first]
        drop: list[int] = []
        for column in reversed(self.dropped_first):  # the most needed first, while the title keeps its width
            needs = sum(self.widths[c] for c in shown) + self.widths[column] + self.wanted
            if needs <= available and not drop:
                shown.append(column)
            else:
                drop.append(column)
        for column in self.dropped_first:
            self.table.setColumnHidden(column, column in drop)
