"""The Plan view: the partnership plan's priorities with their objectives, actions, indicators and risks.

The tree shows each priority's lead agency, the RAG of its actions and indicators and the scores of the
risks that threaten it; the panel beside it edits the chosen priority or indicator (undoably) and charts
an indicator's values against its target.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu, QScrollArea, QSplitter,
                               QStackedWidget, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...domain.model import Indicator, Priority
from ...services.plan import load_plan
from ...services.changes import Kind
from ..common.accessible import named
from .action_panel import ActionPanel
from .item_panel import ItemPanel
from .indicator_panel import IndicatorPanel
from ...domain.plan import Objective
from ...domain.plan_summary import PlanSummary
from ..common.text import ask
from .plan_commands import AddPlanItem, RetirePriority, SetPlanInfo, push
from .plan_settings import PlanSettingsDialog
from .plan_tree import COLUMNS, ITEM_ROLE, fill_children, fill_tree
from .priority_panel import PriorityPanel

REFRESH_ON = (Kind.PLAN, Kind.ACTIONS, Kind.RISKS, Kind.OWNERS)


class PlanView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Plan")
        self.summary: PlanSummary  # set by reload() below, before anything reads it
        self._stale = False
        self.heading = named(QLabel(), "Plan period")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt")
        self.heading.setWordWrap(True)  # a long plan name wraps rather than widening the window
        self.message = named(QLabel(), "Problem")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #C00000")
        self.message.hide()
        self.tree = named(QTreeWidget(), "Plan tree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setUniformRowHeights(True)  # thousands of actions: rows all one height scroll fast
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Every column within the tree's width (no sideways scroll clipping "Latest / detail"): the plan's
        # names take what is left; the others are as wide as a typical lead, RAG count and risk list.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        width = self.tree.fontMetrics().horizontalAdvance
        for column, sample in ((1, "Glanhafren Council"), (2, "Actions: 1 amber  1 green; PIs: 1 green"),
                               (3, "Risks: R-01 (12)")):
            header.resizeSection(column, width(sample) + 16)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.tree.itemExpanded.connect(lambda item: fill_children(item, self.summary))
        self.priority_panel = PriorityPanel(session)
        self.indicator_panel = IndicatorPanel(session)
        self.action_panel = ActionPanel(session)
        self.item_panel = ItemPanel(session)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        for panel in (self.priority_panel, self.indicator_panel, self.action_panel, self.item_panel):
            panel.refused.connect(self._refused)
        self.panels = QStackedWidget()
        for widget in (self.detail, self.priority_panel, self.indicator_panel, self.action_panel, self.item_panel):
            self.panels.addWidget(widget)
        self._build_layout()
        session.changed.connect(self._on_changed)
        self.reload()

    def _build_layout(self) -> None:
        # Two menu buttons, not seven buttons: the view must fit a 1366-pixel laptop at 125% scaling.
        self.add_priority_button = QAction("Priority", self)
        self.add_priority_button.triggered.connect(lambda: self.add_priority())
        self.add_objective_button = QAction("Objective under the chosen priority", self)
        self.add_objective_button.triggered.connect(lambda: self.add_objective())
        self.add_indicator_button = QAction("Indicator of the chosen priority", self)
        self.add_indicator_button.triggered.connect(lambda: self.add_indicator())
        self.settings_button = QAction("Plan period and amber tolerance\u2026", self)
        self.settings_button.triggered.connect(self.edit_settings)
        self.retire_button = QAction("Retire the chosen priority\u2026", self)
        self.retire_button.triggered.connect(lambda: self.retire_priority())
        self.next_year_button = QAction("Start next plan year\u2026", self)
        self.next_year_button.triggered.connect(lambda: self.start_next_year())
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        for text, actions in (("Add", (self.add_priority_button, self.add_objective_button, self.add_indicator_button)),
                              ("Plan year", (self.settings_button, self.retire_button, self.next_year_button))):
            button = named(QToolButton(), f"{text} menu")
            button.setText(text)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            for action in actions:
                action.setEnabled(not self.session.read_only)
                menu.addAction(action)
            button.setMenu(menu)
            bar.addWidget(button)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        # the indicator panel (form, chart, values) scrolls rather than make the window taller at 150%
        scroller = QScrollArea()
        scroller.setAccessibleName("Selected item of the plan")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.panels)
        splitter.addWidget(scroller)
        # The tree takes the width the selected item's panel does not need (its widest, the indicator's form).
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        panel = max(p.minimumSizeHint().width() for p in (self.priority_panel, self.indicator_panel,
                                                            self.action_panel, self.item_panel))
        splitter.setSizes([900, panel + 40])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    # -- loading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        chosen, opened = self._current_key(), self._expanded_keys()
        self.summary = load_plan(self.session.register)
        self.heading.setText(self.summary.info.label or "Partnership plan (no period set)")
        fill_tree(self.tree, self.summary)
        self._restore(chosen, opened)

    def _on_changed(self, changes) -> None:
        """The plan reads every priority, indicator and plan action: an action edited in the tracker or a risk
        in the register is read again when the plan is next on screen, not on each edit elsewhere."""
        if not changes.touches(*REFRESH_ON):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def _current_key(self):
        item = self.tree.currentItem()
        return item.data(0, ITEM_ROLE) if item else None

    def _tops(self) -> list[QTreeWidgetItem]:
        return [top for n in range(self.tree.topLevelItemCount()) if (top := self.tree.topLevelItem(n)) is not None]

    def _expanded_keys(self) -> set:
        return {top.data(0, ITEM_ROLE) for top in self._tops() if top.isExpanded()}

    def _restore(self, chosen, opened: set) -> None:
        for top in self._tops():
            top.setExpanded(top.data(0, ITEM_ROLE) in opened)
        if not (chosen and self.select(*chosen)):
            self._show(self.tree.currentItem())

    # -- the panel beside the tree ----------------------------------------------------------------------

    def _show(self, item) -> None:
        self.message.hide()
        kind, row_id = item.data(0, ITEM_ROLE) if item else ("none", "")
        if kind == "priority":
            self.priority_panel.show_line(self._priority_line(row_id))
            self.panels.setCurrentWidget(self.priority_panel)
        elif kind == "indicator":
            self.indicator_panel.show_line(self._indicator_line(row_id))
            self.panels.setCurrentWidget(self.indicator_panel)
        elif kind in ("objective", "theme"):
            found = [o.objective for p in self.summary.priorities for o in p.objectives] + self.summary.themes
            self.item_panel.show_item(kind, next(x for x in found if x.id == row_id))
            self.panels.setCurrentWidget(self.item_panel)
        elif kind == "action":
            line = next(p for p in self.summary.priorities if any(a.id == row_id for a in p.all_actions()))
            action = next(a for a in line.all_actions() if a.id == row_id)
            self.action_panel.show_action(action, line, self.summary.action_rags.get(row_id))
            self.panels.setCurrentWidget(self.action_panel)
        else:
            self.detail.setText("\n\n".join(item.toolTip(0) or item.text(c) for c in range(len(COLUMNS))
                                            if item.text(c)) if item else "Choose a priority or an indicator.")
            self.panels.setCurrentWidget(self.detail)

    def _priority_line(self, priority_id: str):
        return next(line for line in self.summary.priorities if line.priority.id == priority_id)

    def _indicator_line(self, indicator_id: str):
        every = [i for line in self.summary.priorities for i in line.indicators] + self.summary.unplaced_indicators
        return next(i for i in every if i.indicator.id == indicator_id)

    def select(self, kind: str, row_id: str) -> bool:
        """Make the item current (opening its priority); used by tests and links from other views."""
        for top in self._tops():
            if kind != "priority" and top.data(0, ITEM_ROLE)[0] == "priority" and not self._holds(top, kind, row_id):
                continue
            fill_children(top, self.summary)
            for item in _with_descendants(top):
                if item.data(0, ITEM_ROLE) == (kind, row_id):
                    parent = item.parent()
                    while parent is not None:
                        parent.setExpanded(True)
                        parent = parent.parent()
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _holds(self, top, kind: str, row_id: str) -> bool:
        """Whether the priority row `top` has the item under it, without making its rows."""
        line = self._priority_line(top.data(0, ITEM_ROLE)[1])
        ids = {"action": [a.id for a in line.all_actions()], "indicator": [i.indicator.id for i in line.indicators],
               "objective": [o.objective.id for o in line.objectives], "risk": [r.id for r in line.risks]}
        return row_id in ids.get(kind, [])

    def _refused(self, sentence: str, *, problem: bool = True) -> None:
        self.message.setText(sentence)
        self.message.setStyleSheet("color: #C00000" if problem else "color: #1F2933")
        self.message.show()

    # -- adding -----------------------------------------------------------------------------------------

    def add_priority(self, title: str | None = None) -> None:
        if title is None:
            title, ok = QInputDialog.getText(self, "Add priority", "Title of the new priority:")
            if not ok:
                return
        refs = [p.priority.ref for p in self.summary.priorities if p.priority.ref.isdigit()]
        ref = str(max(map(int, refs)) + 1) if refs else "1"
        self._push(AddPlanItem(self.session, "priority", Priority(title.strip(), ref=ref)))

    def add_indicator(self, title: str | None = None) -> None:
        found = self._under_priority("indicator", "measures", "What the new indicator measures:", title)
        if found:
            line, title, ref = found
            self._push(AddPlanItem(self.session, "indicator",
                                   Indicator(title, priority_id=line.priority.id, ref=ref)))

    def add_objective(self, title: str | None = None) -> None:
        found = self._under_priority("objective", "belongs to", "The new objective:", title)
        if found:
            line, title, ref = found
            self._push(AddPlanItem(self.session, "objective", Objective(line.priority.id, title, ref=ref,
                                                                        position=len(line.objectives))))

    def _under_priority(self, kind: str, verb: str, prompt: str, title: str | None):
        """(the chosen priority's line, the title, the next ref under it such as "2.3") of a new indicator or
        objective; None when no priority is chosen (the user is told) or the title is cancelled."""
        key = self._current_key()
        if not key or key[0] != "priority":
            self._refused(f"Choose the priority the new {kind} {verb} first.")
            return None
        if title is None:
            title, ok = QInputDialog.getText(self, f"Add {kind}", prompt)
            if not ok:
                return None
        line = self._priority_line(key[1])
        ref = f"{line.priority.ref or '0'}.{len(getattr(line, kind + 's')) + 1}"
        return line, title.strip(), ref

    def retire_priority(self, reason: str | None = None) -> None:
        key = self._current_key()
        if not key or key[0] != "priority":
            self._refused("Choose the priority to retire first.")
            return
        priority = self._priority_line(key[1]).priority
        if reason is None:
            reason, ok = QInputDialog.getText(self, "Retire priority",
                                              f"Why is '{priority.title}' no longer a priority of the plan?")
            if not ok:
                return
        self._push(RetirePriority(self.session, priority, reason))

    def start_next_year(self, confirmed: bool = False) -> None:
        """Close this plan year as it stands (kept, read-only) and open the next; priorities retired or added
        beforehand are the year's decisions. It cannot be undone, so the undo history ends here."""
        from datetime import date
        from ...errors import UserError
        from ...services.plan_year import start_next_year
        if not confirmed and not ask(self, "Start next plan year",
                                     f"Close {self.summary.info.label or 'this plan year'} and start the next? "
                                     "The year closed is kept as it stands now, to read and print; open actions "
                                     "and risks carry forward. This cannot be undone."):
            return
        try:
            done = start_next_year(self.session.register, date.today())
        except UserError as exc:
            self._refused(str(exc))
            return
        self.session.undo_stack.clear()
        self.session.notify(done.changes)
        self._refused(f"Closed {done.closed}; now {done.opened}. Carried forward: {done.open_actions} open plan "
                      f"actions and {done.open_risks} open risks.", problem=False)

    def edit_settings(self) -> None:
        dialog = PlanSettingsDialog(self.summary.info, self)
        if dialog.exec():
            self.apply_settings(dialog.changes())

    def apply_settings(self, changes: dict) -> None:
        self._push(SetPlanInfo(self.session, changes, self.summary.info.version))

    def _push(self, command) -> None:
        refusal = push(self.session, command)
        if refusal:
            self._refused(refusal)


def _with_descendants(item):
    yield item
    for k in range(item.childCount()):
        yield from _with_descendants(item.child(k))
