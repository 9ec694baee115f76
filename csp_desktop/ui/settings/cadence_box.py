"""Settings: how often risks in each band are reviewed (months), saved as one undoable step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from ...domain.cadence import MAX_MONTHS, MIN_MONTHS
from ...services import cadence as service
from ...services.registers import settings_version
from ...services.changes import Changes, Kind
from ..common.accessible import named
from ..shell.undoable import EditCommand, push


class SetCadence(EditCommand):
    def __init__(self, session, months: dict[str, int], expected: int | None = None):
        super().__init__(session, "Change the review cadence")
        self.new, self.expected = dict(months), expected  # the register's details' version when read
        self.old = service.cadence(session.register).by_band(session.scheme)

    def do(self) -> Changes:
        done = service.set_cadence(self.session.register, self.new, self.expected)
        self.expected = None  # undo and redo apply to whatever the register holds then
        return done.changes

    def undo_it(self) -> Changes:
        return service.set_cadence(self.session.register, self.old).changes


class CadenceBox(QGroupBox):
    def __init__(self, session, parent=None):
        super().__init__("Review cadence", parent)
        self.session = session
        explain = QLabel("Months between reviews for a risk in each band. Recording a review with no next date "
                         f"sets it from here; a band that is renamed keeps its figure ({MIN_MONTHS} to {MAX_MONTHS}).")
        explain.setWordWrap(True)
        self.form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        self.message = named(QLabel(), "Cadence message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.save = named(QPushButton("Save &cadence"), "Save the review cadence")
        self.save.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        session.changed.connect(self._on_changed)
        self.load()
        self.save.setEnabled(not session.read_only)

    def _on_changed(self, changes) -> None:
        if changes.touches(Kind.SCHEME, Kind.CADENCE):
            self.load()
        elif changes.touches(Kind.REGISTER):  # a rename in this window: the months shown are still as stored
            self.read_version = settings_version(self.session.register)

    def load(self) -> None:
        self.read_version = settings_version(self.session.register)  # what a save here starts from
        while self.form.rowCount():
            self.form.removeRow(0)
        self.spins = {}
        for band, months in service.cadence(self.session.register).by_band(self.session.scheme).items():
            spin = named(QSpinBox(), f"Months between reviews of {band} risks")
            spin.setRange(MIN_MONTHS, MAX_MONTHS)  # 0 or 10 years cannot be typed at all
            spin.setSuffix(" months")
            spin.setValue(months)
            self.spins[band] = spin
            self.form.addRow(band, spin)

    def apply(self) -> bool:
        months = {band: spin.value() for band, spin in self.spins.items()}
        error = push(self.session, SetCadence(self.session, months, self.read_version))
        if error:
            self.read_version = settings_version(self.session.register)  # told: saving again is their choice
        self.message.setText(error or "Saved.")
        return error is None
