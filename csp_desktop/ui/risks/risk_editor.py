"""The risk editor side panel: details, the three scores on grids, mitigations, linked actions, reviews.

Every change is saved at once as one undoable command (risk_commands). The panel re-reads its risk
whenever the session says risks changed, so undo and redo show here too.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ...domain.model import Mitigation, Risk
from ...errors import UserError
from ...services import risk_editing as editing
from ...services.changes import Changes, Kind
from . import risk_commands as commands
from ..common.matrix_grid import MatrixGrid
from .risk_details import RiskDetailsForm
from .risk_dialogs import MitigationDialog, ReviewDialog
from .risk_lists import LinkedActionsList, MitigationsList, ReviewHistory
from .risk_response import ResponseForm
from ..history.history_tab import HistoryTab
from ..common.elided_label import ElidedLabel
from ..common.text import plain_tooltip

RISK_PARTS = (Kind.RISKS, Kind.MITIGATIONS, Kind.REVIEWS)
SCORES = (("inherent", "Inherent (before mitigation)"), ("residual", "Residual (now)"), ("target", "Target"))


class RiskEditor(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.risk: Risk | None = None
        self.heading = ElidedLabel()  # one line, so a long title never pushes the tabs down
        self.heading.setAccessibleName("Risk being edited")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message.setStyleSheet("color: #C00000; font-weight: bold")
        self.details = RiskDetailsForm()
        self.details.edited.connect(self._set_field)
        self.details.refused.connect(self.message.setText)
        self.grids = {name: MatrixGrid(session.scheme, title=title) for name, title in SCORES}
        for name, grid in self.grids.items():
            grid.picked.connect(lambda rating, name=name: self._set_field(name, rating))
        self.mitigations = MitigationsList()
        self.mitigations.add.clicked.connect(self.add_mitigation)
        self.mitigations.edit.clicked.connect(self.edit_mitigation)
        self.mitigations.remove.clicked.connect(self.remove_mitigation)
        self.linked_actions = LinkedActionsList()
        self.history = ReviewHistory()
        self.history.record.clicked.connect(self.open_review_dialog)
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)  # seven tabs: scroll them rather than widen the window at 150%
        self.tabs.setAccessibleName("Risk editor sections")
        self.tabs.addTab(_scrolled(self.details, "Risk details"), "&Details")
        self.tabs.addTab(_scrolled(self._grid_page(), "Inherent, residual and target scores"), "Sc&ores")
        self.tabs.addTab(self.mitigations, "&Mitigations")
        self.tabs.addTab(self.linked_actions, "&Actions")
        self.tabs.addTab(self.history, "Re&views")
        self.response = ResponseForm()
        self.response.saved.connect(self._save_response)
        self.response.refused.connect(self._refuse)
        self.tabs.addTab(_scrolled(self.response, "Risk response"), "Response")
        self.changes = HistoryTab(session, "risks")
        self.tabs.addTab(self.changes, "Histor&y")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.heading, self.message, self.tabs):
            layout.addWidget(widget)
        session.changed.connect(self._on_changed)
        self._load_choices()
        self.show_risk(None)

    def _grid_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for grid in self.grids.values():
            layout.addWidget(grid)
        layout.addStretch()
        return page

    # -- showing -----------------------------------------------------------------------------------

    def show_risk(self, risk_id: str | None) -> None:
        """Show one risk (read fresh from the register), or nothing."""
        self.message.clear()
        try:
            self.risk = editing.get_risk(self.session.register, risk_id) if risk_id else None
        except UserError:
            self.risk = None
        self._refresh()

    def _refresh(self) -> None:
        risk = self.risk
        self.tabs.setEnabled(risk is not None)
        if risk is None:
            self.heading.setText("Select a risk to see and edit it.")
            return
        self.heading.setText(f"{risk.ref} {risk.title}".strip())
        self.heading.setToolTip(plain_tooltip(risk.title) or "")
        self.details.show_risk(risk)
        for name, grid in self.grids.items():
            grid.set_value(getattr(risk, name))
        register, scheme = self.session.register, self.session.scheme
        self.mitigations.show_items(scheme, editing.mitigations_for(register, risk.id))
        self.linked_actions.show_items(editing.linked_actions(register, risk.id))
        reviews = editing.reviews_for(register, risk.id)
        self.history.show_items(scheme, reviews, editing.direction_of_travel(reviews))
        self.changes.show_item(risk.id)
        self.response.show_risk(risk, scheme)
        self._set_editable(not self.session.read_only)

    def _set_editable(self, editable: bool) -> None:
        self.details.set_editable(editable)
        self.response.set_editable(editable)
        for widget in (*self.grids.values(), self.mitigations.add, self.mitigations.edit, self.mitigations.remove,
                       self.history.record):
            widget.setEnabled(editable)

    def _load_choices(self) -> None:
        register = self.session.register
        self.details.set_choices(editing.owners(register), editing.priorities(register))

    def _on_changed(self, changes: Changes) -> None:
        if changes.scheme_changed:
            for grid in self.grids.values():
                grid.set_scheme(self.session.scheme)
        if changes.touches(Kind.OWNERS):
            self._load_choices()
        if self.risk is not None and self._shows_changes(changes):
            self.show_risk(self.risk.id)

    def _shows_changes(self, changes: Changes) -> bool:
        """Whether the risk on show may look different now (its own rows, or names and scores it shows)."""
        if changes.touches(Kind.ACTIONS, Kind.OWNERS, Kind.SCHEME):
            return True
        assert self.risk is not None  # asked only while a risk is shown
        return changes.touches(*RISK_PARTS) and (not changes.rows_known or self.risk.id in changes.ids)

    # -- editing -------------------------------------------------------------------------------------

    def _push(self, command) -> bool:
        error = commands.push(self.session, command)
        notice = "" if error else getattr(command, "notice", "")
        self.message.setText(error or notice)
        self.message.setStyleSheet("font-weight: bold" + ("; color: #C00000" if error else ""))
        if error and self.risk is not None:
            self._refresh()  # put the refused value back as stored
        return error is None

    def _set_field(self, name: str, value) -> None:
        if self.risk is not None:
            self._push(commands.SetRiskField(self.session, self.risk, name, value))

    def _save_response(self, values: dict) -> None:
        if self.risk is None:
            return
        changed = {k: v for k, v in values.items() if getattr(self.risk, k) != v}
        if not changed:
            self.response.pending = False
            return
        # Not _push: a refusal must leave what the user typed in the form, to put right and save again.
        error = commands.push(self.session, commands.EditRisk(self.session, self.risk, changed))
        if error:
            self._refuse(error)
        else:
            self.response.pending = False
            self.message.clear()

    def _refuse(self, message: str) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("font-weight: bold; color: #C00000")

    def open_review_dialog(self) -> None:
        if self.risk is None:
            return
        register = self.session.register
        dialog = ReviewDialog(self.session.scheme, self.risk, register.who, date.today(), self,
                              next_by=lambda rating, on: editing.cadence_date(register, rating, on))
        if dialog.exec() and dialog.values:
            self.record_review(**dialog.values)

    def record_review(self, *, after, on: date, reviewer: str, note: str = "", next_review: date | None = None) -> bool:
        assert self.risk is not None  # a review is of the risk on show
        return self._push(commands.RecordReview(self.session, self.risk, after, on=on, reviewer=reviewer, note=note,
                                                next_review=next_review))

    def add_mitigation(self) -> None:
        if self.risk is None:
            return
        dialog = MitigationDialog(self.session.scheme, editing.owners(self.session.register), parent=self)
        if dialog.exec() and dialog.values:
            position = len(self.mitigations.items)
            self._push(commands.AddMitigation(self.session, Mitigation(risk_id=self.risk.id, position=position,
                                                                        **dialog.values)))

    def edit_mitigation(self) -> None:
        mitigation = self.mitigations.selected()
        if mitigation is None:
            return
        dialog = MitigationDialog(self.session.scheme, editing.owners(self.session.register), mitigation, self)
        if dialog.exec() and dialog.values:
            self._push(commands.EditMitigation(self.session, mitigation, dialog.values))

    def remove_mitigation(self) -> None:
        mitigation = self.mitigations.selected()
        if mitigation is not None:
            self._push(commands.RemoveMitigation(self.session, mitigation))

    def commit_pending(self) -> None:
        """Save a description still being typed before the editor moves to another risk."""
        if self.details.description.hasFocus():
            self.details.description.editingFinished.emit()


def _scrolled(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
