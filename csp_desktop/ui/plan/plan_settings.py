"""The plan's settings: its title and years, which year is current, and the amber tolerance of indicators."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDoubleSpinBox, QFormLayout, QLineEdit, QSpinBox

from ...domain.plan import PlanInfo
from ..common.accessible import named
from ..common.dialog_parts import ok_cancel


class PlanSettingsDialog(QDialog):
    def __init__(self, info: PlanInfo, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Plan period and settings")
        self.title = named(QLineEdit(info.title), "Plan title")
        self.start = named(self._year(info.start_year or 2024), "First year", "The plan's first year starts in April")
        self.end = named(self._year(info.end_year or (info.start_year or 2024) + 3), "Last year",
                         "The plan's last year ends in March of this year")
        self.year = named(QSpinBox(), "Current year of the plan")
        self.year.setRange(1, 10)
        self.year.setValue(info.year_number or 1)
        self.tolerance = named(QDoubleSpinBox(), "Amber tolerance",
                               "How far from its target an indicator may be, as % of the target, and be amber not red")
        self.tolerance.setRange(0, 100)
        self.tolerance.setSuffix(" % of target")
        self.tolerance.setValue(info.amber_tolerance * 100)
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        for label, widget in (("Title", self.title), ("From (April)", self.start), ("To (March)", self.end),
                              ("Year of the plan", self.year), ("Amber within", self.tolerance)):
            form.addRow(label, widget)
        form.addRow(buttons)

    @staticmethod
    def _year(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1990, 2100)
        box.setValue(value)
        return box

    def changes(self) -> dict:
        return {"title": self.title.text().strip(), "start_year": self.start.value(), "end_year": self.end.value(),
                "year_number": self.year.value(), "amber_tolerance": round(self.tolerance.value() / 100, 4)}
