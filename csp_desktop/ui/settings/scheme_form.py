"""The scoring scheme as a form: matrix size, level labels, bands (name, lowest score, colour), appetite.

The form only reads and shows; `scheme()` hands back a domain Scheme, whose own checks say what is wrong.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ...domain.scoring import IMPACT, LIKELIHOOD, MAX_LEVELS, MIN_LEVELS, Band, Scheme, SchemeError
from ..common.accessible import named
from ..common.colours import text_colour_on

MAX_BANDS = 6


def colour_button_style(colour: str) -> str:
    return f"QPushButton {{ background-color: {colour}; color: {text_colour_on(colour).name()}; }}"


NO_APPETITE = "(none adopted)"  # the partnership set no appetite: the pack prints none


class BandRow(QWidget):
    """One band: its name, the lowest score in it and its colour; `removed` asks the form to drop it."""
    removed = Signal(object)
    edited = Signal()

    def __init__(self, band: Band, number: int, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name_edit = named(QLineEdit(band.name), f"Band {number} name")
        self.lowest_spin = named(QSpinBox(), f"Band {number} lowest score")
        self.lowest_spin.setRange(1, MAX_LEVELS * MAX_LEVELS)
        self.lowest_spin.setValue(band.lowest)
        self.colour = band.colour
        self.colour_button = named(QPushButton(), f"Band {number} colour", "Choose the band's colour")
        self.colour_button.clicked.connect(self.choose_colour)
        self.remove_button = named(QPushButton("Remove"), f"Remove band {number}")
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.name_edit.textChanged.connect(self.edited)
        for widget, stretch in ((QLabel("Name"), 0), (self.name_edit, 2), (QLabel("from score"), 0),
                                (self.lowest_spin, 0), (self.colour_button, 1), (self.remove_button, 0)):
            layout.addWidget(widget, stretch)
        self._show_colour()

    def band(self) -> Band:
        return Band(self.name_edit.text().strip(), self.lowest_spin.value(), self.colour)

    def choose_colour(self) -> None:
        picked = QColorDialog.getColor(QColor(self.colour), self, f"Colour of {self.name_edit.text()}")
        if picked.isValid():
            self.set_colour(picked.name().upper())

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour)
        self.colour_button.setStyleSheet(colour_button_style(self.colour))


class SchemeForm(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.band_rows: list[BandRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_levels())
        layout.addWidget(self._build_bands())
        self.appetite_combo = named(QComboBox(), "Risk appetite",
                                    "The highest band the board tolerates; risks above it are escalated")
        self.name_edit = named(QLineEdit(), "Scheme name")
        form = QFormLayout()
        form.addRow("Scheme &name", self.name_edit)
        form.addRow("Risk &appetite (highest band tolerated)", self.appetite_combo)
        layout.addLayout(form)

    def _build_levels(self) -> QGroupBox:
        box = QGroupBox("Matrix and level labels")
        grid = QGridLayout(box)
        self.size_spins: dict[str, QSpinBox] = {}
        self.label_edits: dict[str, list[tuple[QLabel, QLineEdit]]] = {}
        for column, axis in enumerate((LIKELIHOOD, IMPACT)):
            spin = named(QSpinBox(), f"Number of {axis} levels")
            spin.setRange(MIN_LEVELS, MAX_LEVELS)
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0") * 8)
            spin.valueChanged.connect(self._show_levels)
            caption = QLabel(f"&{axis.capitalize()} levels")  # &Likelihood, &Impact
            caption.setBuddy(spin)
            grid.addWidget(caption, 0, column * 2)
            grid.addWidget(spin, 0, column * 2 + 1, Qt.AlignmentFlag.AlignLeft)
            self.size_spins[axis] = spin
            self.label_edits[axis] = []
            for level in range(1, MAX_LEVELS + 1):
                edit = named(QLineEdit(), f"{axis.capitalize()} level {level} label")
                label = QLabel(str(level))
                label.setBuddy(edit)
                grid.addWidget(label, level, column * 2)
                grid.addWidget(edit, level, column * 2 + 1)
                self.label_edits[axis].append((label, edit))
        return box

    def _build_bands(self) -> QGroupBox:
        box = QGroupBox("Bands (score ranges and colours)")
        self.bands_layout = QVBoxLayout(box)
        self.add_band_button = named(QPushButton("Add &band"), "Add band")
        self.add_band_button.clicked.connect(lambda: self._add_band(Band("New band", self._next_lowest(), "#4472C4")))
        self.bands_layout.addWidget(self.add_band_button)
        return box

    # -- showing -------------------------------------------------------------------------------------

    def load(self, scheme: Scheme) -> None:
        for axis in (LIKELIHOOD, IMPACT):
            labels = scheme.labels(axis)
            self.size_spins[axis].setValue(len(labels))
            for level, (_, edit) in enumerate(self.label_edits[axis], start=1):
                edit.setText(labels[level - 1] if level <= len(labels) else "")
        for row in list(self.band_rows):
            self._remove_band(row)
        for band in scheme.bands:
            self._add_band(band)
        self.name_edit.setText(scheme.name)
        self._show_appetite(scheme.appetite or NO_APPETITE)
        self._show_levels()

    def _show_levels(self) -> None:
        for axis in (LIKELIHOOD, IMPACT):
            count = self.size_spins[axis].value()
            for level, (label, edit) in enumerate(self.label_edits[axis], start=1):
                label.setVisible(level <= count)
                edit.setVisible(level <= count)

    def _show_appetite(self, keep: str | None = None) -> None:
        keep = keep if keep is not None else self.appetite_combo.currentText()
        self.appetite_combo.clear()
        self.appetite_combo.addItems([row.band().name for row in self.band_rows] + [NO_APPETITE])
        found = self.appetite_combo.findText(keep)
        self.appetite_combo.setCurrentIndex(found if found >= 0 else 0)

    def _add_band(self, band: Band) -> None:
        if len(self.band_rows) >= MAX_BANDS:
            return
        row = BandRow(band, len(self.band_rows) + 1, self)
        row.removed.connect(self._remove_band)
        row.edited.connect(lambda: self._show_appetite())
        self.bands_layout.insertWidget(len(self.band_rows), row)
        self.band_rows.append(row)
        self.add_band_button.setEnabled(len(self.band_rows) < MAX_BANDS)
        self._show_appetite()

    def _remove_band(self, row: BandRow) -> None:
        self.band_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.add_band_button.setEnabled(True)
        self._show_appetite()

    def _next_lowest(self) -> int:
        return max((row.lowest_spin.value() for row in self.band_rows), default=0) + 1

    # -- reading -------------------------------------------------------------------------------------

    def labels(self, axis: str) -> tuple[str, ...]:
        count = self.size_spins[axis].value()
        return tuple(edit.text().strip() for _, edit in self.label_edits[axis][:count])

    def scheme(self) -> Scheme:
        """The scheme the form describes; raises SchemeError with a sentence saying what is wrong."""
        bands = tuple(row.band() for row in self.band_rows)
        if any(not band.name for band in bands):
            raise SchemeError("Every band needs a name.")
        if len({band.name.casefold() for band in bands}) != len(bands):
            raise SchemeError("Two bands have the same name.")
        return Scheme(likelihood_labels=self.labels(LIKELIHOOD), impact_labels=self.labels(IMPACT), bands=bands,
                      appetite="" if (chosen := self.appetite_combo.currentText()) == NO_APPETITE else chosen,
                      name=self.name_edit.text().strip())
