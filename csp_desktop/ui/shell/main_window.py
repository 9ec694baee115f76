"""The main window: the sidebar and the stack of views, the menus and toolbar, the read-only banner, the
status bar, and the size and place it had last time.

The parts live beside it: view_table (the views), view_pages (building and showing them), menus,
register_opening, after_paint. The window paints before the register layer is even imported
(sqlite-utils and the store load when a register is opened), and its icons and shortcuts come a frame
after the first paint, so the app starts about as fast as an empty Qt window.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMainWindow, QProgressBar, QStackedWidget, QVBoxLayout,
                               QWidget)

from .after_paint import AfterPaint
from .file_menu import FileMenu
from .help_menu import HelpMenu
from .menus import EditMenu, build_menu_bar
from .sidebar import Sidebar
from .toolbar import Toolbar
from .view_pages import ViewPages
from .view_table import VIEWS

if TYPE_CHECKING:
    from ..risks.risk_loader import RiskData
    from .register_opening import RegisterOpening
    from .session import Session

BANNER_STYLE = "background: #FFF2CC; color: #000000; padding: 6px; border: 1px solid #BF9000"


def settings() -> QSettings:
    from .locations import app_settings
    return app_settings()


class MainWindow(QMainWindow):
    def __init__(self, store: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = store or settings()
        self.session: Session | None = None  # of the open register
        self.data: RiskData | None = None     # its loader
        self.undo_feedback = None  # names the steps of the open register's undo stack
        self.views = VIEWS
        self.after_paint = AfterPaint(self)
        self.pages = ViewPages(self)
        self._opening: RegisterOpening | None = None  # made (and the services imported) with the first register
        self._busy_message: str | None = None  # the "Importing..." line, cleared when the work ends
        self._build_body()
        self._build_status()
        self.files, self.edit, self.help = FileMenu(self), EditMenu(self), HelpMenu(self)
        build_menu_bar(self)
        self.undo_action, self.redo_action, self.find_action = self.edit.undo, self.edit.redo, self.edit.find
        self.toolbar = Toolbar(self, self.views)
        self.addToolBar(self.toolbar)
        self.setWindowTitle("CSP Desktop")
        self._restore_geometry()
        self.set_open(False)
        self.setAcceptDrops(True)  # a .csv or .xlsx dropped on the window opens the import preview

    def _build_body(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Notice")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.nav = Sidebar(self, self.views)
        self.nav.currentRowChanged.connect(self.show_view)
        self.stack = QStackedWidget()
        self.empty = QLabel("No register is open. Use File > Open or File > New.")
        # Centred by a style property: importing the Qt namespace (~11 ms of enums) waits until after the
        # first paint, so the window shows as soon as a bare one would.
        self.empty.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.empty)
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

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.after_paint.painted()

    def keys_later(self, action, keys) -> None:
        """Give `action` its shortcut (a QKeySequence or a list of them) once the window has painted."""
        set_keys = action.setShortcuts if isinstance(keys, list) else action.setShortcut
        self.after_paint.later(lambda: set_keys(keys))

    # -- the register ----------------------------------------------------------------------------------

    def open_register(self, path: Path) -> bool:
        """Open `path` in this window; a file that cannot be opened is refused in one sentence."""
        if self._opening is None:
            from .register_opening import RegisterOpening
            self._opening = RegisterOpening(self)
        return self._opening.open(path)

    def close_register(self) -> None:
        if self._opening is not None:
            self._opening.close()

    def open_after_paint(self, path_or_chooser) -> None:
        """Open a register once the window has painted, so starting never shows a blank screen.

        Takes a path, or a function returning one (the start-up choice may itself take time).
        """
        def open_pending() -> None:
            path = path_or_chooser() if callable(path_or_chooser) else path_or_chooser
            if path is not None:
                self.open_register(path)
        self.after_paint.pending_open = open_pending
        self.update()

    def set_open(self, is_open: bool) -> None:
        session = self.session if is_open else None
        read_only = session is not None and session.read_only
        self.nav.setEnabled(is_open)
        self.edit.set_open(session.undo_stack if session is not None else None)
        self.files.set_open(is_open, read_only=read_only)
        self.toolbar.set_open(is_open, read_only=read_only)
        if not is_open:
            self.stack.setCurrentWidget(self.empty)

    def show_notice(self, notice: str | None) -> None:
        """The banner above the views: plain text always (a file name is never read as markup)."""
        from PySide6.QtCore import Qt
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setText(notice or "")
        self.banner.setVisible(bool(notice))

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        if message:
            self.statusBar().showMessage(message)
            self._busy_message = message
        elif not busy and self.statusBar().currentMessage() == self._busy_message:
            self.statusBar().clearMessage()  # only the "Importing..." line: what a step said stays its few seconds

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.session is not None and len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if self.session is not None and urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.files.preview(Path(urls[0].toLocalFile()))

    # -- views -----------------------------------------------------------------------------------------

    def page(self, title: str) -> QWidget:
        """The view called `title`, built on first use."""
        return self.pages.page(title)

    def show_view(self, row: int) -> None:
        self.pages.show(row)

    def current_page(self) -> QWidget | None:
        page = self.stack.currentWidget()
        return None if page is self.empty else page

    # -- remembered state ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        self.geometry_restored = geometry is not None and self.restoreGeometry(geometry)
        if not self.geometry_restored:
            self.resize(1366, 768)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())  # the toolbar
        self.settings.setValue("view", self.nav.currentRow())
        self.close_register()
        self.settings.sync()
        super().closeEvent(event)
