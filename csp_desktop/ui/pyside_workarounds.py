"""A guard against a reference-count bug in PySide6 6.12.0 on Python 3.11.

Every `signal.emit(...)` made from Python drops one reference to `True` that it never took (measure:
`sys.getrefcount(True)` falls by one per emit). Python 3.11's `True` is not immortal, so after enough
emits (a few thousand in a fresh process) the interpreter aborts with "bool_dealloc: deallocating
True or False". Emits are everywhere (every edit notifies the session), so a long session would
crash. Until PySide is fixed, keep a reserve of references to `True` and top it up on a timer.
Python 3.12+ makes `True` immortal, where this does nothing harmful.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer

RESERVE = 200_000      # references held (a list of 200,000 pointers: 1.6 MB)
LOW_WATER = 100_000    # top up when the count falls below this
CHECK_MS = 5_000

_reserve: list[bool] = []
_timer: QTimer | None = None


def top_up() -> None:
    if sys.getrefcount(True) < LOW_WATER:
        _reserve.extend([True] * RESERVE)


def guard_true_refcount() -> None:
    """Start the guard once per process (safe to call again)."""
    global _timer
    top_up()
    if _timer is None and QCoreApplication.instance() is not None:
        _timer = QTimer(QCoreApplication.instance())
        _timer.timeout.connect(top_up)
        _timer.start(CHECK_MS)
