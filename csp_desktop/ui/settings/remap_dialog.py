"""Moving scores onto a smaller matrix: the proposed old level -> new level for each axis, and the
risks whose scores change, before anything is written."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QLabel, QListWidget,
                               QVBoxLayout)

from ...domain.remap import Remap
from ...domain.scoring import IMPACT, LIKELIHOOD, Scheme
from ..common.accessible import named
from ..common.dialog_parts import OK, ok_cancel


class RemapDialog(QDialog):
    """`rescored(remap)` lists the risks a mapping changes (a service call, given by the caller)."""

    def __init__(self, old: Scheme, new: Scheme, rescored, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Change the matrix from {old.size} to {new.size}")
        self.old, self.new, self._rescored = old, new, rescored
        proposed = Remap.proposed(old, new)
        self.combos: dict[str, dict[int, QComboBox]] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(f"Some scores use levels the {new.size} matrix does not have. Choose where each old "
                       "level goes; every re-scored risk gets a review saying so. Ctrl+Z undoes it all.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for axis, mapping in ((LIKELIHOOD, proposed.likelihood), (IMPACT, proposed.impact)):
            layout.addWidget(self._axis_box(axis, mapping))
        self.summary = named(QLabel(), "Risks re-scored")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_list = named(QListWidget(), "Risks whose scores change")
        layout.addWidget(self.summary)
        layout.addWidget(self.risk_list, 1)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self._show_rescored()

    def _axis_box(self, axis: str, mapping: dict[int, int]) -> QGroupBox:
        box = QGroupBox(f"{axis.capitalize()}: old level \u2192 new level")
        form = QFormLayout(box)
        old_labels, new_labels = self.old.labels(axis), self.new.labels(axis)
        self.combos[axis] = {}
        for level, target in mapping.items():
            combo = named(QComboBox(), f"Old {axis} level {level} becomes")
            for number, label in enumerate(new_labels, start=1):
                combo.addItem(f"{number} {label}", number)
            combo.setCurrentIndex(target - 1)
            combo.currentIndexChanged.connect(self._show_rescored)
            form.addRow(f"{level} {old_labels[level - 1]}", combo)
            self.combos[axis][level] = combo
        return box

    def remap(self) -> Remap:
        return Remap(*({level: combo.currentData() for level, combo in self.combos[axis].items()}
                       for axis in (LIKELIHOOD, IMPACT)))

    def _show_rescored(self) -> None:
        items = self._rescored(self.remap())
        self.risk_list.clear()
        for item in items:
            changes = "; ".join(f"{name} {old.score if old else '-'} \u2192 {new.score if new else '-'}"
                                for name, old, new in item.changes)
            self.risk_list.addItem(f"{item.label}: {changes}")
        self.summary.setText(f"{len(items)} risk(s) will be re-scored and reviewed:" if items
                             else "No risk's scores change.")
        ok = self.buttons.button(OK)
        ok.setText(f"Re-score {len(items)} risk(s) and change the matrix" if items else "Change the matrix")
