"""The details form of the risk editor: each field is saved (as one undoable command) when it is left."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QSizePolicy,
                               QWidget)

from ..common.date_field import DateField
from ..common.eliding_combo import ElidingComboBox
from ...domain.model import RISK_STATUSES, Risk
from ...domain.schedule12a import choices
from ...domain.shorten import shorten

def paragraph_combo() -> QComboBox:
    """The Schedule 12A paragraphs with their wording, to pick the one an exempt item falls under."""
    combo = QComboBox()
    combo.setAccessibleName("Schedule 12A paragraph the item is exempt under")
    combo.addItem("(not recorded)", None)
    for number, text in choices():
        combo.addItem(shorten(text, 89, flat=False), number)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(30)
    return combo


class PlainTextField(QPlainTextEdit):
    """A multi-line box that says when the user leaves it, like QLineEdit.editingFinished."""
    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:
        self.editingFinished.emit()
        super().focusOutEvent(event)


class RiskDetailsForm(QWidget):
    """Emits `edited(name, value)` for a changed field, or `refused(message)` for a value it cannot take."""
    edited = Signal(str, object)
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.risk: Risk | None = None
        form = QFormLayout(self)
        self.ref = self._line("Reference", "Risk reference, for example R-07", "ref")
        self.title = self._line("Title", "Risk title", "title")
        self.description = PlainTextField()
        self.description.setAccessibleName("Description: cause, event and consequence")
        self.description.setTabChangesFocus(True)
        self.description.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.description.editingFinished.connect(lambda: self._text_done("description", self.description.toPlainText()))
        self.category = self._line("Category", "Category", "category")
        self.priority = self._combo("Linked priority", "priority_id")
        self.owner = self._combo("Owner", "owner_id")
        self.status = ElidingComboBox()
        self.status.addItems(RISK_STATUSES)
        self.status.setAccessibleName("Status")
        self.status.activated.connect(lambda _n: self._changed("status", self.status.currentText()))
        self.next_review = DateField("Next review date")
        self.next_review.editingFinished.connect(self._date_done)
        self.next_review.refused.connect(self.refused)
        self.exempt = QCheckBox("Exempt: Part II pack only")
        self.exempt.setAccessibleName("Exempt: show only in the Part II (private) pack")
        self.exempt.toggled.connect(lambda on: self._changed("exempt", on))
        self.paragraph = paragraph_combo()
        self.paragraph.activated.connect(lambda _n: self._changed("exempt_paragraph", self.paragraph.currentData()))
        for label, widget in (("&Ref", self.ref), ("&Title", self.title), ("Descr&iption", self.description),
                              ("Cate&gory", self.category), ("&Priority", self.priority), ("O&wner", self.owner),
                              ("&Status", self.status), ("&Next review", self.next_review), ("", self.exempt),
                              ("Schedule 12A", self.paragraph)):
            form.addRow(label, widget)

    def _line(self, accessible: str, placeholder: str, name: str | None = None) -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(accessible)
        line.setPlaceholderText(placeholder)
        if name:
            line.editingFinished.connect(lambda: self._text_done(name, line.text()))
        return line

    def _combo(self, accessible: str, name: str) -> QComboBox:
        combo = ElidingComboBox()
        combo.setAccessibleName(accessible)
        combo.activated.connect(lambda _n: self._changed(name, combo.currentData()))
        return combo

    def set_choices(self, owners, priorities) -> None:
        for combo, items in ((self.owner, [(o.name, o.id) for o in owners]),
                             (self.priority, [(f"{p.ref} {p.title}".strip(), p.id) for p in priorities])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("(none)", None)
            for text, value in items:
                combo.addItem(text, value)
            combo.blockSignals(False)
        if self.risk is not None:
            self.show_risk(self.risk)

    def show_risk(self, risk: Risk) -> None:
        self.risk = risk
        widgets = (self.ref, self.title, self.description, self.category, self.priority, self.owner, self.status,
                   self.next_review, self.exempt, self.paragraph)
        for widget in widgets:
            widget.blockSignals(True)
        self.ref.setText(risk.ref)
        self.title.setText(risk.title)
        self.title.setCursorPosition(0)  # the start of a long title, not its end
        if self.description.toPlainText() != risk.description:
            self.description.setPlainText(risk.description)
        self.category.setText(risk.category)
        self.priority.setCurrentIndex(max(self.priority.findData(risk.priority_id), 0))
        self.owner.setCurrentIndex(max(self.owner.findData(risk.owner_id), 0))
        self.status.setCurrentIndex(max(self.status.findText(risk.status), 0))
        self.next_review.set_value(risk.next_review)
        self.exempt.setChecked(risk.exempt)
        self.paragraph.setCurrentIndex(max(self.paragraph.findData(risk.exempt_paragraph), 0))
        self.paragraph.setEnabled(risk.exempt and self.exempt.isEnabled())
        for widget in widgets:
            widget.blockSignals(False)

    def set_editable(self, editable: bool) -> None:
        for line in (self.ref, self.title, self.category, self.next_review):  # DateField takes setReadOnly too
            line.setReadOnly(not editable)
        self.description.setReadOnly(not editable)
        for widget in (self.priority, self.owner, self.status, self.exempt):
            widget.setEnabled(editable)
        self.paragraph.setEnabled(editable and self.exempt.isChecked())

    def _text_done(self, name: str, text: str) -> None:
        if name != "description":
            text = text.strip()
        self._changed(name, text)

    def _date_done(self) -> None:
        if self.next_review.problem() is None:  # a refused date was said by the field's `refused`
            self._changed("next_review", self.next_review.value())

    def _changed(self, name: str, value) -> None:
        if self.risk is not None and getattr(self.risk, name) != value:
            self.edited.emit(name, value)
