"""Qt table models for the update round: plain lists of dict rows with column constants."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.shorten import shorten

FLAG_COLOURS: dict[str | None, str] = {"conflict": "#F8CBAD", "invalid": "#FFC7CE", "formula": "#FFEB9C",
                                       "identity": "#FFC7CE", "added": "#D9D9D9", "deleted": "#D9D9D9",
                                       "comment": "#DDEBF7"}
DECISION_COLOURS: dict[str | None, str] = {"accept": "#C6EFCE", "reject": "#F2F2F2"}
MAX_SHOWN = 200  # characters of a long text shown in a cell; the whole text is in the tooltip and detail pane


class RowsModel(QAbstractTableModel):
    """Rows of dicts shown through (key, heading) columns; `set_rows` replaces them all at once."""

    def __init__(self, columns: tuple[tuple[str, str], ...], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section][1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, key = self.rows[index.row()], self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(self.display(row, key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.colour(row, key)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return QBrush(QColor("#7F7F7F"))
        return None

    def muted(self, row: dict) -> bool:
        return False

    def display(self, row: dict, key: str):
        value = row.get(key)
        return "" if value is None else str(value)

    def tooltip(self, row: dict, key: str):
        text = self.display(row, key)
        return text if len(text) > 40 else None

    def colour(self, row: dict, key: str) -> str | None:
        return None


def _shown(text: str) -> str:
    return shorten(text, MAX_SHOWN)


CHANGE_COLUMNS = (("decision", "Decision"), ("flag", "Flag"), ("owner_name", "Owner"), ("item", "Item"),
                  ("field", "Field"), ("old_value", "Sent value"), ("register_value", "Register now"),
                  ("new_value", "Owner's value"), ("file_name", "File"))


class ChangesModel(RowsModel):
    """Proposed changes with the coordinator's decision on each (held here until Apply)."""

    def __init__(self, parent=None, *, with_outcome: bool = False):
        columns = ((("outcome", "Outcome"),) if with_outcome else CHANGE_COLUMNS[:1]) + CHANGE_COLUMNS[1:]
        super().__init__(columns, parent)
        self.decisions: dict[str, str] = {}

    def set_rows(self, rows: list[dict]) -> None:
        self.decisions = {k: v for k, v in self.decisions.items() if k in {r["id"] for r in rows}}
        super().set_rows(rows)

    def decide(self, rows: list[int], decision: str | None) -> int:
        """Record a decision for the given rows; a change that cannot be taken can only be rejected."""
        done = 0
        for number in rows:
            change = self.rows[number]
            if change["outcome"] != "pending" or (decision == "accept" and change["apply_value"] is None):
                continue
            if decision is None:
                self.decisions.pop(change["id"], None)
            else:
                self.decisions[change["id"]] = decision
            done += 1
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1))
        return done

    def waiting(self) -> int:
        return sum(row["outcome"] == "pending" for row in self.rows)

    def chosen(self, decision: str) -> list[str]:
        return [k for k, v in self.decisions.items() if v == decision]

    def display(self, row: dict, key: str):
        if key == "decision":
            if row["outcome"] != "pending":
                return row["outcome"].capitalize()
            return {"accept": "Accept", "reject": "Reject"}.get(self.decisions.get(row["id"]) or "", "")
        if key == "field" and row.get("tbl"):
            return f"{row['tbl'][:-1]}: {row['field']}"
        return super().display(row, key)

    def muted(self, row: dict) -> bool:
        return row.get("outcome") not in (None, "pending")  # decided already: shown for the whole account

    def tooltip(self, row: dict, key: str):
        if key == "flag" and row.get("detail"):
            return row["detail"]
        return super().tooltip(row, key)

    def colour(self, row: dict, key: str) -> str | None:
        if key == "decision":
            return DECISION_COLOURS.get(self.decisions.get(row["id"]))
        if key == "flag":
            return FLAG_COLOURS.get(row.get("flag"))
        return None


RETURN_COLUMNS = (("received", "Received"), ("owner_name", "Owner"), ("file_name", "File"), ("state", "Status"),
                  ("changes", "Changes"), ("applied", "Applied"), ("pending", "Waiting"), ("rejected", "Rejected"),
                  ("not_taken", "Not taken"))
PROGRESS_COLUMNS = (("owner", "Owner"), ("email", "Email"), ("file", "Workbook"), ("sent", "Sent"),
                    ("return_by", "Return by"), ("returned", "Returned"), ("state", "State"))
STATE_COLOURS: dict[str | None, str] = {"returned": "#C6EFCE", "overdue": "#FFC7CE", "outstanding": "#FFEB9C"}


class ProgressModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(PROGRESS_COLUMNS, parent)

    def colour(self, row: dict, key: str) -> str | None:
        return STATE_COLOURS.get(row.get("state")) if key == "state" else None
