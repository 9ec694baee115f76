"""Choosing whom to send workbooks to, the return date and the folder to write them into."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ..common.accessible import named
from ..common.date_field import DateField

DEFAULT_WEEKS_TO_RETURN = 4


@dataclass
class SendChoice:
    owners: list[str]
    return_by: date
    folder: Path


class SendDialog(QDialog):
    def __init__(self, owners: list[str], folder: Path, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Send update workbooks")
        self.owner_list = named(QListWidget(), "Owners to send a workbook to")
        for name in owners:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.owner_list.addItem(item)
        start = (today or date.today()) + timedelta(weeks=DEFAULT_WEEKS_TO_RETURN)
        self.return_by = DateField("Return by", start, optional=False)
        self.folder = named(QLineEdit(str(folder)), "Folder to write the workbooks to")
        browse = QPushButton("Browse\u2026")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Return by:", self.return_by)
        form.addRow("Write workbooks to:", folder_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Send")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Owners (each gets one workbook with their open risks, mitigations and actions):"))
        layout.addWidget(self.owner_list, 1)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setAccessibleName("Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #C00000; font-weight: bold")
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        sentence = self.return_by.problem()
        if sentence:  # refused in one sentence; the dialog stays open with everything as typed
            self.problem.setText(sentence)
            return
        super().accept()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the workbooks", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def choice(self) -> SendChoice:
        items = (self.owner_list.item(n) for n in range(self.owner_list.count()))
        return_by = self.return_by.value()
        assert return_by is not None  # a required field: empty raises instead
        return SendChoice(owners=[i.text() for i in items if i.checkState() == Qt.CheckState.Checked],
                          return_by=return_by,
                          folder=Path(self.folder.text().strip()))
