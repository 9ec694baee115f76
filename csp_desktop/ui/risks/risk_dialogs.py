"""Small dialogs of the risk editor: record a review, add or edit a mitigation."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout)

from ...domain.dates import parse_date, show
from ...domain.model import Mitigation, Risk
from ...domain.scoring import Rating, Scheme
from ..common.matrix_grid import MatrixGrid


class _Dialog(QDialog):
    """A form with OK/Cancel and a line for the one-sentence reason a value is refused."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = QLabel()
        self.problem.setAccessibleName("Problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #C00000; font-weight: bold")
        self.layout_.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def refuse(self, message: str) -> None:
        self.problem.setText(message)


def _date_field(accessible: str, value: date | None) -> QLineEdit:
    line = QLineEdit(show(value))
    line.setPlaceholderText("dd/mm/yyyy")
    line.setAccessibleName(accessible)
    return line


class ReviewDialog(_Dialog):
    """The owner's review: the residual score confirmed or changed, with a note and the next review date."""

    def __init__(self, scheme: Scheme, risk: Risk, reviewer: str, today: date, parent=None, next_by=None):
        """`next_by(rating, on)`: the next review date the band's cadence gives, shown as the default."""
        super().__init__(f"Record review of {risk.ref or risk.title}", parent)
        self.next_by = next_by
        self.on = _date_field("Review date", today)
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setAccessibleName("Reviewed by")
        self.grid = MatrixGrid(scheme, title="Residual after review")
        self.grid.set_value(risk.residual)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Review note")
        self.note.setTabChangesFocus(True)
        self.next_review = _date_field("Next review date (blank: set by the band's review cadence)", None)
        self.next_review.setPlaceholderText("dd/mm/yyyy, or blank: by the band's cadence")
        self.grid.picked.connect(lambda _rating: self._show_cadence())
        self.on.textChanged.connect(lambda _text: self._show_cadence())
        for label, widget in (("Review &date", self.on), ("Reviewed &by", self.reviewer),
                              ("&Residual score", self.grid), ("N&ote", self.note), ("&Next review", self.next_review)):
            self.form.addRow(label, widget)
        self.values: dict | None = None
        self._show_cadence()

    def _show_cadence(self) -> None:
        """Blank means the cadence's date: say which, so the user can keep it or type another."""
        try:
            on = parse_date(self.on.text())
        except ValueError:
            on = None
        due = self.next_by(self.grid.value, on) if self.next_by and on else None
        self.next_review.setPlaceholderText(f"blank: {show(due)}, by the band's cadence" if due
                                            else "dd/mm/yyyy, or blank: by the band's cadence")

    def accept(self) -> None:
        try:
            on = parse_date(self.on.text())
            next_review = parse_date(self.next_review.text())
        except ValueError as exc:
            return self.refuse(f"{exc}.")
        if on is None:
            return self.refuse("A review needs the date it was done.")
        self.values = {"after": self.grid.value, "on": on, "reviewer": self.reviewer.text().strip(),
                       "note": self.note.toPlainText(), "next_review": next_review}
        super().accept()


class MitigationDialog(_Dialog):
    """A mitigation's description, owner and the residual score expected once it works."""

    def __init__(self, scheme: Scheme, owners, mitigation: Mitigation | None = None, parent=None):
        super().__init__("Edit mitigation" if mitigation else "Add mitigation", parent)
        self.description = QPlainTextEdit(mitigation.description if mitigation else "")
        self.description.setAccessibleName("Mitigation description")
        self.description.setTabChangesFocus(True)
        self.owner = QComboBox()
        self.owner.setAccessibleName("Mitigation owner")
        self.owner.addItem("(none)", None)
        for owner in owners:
            self.owner.addItem(owner.name, owner.id)
        self.owner.setCurrentIndex(max(self.owner.findData(mitigation.owner_id if mitigation else None), 0))
        self.has_expected = QCheckBox("Expected residual score once it works")
        self.has_expected.setAccessibleName("Give an expected residual score")
        self.grid = MatrixGrid(scheme, title="Expected residual")
        expected = mitigation.expected if mitigation else None
        self.grid.set_value(expected)
        self.has_expected.setChecked(expected is not None)
        self.grid.setEnabled(expected is not None)
        self.has_expected.toggled.connect(self.grid.setEnabled)
        self.grid.picked.connect(lambda rating: self.has_expected.setChecked(rating is not None))
        for label, widget in (("&Description", self.description), ("&Owner", self.owner), ("", self.has_expected),
                              ("E&xpected", self.grid)):
            self.form.addRow(label, widget)
        self.values: dict | None = None

    def accept(self) -> None:
        description = self.description.toPlainText().strip()
        if not description:
            return self.refuse("A mitigation needs a description.")
        expected: Rating | None = self.grid.value if self.has_expected.isChecked() else None
        if self.has_expected.isChecked() and expected is None:
            return self.refuse("Pick the expected residual score on the grid, or untick it.")
        self.values = {"description": description, "owner_id": self.owner.currentData(), "expected": expected}
        super().accept()
