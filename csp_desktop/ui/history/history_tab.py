"""The History tab of one risk, action or meeting: every change to it, newest first.

Shown as a list of short paragraphs (when and who; then what changed, from what to what), because
the tab sits in a narrow editor pane where a six-column table would show nothing whole.
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...errors import UserError
from ...services.history import Entry, for_item
from ..common.accessible import named

ARROW = "\u2192"


class HistoryTab(QWidget):
    def __init__(self, session, tbl: str, parent=None):
        super().__init__(parent)
        self.session, self.tbl = session, tbl
        self.row_id: str | None = None
        self.entries: list[Entry] = []
        self.list = named(QListWidget(), "History: every change, newest first")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)

    def show_item(self, row_id: str | None) -> None:
        self.row_id = row_id
        try:
            self.entries = for_item(self.session.register, self.tbl, row_id) if row_id else []
        except UserError as exc:
            self.caption.setText(str(exc))
            return
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self.words(entry))
            item.setToolTip(self.words(entry))
            self.list.addItem(item)
        what = {"risks": "risk, its mitigations and reviews", "actions": "action and its progress notes",
                "meetings": "meeting"}[self.tbl]
        self.caption.setText(f"{len(self.entries)} changes to this {what}, newest first." if row_id else "")

    def words(self, entry: Entry) -> str:
        part = "" if entry.kind in ("Risk", "Action", "Meeting") else f"{entry.item}: "
        if entry.change.startswith("changed"):
            what = f"{entry.change}: {entry.old or '(none)'} {ARROW} {entry.new or '(none)'}"
        else:
            what = f"{entry.change} {entry.new or entry.old}".strip()
        return f"{entry.when} \u2013 {entry.who}\n{part}{what}"
