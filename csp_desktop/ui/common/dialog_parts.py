"""The pieces the small dialogs share: OK and Cancel, the line saying why a value is refused, a folder
picker, and a list of owners to tick."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton)

from .accessible import named

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK (renamed to what it does, when `ok_text` is given) and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(OK | CANCEL, dialog)
    if ok_text:
        buttons.button(OK).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def problem_line(parent=None) -> QLabel:
    """The one-sentence reason a value is refused, in red, above the buttons (empty until then)."""
    label = named(QLabel(parent), "Problem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #C00000; font-weight: bold")
    return label


def refused(line: QLabel, sentence: str | None) -> bool:
    """Show `sentence` on the problem line; True when there was one, so the dialog stays open as typed."""
    if sentence:
        line.setText(sentence)
    return bool(sentence)


def folder_row(dialog: QDialog, folder: QLineEdit, title: str) -> QHBoxLayout:
    """The folder's line with a Browse button that offers the folders, starting at the one typed."""
    browse = QPushButton("&Browse\u2026", dialog)

    def choose() -> None:
        chosen = QFileDialog.getExistingDirectory(dialog, title, folder.text())
        if chosen:
            folder.setText(chosen)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(folder, 1)
    row.addWidget(browse)
    return row


def add_ticked(owners: QListWidget, items: Iterable[tuple[str, str, bool]]) -> None:
    """Add (text shown, value, ticked) rows that the user can tick and untick."""
    for text, value, ticked in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        owners.addItem(item)


def ticked(owners: QListWidget) -> list[str]:
    """The values of the rows ticked, in the list's order."""
    items = (owners.item(n) for n in range(owners.count()))
    return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]
