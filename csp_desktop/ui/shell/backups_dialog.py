"""File > Backups...: the register's rolling backups, what restoring one would lose, and Restore.

The dialog only chooses; the file menu closes the register, restores and opens it again, since
a register cannot be written over while this window holds it open. Each backup is checked in the
background (eleven copies of a 90 MB register take about 8 s to check), newest first.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...errors import UserError
from ...services import backups as service
from ...services.backups import check_backup
from ...services.restoring import what_is_lost
from ..common.text import tell
from .workers import Worker

COLUMNS = ("Made", "Why", "Size", "Check")


def _size(n: int) -> str:
    return f"{max(n, 1024) / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


class BackupsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.path = session.register.path
        self.chosen = None  # the Backup to restore, once Restore is clicked
        self.setWindowTitle(f"Backups of {session.register.name}")
        self.setAccessibleName("Backups")
        self.resize(900, 560)
        self.found = service.list_backups(self.path)
        self.worker = Worker(self)
        self.worker.finished.connect(self._checked)
        self._checking: dict[int, int] = {}  # worker ticket -> row
        layout = QVBoxLayout(self)
        layout.addWidget(self._where())
        layout.addWidget(self._table(), 1)
        self.loss = QLabel()
        self.loss.setTextFormat(Qt.TextFormat.PlainText)
        self.loss.setWordWrap(True)
        self.loss.setAccessibleName("What restoring would lose")
        self.loss.setStyleSheet("background: #FFF2CC; color: #000000; padding: 8px; border: 1px solid #BF9000")
        layout.addWidget(self.loss)
        layout.addLayout(self._settings_row())
        layout.addWidget(self._buttons())
        self.table.itemSelectionChanged.connect(self._selected)
        self._preselect()
        for row, backup in enumerate(self.found):
            self._checking[self.worker.start(lambda path=backup.path: check_backup(path))] = row

    def _where(self) -> QLabel:
        keep, max_mb = service.settings(self.session.register)
        text = (f"Backups are made by themselves in {service.backups_folder(self.path)}: on opening (once a day), "
                "and before an upgrade, an import, an owner's return, a matrix change or a restore. "
                f"The newest {keep} are kept (at most {max_mb} MB), and every one made before an upgrade.")
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _table(self) -> QTableWidget:
        self.table = QTableWidget(len(self.found), len(COLUMNS))
        self.table.setAccessibleName("Backups, newest first")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, b in enumerate(self.found):
            for col, text in enumerate((b.when, b.why, _size(b.size), "checking\u2026")):
                item = QTableWidgetItem(text)
                item.setToolTip(b.path.name)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        return self.table

    def _settings_row(self) -> QHBoxLayout:
        keep, max_mb = service.settings(self.session.register)
        self.keep, self.max_mb = QSpinBox(), QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(keep)
        self.keep.setAccessibleName("Automatic backups to keep")
        self.max_mb.setRange(1, 1_000_000)
        self.max_mb.setValue(max_mb)
        self.max_mb.setSuffix(" MB")
        self.max_mb.setAccessibleName("Most space the backups may take")
        self.save_settings = QPushButton("Save these settings")
        self.save_settings.clicked.connect(self._save_settings)
        row = QHBoxLayout()
        for widget in (QLabel("Keep"), self.keep, QLabel("automatic backups, taking at most"), self.max_mb,
                       self.save_settings):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.keep, self.max_mb, self.save_settings):
            widget.setEnabled(not self.session.read_only)
        return row

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore = box.addButton("&Restore this backup", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self._restore)
        self.open_folder = box.addButton("Show the folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(service.backups_folder(self.path)))))
        box.rejected.connect(self.reject)
        return box

    def _preselect(self) -> None:
        """The newest backup from before today ("as it was yesterday"), else the newest."""
        earlier = [n for n, b in enumerate(self.found) if b.made_at.date() < date.today()]
        if self.found:
            self.table.selectRow((earlier or [0])[0])
        else:
            self.loss.setText("There are no backups yet.")

    def checked_all(self) -> bool:
        return not self._checking

    def _checked(self, ticket: int, outcome) -> None:
        row = self._checking.pop(ticket, None)
        if row is None:
            return
        backup = self.found[row]
        backup.problems = outcome.value if outcome.ok else [outcome.error or "it could not be checked"]
        cell = self.table.item(row, 3)
        assert cell is not None  # every row is filled with its cells when listed
        cell.setText("passes" if backup.passes else f"fails: {backup.problems[0]}")
        if backup is self.current():
            self._selected()

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def _selected(self) -> None:
        backup = self.current()
        if backup is None:
            return
        if backup.problems is None:
            self.loss.setText(f"{what_is_lost(self.path, backup)} (Checking this backup\u2026)")
        elif not backup.passes:
            self.loss.setText(f"This backup fails its check ({backup.problems[0]}), so it cannot be restored.")
        else:
            self.loss.setText(what_is_lost(self.path, backup))
        self.restore.setEnabled(backup.passes)

    def _restore(self) -> None:
        self.chosen = self.current()
        self.accept()

    def done(self, result: int) -> None:
        self._checking.clear()
        self.worker.wait()  # no check may still be reading a backup once the dialog has gone
        super().done(result)

    def _save_settings(self) -> None:
        try:
            service.change_settings(self.session.register, self.keep.value(), self.max_mb.value())
        except UserError as exc:
            tell(self, "Backups", str(exc))
