"""A table of history entries: when, who, the item, the change, old and new; exempt items marked."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...domain.shorten import shorten
from ...services.history import Entry
from ..common.accessible import named
from ..common.text import plain_tooltip

COLUMNS = ("When", "Who", "Item", "Change", "Old value", "New value")
EXEMPT_BACKGROUND = QColor("#FFF2CC")
PART_II = "Part II: "


class HistoryModel(QAbstractTableModel):
    """A plain list of entries (Vorta's habit: one set_rows inside a reset)."""

    def __init__(self, parent=None, *, show_item: bool = True, item_last: bool = False):
        super().__init__(parent)
        self.entries: list[Entry] = []
        columns = COLUMNS if show_item else tuple(c for c in COLUMNS if c != "Item")
        if show_item and item_last:  # in an item's own tab the change matters more than which part changed
            columns = tuple(c for c in columns if c != "Item") + ("Item",)
        self.columns = columns

    def set_rows(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def add_rows(self, entries: list[Entry]) -> None:
        if entries:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
            self.entries += entries
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def _text(self, entry: Entry, column: str) -> str:
        if column == "Item":
            return (PART_II if entry.exempt else "") + entry.item
        return {"When": entry.when, "Who": entry.who, "Change": entry.change, "Old value": entry.old,
                "New value": entry.new}[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(entry, column)
            return shorten(text, 200, flat=False)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(entry, column))
        if role == Qt.ItemDataRole.BackgroundRole and entry.exempt:
            return EXEMPT_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and entry.exempt:
            return QColor("#000000")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None


def history_table(model: HistoryModel, name: str) -> QTableView:
    table = named(QTableView(), name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    text = table.fontMetrics().horizontalAdvance
    widths = {"When": text("27/11/2026 23:59") + 16, "Who": text("from the return of Gwenllïan") + 16,
              "Item": text("Risk R-01 Knife crime in the town") + 16,
                  "Change": text("changed the residual impact") + 16,
              "Old value": text("Old value: a longer one") + 16, "New value": text("New value: a longer one") + 16}
    for n, column in enumerate(model.columns):
        table.setColumnWidth(n, widths[column])
    return table
