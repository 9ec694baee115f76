"""The risks every view shows, loaded off the GUI thread so a big register never freezes the window.

One loader per window: the risks view and the dashboard both draw from its `loaded` signal. The
worker opens its own read-only connection and builds plain domain objects; a newer request makes an
older result stale.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...services import risk_editing as editing
from ...services.dashboard import summarise
from .risk_table_model import make_rows
from ..shell.workers import Worker

RELOAD_ON = ("risks", "actions", "owners", "priorities", "partners", "*")


class RiskData(QObject):
    loaded = Signal(object)      # RiskListing
    busy = Signal(bool)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.listing: editing.RiskListing | None = None
        self._latest = 0
        self._worker = Worker(self)
        self._worker.finished.connect(self._arrived)
        session.changed.connect(self._on_changed)

    def _on_changed(self, what: str) -> None:
        if what in RELOAD_ON:
            self.reload()

    def reload(self) -> None:
        workspace, scheme = self.session.workspace, self.session.scheme
        self.busy.emit(True)
        self._latest = self._worker.start(lambda: _prepared(editing.load_risks_from(workspace), scheme))

    def load_now(self) -> None:
        """Load on this thread (small registers, right after an add, tests)."""
        self._latest = -1
        self._deliver(_prepared(editing.load_risks(self.session.register), self.session.scheme))

    def _arrived(self, ticket: int, outcome) -> None:
        if ticket != self._latest or self.session.workspace.closed:
            return  # a newer load is coming, or the register closed while this one ran
        # If a second connection could not be opened, read through the window's own one instead.
        if not outcome.ok:
            self.load_now()
            return
        self._deliver(outcome.value)

    def _deliver(self, listing) -> None:
        self.listing = listing
        self.busy.emit(False)
        self.loaded.emit(listing)

    def wait(self) -> None:
        """Let a running load finish (before the register closes)."""
        self._worker.wait()


def _prepared(listing, scheme):
    """The table's rows (search text and all) and the dashboard's figures, made where the listing was
    loaded, off the GUI thread. The figures note the scheme they were counted for."""
    listing.rows = make_rows(listing.risks, listing.travel)
    listing.summary = summarise(listing.risks, scheme, listing.today, listing.overdue_actions)
    listing.summary_scheme = scheme
    return listing
