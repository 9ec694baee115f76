"""Opening a register in the window and closing it: the workspace, the session and the risk loader, the
sidebar's counts, the title bar, and the first view shown.

Nothing here is imported before the window paints: the services and the store load with the first register.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from ...errors import UserError
from ...services.changes import Changes, Kind
from ...services.workspace import Workspace
from ..risks.risk_loader import RiskData
from ..settings.identity import saved_name
from .feedback import UndoFeedback
from .session import Session

RECOUNT_AFTER_MS = 300


class RegisterOpening:
    def __init__(self, window):
        self.window = window
        # The sidebar is counted again a moment after the last edit (a full count of 10,000 risks takes
        # ~0.1 s): the row repaints at once, and a run of edits is counted once.
        self.recount_later = QTimer(window, singleShot=True, interval=RECOUNT_AFTER_MS)
        self.recount_later.timeout.connect(self._recount)

    def open(self, path: Path) -> bool:
        """Open `path` in the window; a file that cannot be opened is refused in one sentence."""
        window = self.window
        window.after_paint.run_now()  # opened before any paint (tests, scripts): shortcuts and icons now
        if window.session is not None and Path(path).resolve() == window.session.workspace.path.resolve():
            self.close()  # opening it again (after an import): let its writer's lock go first
        local = window.files.local
        path = local.where_to_work(Path(path))  # a share or synced folder: perhaps a local copy
        if path is None:
            return False
        try:  # every change is recorded under the name set in "Who am I", not the login name
            opened = Workspace.open_for_editing(path, who=saved_name(window.settings))
        except UserError as exc:
            local.pending = None
            return window.files.open_failed(path, str(exc))
        self.close()
        local.adopt()
        self._start(opened)
        window.show_notice(opened.read_only_reason or local.notice())
        window.files.remember(local.original_of(opened.register.path))
        window.data.reload()
        return True

    def _start(self, opened: Workspace) -> None:
        window = self.window
        window.session = Session(opened, window)
        window.data = RiskData(window.session, window)
        window.data.busy.connect(window.set_busy)
        window.data.loaded.connect(window.nav.show_counts)
        window.data.updated.connect(lambda _rows: self.recount_later.start())
        # A register always opens on the Dashboard's "Coming up": the week's work starts there. The other
        # views are built the first time they are shown.
        window.nav.setCurrentRow(0)
        window.show_view(0)
        window.undo_feedback = UndoFeedback(window, window.session.undo_stack)
        window.session.changed.connect(self._on_changed)
        window.set_open(True)
        self.show_title()

    def close(self) -> None:
        window = self.window
        if window.session is None:
            return
        window.data.wait()
        window.files.wait()
        window.files.local.close()  # a local copy of a register on a share is written back there
        window.undo_feedback.detach()
        window.pages.close_all()
        window.session.workspace.close()
        window.session.deleteLater()
        window.session = window.data = window.undo_feedback = None
        self.recount_later.stop()
        window.nav.clear_counts()
        window.set_open(False)
        window.due_counts.clear()
        window.show_notice(None)
        window.setWindowTitle("CSP Desktop")

    def show_title(self) -> None:
        register = self.window.session.register
        read_only = " (read-only)" if register.read_only else ""
        self.window.setWindowTitle(f"{register.name} \u2013 {register.path.name}{read_only} \u2013 CSP Desktop")

    def _recount(self) -> None:
        """The sidebar's counts after a few rows changed (counted again from the listing in memory)."""
        data = self.window.data
        if data is not None and data.listing is not None:
            data.summary(self.window.session.scheme)
            self.window.nav.show_counts(data.listing)

    def _on_changed(self, changes) -> None:
        if changes == Changes.everything() or changes.touches(Kind.REGISTER):  # the partnership's name
            self.show_title()
