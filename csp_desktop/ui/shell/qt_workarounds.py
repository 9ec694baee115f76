"""Workarounds for bugs in the Qt binding, applied explicitly at start-up by `apply_workarounds()`.

The bug, precisely enough to report upstream (no report was found in the PySide issue trackers):
PySide6 6.12.0 (Qt 6.12.0) on CPython 3.11 drops one reference to `True` on every `Signal.emit()` made
from Python to a connected slot, and one reference to `None` on every `QModelIndex.data(role)` read
for which the model returns nothing. Reproduction, offscreen:

    class E(QObject): s = Signal(str)
    e = E(); e.s.connect(lambda v: None); before = sys.getrefcount(True)
    for _ in range(100): e.s.emit("x")
    print(before - sys.getrefcount(True))        # 100 on 6.12.0, 0 on 6.11.3

After a few hundred emits CPython 3.11 aborts with "bool_dealloc: deallocating True or False"
(or "none_dealloc: deallocating None"). CPython 3.12 made True, False and None immortal, so the
bug is harmless there. The workaround gives them a huge reference count, which is what 3.12 does.
"""
from __future__ import annotations

import ctypes
import sys

import PySide6
from PySide6.QtCore import QObject, Signal

# Far more references than any session could drop; True, False and None are never freed anyway.
_SPARE_REFERENCES = 1 << 48
# Versions on which the leak was measured here. Any other version is probed once at start-up,
# so a later release that still leaks is caught and a fixed one is left alone.
KNOWN_LEAKING = {(6, 12, 0)}


class _Probe(QObject):
    fired = Signal(str)


def leaks_true_on_emit(emits: int = 50) -> bool:
    """True when emitting a signal from Python lowers the reference count of `True`."""
    probe = _Probe()
    probe.fired.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(emits):
        probe.fired.emit("probe")
    return before - sys.getrefcount(True) >= emits // 2


def needs_bool_workaround(version: tuple = tuple(PySide6.__version_info__[:3])) -> bool:
    if sys.version_info >= (3, 12):
        return False  # immortal True/False/None: the dropped references cannot free them
    return version in KNOWN_LEAKING or leaks_true_on_emit()


def keep_bools_alive() -> None:
    for value in (True, False, None):
        ctypes.c_ssize_t.from_address(id(value)).value += _SPARE_REFERENCES


_applied = False


def apply_workarounds() -> None:
    """Called once by the app's start-up (and the tests' set-up); a second call does nothing."""
    global _applied
    if _applied:
        return
    _applied = True
    if needs_bool_workaround():
        keep_bools_alive()
