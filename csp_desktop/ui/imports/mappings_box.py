"""Settings: the import choices kept in the register (one per kind of file), each of which can be deleted."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from ...errors import UserError
from ...services.import_mappings import forget, kept
from ..common.accessible import named
from ..common.text import ask, tell


class MappingsBox(QGroupBox):
    def __init__(self, session, parent=None):
        super().__init__("Kept import choices", parent)
        self.session = session
        layout = QVBoxLayout(self)
        explain = QLabel("Column, sheet and scale choices kept at an import. A file with the same headings opens "
                         "in the import preview with them applied.")
        explain.setWordWrap(True)
        self.list = named(QListWidget(), "Kept import choices")
        self.list.setMaximumHeight(120)
        self.delete_button = named(QPushButton("&Delete kept choices"), "Delete kept choices",
                                   "Forget the chosen kept choices; the next such file is read afresh")
        self.delete_button.clicked.connect(self.delete_chosen)
        self.list.currentRowChanged.connect(lambda row: self.delete_button.setEnabled(
            row >= 0 and not session.read_only and self.list.item(row).data(256) is not None))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout.addWidget(explain)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for m in kept(self.session.register):
            parts = [f"{m['columns']} column{'s' if m['columns'] != 1 else ''}"]
            if m["sheets"]:
                parts.append(f"{m['sheets']} sheet{'s' if m['sheets'] != 1 else ''}")
            if m["scheme"]:
                parts.append(f"the {m['scheme']} scale")
            item = QListWidgetItem(f"{m['name']}: {', '.join(parts)} (kept {m['saved_at'][:10]})")
            item.setData(256, m["name"])
            self.list.addItem(item)
        if not self.list.count():
            self.list.addItem("None kept yet: tick 'Keep these choices' in the import preview.")
        self.delete_button.setEnabled(False)

    def delete_chosen(self) -> None:
        item = self.list.currentItem()
        name = item.data(256) if item is not None else None
        if name is None or not ask(self, "Kept import choices", f"Forget the choices kept as {name!r}? The next "
                                                                "file with those headings is read afresh."):
            return
        try:
            forget(self.session.register, name)
        except UserError as exc:
            tell(self, "Kept import choices", str(exc))
        self.refresh()
