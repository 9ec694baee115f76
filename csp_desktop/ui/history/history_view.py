"""The register-wide History view: filter by person, dates, item and kind; export what is shown to CSV."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ...domain.dates import parse_date
from ...errors import UserError
from ...services import history
from ...services.history import PAGE, Filter
from ..common.accessible import named
from ..common.text import tell
from .history_table import HistoryModel, history_table

ANYONE, ANY_KIND = "Anyone", "Any kind"


class HistoryView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("History")
        self.chosen = Filter()
        self.model = HistoryModel(self)
        self.table = history_table(self.model, "Every change to the register, newest first")
        self.message = named(QLabel(), "What is shown")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.more = named(QPushButton("Show &more"), "Show more changes")
        self.more.clicked.connect(self.show_more)
        self.export = named(QPushButton("E&xport CSV\u2026"), "Export the changes shown to a CSV file")
        self.export.clicked.connect(self.export_csv)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.more)
        bottom.addWidget(self.export)
        layout.addLayout(bottom)
        session.changed.connect(lambda _what: self.reload())
        self._fill_people()
        self.reload()

    def _filters(self) -> QHBoxLayout:
        self.who = named(QComboBox(), "Person")
        self.kind = named(QComboBox(), "Kind of change")
        self.kind.addItem(ANY_KIND, None)
        for words in history.KIND_CHOICES:
            self.kind.addItem(words, words)
        self.since = named(QLineEdit(), "From date", "Changes on or after this date (dd/mm/yyyy)")
        self.until = named(QLineEdit(), "To date", "Changes on or before this date (dd/mm/yyyy)")
        self.item = named(QLineEdit(), "Item reference", "A risk, action or meeting by reference, e.g. R-07")
        for line, hint in ((self.since, "from dd/mm/yyyy"), (self.until, "to dd/mm/yyyy"),
                           (self.item, "item, e.g. R-07")):
            line.setPlaceholderText(hint)
            line.setClearButtonEnabled(True)
            line.editingFinished.connect(self.reload)
        self.public = named(QCheckBox("&Public part only"), "Leave exempt (Part II) items out")
        for combo in (self.who, self.kind):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.public.toggled.connect(lambda _: self.reload())
        row = QHBoxLayout()
        for caption, widget in (("&Who:", self.who), ("&Kind:", self.kind), ("", self.since), ("", self.until),
                                ("&Item:", self.item)):
            if caption:
                label = QLabel(caption)
                label.setBuddy(widget)
                row.addWidget(label)
            row.addWidget(widget, 1)
        row.addWidget(self.public)
        return row

    def _fill_people(self) -> None:
        self.who.blockSignals(True)
        self.who.addItem(ANYONE, "")
        for person in history.people(self.session.register):
            self.who.addItem(person, person)
        self.who.blockSignals(False)

    def focus_filter(self) -> None:
        self.item.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- reading --------------------------------------------------------------------------------------

    def _filter(self) -> Filter:
        try:
            since, until = parse_date(self.since.text()), parse_date(self.until.text())
        except ValueError as exc:
            raise UserError(f"{exc}.") from None
        kind = self.kind.currentData()
        options: dict[str, Any] = dict(who=self.who.currentData() or "", since=since, until=until,
                                       public_only=self.public.isChecked(),
                                       tables=history.KIND_CHOICES[kind] if kind else [])
        ref = self.item.text().strip()
        return history.item_filter(self.session.register, ref, **options) if ref else Filter(**options)

    def reload(self) -> None:
        try:
            self.chosen = self._filter()
            entries = history.history(self.session.register, self.chosen)
        except UserError as exc:
            self.message.setText(str(exc))
            self.model.set_rows([])
            self.more.setEnabled(False)
            return
        self.model.set_rows(entries)
        self._say(len(entries) == PAGE)

    def show_more(self) -> None:
        entries = history.history(self.session.register, self.chosen, offset=len(self.model.entries))
        self.model.add_rows(entries)
        self._say(len(entries) == PAGE)

    def _say(self, maybe_more: bool) -> None:
        shown = len(self.model.entries)
        exempt = sum(e.exempt for e in self.model.entries)
        marked = f"; {exempt} of them about exempt (Part II) items, shaded" if exempt else ""
        self.message.setText(f"{shown:,} changes shown, newest first"
                             f"{' (there are more)' if maybe_more else ''}{marked}.")
        self.more.setEnabled(maybe_more)

    def export_csv(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Export history", "history.csv", "CSV files (*.csv)")
        if not path:
            return None
        try:
            return history.write_csv(history.all_matching(self.session.register, self.chosen), Path(path))
        except UserError as exc:
            tell(self, "Export history", str(exc))
            return None
