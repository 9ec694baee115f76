"""Choosing whom to send workbooks to, the return date and the folder to write them into."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from ..common.accessible import named
from ..common.date_field import DateField
from ..common.dialog_parts import add_ticked, folder_row, ok_cancel, problem_line, refused, ticked

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
        add_ticked(self.owner_list, ((name, name, True) for name in owners))
        start = (today or date.today()) + timedelta(weeks=DEFAULT_WEEKS_TO_RETURN)
        self.return_by = DateField("Return by", start, optional=False)
        self.folder = named(QLineEdit(str(folder)), "Folder to write the workbooks to")
        form = QFormLayout()
        form.addRow("Return by:", self.return_by)
        form.addRow("Write workbooks to:", folder_row(self, self.folder, "Folder for the workbooks"))
        self.buttons = ok_cancel(self, "Send")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Owners (each gets one workbook with their open risks, mitigations and actions):"))
        layout.addWidget(self.owner_list, 1)
        layout.addLayout(form)
        self.problem = problem_line()
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if not refused(self.problem, self.return_by.problem()):
            super().accept()

    def choice(self) -> SendChoice:
        return_by = self.return_by.value()
        assert return_by is not None  # a required field: empty raises instead
        return SendChoice(owners=ticked(self.owner_list),
                          return_by=return_by,
                          folder=Path(self.folder.text().strip()))
