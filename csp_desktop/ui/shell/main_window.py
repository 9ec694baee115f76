"""The main window: navigation between the views, the menus, the read-only banner and remembered state.

The window paints before the register layer is even imported (sqlite-utils and the store load when
a register is opened), so the app starts about as fast as an empty Qt window.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QProgressBar, QStackedWidget,
                               QVBoxLayout, QWidget)

from ...errors import UserError
from ..common.status import menu_text
from .feedback import UndoFeedback
from .file_menu import FileMenu
from .help_menu import HelpMenu
from .sidebar import Sidebar
from .toolbar import Toolbar
from ..common.text import tell

if TYPE_CHECKING:  # for the types only: the window paints before these load
    from ..actions.actions_view import ActionsView
    from ..dashboard.dashboard_view import DashboardView
    from ..risks.risk_loader import RiskData
    from ..risks.risks_view import RisksView
    from .session import Session

# (title, module, class) in the order of the navigation list; Ctrl+1, Ctrl+2, ... jump to them in this order.
VIEWS = (("Dashboard", "dashboard.dashboard_view", "DashboardView"), ("Risks", "risks.risks_view", "RisksView"),
         ("Actions", "actions.actions_view", "ActionsView"), ("Plan", "plan.plan_view", "PlanView"),
         ("Meetings", "meetings.meetings_view", "MeetingsView"),
         ("Owner updates", "updates.updates_view", "ReturnsView"),
         ("Partners & owners", "partners.partners_view", "PartnersView"),
         ("Settings", "settings.settings_view", "SettingsView"),
         ("History", "history.history_view", "HistoryView"))
RECOUNT_AFTER_MS = 300
SHARED_DATA = ("DashboardView", "RisksView")  # these two draw from the window's one risk loader


def settings() -> QSettings:
    from .locations import app_settings
    return app_settings()


class MainWindow(QMainWindow):
    def __init__(self, store: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = store or settings()
        self.session: Session | None = None  # of the open register
        self.data: RiskData | None = None     # its risk loader
        self.pages: dict[str, QWidget] = {}
        self.views = VIEWS
        self.undo_feedback: UndoFeedback | None = None  # names the steps of the open register's undo stack
        self._busy_message: str | None = None  # the "Importing..." line, cleared when the work ends
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Notice")
        self.banner.setStyleSheet("background: #FFF2CC; color: #000000; padding: 6px; border: 1px solid #BF9000")
        self.banner.hide()
        self.nav = Sidebar(self, self.views)
        self.nav.currentRowChanged.connect(self.show_view)
        self.stack = QStackedWidget()
        self.empty = QLabel("No register is open. Use File > Open or File > New.")
        # Centred by a style property: importing the Qt namespace (~15 ms of enums) waits until after the
        # first paint, so the window shows as soon as a bare one would.
        self.empty.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.empty)
        self._build_layout()
        self._build_status()
        self.files = FileMenu(self)
        self.help = HelpMenu(self)
        self._later_keys: list = []
        self._build_menus()
        self.installEventFilter(self)  # the first paint sets the shortcuts (keys_later)
        self.toolbar = Toolbar(self, self.views)
        self.addToolBar(self.toolbar)
        self._refusals_connected = False
        self.setWindowTitle("CSP Desktop")
        self._restore_geometry()
        self._set_open(False)
        self.setAcceptDrops(True)  # a .csv or .xlsx dropped on the window opens the import preview

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.session is not None and len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if self.session is not None and urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.files.preview(Path(urls[0].toLocalFile()))

    def _build_layout(self) -> None:
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_status(self) -> None:
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Working")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.due_counts = QLabel()  # what Coming up counts, always in sight
        self.due_counts.setAccessibleName("Coming up and overdue")
        self.statusBar().addPermanentWidget(self.due_counts)

    def _build_menus(self) -> None:
        self.files.add_to(self.menuBar().addMenu("&File"))
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo", QKeySequence.StandardKey.Undo, self._undo)
        self.redo_action = self._action(edit, "&Redo", QKeySequence("Ctrl+Shift+Z"), self._redo)
        self._later_keys[-1] = (self.redo_action, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addSeparator()
        self.find_action = self._action(edit, "&Find", QKeySequence.StandardKey.Find, self.find_in_view)
        view = self.menuBar().addMenu("&View")
        for n, (title, _m, _c) in enumerate(self.views):
            self._action(view, menu_text(title), QKeySequence(f"Ctrl+{n + 1}"),
                         lambda _=False, n=n: self.nav.setCurrentRow(n))
        self.help.add_to(self.menuBar().addMenu("&Help"))

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        self.keys_later(action, shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- opening -------------------------------------------------------------------------------------

    def open_register(self, path: Path) -> bool:
        """Open `path` in this window; a file that cannot be opened is refused in one sentence."""
        from ...services.workspace import Workspace
        from ..risks.risk_loader import RiskData
        from ..settings.identity import saved_name
        from .session import Session
        self._set_keys()  # opened before any paint (tests, scripts): the shortcuts are wanted now
        self._connect_refusals()
        if self.session is not None and Path(path).resolve() == self.session.workspace.path.resolve():
            self.close_register()  # opening it again (after an import): let its writer's lock go first
        local = self.files.local
        where = local.where_to_work(Path(path))  # a share or synced folder: perhaps a local copy
        if where is None:
            return False
        path = where
        try:  # every change is recorded under the name set in "Who am I", not the login name
            opened = Workspace.open_for_editing(path, who=saved_name(self.settings))
        except UserError as exc:
            local.pending = None
            return self.files.open_failed(path, str(exc))
        self.close_register()
        local.adopt()
        self.session = Session(opened, self)
        self.data = RiskData(self.session, self)
        self.data.busy.connect(self.set_busy)
        self.data.loaded.connect(self.nav.show_counts)
        # Counted again a moment after the last edit (a full count of 10,000 risks takes ~0.1 s): the row
        # repaints at once, and a run of edits is counted once.
        self._recount_later = QTimer(self, singleShot=True, interval=RECOUNT_AFTER_MS)
        self._recount_later.timeout.connect(self._recount)
        self.data.updated.connect(lambda _rows: self._recount_later.start())
        self._build_pages()
        notice = opened.read_only_reason or local.notice()
        self.show_notice(notice)
        self.session.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.session.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_feedback = UndoFeedback(self, self.session.undo_stack)
        self.session.changed.connect(self._on_changed)
        self._set_open(True)
        self._show_title()
        self.files.remember(local.original_of(opened.register.path))
        self.data.reload()
        return True

    def show_notice(self, notice: str | None) -> None:
        """The banner above the views: plain text always (a file name is never read as markup)."""
        from PySide6.QtCore import Qt
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setText(notice or "")
        self.banner.setVisible(bool(notice))

    def _recount(self) -> None:
        """The sidebar's counts after a few rows changed (counted again from the listing in memory)."""
        if self.session is not None and self.data is not None and self.data.listing is not None:
            self.data.summary(self.session.scheme)
            self.nav.show_counts(self.data.listing)

    def keys_later(self, action: QAction, keys) -> None:
        """Give `action` its shortcut once the window has painted: the first shortcut set makes PySide build
        every enum of the Qt namespace (~15 ms), which the first paint need not wait for."""
        self._later_keys.append((action, keys))

    def _set_keys(self) -> None:
        for action, keys in self._later_keys:
            if isinstance(keys, list):
                action.setShortcuts(keys)
            else:
                action.setShortcut(keys)
        self._later_keys = []

    def open_after_paint(self, path_or_chooser) -> None:
        """Open a register once the window has painted, so starting never shows a blank screen.

        Takes a path, or a function returning one (the start-up choice may itself take time).
        """
        self._pending_open = path_or_chooser
        self.installEventFilter(self)
        self.update()

    def eventFilter(self, obj, event) -> bool:
        if obj is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            pending, self._pending_open = getattr(self, "_pending_open", None), None
            QTimer.singleShot(0, self, self._set_keys)
            if pending is not None:
                QTimer.singleShot(0, self, lambda: self._open_pending(pending))
        return super().eventFilter(obj, event)

    def _open_pending(self, pending) -> None:
        path = pending() if callable(pending) else pending
        if path is not None:
            self.open_register(path)

    def _connect_refusals(self) -> None:
        """An undo or redo the register refused (it changed under the command) reaches the user."""
        if not self._refusals_connected:
            from .undoable import failures
            from PySide6.QtCore import Qt
            failures.failed.connect(self._step_refused, Qt.ConnectionType.QueuedConnection)
            self._refusals_connected = True

    def close_register(self) -> None:
        if self.session is None:
            return
        assert self.data is not None and self.undo_feedback is not None  # made with the session
        self.data.wait()
        self.files.wait()
        self.files.local.close()  # a local copy of a register on a share is written back there
        self._remember_splitters()
        self.undo_feedback.detach()
        for page in self.pages.values():
            page.close()  # lets a view finish or cancel its background work (a pack being built)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self.session.workspace.close()
        self.session.deleteLater()
        self.session = self.data = self.undo_feedback = None
        self.nav.clear_counts()
        self._set_open(False)
        self.due_counts.clear()
        self.banner.hide()
        self.setWindowTitle("CSP Desktop")

    def _build_pages(self) -> None:
        """Build only the view to show now; the others are built the first time they are shown, so
        opening a big register does not wait for views nobody has looked at yet.

        A register always opens on the Dashboard's "Coming up": the week's work starts there."""
        self.nav.setCurrentRow(0)
        self.show_view(0)

    def page(self, title: str) -> QWidget:
        """The view called `title`, built on first use."""
        if title not in self.pages:
            _title, module, name = next(v for v in VIEWS if v[0] == title)
            page = self._make_page(module, name)
            self.pages[title] = page
            self._restore_splitter(name, page)
            self.stack.addWidget(page)
            if title == "Dashboard":
                dashboard = cast("DashboardView", page)
                dashboard.cell_chosen.connect(self.open_cell)
                dashboard.risk_chosen.connect(self.open_risk)
                dashboard.overdue_reviews_chosen.connect(self.open_overdue_reviews)
                dashboard.action_chosen.connect(self.open_action)
                dashboard.chase_chosen.connect(self.chase_owners)
                dashboard.coming_up.counted.connect(self.due_counts.setText)
                found = dashboard.coming_up.found
                self.due_counts.setText(found.status_text() if found else "")
        return self.pages[title]

    def _make_page(self, module: str, name: str) -> QWidget:
        # Imported on first visit, so starting the app does not pay for every view.
        cls = getattr(importlib.import_module(f"csp_desktop.ui.{module}"), name)
        if name in SHARED_DATA:
            return cls(self.session, data=self.data)
        return cls(self.session)

    def _set_open(self, is_open: bool) -> None:
        self.nav.setEnabled(is_open)
        self.find_action.setEnabled(is_open)
        session = self.session if is_open else None
        stack = session.undo_stack if session is not None else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.files.set_open(is_open, read_only=bool(session is not None and session.read_only))
        self.toolbar.set_open(is_open, read_only=bool(session is not None and session.read_only))
        if not is_open:
            self.undo_action.setText("&Undo")
            self.redo_action.setText("&Redo")
            self.stack.setCurrentWidget(self.empty)

    def _show_title(self) -> None:
        assert self.session is not None  # a register is open
        reg = self.session.register
        read_only = " (read-only)" if reg.read_only else ""
        self.setWindowTitle(f"{reg.name} \u2013 {reg.path.name}{read_only} \u2013 CSP Desktop")

    def _on_changed(self, changes) -> None:
        from ...services.changes import Changes  # not at start-up: the window paints before services load
        from ...services.changes import Kind
        if changes == Changes.everything() or changes.touches(Kind.REGISTER):  # the partnership's name
            self._show_title()

    # -- views -----------------------------------------------------------------------------------------

    def show_view(self, row: int) -> None:
        if self.session is None or not 0 <= row < len(VIEWS):
            return
        self.stack.setCurrentWidget(self.page(VIEWS[row][0]))
        self.settings.setValue("view", row)

    def current_page(self) -> QWidget | None:
        page = self.stack.currentWidget()
        return None if page is self.empty else page

    def find_in_view(self) -> None:  # (not `find`: that is QWidget.find)
        page = self.current_page()
        if page is not None and hasattr(page, "focus_filter"):
            page.focus_filter()

    def open_cell(self, axis: str, rating) -> None:
        self.nav.setCurrentRow(1)
        cast("RisksView", self.page("Risks")).show_cell(axis, rating)

    def open_risk(self, risk_id: str) -> None:
        self.nav.setCurrentRow(1)
        risks = cast("RisksView", self.page("Risks"))
        risks.clear_filters()
        risks.select_risk(risk_id)

    def open_action(self, action_id: str) -> None:
        self.nav.setCurrentRow(2)
        cast("ActionsView", self.page("Actions")).show_action(action_id)

    def chase_owners(self) -> None:
        from ..dashboard.chase_dialog import chase_owners
        chase_owners(self, self.session)

    def open_overdue_reviews(self) -> None:
        self.nav.setCurrentRow(1)
        risks = cast("RisksView", self.page("Risks"))
        risks.clear_filters()
        risks.overdue.setChecked(True)

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        if message:
            self.statusBar().showMessage(message)
            self._busy_message = message
        elif not busy and self.statusBar().currentMessage() == self._busy_message:
            self.statusBar().clearMessage()  # only the "Importing..." line: what a step said stays its few seconds

    # -- undo ------------------------------------------------------------------------------------------

    def _undo(self) -> None:
        if self.session is not None and not self.session.read_only and self.undo_feedback is not None:
            self.undo_feedback.undo()

    def _redo(self) -> None:
        if self.session is not None and not self.session.read_only and self.undo_feedback is not None:
            self.undo_feedback.redo()

    def _step_refused(self, message: str) -> None:
        """An undo or redo the register refused (changed elsewhere, file now locked): explain, start afresh."""
        if self.session is None:
            return
        self.session.undo_stack.clear()
        from ...services.changes import Changes  # not at start-up: the window paints before services load
        self.session.notify(Changes.everything())
        tell(self, "Undo", f"{message} The undo history was cleared.")

    # -- remembered state ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        self.geometry_restored = geometry is not None and self.restoreGeometry(geometry)
        if not self.geometry_restored:
            self.resize(1366, 768)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)

    def _restore_splitter(self, name: str, page: QWidget) -> None:
        """A view with a `splitter` (the Risks view's table and editor) gets back the widths last left."""
        state = self.settings.value(f"splitter/{name}")
        splitter = getattr(page, "splitter", None)
        if splitter is not None and state is not None:
            splitter.restoreState(state)
            if hasattr(page, "editor_moved"):
                page.editor_moved()

    def _remember_splitters(self) -> None:
        for page in self.pages.values():
            splitter = getattr(page, "splitter", None)
            if splitter is not None:
                self.settings.setValue(f"splitter/{type(page).__name__}", splitter.saveState())

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())  # the toolbar
        self.settings.setValue("view", self.nav.currentRow())
        self.close_register()
        self.settings.sync()
        super().closeEvent(event)
