"""An objective or a cross-cutting theme: its few words, edited in place and undoably."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.plan import Objective, Theme
from ..common.accessible import named
from .plan_commands import SetPlanFields, push

# kind -> the fields shown, in order: (field, label, multi-line)
FIELDS = {"objective": (("ref", "Number", False), ("title", "Objective", True)),
          "theme": (("title", "Theme", False), ("description", "What it asks of every priority", True))}


class ItemPanel(QWidget):
    refused = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.kind: str | None = None
        self.item: Objective | Theme | None = None
        self.editors: dict[tuple[str, bool], QPlainTextEdit | QLineEdit] = {}  # (field, multi-line): its editor
        form = QFormLayout()
        for kind in FIELDS:
            for name, label, multi in FIELDS[kind]:
                if (name, multi) not in self.editors:
                    editor = named(QPlainTextEdit() if multi else QLineEdit(), label)
                    self.editors[(name, multi)] = editor
                    form.addRow(editor)
        self.save = QPushButton("Save")
        self.save.clicked.connect(self._save)
        self.save.setEnabled(not session.read_only)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

    def show_item(self, kind: str, item) -> None:
        self.kind, self.item = kind, item
        wanted = {(name, multi) for name, _label, multi in FIELDS[kind]}
        for key, editor in self.editors.items():
            editor.setVisible(key in wanted)
            if key in wanted:
                text = getattr(item, key[0]) or ""
                editor.setPlainText(text) if isinstance(editor, QPlainTextEdit) else editor.setText(text)
                editor.setPlaceholderText(next(label for name, label, multi in FIELDS[kind] if (name, multi) == key))

    def _save(self) -> None:
        assert self.kind is not None and self.item is not None  # saved only once an item is shown
        changes = {}
        for name, _label, multi in FIELDS[self.kind]:
            editor = self.editors[(name, multi)]
            value = (editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()).strip()
            if value != (getattr(self.item, name) or ""):
                changes[name] = value
        if changes:
            refusal = push(self.session, SetPlanFields(self.session, self.kind, self.item.id, changes,
                                                       f"{self.kind} {self.item.title[:40]}"))
            if refusal:
                self.refused.emit(refusal)
