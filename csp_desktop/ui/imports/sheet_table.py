"""One sheet as the preview shows it: its first rows as read, header rows marked, and above each column
its heading, what it was taken as and a drop-down to change that (or leave the column out)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableWidget, QTableWidgetItem

from ...services.import_preview import field_words, fields_for, in_app_words
from ..common.accessible import named

HEADER_FILL = QColor("#DDEBF7")   # header rows: a fill and bold text, and "Heading" in the row's label
PROBLEM_FILL = QColor("#FFE699")
KEEP = "__as_read__"


class SheetTable(QTableWidget):
    """Row 0 holds the drop-downs; the rows below are the sheet's rows, numbered as in the file."""
    field_chosen = Signal(str, str)   # heading (or "column D"), field ("ignore" leaves it out)

    def __init__(self, parent=None):
        super().__init__(parent)
        named(self, "Rows as read", "The first rows of the sheet as read; header rows are marked 'Heading'.")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.row_of: dict[int, int] = {}  # file row number -> table row
        self.combos: dict[int, QComboBox] = {}

    def show_sheet(self, view) -> None:
        reading = view.reading
        width = max([len(cells) for _, cells in view.rows] + [len(reading.columns)], default=0)
        self.clear()
        self.combos, self.row_of = {}, {}
        self.setColumnCount(width)
        self.setRowCount(len(view.rows) + 1)
        by_index = {c.index: c for c in reading.columns}
        self.setHorizontalHeaderLabels([self._title(by_index.get(i), i) for i in range(width)])
        self.setVerticalHeaderItem(0, QTableWidgetItem("Taken as"))
        headings = [c.heading for c in reading.columns if c.heading]
        for i in range(width):
            column = by_index.get(i)
            if reading.kind and column is not None and column.heading:
                # A heading repeated in the sheet ("Likelihood" three times) is named by its column instead.
                key = column.heading if headings.count(column.heading) == 1 else f"column {column.column}"
                self.setCellWidget(0, i, self._combo(reading.kind, column, key))
        header = {reading.header_row} if reading.header_row else set()
        if reading.header_row and any(" / " in (c.heading or "") for c in reading.columns):
            header.add(reading.header_row - 1)  # a group heading row above the headings
        for t, (number, cells) in enumerate(view.rows, start=1):
            self.row_of[number] = t
            is_header = number in header
            self.setVerticalHeaderItem(t, QTableWidgetItem(f"Heading {number}" if is_header else str(number)))
            for i, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if is_header:
                    item.setBackground(QBrush(HEADER_FILL))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(t, i, item)
        self.resizeColumnsToContents()
        for i in range(width):
            combo = self.combos.get(i)  # wide enough for its drop-down's words ("Inherent likelihood (as read)")
            least = max(110, combo.sizeHint().width() if combo is not None else 0)
            self.setColumnWidth(i, max(least, min(self.columnWidth(i), 220)))

    @staticmethod
    def _title(column, index: int) -> str:
        from ...services.import_preview import column_letters
        if column is None or not column.heading:
            return column_letters(index)
        return f"{column.column}: {column.heading[:30]}"

    def _combo(self, kind: str, column, key: str) -> QComboBox:
        combo = QComboBox()
        now = column.field
        combo.addItem(f"{field_words(now)} (as read)", KEEP)
        for name in fields_for(kind):
            if name != now:
                combo.addItem(field_words(name), name)
        named(combo, f"Column {column.column} {column.heading[:40]} holds",
              f"Read as {field_words(now).lower()}: {in_app_words(column.why)}")
        if now is None:
            combo.setStyleSheet("QComboBox { border: 2px solid #C00000; }")  # also says "Not imported"
        combo.activated.connect(lambda _i, c=combo, k=key: self._chosen(c, k))
        self.combos[column.index] = combo
        return combo

    def keyPressEvent(self, event) -> None:
        """From the keyboard: on the "Taken as" row, Space, Enter or F4 opens that column's drop-down."""
        combo = self.combos.get(self.currentColumn()) if self.currentRow() == 0 else None
        if combo is not None and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F4):
            combo.setFocus(Qt.FocusReason.TabFocusReason)
            combo.showPopup()
            return
        super().keyPressEvent(event)

    def _chosen(self, combo: QComboBox, key: str) -> None:
        value = combo.currentData()
        if value != KEEP:
            self.field_chosen.emit(key, value)

    def highlight(self, row: int | None, column: int | None) -> None:
        """Select the cell a problem names (or its column, or its row)."""
        t = self.row_of.get(row) if row else None
        if t is None and column is None:
            return
        target_row = t if t is not None else 1
        target_col = column if column is not None else 0
        self.setCurrentCell(target_row, target_col)
        item = self.item(target_row, target_col)
        if item is not None:
            item.setBackground(QBrush(PROBLEM_FILL))
            self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
