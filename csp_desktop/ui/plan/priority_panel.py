"""One priority: its number, title, lead agencies (partner organisations) and outcomes, editable and undoable."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.plan_summary import PriorityLine
from ..common.accessible import named
from .plan_commands import SetLeadAgencies, SetPlanFields, push
from ..shell.undoable import EditCommand


class PriorityPanel(QWidget):
    refused = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.line: PriorityLine | None = None
        self.ref = named(QLineEdit(), "Priority number")
        self.title = named(QLineEdit(), "Priority title")
        self.leads = named(QLineEdit(), "Lead agencies", "Partner organisations, separated by semicolons")
        self.outcomes = named(QPlainTextEdit(), "Outcomes")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.save = QPushButton("Save priority")
        self.save.clicked.connect(self._save)
        self.save.setEnabled(not session.read_only)
        form = QFormLayout()
        form.addRow("Number", self.ref)
        form.addRow("Title", self.title)
        form.addRow("Lead agencies", self.leads)
        form.addRow("Outcomes", self.outcomes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def show_line(self, line: PriorityLine) -> None:
        self.line = line
        p = line.priority
        self.ref.setText(p.ref)
        self.title.setText(p.title)
        self.leads.setText("; ".join(line.lead_agencies) or p.lead_agency)
        self.outcomes.setPlainText(p.outcomes)
        risks = ", ".join(f"{r.ref} {r.title} (residual {r.residual.score if r.residual else '-'})" for r in line.risks)
        counts = ", ".join(_counted(n, noun) for n, noun in ((len(line.all_actions()), "action"),
                                                             (len(line.indicators), "indicator"),
                                                             (len(line.objectives), "objective")))
        self.summary.setText(f"{counts}.\nRisks that threaten it: {risks or 'none linked'}.")

    def _save(self) -> None:
        assert self.line is not None  # saved only once a priority is shown
        p = self.line.priority
        changes = {k: v for k, v in (("ref", self.ref.text().strip()), ("title", self.title.text().strip()),
                                     ("outcomes", self.outcomes.toPlainText())) if getattr(p, k) != v}
        names = [n.strip() for n in self.leads.text().split(";") if n.strip()]
        # Each command is made just before it runs, so the second starts from the version the first left.
        commands: list[Callable[[], EditCommand]] = (
            [lambda: SetPlanFields(self.session, "priority", p.id, changes, f"priority {p.ref or p.title}")]
            if changes else [])
        if names != self.line.lead_agencies:
            commands.append(lambda: SetLeadAgencies(self.session, p, names))
        for command in commands:
            refusal = push(self.session, command())
            if refusal:
                self.refused.emit(refusal)
                return


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
