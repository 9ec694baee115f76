"""Slow work off the GUI thread: one function run on a pool thread, its result or error sent back by signal.

The function must not touch widgets or the GUI thread's register connection; it opens its own.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...errors import UserError

log = logging.getLogger(__name__)


class Outcome:
    """What came back: `value`, or `error` (a UserError's sentence) or `bug` (logged with its traceback)."""

    def __init__(self, value=None, error: str | None = None, bug: Exception | None = None, details=()):
        self.value, self.error, self.bug = value, error, bug
        self.details = [str(d) for d in details]  # e.g. every problem an import found

    @property
    def ok(self) -> bool:
        return self.error is None and self.bug is None

    @property
    def message(self) -> str:
        """The one sentence for the user: their error as it is, a bug as "something went wrong"."""
        if self.error is not None:
            return self.error
        from .locations import bug_sentence
        return bug_sentence(self.bug) if self.bug is not None else ""


class Relay(QObject):
    finished = Signal(int, object)  # ticket, Outcome


class _Job(QRunnable):
    def __init__(self, ticket: int, work, relay: Relay):
        super().__init__()
        self.ticket, self.work, self.relay = ticket, work, relay

    def run(self) -> None:
        try:
            outcome = Outcome(self.work())
        except UserError as exc:
            outcome = Outcome(error=str(exc), details=getattr(exc, "problems", ()))
        except Exception as exc:  # a bug: keep the traceback in the log, tell the GUI thread
            log.exception("Background work failed")
            outcome = Outcome(bug=exc)
        self.relay.finished.emit(self.ticket, outcome)


class Worker(QObject):
    """Runs one job at a time in order; `finished(ticket, outcome)` arrives on the GUI thread."""
    finished = Signal(int, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.finished.connect(self.finished)
        self._tickets = 0

    def start(self, work) -> int:
        self._tickets += 1
        self._pool.start(_Job(self._tickets, work, self._relay))
        return self._tickets

    def wait(self) -> None:
        self._pool.waitForDone()
