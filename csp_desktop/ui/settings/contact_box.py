"""Settings: who owners return their update workbooks to (printed on each workbook's instructions sheet),
saved as one undoable step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ...domain.contact import MAX_EMAIL, MAX_NAME, Contact
from ...services import round_contact as service
from ...services.changes import Changes, Kind
from ..common.accessible import named
from ..shell.undoable import EditCommand, push


class SetContact(EditCommand):
    def __init__(self, session, name: str, email: str):
        super().__init__(session, "Change the update round's coordinator")
        self.name, self.email = name, email
        self.old = service.contact(session.register)

    def do(self) -> Changes:
        return service.set_contact(self.session.register, self.name, self.email).changes

    def undo_it(self) -> Changes:
        return service.set_contact(self.session.register, self.old.name, self.old.email).changes


class ContactBox(QGroupBox):
    def __init__(self, session, parent=None):
        super().__init__("Update rounds", parent)
        self.session = session
        explain = QLabel("Who owners return their update workbooks to: printed on each workbook's instructions "
                         "sheet. With no name, a workbook gives the name of whoever sends the round (Who am I).")
        explain.setWordWrap(True)
        self.name_edit = named(QLineEdit(), "Coordinator's name", "The person owners return their workbooks to")
        self.name_edit.setMaxLength(MAX_NAME)
        self.email_edit = named(QLineEdit(), "Coordinator's email", "Such as sam.patel@example.gov.uk")
        self.email_edit.setMaxLength(MAX_EMAIL)
        form = QFormLayout()
        form.addRow("C&oordinator's name", self.name_edit)
        form.addRow("Coordinator's &email", self.email_edit)
        self.message = named(QLabel(), "Coordinator message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.save = named(QPushButton("Sa&ve coordinator"), "Save the coordinator")
        self.save.clicked.connect(self.apply)
        for edit in (self.name_edit, self.email_edit):
            edit.returnPressed.connect(self.apply)
            edit.setReadOnly(session.read_only)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        session.changed.connect(lambda changes: self.load() if changes.touches(Kind.REGISTER) else None)
        self.load()
        self.save.setEnabled(not session.read_only)

    def load(self) -> None:
        kept: Contact = service.contact(self.session.register)
        self.name_edit.setText(kept.name)
        self.email_edit.setText(kept.email)

    def apply(self) -> bool:
        """Save what is typed; a refusal (a mistyped email) keeps it in the boxes to put right."""
        typed = self.name_edit.text(), self.email_edit.text()
        error = push(self.session, SetContact(self.session, *typed))
        self.message.setText(error or "Saved.")
        if error is not None:  # the refused step still announces a change, which reloaded the boxes
            self.name_edit.setText(typed[0])
            self.email_edit.setText(typed[1])
        return error is None
