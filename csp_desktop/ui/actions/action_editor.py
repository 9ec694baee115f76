"""The action editor: a dialog for a new or existing action, with its progress notes."""
from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QTabWidget, QVBoxLayout, QWidget)

from ..risks.risk_details import paragraph_combo
from ...domain.dates import show
from ...domain.model import ACTION_STATUSES, Action
from ...services import action_editing as editing
from ...services import lookups
from ..common.accessible import named
from ..common.date_field import DateField
from ..history.history_tab import HistoryTab
from .action_commands import AddActionCommand, AddNoteCommand, EditActionCommand
from ..shell.undoable import push
from ...domain.shorten import shorten

LINK_TEXT = 60  # characters of a risk or priority title shown in a picker


def _short(text: str) -> str:
    return shorten(text, LINK_TEXT)


def _picker(name: str, choices: list[tuple[str, str]], current: str | None) -> QComboBox:
    """A combo of (id, text) with a "(none)" first; the id is the item data."""
    combo = named(QComboBox(), name)
    combo.addItem("(none)", None)
    for item_id, text in choices:
        combo.addItem(text, item_id)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    return combo


def _short_text(text: str, limit: int = 400) -> str:
    return shorten(text, limit, flat=False)


class ActionEditor(QDialog):
    """Edit the fields and save them in one undoable step; notes are saved as they are added."""

    def __init__(self, session, action: Action | None = None, parent=None, today: date | None = None):
        super().__init__(parent)
        self.session = session
        self.action = dataclasses.replace(action) if action else None  # the table's copy stays as it is
        self.today = today or date.today()
        self.saved: Action | None = None
        self.setWindowTitle("Edit action" if action else "New action")
        self.setAccessibleName(self.windowTitle())
        start = action or Action(title="")
        layout = QVBoxLayout(self)
        details = QWidget()
        inner = QVBoxLayout(details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self._build_form(start))
        inner.addWidget(self._build_notes())
        self.changes = HistoryTab(session, "actions")
        self.changes.show_item(action.id if action else None)
        self.tabs = named(QTabWidget(), "Action editor sections")
        self.tabs.addTab(details, "D&etails")  # Alt+D is the Due date
        self.tabs.addTab(self.changes, "Histor&y")
        layout.addWidget(self.tabs)
        self.message = named(QLabel(), "Problem")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self._show_notes()
        if session.read_only:
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            for widget in (self.note_edit, self.add_note_button):
                widget.setEnabled(False)
            self._say(f"{session.register.path.name} is open read-only: changes cannot be saved.")

    # -- building ------------------------------------------------------------------------------------

    def _build_form(self, a: Action) -> QFormLayout:
        reg = self.session.register
        form = QFormLayout()
        self.title_edit = named(QLineEdit(a.title), "Title", "What is to be done")
        self.ref_edit = named(QLineEdit(a.ref), "Reference", "The action's reference, such as A-12")
        self.owner_combo = _picker("Owner", [(o.id, o.name) for o in lookups.owners(reg)], a.owner_id)
        self.has_due = named(QCheckBox("Has a due date"), "Has a due date")
        self.has_due.setChecked(a.due is not None)
        self.due_edit = DateField("Due date", a.due or self.today, optional=False)
        self.due_edit.setEnabled(a.due is not None)
        self.has_due.toggled.connect(self.due_edit.setEnabled)
        self.status_combo = named(QComboBox(), "Status")
        self.status_combo.addItems(ACTION_STATUSES)
        self.status_combo.setCurrentText(a.status)
        risks = [(r.id, f"{r.ref} \u2013 {_short(r.title)}" if r.ref else _short(r.title)) for r in lookups.risks(reg)]
        self.risk_combo = _picker("Linked risk", risks, a.risk_id)
        priorities = [(p.id, f"{p.ref} {_short(p.title)}".strip()) for p in lookups.priorities(reg)]
        self.priority_combo = _picker("Linked priority", priorities, a.priority_id)
        meetings = [(m.id, f"{_short(m.board)} {show(m.held_on)}") for m in lookups.meetings(reg)]
        self.meeting_combo = _picker("Arose at meeting", meetings, a.meeting_id)
        self.exempt_box = named(QCheckBox("Exempt: Part II pack only"), "Exempt",
                                "Exempt under Schedule 12A: never printed in the public pack")
        self.exempt_box.setChecked(a.exempt)
        self.paragraph_combo = paragraph_combo()
        self.paragraph_combo.setCurrentIndex(max(self.paragraph_combo.findData(a.exempt_paragraph), 0))
        self.paragraph_combo.setEnabled(a.exempt)
        self.exempt_box.toggled.connect(self.paragraph_combo.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_edit, 1)
        field: QWidget
        for label, field in (("&Title", self.title_edit), ("&Ref", self.ref_edit), ("&Owner", self.owner_combo)):
            form.addRow(label, field)
        form.addRow("&Due", due_row)
        due_label = form.labelForField(due_row)
        assert isinstance(due_label, QLabel)  # the row just added with its label
        due_label.setBuddy(self.has_due)
        for label, field in (("&Status", self.status_combo), ("Linked ris&k", self.risk_combo),
                             ("Linked &priority", self.priority_combo), ("&Meeting", self.meeting_combo),
                             ("", self.exempt_box), ("Schedule 12A", self.paragraph_combo)):
            form.addRow(label, field)
        return form

    def _build_notes(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        # The tracker's Progress column, so the editor never hides what the table shows.
        self.progress_label = named(QLabel(), "Progress shown in the tracker")
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QLabel("Progress &notes (newest last)")
        self.notes_list = named(QListWidget(), "Progress notes")
        self.notes_list.setWordWrap(True)
        self.notes_list.setAlternatingRowColors(True)  # where one note ends and the next begins
        self.notes_list.setSpacing(2)
        heading.setBuddy(self.notes_list)
        self.note_edit = named(QPlainTextEdit(), "New progress note",
                               "What has happened; saved with the time and your name")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_note_button = named(QPushButton("&Add note"), "Add note")
        self.add_note_button.clicked.connect(self.add_note)
        if self.action is None:
            for widget in (self.note_edit, self.add_note_button):
                widget.setEnabled(False)
            self.note_edit.setPlaceholderText("Save the action first, then add progress notes.")
        row = QHBoxLayout()
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.progress_label)
        layout.addWidget(heading)
        layout.addWidget(self.notes_list, 1)
        layout.addLayout(row)
        return box

    # -- reading the form ----------------------------------------------------------------------------

    def values(self) -> dict:
        """The editable fields as the form holds them now; ValueError (one sentence) for a bad due date."""
        if self.has_due.isChecked() and self.due_edit.problem():
            raise ValueError(self.due_edit.problem())
        due = self.due_edit.value() if self.has_due.isChecked() else None
        status = self.status_combo.currentText()
        before = self.action.completed_on if self.action else None
        completed = (before or self.today) if status == "complete" else None
        return {"title": self.title_edit.text().strip(), "ref": self.ref_edit.text().strip(),
                "owner_id": self.owner_combo.currentData(), "due": due, "status": status,
                "risk_id": self.risk_combo.currentData(), "priority_id": self.priority_combo.currentData(),
                "meeting_id": self.meeting_combo.currentData(), "exempt": self.exempt_box.isChecked(),
                "completed_on": completed,
                "exempt_paragraph": self.paragraph_combo.currentData() if self.exempt_box.isChecked() else None}

    # -- saving --------------------------------------------------------------------------------------

    def save(self) -> None:
        try:
            values = self.values()
        except ValueError as exc:
            self._say(str(exc))
            return
        if self.action is None:
            command: AddActionCommand | EditActionCommand = AddActionCommand(self.session, Action(**values))
        else:
            changed = {k: v for k, v in values.items() if getattr(self.action, k) != v}
            if not changed:
                self.accept()
                return
            command = EditActionCommand(self.session, self.action, changed)
        error = push(self.session, command)
        if error:
            self._say(error)
            return
        self.saved = lookups.action(self.session.register, command.action_id)
        self.accept()

    def add_note(self) -> None:
        if self.action is None:
            return
        error = push(self.session, AddNoteCommand(self.session, self.action, self.note_edit.toPlainText()))
        if error:
            self._say(error)
            return
        self.message.hide()
        self.note_edit.clear()
        # The note bumped the action's version; later saves of this form start from the new one.
        fresh = lookups.action(self.session.register, self.action.id)
        self.action.version, self.action.progress = fresh.version, fresh.progress
        self._show_notes()

    def _show_notes(self) -> None:
        self.notes_list.clear()
        progress = self.action.progress.strip() if self.action else ""
        self.progress_label.setText(f"Progress shown in the tracker: {_short_text(progress)}" if progress
                                    else "Progress shown in the tracker: none yet")
        if self.action is None:
            return
        for note in editing.notes_for(self.session.register, self.action.id):
            when = note.at.strftime("%d/%m/%Y %H:%M") if note.at else ""
            item = QListWidgetItem(f"{when} \u2013 {note.author or 'unknown'}\n{note.text}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{when}, {note.author}: {note.text}")
            self.notes_list.addItem(item)
        self.notes_list.scrollToBottom()

    def _say(self, sentence: str) -> None:
        self.message.setText("\u26a0 " + sentence)
        self.message.show()
