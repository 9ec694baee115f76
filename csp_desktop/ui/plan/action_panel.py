"""A plan action as the plan sees it: who leads it, its RAG, and the objective it serves (movable, undoably).

Its status, owner and dates are edited in the Actions view, which owns the tracker.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.dates import show
from ...domain.derived import Rag
from ...domain.plan_summary import PriorityLine, owner_or_lead
from ..common.accessible import named
from .plan_commands import SetPlanFields, push


class ActionPanel(QWidget):
    refused = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session, self.action, self.line = session, None, None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold")
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.objective = named(QComboBox(), "Objective", "The objective of its priority this action serves")
        self.objective.activated.connect(self._moved)
        self.objective.setEnabled(not session.read_only)
        form = QFormLayout()
        form.addRow("Serves objective", self.objective)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_action(self, action, line: PriorityLine, rag: Rag | None) -> None:
        self.action, self.line = action, line
        self.title.setText(f"{action.ref}  {action.title}".strip())
        owner = owner_or_lead(action, line)
        lead_note = "" if action.owner_name else " (the priority's lead agency: no owner named)"
        self.facts.setText(f"Priority: {line.priority.ref} {line.priority.title}\nLed by: {owner}{lead_note}\n"
                           f"Status: {action.status}; due {show(action.due) or 'not set'}; RAG "
                           f"{_rag_words(rag)}")
        self.objective.clear()
        self.objective.addItem("(the priority as a whole)", None)
        for o in line.objectives:
            self.objective.addItem(f"{o.objective.ref} {o.objective.title}".strip(), o.objective.id)
        self.objective.setCurrentIndex(max(0, self.objective.findData(action.objective_id)))

    def _moved(self, index: int) -> None:
        chosen = self.objective.itemData(index)
        if self.action is None or chosen == self.action.objective_id:
            return
        command = SetPlanFields(self.session, "action", self.action.id, {"objective_id": chosen},
                                f"objective of {self.action.ref or self.action.title}")
        refusal = push(self.session, command)
        if refusal:
            self.refused.emit(refusal)


def _rag_words(rag: Rag | None) -> str:
    """"Amber (reported Amber; on time by its dates)": the band and, where the dates alone say otherwise, why."""
    if rag is None or rag.band is None:
        return "none (closed)"
    return f"{rag.word} ({rag.note})" if rag.note else rag.word
