"""The risks every view shows, loaded off the GUI thread so a big register never freezes the window.

One loader per window: the risks view and the dashboard both draw from its `loaded` signal. The
worker opens its own read-only connection, builds plain domain objects and hands them back by
signal; it never touches a widget. A newer request makes an older result stale (generation count).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..errors import UserError
from ..services import risk_editing as editing

log = logging.getLogger(__name__)
RELOAD_ON = ("risks", "actions", "owners", "priorities", "partners", "*")


class _Relay(QObject):
    done = Signal(int, object)


class _LoadTask(QRunnable):
    def __init__(self, path, generation: int, relay: _Relay):
        super().__init__()
        self.path, self.generation, self.relay = path, generation, relay

    def run(self) -> None:
        try:
            result = editing.load_risks_from(self.path)
        except UserError as exc:
            result = exc
        except Exception as exc:  # a bug: log it, and let the GUI thread try the plain way
            log.exception("Loading risks in the background failed")
            result = exc
        self.relay.done.emit(self.generation, result)


class RiskData(QObject):
    loaded = Signal(object)      # RiskListing
    busy = Signal(bool)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.listing: editing.RiskListing | None = None
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._arrived)
        session.changed.connect(self._on_changed)

    def _on_changed(self, what: str) -> None:
        if what in RELOAD_ON:
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.busy.emit(True)
        self._pool.start(_LoadTask(self.session.register.path, self._generation, self._relay))

    def load_now(self) -> None:
        """Load on this thread (small registers, tests, and when a second connection cannot be opened)."""
        self._generation += 1
        self._deliver(editing.load_risks(self.session.register))

    def _arrived(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        if isinstance(result, Exception):
            result = editing.load_risks(self.session.register)
        self._deliver(result)

    def _deliver(self, listing) -> None:
        self.listing = listing
        self.busy.emit(False)
        self.loaded.emit(listing)

    def wait(self) -> None:
        """Let a running load finish (before the register closes)."""
        self._pool.waitForDone()
