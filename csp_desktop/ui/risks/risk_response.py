"""The risk response tab: treat, tolerate, transfer or terminate, why, and the acceptance a tolerated
risk above appetite needs (who accepted it, when, until when). Saved together as one undoable edit."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ...domain.dates import parse_date, show
from ...domain.model import Risk
from ...domain.response import RESPONSES, TOLERATE, WORDS, needs_acceptance
from ...domain.scoring import Scheme
from ..common.accessible import named


class ResponseForm(QWidget):
    saved = Signal(dict)      # the five response fields, to write in one step
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.response = named(QComboBox(), "Risk response")
        for value in ("", *RESPONSES):
            self.response.addItem(WORDS[value], value)
        self.reason = named(QPlainTextEdit(), "Reason for the response")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.accepted_by = named(QLineEdit(), "Accepted by", "Who accepted the risk (a person or the board)")
        self.accepted_on = named(QLineEdit(), "Accepted on", "The date it was accepted (dd/mm/yyyy)")
        self.accepted_until = named(QLineEdit(), "Accepted until", "The acceptance ends on this date (dd/mm/yyyy)")
        for line in (self.accepted_on, self.accepted_until):
            line.setPlaceholderText("dd/mm/yyyy")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.save = named(QPushButton("Save response"), "Save the risk response")
        self.save.clicked.connect(self._save)
        self.response.currentIndexChanged.connect(lambda _: self._advise())
        form = QFormLayout()
        for label, widget in (("Response", self.response), ("Why", self.reason), ("Accepted by", self.accepted_by),
                              ("Accepted on", self.accepted_on), ("Accepted until", self.accepted_until)):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(self.save)
        layout.addStretch()
        self.risk: Risk | None = None
        self.scheme: Scheme | None = None
        self.pending = False  # a save is being tried: what the user typed stays until it succeeds

    def show_risk(self, risk: Risk, scheme: Scheme) -> None:
        same = self.risk is not None and self.risk.id == risk.id
        self.risk, self.scheme = risk, scheme
        if self.pending and same:
            return  # the register refused it (a refused edit refreshes the views too): keep the typing
        self.pending = False
        self.response.blockSignals(True)
        self.response.setCurrentIndex(max(0, self.response.findData(risk.response)))
        self.response.blockSignals(False)
        self.reason.setPlainText(risk.response_reason)
        self.accepted_by.setText(risk.accepted_by)
        self.accepted_on.setText(show(risk.accepted_on))
        self.accepted_until.setText(show(risk.accepted_until))
        self._advise()

    def set_editable(self, editable: bool) -> None:
        for widget in (self.response, self.reason, self.accepted_by, self.accepted_on, self.accepted_until, self.save):
            widget.setEnabled(editable)

    def _advise(self) -> None:
        if self.risk is None or self.scheme is None:  # (both set together by show_risk)
            return
        trial = Risk(title=self.risk.title, residual=self.risk.residual, inherent=self.risk.inherent,
                     response=self.response.currentData())
        if needs_acceptance(trial, self.scheme):
            text = (f"This risk stands above the appetite ({self.scheme.appetite}): tolerating it needs an "
                    "acceptance, with who accepted it, when, and until when. When it ends it shows in Coming up.")
        elif self.response.currentData() == TOLERATE:
            text = "Within the appetite: an acceptance is optional."
        else:
            text = ""
        lapsed = self.risk.accepted_until and self.risk.accepted_until < date.today()
        self.advice.setText(text + (f" The acceptance ended on {show(self.risk.accepted_until)}." if lapsed else ""))

    def _save(self) -> None:
        try:
            accepted_on, until = parse_date(self.accepted_on.text()), parse_date(self.accepted_until.text())
        except ValueError as exc:
            self.refused.emit(f"{exc}.")
            return
        self.pending = True
        self.saved.emit({"response": self.response.currentData(), "response_reason": self.reason.toPlainText().strip(),
                         "accepted_by": self.accepted_by.text().strip(), "accepted_on": accepted_on,
                         "accepted_until": until})
