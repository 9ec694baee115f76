"""The action tracker: every action with its owner, due date, status, progress and RAG, filtered and
sorted, with a quick status change and an editor. Every edit is an undoable command."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMenu, QPushButton, QTableView, QVBoxLayout, QWidget)

from ...domain.dates import show
from ...domain.model import ACTION_STATUSES
from ...services import lookups
from ...services.changes import Changes, Kind
from ..common.column_fit import ColumnFit
from ..common.exempt_mark import MarkKeepingDelegate
from .action_commands import DeleteActionCommand, SetStatusCommand
from ..common.accessible import named
from .action_editor import ActionEditor
from .action_filter import ALL, DUE_SOON, NO_OWNER, OPEN_STATUSES, OVERDUE, ActionFilterProxy
from .action_rows import ACTION_ROLE, LINKED, PROGRESS, RAG, STATUS, TITLE
from .action_table_model import ActionTableModel
from ..common.status_delegate import StatusDelegate
from ..shell.undoable import push

WIDER = (Kind.OWNERS, Kind.RISKS, Kind.MEETINGS)  # named on many actions: read the tracker again
# Starting widths: the text each column must show whole; the title takes what is left.
# Due and Status leave room for an imported file's own words ("Q4 2026/27", "in progress: Delayed").
COLUMN_SAMPLES = ("R-0000", "", "Owner name here wide", "00/00/0000 (Q4 0000/00)", "in progress: Delayed",
                  "Progress: a good long phrase",
                  "Amber (reported)", "Risk R-00; Priority: a long name")


class ActionsView(QWidget):
    def __init__(self, session, parent=None, *, today=date.today):
        super().__init__(parent)
        self.session = session
        self.today = today
        self._exempt_risks: lookups.ExemptRisks | None = None  # read with the tracker (reload)
        self.setAccessibleName("Actions")
        self.model = ActionTableModel(self)
        self.proxy = ActionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.message = named(QLabel(), "Problem")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self._build_table(), 1)
        self._build_actions()
        session.changed.connect(self._on_changed)
        if session.read_only:
            self._lock_editing()
        self.reload()

    # -- building ------------------------------------------------------------------------------------

    def _build_filters(self) -> QVBoxLayout:
        self.filter_edit = named(QLineEdit(), "Filter actions", "Type words to show only actions containing them")
        self.filter_edit.setPlaceholderText("Type to filter by ref, title, owner, progress\u2026")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda text: self._filter(text=text))
        self.due_combo = named(QComboBox(), "Due date filter")
        for text, value in (("Any due date", ALL), ("Overdue", OVERDUE), ("Due in the next 30 days", DUE_SOON)):
            self.due_combo.addItem(text, value)
        self.due_combo.currentIndexChanged.connect(lambda _: self._filter(due=self.due_combo.currentData()))
        self.owner_combo = named(QComboBox(), "Owner filter")
        self.owner_combo.currentIndexChanged.connect(lambda _: self._filter(owner_id=self.owner_combo.currentData()))
        self.status_combo = named(QComboBox(), "Status filter")
        self.status_combo.addItem("Any status", None)
        self.status_combo.addItem("Open (not complete or cancelled)", OPEN_STATUSES)
        for status in ACTION_STATUSES:
            self.status_combo.addItem(status.capitalize(), status)
        self.status_combo.currentIndexChanged.connect(lambda _: self._filter(status=self.status_combo.currentData()))
        self.count_label = named(QLabel(), "Actions shown")
        self.new_button = named(QPushButton("&New action\u2026"), "New action")
        self.new_button.clicked.connect(self.new_action)
        self.edit_button = named(QPushButton("&Edit\u2026"), "Edit action")
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = named(QPushButton("De&lete"), "Delete the selected actions")
        self.delete_button.clicked.connect(self.delete_selected)
        for combo in (self.due_combo, self.owner_combo, self.status_combo):
            # Long owner names must not push the view wider than a scaled laptop screen.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        # Two rows, so the view fits a 1366x768 laptop at 150% scaling beside the navigation.
        search, filters = QHBoxLayout(), QHBoxLayout()
        widget: QWidget
        for row, label, widget in ((search, "&Filter:", self.filter_edit), (filters, "D&ue:", self.due_combo),
                                   (filters, "&Owner:", self.owner_combo), (filters, "S&tatus:", self.status_combo)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, 1)
        for widget in (self.count_label, self.new_button, self.edit_button, self.delete_button):
            search.addWidget(widget)
        rows = QVBoxLayout()
        rows.addLayout(search)
        rows.addLayout(filters)
        return rows

    def _build_table(self) -> QTableView:
        table = self.table = named(QTableView(), "Action tracker",
                                   "Enter opens an action; F2 on the status changes it; the menu key for more")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights: nothing is measured per row, which keeps 50,000 rows quick.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        metrics = table.fontMetrics()
        widths = {}
        for column, sample in enumerate(COLUMN_SAMPLES):
            widths[column] = metrics.horizontalAdvance(sample) + metrics.averageCharWidth() * 2
            table.setColumnWidth(column, widths[column])
        # A narrow window drops these first (the editor shows them), so titles are not cut to "…".
        self.column_fit = ColumnFit(table, widths, TITLE, (LINKED, PROGRESS, RAG))
        table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.delegate = StatusDelegate(table)
        self.delegate.chosen.connect(lambda action, status: self.set_status([action], status))
        table.setItemDelegateForColumn(STATUS, self.delegate)
        self.title_delegate = MarkKeepingDelegate(table)
        table.setItemDelegateForColumn(TITLE, self.title_delegate)
        table.activated.connect(self._activated)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        return table

    def _build_actions(self) -> None:
        """Shortcuts that work while the table has focus, shared with its context menu."""
        self.status_actions = []
        for number, status in enumerate(ACTION_STATUSES, start=1):
            action = QAction(f"Mark {status}", self.table)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=status: self.set_status(self.selected_actions(), s))
            self.table.addAction(action)
            self.status_actions.append(action)
        self.delete_action = QAction("Delete action", self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)

    def _lock_editing(self) -> None:
        """A register opened read-only: offer no edits (the editor still opens, to read)."""
        controls: list[QWidget | QAction] = [self.new_button, self.delete_action, self.delete_button,
                                             *self.status_actions]
        for control in controls:
            control.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    # -- public --------------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def reload(self) -> None:
        """Read the actions again and show them, keeping the filters, sort and selection."""
        reg = self.session.register
        selected = {a.id for a in self.selected_actions()}
        meetings = self._meetings = {m.id: f"{m.board} {show(m.held_on)}" for m in lookups.meetings(reg)}
        self._fill_owner_filter(lookups.owners(reg))
        today = self.today()
        self.proxy.today = today
        actions = lookups.actions(reg)
        # the exempt risks once per read; a risk's exempt flag changing reads the tracker again (WIDER)
        self._exempt_risks = lookups.exempt_risks(reg)
        self.model.set_rows(actions, today, meetings, lookups.exempt_paragraphs(self._exempt_risks, actions))
        self._select_ids(selected)
        self._update_count()

    def show_action(self, action_id: str, *, edit: bool = True) -> None:
        """Select one action with every filter cleared (from Coming up); open its editor once shown."""
        for combo in (self.due_combo, self.owner_combo, self.status_combo):
            combo.setCurrentIndex(0)
        self.filter_edit.clear()
        self._select_ids({action_id})
        self.table.setFocus()
        if edit and self.current_action() is not None:
            QTimer.singleShot(0, self, self.edit_current)  # after the view is on screen, not inside the click

    def selected_actions(self) -> list:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [index.data(ACTION_ROLE) for index in rows]

    def current_action(self):
        index = self.table.currentIndex()
        return index.data(ACTION_ROLE) if index.isValid() else None

    # -- editing -------------------------------------------------------------------------------------

    def new_action(self) -> None:
        editor = ActionEditor(self.session, None, self, today=self.today())
        if editor.exec() and editor.saved:
            self._select_ids({editor.saved.id})

    def edit_current(self) -> None:
        action = self.current_action()
        if action is not None:
            self.open_editor(action)

    def open_editor(self, action) -> ActionEditor:
        editor = ActionEditor(self.session, action, self, today=self.today())
        editor.exec()
        return editor

    def set_status(self, actions: list, status: str) -> None:
        actions = [a for a in actions if a.status != status]
        if actions:
            self._report(push(self.session, SetStatusCommand(self.session, actions, status, self.today())))

    def delete_selected(self) -> None:
        """Delete the selected actions; several at once are one step to undo."""
        actions = self.selected_actions()
        stack = self.session.undo_stack
        if len(actions) > 1:
            stack.beginMacro(f"Delete {len(actions)} actions")
        for action in actions:
            if self._report(push(self.session, DeleteActionCommand(self.session, action))):
                break
        if len(actions) > 1:
            stack.endMacro()

    # -- reacting ------------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.MITIGATIONS):
            self._exempt_risks = None  # an action may now hang on an exempt risk through a new mitigation
        if changes.names_only:
            self._names_changed(changes.ids)
        elif changes.touches(*WIDER):
            self._reload_when_shown()
        elif changes.touches(Kind.ACTIONS):  # alone, or with the plan an action belongs to
            self.refresh_actions(changes.ids)

    def _names_changed(self, owner_ids) -> None:
        """An owner renamed or added: the owner filter's names, and only the actions that owner owns, are read
        again (a rename read the whole tracker again: 868 ms at 50,000 actions)."""
        if getattr(self, "_stale", False):
            return  # read in full when next shown anyway
        self._fill_owner_filter(lookups.owners(self.session.register))
        owned = {row.action.id for row in self.model.all_rows if row.action.owner_id in owner_ids}
        if owned:
            self.refresh_actions(owned)

    def _reload_when_shown(self) -> None:
        """Risks, owners and meetings are named on many actions: read the tracker again, but only when it
        is on screen (a risk edited in the risks view must not wait for 50,000 actions)."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if getattr(self, "_stale", False):
            self._stale = False
            self.reload()
        super().showEvent(event)

    def refresh_actions(self, ids=frozenset()) -> None:
        """After an edit of actions: read again the actions the operation named (other ids it names, of
        risks or notes, find nothing), or, not told which, those whose version moved."""
        reg = self.session.register
        if ids:
            fresh = lookups.actions_by_id(reg, sorted(ids))
            removed = {i for i in ids if self.model.holds(i)} - {a.id for a in fresh}
        else:
            stored = lookups.action_versions(reg)
            shown = {row.action.id: row.action.version for row in self.model.all_rows}
            fresh = lookups.actions_by_id(reg, [i for i, version in stored.items() if shown.get(i) != version])
            removed = shown.keys() - stored.keys()
        if not fresh and not removed:
            return
        selected = {a.id for a in self.selected_actions()}
        if self._exempt_risks is None:  # a mitigation changed since the tracker was read
            self._exempt_risks = lookups.exempt_risks(reg)
        self.model.apply_changes(fresh, set(removed), self.today(), self._meetings,
                                 lookups.exempt_paragraphs(self._exempt_risks, fresh))
        if removed or len(selected) != len(self.table.selectionModel().selectedRows()):
            self._select_ids(selected)
        self._update_count()

    def _filter(self, **changes) -> None:
        selected = {a.id for a in self.selected_actions()}
        self.proxy.set_filters(**changes)
        self._select_ids(selected)  # the rows that still show stay selected
        self._update_count()

    def _activated(self, index) -> None:
        if index.column() == STATUS and not self.session.read_only:
            self.table.edit(index)
        else:
            self.open_editor(index.data(ACTION_ROLE))

    def _context_menu(self, pos) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addAction("Edit\u2026", self.edit_current)
        menu.addSeparator()
        for action in self.status_actions:
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _fill_owner_filter(self, owners) -> None:
        current = self.owner_combo.currentData()
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        self.owner_combo.addItem("Any owner", None)
        self.owner_combo.addItem("(no owner)", NO_OWNER)
        for owner in owners:
            self.owner_combo.addItem(owner.name, owner.id)
        found = self.owner_combo.findData(current)
        self.owner_combo.setCurrentIndex(found if current is not None and found >= 0 else 0)
        self.owner_combo.blockSignals(False)
        if self.owner_combo.currentData() != current:
            self.proxy.owner_id = None

    def _select_ids(self, ids: set[str]) -> None:
        if not ids:
            return
        selection = self.table.selectionModel()
        selection.clearSelection()
        for number, row in enumerate(self.model.rows):
            if row.action.id in ids:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
                    selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
                    self.table.scrollTo(index)

    def _update_count(self) -> None:
        self.count_label.setText(f"{self.proxy.rowCount():,} of {len(self.model.all_rows):,} actions")

    def _report(self, error: str | None) -> str | None:
        self.message.setVisible(bool(error))
        self.message.setText("\u26a0 " + error if error else "")
        return error
