"""The action tracker's table model: a plain list of precomputed rows.

The model keeps every action read (`all_rows`, in the order read) and shows `rows`: those the filter
passed (each row's `shown` flag, set by ActionFilterProxy), in the current sort order. Filtering and
sorting happen here, on precomputed keys and search text, because with 50,000 actions a Qt proxy that
calls back into Python for every row (filterAcceptsRow) or every comparison (lessThan) costs more than
the work itself; the proxy in front then maps rows one to one, in C++.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from ...domain.model import Action
from .action_rows import (ACTION_ROLE, DUE, HEADERS, LINKED, PROGRESS, RAG, RAG_COLOURS, STATUS, TITLE, ActionRow,
                          tooltip)
from ..common.colours import text_colour_on

MAX_TRACKED_ROWS = 64  # above this many selected rows a sort maps every row at once


class ActionTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.all_rows: list[ActionRow] = []
        self.rows: list[ActionRow] = []  # what the table shows; only ever changed in place
        self._sort = (DUE, Qt.SortOrder.AscendingOrder)
        self._order: list[int] = []  # positions in all_rows, in sort order
        self._keys: dict[int, list] = {}  # a column's sort keys, aligned with all_rows, made when first needed
        self.on_new_rows = None  # called with rows just built, so the filter can mark them
        self._where: dict[str, int] | None = None  # action id -> position in all_rows, made when first needed

    # -- filling -------------------------------------------------------------------------------------

    def set_rows(self, actions: list[Action], today: date, meetings: dict[str, str] | None = None,
                 exempt: dict[str, int | None] | None = None) -> None:
        """`exempt`: the exempt ids, each with its paragraph (services.lookups.exempt_paragraphs)."""
        self._replace_all([ActionRow(a, today, meetings or {}, exempt) for a in actions])

    def apply_changes(self, changed: list[Action], removed: set[str], today: date,
                      meetings: dict[str, str] | None = None, exempt: dict[str, int | None] | None = None) -> None:
        """Take in re-read actions and drop deleted ones, building only the rows that changed.

        An edited row keeps its place (it does not jump away under the cursor when its status changes);
        added or removed actions mean a reset of the reused rows, in the current sort order.
        """
        fresh = self._built([ActionRow(a, today, meetings or {}, exempt) for a in changed])
        where = self._positions()
        if removed or any(row.action.id not in where for row in fresh):
            by_id = {row.action.id: row for row in fresh}
            kept = [by_id.pop(row.action.id, row) for row in self.all_rows if row.action.id not in removed]
            self._replace_all(kept + list(by_id.values()), build=False)
            return
        old = [self._swap_in(where[row.action.id], row) for row in fresh]
        if any(before.shown != after.shown for before, after in zip(old, fresh)):
            self.show_marked()  # the edit moved rows in or out of the filter
            return
        shown = [(before, after) for before, after in zip(old, fresh) if before.shown]
        if len(shown) > 8:  # an owner's hundreds of rows: found in one walk, not one walk of 50,000 each
            at = {id(row): number for number, row in enumerate(self.rows)}
            numbers = [at[id(before)] for before, _ in shown]
        else:
            numbers = [self.rows.index(before) for before, _ in shown]  # identity compare, in C
        for number, (_, after) in zip(numbers, shown):
            self.rows[number] = after
            self.dataChanged.emit(self.index(number, 0), self.index(number, len(HEADERS) - 1))

    def show_marked(self) -> None:
        """Show the rows now marked `shown`, in the current order (after the filter changed)."""
        self.beginResetModel()
        self._show_in_order()
        self.endResetModel()

    def holds(self, action_id: str) -> bool:
        return action_id in self._positions()

    def _positions(self) -> dict[str, int]:
        """Where each action is in all_rows: kept between edits (an edit swaps a row in at its own place),
        so one edit does not walk 50,000 rows to find its own."""
        if self._where is None:
            self._where = {row.action.id: number for number, row in enumerate(self.all_rows)}
        return self._where

    def row_for(self, action_id: str) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.action.id == action_id), None)

    def _built(self, rows: list[ActionRow]) -> list[ActionRow]:
        if self.on_new_rows is not None:
            self.on_new_rows(rows)
        return rows

    def _replace_all(self, rows: list[ActionRow], build: bool = True) -> None:
        self.beginResetModel()
        self.all_rows = self._built(rows) if build else rows
        self._keys.clear()
        self._where = None
        self._order_all()
        self._show_in_order()
        self.endResetModel()

    def _swap_in(self, position: int, row: ActionRow) -> ActionRow:
        before, self.all_rows[position] = self.all_rows[position], row
        for column, keys in self._keys.items():
            keys[position] = row.key(column)
        return before

    # -- sorting -------------------------------------------------------------------------------------

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed keys (dates as dates, refs naturally); selections follow their rows."""
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        tracked = {i.row(): self.rows[i.row()] for i in old if 0 <= i.row() < len(self.rows)}
        self._order_all()
        self._show_in_order()
        self._move_persistent_indexes(old, tracked)
        self.layoutChanged.emit()

    def _order_all(self) -> None:
        column, order = self._sort
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [row.key(column) for row in self.all_rows]
        self._order = sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def _show_in_order(self) -> None:
        every = self.all_rows
        self.rows[:] = [row for row in map(every.__getitem__, self._order) if row.shown]

    def _move_persistent_indexes(self, old: list, tracked: dict[int, ActionRow]) -> None:
        if not old:
            return
        if len(tracked) <= MAX_TRACKED_ROWS:  # usually a handful: find each one (identity compare, in C)
            now = {before: self.rows.index(row) for before, row in tracked.items()}
        else:
            where = {id(row): number for number, row in enumerate(self.rows)}
            now = {before: where[id(row)] for before, row in tracked.items()}
        self.changePersistentIndexList(old, [self.index(now[i.row()], i.column()) if i.row() in now
                                             else QModelIndex() for i in old])

    # -- Qt's model interface ------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == STATUS else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.texts[column]
        if role == Qt.ItemDataRole.EditRole:
            return row.action.status if column == STATUS else row.texts[column]
        if role == ACTION_ROLE:
            return row.action
        if column == RAG and row.rag in RAG_COLOURS:  # "no date" has no colour: its words say it
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(RAG_COLOURS[row.rag])
            if role == Qt.ItemDataRole.ForegroundRole:
                return text_colour_on(RAG_COLOURS[row.rag])
        if role == Qt.ItemDataRole.ToolTipRole and column == RAG:
            return row.rag_note or None
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, PROGRESS, LINKED, DUE, STATUS):
            return tooltip(row.action, column, row.texts[LINKED], row.exempt_note if column == TITLE else "")
        return None
