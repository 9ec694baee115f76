"""The app survives many signal emits (PySide6 6.12.0 drops a reference to True on each)."""
import sys

import pytest
from PySide6.QtCore import QObject, Signal

from csp_desktop.ui.shell import qt_workarounds


class Emitter(QObject):
    changed = Signal(str)


def test_many_emits_leave_true_alive():
    qt_workarounds.apply_workarounds()  # what start-up does; the tests' set-up did it already
    emitter = Emitter()
    emitter.changed.connect(lambda what: None)
    for _ in range(20_000):
        emitter.changed.emit("actions")
    assert sys.getrefcount(True) > 1_000 if sys.version_info >= (3, 12) else sys.getrefcount(True) > 1_000_000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12: no workaround")
def test_gated_on_the_known_version_or_a_probe(monkeypatch):
    assert qt_workarounds.needs_bool_workaround((6, 12, 0))
    monkeypatch.setattr(qt_workarounds, "leaks_true_on_emit", lambda: False)
    assert not qt_workarounds.needs_bool_workaround((6, 11, 3))
    monkeypatch.setattr(qt_workarounds, "leaks_true_on_emit", lambda: True)
    assert qt_workarounds.needs_bool_workaround((6, 13, 0))


def test_importing_ui_applies_nothing():
    import subprocess
    code = ("import sys, csp_desktop.ui.shell.main_window; "
            "print(sys.getrefcount(True) < 1 << 40)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", **__import__('os').environ})
    assert out.stdout.strip() == "True"
