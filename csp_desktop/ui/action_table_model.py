"""The action tracker's table: a plain list of rows, each with its text, sort keys and search text
worked out once when the list is set, so sorting and filtering 50,000 actions never touch the register."""
from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from ..domain.derived import AMBER, GREEN, RED, rag
from ..domain.model import ACTION_STATUSES, Action

REF, TITLE, OWNER, DUE, STATUS, PROGRESS, RAG, LINKED = range(8)
HEADERS = ("Ref", "Title", "Owner", "Due", "Status", "Progress", "RAG", "Linked to")
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1

RAG_COLOURS = {RED: "#C00000", AMBER: "#FFC000", GREEN: "#70AD47"}
NO_DUE = date.max.toordinal() + 1  # actions without a due date sort after every date
RAG_RANK = {RED: 0, AMBER: 1, GREEN: 2, None: 3}
MAX_TRACKED_ROWS = 64  # above this many selected rows a sort maps every row at once
SHOWN_CHARS = 300  # a cell shows one line; a 10,000-character title need not be laid out whole


def readable_on(background: str) -> QColor:
    """Black or white text, whichever reads better on the given fill colour."""
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return QColor("#000000") if luminance > 140 else QColor("#FFFFFF")


_DIGITS = re.compile(r"[0-9]+")
_LINE_BREAKS = re.compile(r"[\n\r\t\v\f\u2028\u2029\x1c-\x1f\x85]")


def natural_key(ref: str) -> tuple:
    """R-2 before R-10: the first run of digits counts as a number."""
    digits = _DIGITS.search(ref)
    return (int(digits.group()) if digits else float("inf"), ref.casefold())


def one_line(text: str) -> str:
    """A cell's text on one line, cut short: most text is already so and is returned as it is."""
    if len(text) <= SHOWN_CHARS and not _LINE_BREAKS.search(text):
        return text
    return " ".join(text[:SHOWN_CHARS * 2].split())[:SHOWN_CHARS]


def day_month_year(value: date | None) -> str:
    """22/11/2026, as domain.dates.show writes it, without strftime's cost for 50,000 rows."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


def linked_text(action: Action, meetings: dict[str, str]) -> str:
    parts = []
    if action.risk_id:
        parts.append(f"Risk {action.risk_ref}".strip())
    if action.priority_id:
        parts.append(f"Priority: {action.priority_title}")
    if action.meeting_id:
        parts.append(f"Meeting: {meetings.get(action.meeting_id, '')}")
    return "; ".join(parts)


class ActionRow:
    """One action with everything the table shows, sorts and filters on, worked out once."""
    __slots__ = ("action", "texts", "keys", "search", "rag", "overdue", "shown")

    def __init__(self, action: Action, today: date, meetings: dict[str, str]):
        self.action = action
        self.rag = rag(action, today)
        self.overdue = self.rag == RED  # red is exactly overdue and still open
        linked = linked_text(action, meetings)
        self.texts = (one_line(action.ref), one_line(action.title), one_line(action.owner_name),
                      day_month_year(action.due), action.status, one_line(action.progress),
                      self.rag.capitalize() if self.rag else "", one_line(linked))
        self.keys = (natural_key(action.ref), action.title.casefold(), action.owner_name.casefold(),
                     action.due.toordinal() if action.due else NO_DUE, ACTION_STATUSES.index(action.status),
                     action.progress.casefold(), RAG_RANK[self.rag], linked.casefold())
        self.search = "\n".join((action.ref, action.title, action.owner_name, action.progress, linked,
                                 action.status)).casefold()
        self.shown = True


class ActionTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ActionRow] = []
        self._sort = (DUE, Qt.SortOrder.AscendingOrder)
        self.on_new_rows = None  # called with the new rows inside a reset (the filter marks them)

    def set_rows(self, actions: list[Action], today: date, meetings: dict[str, str] | None = None) -> None:
        meetings = meetings or {}
        self._reset_to([ActionRow(a, today, meetings) for a in actions])

    def apply_changes(self, changed: list[Action], removed: set[str], today: date,
                      meetings: dict[str, str] | None = None) -> None:
        """Take in re-read actions and drop deleted ones, rebuilding only the rows that changed.

        Edited rows stay where they are (a row does not jump away under the cursor when its status
        changes); added or removed rows mean a reset of the reused rows, in the current sort order.
        """
        meetings = meetings or {}
        where = {row.action.id: number for number, row in enumerate(self.rows)}
        fresh = [ActionRow(a, today, meetings) for a in changed]
        if removed or any(row.action.id not in where for row in fresh):
            by_id = {row.action.id: row for row in fresh}
            kept = [by_id.pop(row.action.id, row) for row in self.rows if row.action.id not in removed]
            self._reset_to(kept + list(by_id.values()))
            return
        if self.on_new_rows is not None:
            self.on_new_rows(fresh)
        for row in fresh:
            number = where[row.action.id]
            self.rows[number] = row
            self.dataChanged.emit(self.index(number, 0), self.index(number, len(HEADERS) - 1))

    def _reset_to(self, rows: list[ActionRow]) -> None:
        self.beginResetModel()
        self.rows[:] = rows
        self._order_rows()
        if self.on_new_rows is not None:
            self.on_new_rows(self.rows)
        self.endResetModel()

    def row_for(self, action_id: str) -> int | None:
        for number, row in enumerate(self.rows):
            if row.action.id == action_id:
                return number
        return None

    # -- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
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
        if column == RAG and row.rag:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(RAG_COLOURS[row.rag])
            if role == Qt.ItemDataRole.ForegroundRole:
                return readable_on(RAG_COLOURS[row.rag])
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, PROGRESS, LINKED):
            return _tooltip(row.action, column, row.texts[LINKED])
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed keys (dates as dates, refs naturally); selections follow their rows."""
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        moved = self._remember_persistent_rows()
        self._order_rows()
        self._move_persistent_indexes(moved)
        self.layoutChanged.emit()

    def _order_rows(self) -> None:
        column, order = self._sort
        keys = [row.keys[column] for row in self.rows]
        positions = sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows[:] = [self.rows[n] for n in positions]

    def _remember_persistent_rows(self) -> tuple[list, dict[int, ActionRow]]:
        """The persistent indexes (selection, current cell) and the row each points at, before a sort."""
        old = self.persistentIndexList()
        return old, {i.row(): self.rows[i.row()] for i in old if 0 <= i.row() < len(self.rows)}

    def _move_persistent_indexes(self, moved: tuple[list, dict[int, ActionRow]]) -> None:
        old, rows = moved
        if not old:
            return
        if len(rows) <= MAX_TRACKED_ROWS:  # usually a handful: find each one (identity compare, in C)
            now = {before: self.rows.index(row) for before, row in rows.items()}
        else:
            where = {id(row): number for number, row in enumerate(self.rows)}
            now = {before: where[id(row)] for before, row in rows.items()}
        self.changePersistentIndexList(old, [self.index(now[i.row()], i.column()) if i.row() in now
                                             else QModelIndex() for i in old])


def _tooltip(action: Action, column: int, linked: str) -> str:
    """The cell's whole text (up to a screenful), escaped so what the user typed is never read as markup."""
    text = {TITLE: action.title, PROGRESS: action.progress, LINKED: linked}[column]
    return f"<p style='white-space:pre-wrap'>{html.escape(text[:1000])}</p>" if text else None
