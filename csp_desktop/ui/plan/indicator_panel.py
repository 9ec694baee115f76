"""One indicator: what it measures and its target, a chart of its values against target, and its values.

A new quarterly value is one row at the foot (period, value as published, commentary) and one undo step; a
wrong value is corrected by editing its cell, never entered twice.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.plan import DIRECTIONS, TREND_ARROWS, UNITS
from ...domain.plan_summary import IndicatorLine, format_number
from ...services.plan import chart_svg
from ..common.accessible import named
from .plan_commands import AddIndicatorValue, CorrectValue, SetPlanFields, push

VALUE_COLUMNS = ("Period", "As published", "Number", "Commentary")
EDITABLE = {1: "text", 3: "note"}


class IndicatorPanel(QWidget):
    refused = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.line: IndicatorLine | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.status = named(QLabel(), "RAG and trend")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 2 + 4)  # the chart must not squash it
        self.chart = named(QSvgWidget(), "Chart of values against target")
        self.chart.setMinimumHeight(200)
        self.values = named(QTableWidget(0, len(VALUE_COLUMNS)), "Values")
        self.values.setHorizontalHeaderLabels(VALUE_COLUMNS)
        self.values.verticalHeader().hide()
        self.values.horizontalHeader().setStretchLastSection(True)
        self.values.itemChanged.connect(self._cell_edited)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self._build_fields())
        layout.addWidget(self.status)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.values, 1)
        layout.addLayout(self._build_new_row())

    def _build_fields(self) -> QFormLayout:
        self.ref = named(QLineEdit(), "Reference")
        self.target = named(QLineEdit(), "Target", "As published; its number is read from it")
        self.unit = named(QComboBox(), "Unit")
        self.unit.addItems(UNITS)
        self.direction = named(QComboBox(), "Direction")
        self.direction.addItems(DIRECTIONS)
        self.source = named(QLineEdit(), "Data source")
        self.owner = named(QComboBox(), "Supplied by", "The owner sent this indicator in the quarterly update round")
        self.save = QPushButton("Save indicator")
        self.save.clicked.connect(self._save)
        form = QFormLayout()
        row = QHBoxLayout()
        for label, widget in (("Ref", self.ref), ("Unit", self.unit), ("Direction", self.direction)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        self.ref.setMaximumWidth(60)
        form.addRow(row)
        form.addRow("Target", self.target)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(QLabel("Supplied by"))
        source_row.addWidget(self.owner, 1)
        source_row.addWidget(self.save)
        form.addRow("Data source", source_row)
        return form

    def _build_new_row(self) -> QHBoxLayout:
        self.new_period = named(QLineEdit(), "New value's period", "Such as 2011/12 Q3, or a date 31/01/2012")
        self.new_period.setPlaceholderText("Period, e.g. 2012/13 Q1")
        self.new_value = named(QLineEdit(), "New value", "As published: 8031, 41%, 82/200 = 41%, n/a")
        self.new_value.setPlaceholderText("Value as published")
        self.new_note = named(QLineEdit(), "Commentary")
        self.new_note.setPlaceholderText("Commentary (optional)")
        self.add = QPushButton("Add value")
        self.add.clicked.connect(self._add_value)
        self.new_value.returnPressed.connect(self._add_value)
        self.new_note.returnPressed.connect(self._add_value)
        row = QHBoxLayout()
        for widget, stretch in ((self.new_period, 1), (self.new_value, 1), (self.new_note, 2), (self.add, 0)):
            row.addWidget(widget, stretch)
        if self.session.read_only:
            for widget in (self.add, self.save, self.new_period, self.new_value, self.new_note):
                widget.setEnabled(False)
        return row

    def show_line(self, line: IndicatorLine) -> None:
        self.line = line
        ind = line.indicator
        self.heading.setText(f"{ind.ref}  {ind.title}")
        self.ref.setText(ind.ref)
        self.target.setText(ind.target)
        self.unit.setCurrentText(ind.unit)
        self.direction.setCurrentText(ind.direction)
        self.source.setText(ind.data_source)
        self._fill_owners(ind.owner_id)
        self.status.setText(self._status_text(line))
        self.chart.load(QByteArray(chart_svg(line)))
        self._fill_values(line)

    def _fill_owners(self, chosen: str | None) -> None:
        from ...services.risk_editing import owners  # the register's owners, as the risk editor lists them
        self.owner.clear()
        self.owner.addItem("(nobody yet)", None)
        for o in owners(self.session.register):
            self.owner.addItem(o.name, o.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(chosen)))

    @staticmethod
    def _status_text(line: IndicatorLine) -> str:
        ind, t = line.indicator, line.trend
        target = format_number(ind.target_value, ind.unit) or "no target figure"
        latest = f"{format_number(line.latest.value, ind.unit)} ({line.latest.period})" if line.latest else "none"
        parts = [f"RAG: {(line.rag or 'none').capitalize()}", f"latest {latest}", f"target {target} ({ind.direction})"]
        if t.since_previous and t.previous:  # (a trend since the previous value comes with it)
            parts.append(f"{TREND_ARROWS[t.since_previous]} {t.since_previous} than {t.previous.period}")
        if t.since_last_year:
            parts.append(f"{TREND_ARROWS[t.since_last_year]} {t.since_last_year} than a year before")
        return "   \u00b7   ".join(parts)

    def _fill_values(self, line: IndicatorLine) -> None:
        self.values.blockSignals(True)
        self.values.setRowCount(len(line.values))
        for r, v in enumerate(reversed(line.values)):
            cells = (v.period, v.text, format_number(v.value, line.indicator.unit), v.note)
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, v)
                if c not in EDITABLE or self.session.read_only:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.values.setItem(r, c, cell)
        for column, width in enumerate((95, 130, 70)):
            self.values.setColumnWidth(column, width)
        self.values.blockSignals(False)

    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        value = cell.data(Qt.ItemDataRole.UserRole)
        field = EDITABLE.get(cell.column())
        if value is None or field is None:
            return
        command = CorrectValue(self.session, value, **{field: cell.text()})
        self._push(command)

    def _add_value(self) -> None:
        if self.line is None:
            return
        command = AddIndicatorValue(self.session, self.line.indicator, self.new_period.text(), self.new_value.text(),
                                    self.new_note.text())
        if self._push(command) is None:
            self.new_value.clear()
            self.new_note.clear()

    def _save(self) -> None:
        assert self.line is not None  # saved only once an indicator is shown
        ind = self.line.indicator
        changes = {k: v for k, v in (("ref", self.ref.text().strip()), ("target", self.target.text().strip()),
                                     ("unit", self.unit.currentText()), ("direction", self.direction.currentText()),
                                     ("data_source", self.source.text().strip()),
                                     ("owner_id", self.owner.currentData())) if getattr(ind, k) != v}
        if changes:
            self._push(SetPlanFields(self.session, "indicator", ind.id, changes, f"indicator {ind.ref or ind.title}"))

    def _push(self, command) -> str | None:
        refusal = push(self.session, command)
        if refusal:
            self.refused.emit(refusal)
            if self.line is not None:
                self._fill_values(self.line)  # put back what was typed over
        return refusal
