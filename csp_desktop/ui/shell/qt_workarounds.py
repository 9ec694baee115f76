"""Workarounds for bugs in the Qt binding, applied once when the ui package is imported."""
from __future__ import annotations

import ctypes
import sys

# Far more references than any session could drop; True and False are never freed anyway.
_SPARE_REFERENCES = 1 << 48


def keep_bools_alive() -> None:
    """PySide6 6.12.0 drops one reference to True on every `Signal.emit()` made from Python.

    Measured here: 100 emits lower `sys.getrefcount(True)` by 100 (PySide6 6.11.3 does not). On Python
    3.11, where True is an ordinary object with a few hundred references, the interpreter aborts with
    "bool_dealloc: deallocating True or False" after a few hundred emits: a long editing session, or a
    test run, crashes. Python 3.12 made True and False immortal, so there is nothing to do there.
    Giving them a huge reference count is what 3.12 does, and is harmless with a fixed binding.

    The same binding drops a reference to None each time Python reads an empty value through Qt
    (`index.data(role)` where the model has nothing for that role: 100 reads lower
    `sys.getrefcount(None)` by 100), which ends in "none_dealloc: deallocating None"; None is
    kept alive the same way.
    """
    if sys.version_info >= (3, 12):
        return
    for value in (True, False, None):
        ctypes.c_ssize_t.from_address(id(value)).value += _SPARE_REFERENCES
