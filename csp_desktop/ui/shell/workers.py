"""Slow work off the GUI thread, one way for all of it: loading, import, export, packs, the update round.

One pool of two threads serves the whole app, so a long pack does not hold up the risks loading or
an export. Each `Worker` (one per view or menu) runs its own jobs one after another, in the order
given; a job may report progress and be cancelled; its result or error comes back by signal on the
GUI thread. A job must not touch widgets or the GUI thread's register connection: it asks the
workspace for a connection of its own.
"""
from __future__ import annotations

import collections
import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ...errors import UserError

log = logging.getLogger(__name__)
POOL_THREADS = 2
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The app's one pool of background threads."""
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(POOL_THREADS)
        _pool.destroyed.connect(_forget_pool)
    return _pool


def _forget_pool(*_args) -> None:
    global _pool
    _pool = None


class Cancelled(Exception):
    """Raised inside a job, at its next progress step, once the user pressed Cancel."""


class Outcome:
    """What came back: `value`, or `error` (a UserError's sentence) or `bug` (logged with its traceback),
    or `cancelled`."""

    def __init__(self, value=None, error: str | None = None, bug: Exception | None = None, details=(),
                 cancelled: bool = False):
        self.value, self.error, self.bug, self.cancelled = value, error, bug, cancelled
        self.details = [str(d) for d in details]  # e.g. every problem an import found

    @property
    def ok(self) -> bool:
        return self.error is None and self.bug is None and not self.cancelled

    @property
    def message(self) -> str:
        """The one sentence for the user: their error as it is, a bug as "something went wrong"."""
        if self.error is not None:
            return self.error
        if self.cancelled:
            return "Cancelled."
        from .locations import bug_sentence
        return bug_sentence(self.bug) if self.bug is not None else ""


class Control:
    """Handed to a job that reports progress: `step(done, total)` tells the GUI, and stops the job
    (raising Cancelled) once it was cancelled."""

    def __init__(self, ticket: int, relay: "_Relay"):
        self.ticket, self._relay, self._stop = ticket, relay, threading.Event()

    def step(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        self._relay.progressed.emit(self.ticket, done, total)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()


class _Relay(QObject):
    finished = Signal(int, object)        # ticket, Outcome
    progressed = Signal(int, int, int)    # ticket, done, total


class _Job(QRunnable):
    def __init__(self, worker: "Worker", ticket: int, work, control: Control | None):
        super().__init__()
        self.worker, self.ticket, self.work, self.control = worker, ticket, work, control

    def run(self) -> None:
        try:
            if self.control is not None and self.control.cancelled:
                raise Cancelled  # cancelled while it waited its turn
            outcome = Outcome(self.work(self.control) if self.control is not None else self.work())
        except Cancelled:
            outcome = Outcome(cancelled=True)
        except UserError as exc:
            outcome = Outcome(error=str(exc), details=getattr(exc, "problems", ()))
        except Exception as exc:  # a bug: keep the traceback in the log, tell the GUI thread
            log.exception("Background work failed")
            outcome = Outcome(bug=exc)
        self.worker._done(self.ticket, outcome)


class Worker(QObject):
    """Runs its jobs one at a time, in order, on the shared pool; `finished(ticket, outcome)` and
    `progressed(ticket, done, total)` arrive on the GUI thread."""

    finished = Signal(int, object)
    progressed = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self.finished)
        self._relay.progressed.connect(self.progressed)
        self._tickets = 0
        self._lock = threading.Condition()
        self._queue: collections.deque[_Job] = collections.deque()
        self._running: _Job | None = None

    def start(self, work, *, controlled: bool = False) -> int:
        """Queue `work()` (or `work(control)` when `controlled`); returns its ticket."""
        self._tickets += 1
        control = Control(self._tickets, self._relay) if controlled else None
        job = _Job(self, self._tickets, work, control)
        with self._lock:
            if self._running is None:
                self._running = job
                pool().start(job)
            else:
                self._queue.append(job)
        return self._tickets

    def cancel(self, ticket: int | None = None) -> None:
        """Cancel one job (or, with no ticket, every job queued or running); each finishes as cancelled
        at its next progress step, or before it starts."""
        with self._lock:
            jobs = [j for j in (self._running, *self._queue) if j is not None]
        for job in jobs:
            if job.control is not None and ticket in (None, job.ticket):
                job.control.cancel()

    def busy(self) -> bool:
        with self._lock:
            return self._running is not None

    def _done(self, ticket: int, outcome: Outcome) -> None:
        """On the pool thread: send the outcome, then start the next job of this worker."""
        self._relay.finished.emit(ticket, outcome)
        with self._lock:
            self._running = self._queue.popleft() if self._queue else None
            if self._running is not None:
                pool().start(self._running)
            self._lock.notify_all()

    def wait(self) -> None:
        """Block until every job of this worker is done, and deliver their outcomes (closing, tests)."""
        with self._lock:
            self._lock.wait_for(lambda: self._running is None)
        QCoreApplication.sendPostedEvents(self)
        QCoreApplication.sendPostedEvents(self._relay)
