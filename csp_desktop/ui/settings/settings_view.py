"""Settings: the register's scoring scheme and who this laptop records edits as."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ...domain.scoring import PRESETS, SchemeError, preset
from ...errors import UserError
from ...services.changes import Kind
from ...services.registers import settings_version
from ..common.accessible import named
from .cadence_box import CadenceBox
from .contact_box import ContactBox
from ..common.status import say
from .identity import save_identity
from .scheme_form import SchemeForm
from ...services.scheme_editing import rescored as scheme_rescored
from ...services.scheme_editing import risks_outside
from .remap_dialog import RemapDialog
from .settings_commands import RemapSchemeCommand, RenamePartnershipCommand, SetSchemeCommand
from ..shell.undoable import push


class SettingsView(QScrollArea):
    def __init__(self, session, parent=None, *, settings: QSettings | None = None):
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.setAccessibleName("Settings")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_partnership())
        layout.addWidget(self._build_identity())
        layout.addWidget(self._build_scheme())
        self.cadence = CadenceBox(session)
        layout.addWidget(self.cadence)
        self.contact = ContactBox(session)
        layout.addWidget(self.contact)
        from ..imports.mappings_box import MappingsBox
        self.mappings = MappingsBox(session)
        layout.addWidget(self.mappings)
        layout.addStretch(1)
        self.setWidget(body)
        session.changed.connect(self._on_changed)
        self.revert()
        if session.read_only:
            self.apply_button.setEnabled(False)
            self._say(self.scheme_message, f"{session.register.path.name} is open read-only: "
                                           "the scoring scheme cannot be changed.")

    def _build_partnership(self) -> QGroupBox:
        box = QGroupBox("Partnership")
        layout = QVBoxLayout(box)
        self.partnership_edit = named(QLineEdit(self.session.register.name), "Partnership name",
                                      "Shown in the title bar and on the cover of board packs")
        self.rename_button = named(QPushButton("Rename par&tnership"), "Rename the partnership")
        self.rename_button.clicked.connect(self.rename_partnership)
        self.partnership_edit.returnPressed.connect(self.rename_partnership)
        self.partnership_message = self._message_label("Partnership message")
        layout.addLayout(_edit_row("Partners&hip name", self.partnership_edit, self.rename_button))
        layout.addWidget(self.partnership_message)
        if self.session.read_only:
            self.partnership_edit.setReadOnly(True)
            self.rename_button.setEnabled(False)
        return box

    def _build_identity(self) -> QGroupBox:
        box = QGroupBox("Who am I")
        layout = QVBoxLayout(box)
        explain = QLabel("The name recorded in the audit trail for edits made on this laptop.")
        explain.setWordWrap(True)
        self.name_edit = named(QLineEdit(self.session.register.who), "Your name",
                               "Recorded with every change you make on this laptop")
        self.save_name_button = named(QPushButton("&Save name"), "Save name")
        self.save_name_button.clicked.connect(self.save_name)
        self.name_edit.returnPressed.connect(self.save_name)
        self.name_message = self._message_label("Name message")
        layout.addWidget(explain)
        layout.addLayout(_edit_row("Your na&me", self.name_edit, self.save_name_button))
        layout.addWidget(self.name_message)
        return box

    def _build_scheme(self) -> QGroupBox:
        box = QGroupBox("Scoring scheme")
        layout = QVBoxLayout(box)
        self.preset_combo = named(QComboBox(), "Preset scheme")
        self.preset_combo.addItems(list(PRESETS))
        self.load_preset_button = named(QPushButton("Load &preset"), "Load preset",
                                        "Fill the form with a ready-made scheme; nothing changes until you apply")
        self.load_preset_button.clicked.connect(lambda: self.form.load(preset(self.preset_combo.currentText())))
        row = QHBoxLayout()
        caption = QLabel("Start &from")
        caption.setBuddy(self.preset_combo)
        for widget in (caption, self.preset_combo, self.load_preset_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.form: SchemeForm = SchemeForm()
        layout.addWidget(self.form)
        self.scheme_message: QLabel = self._message_label("Scheme message")
        layout.addWidget(self.scheme_message)
        self.apply_button: QPushButton = named(QPushButton("Appl&y scheme"), "Apply scheme")
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = named(QPushButton("&Revert"), "Revert", "Show the scheme the register uses now")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)
        return box

    def _message_label(self, name: str) -> QLabel:
        label = named(QLabel(), name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label

    # -- actions -------------------------------------------------------------------------------------

    def revert(self) -> None:
        self.form.load(self.session.scheme)
        self.read_version = settings_version(self.session.register)  # what an edit here starts from
        self._say(self.scheme_message, None)

    def apply(self, remap_dialog: RemapDialog | None = None) -> bool:
        """Change the scheme; a smaller matrix that strands scores proposes a re-mapping first. A refusal
        keeps everything typed in the form."""
        try:
            scheme = self.form.scheme()
        except SchemeError as exc:
            self._say(self.scheme_message, str(exc))
            return False
        if scheme == self.session.scheme:
            self._say(self.scheme_message, None)
            say(self, "The scheme is unchanged: nothing to apply.")
            return True
        reg, old = self.session.register, self.session.scheme
        rescored = []
        if risks_outside(reg, scheme):
            dialog = remap_dialog or RemapDialog(old, scheme, lambda remap: scheme_rescored(reg, remap), self)
            if not dialog.exec():
                self._say(self.scheme_message, "Nothing was changed: the matrix needs the scores re-mapped first.")
                return False
            rescored = scheme_rescored(reg, dialog.remap())
            command: RemapSchemeCommand | SetSchemeCommand = RemapSchemeCommand(self.session, scheme, dialog.remap(),
                                                                                 date.today(), self.read_version)
        else:
            command = SetSchemeCommand(self.session, scheme, self.read_version)
        self._applying = True  # the notice a refused command sends must not reload the form
        try:
            error = push(self.session, command)
        finally:
            self._applying = False
        if error:
            self._say(self.scheme_message, error)
            self.read_version = settings_version(self.session.register)  # told: saving again is their choice
            return False
        self.revert()
        done = f"The scoring scheme is now {scheme.size}"
        done += f"; {len(rescored)} risk(s) re-scored, each with a review." if rescored else "."
        self._say(self.scheme_message, done + " Ctrl+Z undoes it.", problem=False)
        return True

    def rename_partnership(self) -> bool:
        """One undoable, audited step; the title bar follows (it listens for "register")."""
        if " ".join(self.partnership_edit.text().split()) == self.session.register.name:
            self._say(self.partnership_message, None)
            return True
        error = push(self.session, RenamePartnershipCommand(self.session, self.partnership_edit.text(),
                                                            self.read_version))
        if error:  # the typed text stays, to be corrected
            self._say(self.partnership_message, error)
            self.read_version = settings_version(self.session.register)  # told: saving again is their choice
            return False
        self.partnership_edit.setText(self.session.register.name)
        self._say(self.partnership_message, f"The partnership is now called {self.session.register.name}.",
                  problem=False)
        return True

    def save_name(self) -> bool:
        try:
            name = save_identity(self.session, self.name_edit.text(), self.settings)
        except UserError as exc:
            self._say(self.name_message, str(exc))
            return False
        self.name_edit.setText(name)
        self._say(self.name_message, f"Edits are now recorded as {name}.", problem=False)
        return True

    def _on_changed(self, changes) -> None:
        if changes.touches(Kind.SCHEME, Kind.CADENCE, Kind.REGISTER):  # this window's own change: seen here
            self.read_version = settings_version(self.session.register)
        if getattr(self, "_applying", False):
            return
        if changes.scheme_changed:
            self.revert()
        if changes.touches(Kind.REGISTER):  # an undone or redone rename
            self.partnership_edit.setText(self.session.register.name)

    @staticmethod
    def _say(label: QLabel, sentence: str | None, problem: bool = True) -> None:
        label.setVisible(bool(sentence))
        label.setText(("\u26a0 " if problem else "") + sentence if sentence else "")


def _edit_row(caption: str, edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    """A caption (its Alt key goes to the edit), the edit stretching, and the button that saves it."""
    label = QLabel(caption)
    label.setBuddy(edit)
    row = QHBoxLayout()
    for widget, stretch in ((label, 0), (edit, 1), (button, 0)):
        row.addWidget(widget, stretch)
    return row
