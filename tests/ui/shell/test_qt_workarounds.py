"""The app survives many signal emits (PySide6 6.12.0 drops a reference to True on each)."""
import sys

from PySide6.QtCore import QObject, Signal

import csp_desktop.ui  # noqa: F401  (applies the workaround)


class Emitter(QObject):
    changed = Signal(str)


def test_many_emits_leave_true_alive():
    emitter = Emitter()
    emitter.changed.connect(lambda what: None)
    for _ in range(20_000):
        emitter.changed.emit("actions")
    assert sys.getrefcount(True) > 1_000_000
