"""Small dialogs of the risk editor: record a review, add or edit a mitigation."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout

from ...domain.dates import show
from ...domain.model import Mitigation, Risk
from ...domain.scoring import Rating, Scheme
from ..common.date_field import DateField
from ..common.dialog_parts import ok_cancel, problem_line
from ..common.matrix_grid import MatrixGrid


class _Dialog(QDialog):
    """A form with OK/Cancel and a line for the one-sentence reason a value is refused."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = problem_line()
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(ok_cancel(self))

    def refuse(self, message: str) -> None:
        self.problem.setText(message)


class ReviewDialog(_Dialog):
    """The owner's review: the residual score confirmed or changed, with a note and the next review date."""

    def __init__(self, scheme: Scheme, risk: Risk, reviewer: str, today: date, parent=None, next_by=None):
        """`next_by(rating, on)`: the next review date the band's cadence gives, shown as the default."""
        super().__init__(f"Record review of {risk.ref or risk.title}", parent)
        self.next_by = next_by
        self.on = DateField("Review date", today, optional=False)
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setAccessibleName("Reviewed by")
        self.grid = MatrixGrid(scheme, title="Residual after review")
        self.grid.set_value(risk.residual)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Review note")
        self.note.setTabChangesFocus(True)
        self.next_review = DateField("Next review date (blank: set by the band's review cadence)", None)
        self.grid.picked.connect(lambda _rating: self._show_cadence())
        self.on.line.textChanged.connect(lambda _text: self._show_cadence())
        for label, widget in (("Review &date", self.on), ("Reviewed &by", self.reviewer),
                              ("&Residual score", self.grid), ("N&ote", self.note), ("&Next review", self.next_review)):
            self.form.addRow(label, widget)
        self.values: dict | None = None
        self._show_cadence()

    def _show_cadence(self) -> None:
        """Blank means the cadence's date: say which, so the user can keep it or type another."""
        on = None if self.on.problem() else self.on.value()
        due = self.next_by(self.grid.value, on) if self.next_by and on else None
        self.next_review.line.setPlaceholderText(f"blank: {show(due)}, by the band's cadence" if due
                                            else "dd/mm/yyyy, or blank: by the band's cadence")

    def accept(self) -> None:
        sentence = self.on.problem() or self.next_review.problem()
        if sentence:
            return self.refuse(sentence)
        on, next_review = self.on.value(), self.next_review.value()
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
