"""Settings: the register's scoring scheme and who this laptop records edits as."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ...domain.scoring import PRESETS, SchemeError, preset
from ...errors import UserError
from ..common.accessible import named
from .cadence_box import CadenceBox
from .identity import save_identity
from .scheme_form import SchemeForm
from .settings_commands import SetSchemeCommand
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
        layout.addWidget(self._build_identity())
        layout.addWidget(self._build_scheme())
        self.cadence = CadenceBox(session)
        layout.addWidget(self.cadence)
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
        row = QHBoxLayout()
        caption = QLabel("Your na&me")
        caption.setBuddy(self.name_edit)
        for widget, stretch in ((caption, 0), (self.name_edit, 1), (self.save_name_button, 0)):
            row.addWidget(widget, stretch)
        layout.addWidget(explain)
        layout.addLayout(row)
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
        self.form = SchemeForm()
        layout.addWidget(self.form)
        self.scheme_message = self._message_label("Scheme message")
        layout.addWidget(self.scheme_message)
        self.apply_button = named(QPushButton("Appl&y scheme"), "Apply scheme")
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
        self._say(self.scheme_message, None)

    def apply(self) -> bool:
        try:
            scheme = self.form.scheme()
        except SchemeError as exc:
            self._say(self.scheme_message, str(exc))
            return False
        if scheme == self.session.scheme:
            self._say(self.scheme_message, None)
            return True
        error = push(self.session, SetSchemeCommand(self.session, scheme))
        self._say(self.scheme_message, error)
        return error is None

    def save_name(self) -> bool:
        try:
            name = save_identity(self.session, self.name_edit.text(), self.settings)
        except UserError as exc:
            self._say(self.name_message, str(exc))
            return False
        self.name_edit.setText(name)
        self._say(self.name_message, f"Edits are now recorded as {name}.", problem=False)
        return True

    def _on_changed(self, what: str) -> None:
        if what in ("scheme", "*"):
            self.revert()

    @staticmethod
    def _say(label: QLabel, sentence: str | None, problem: bool = True) -> None:
        label.setVisible(bool(sentence))
        label.setText(("\u26a0 " if problem else "") + sentence if sentence else "")
