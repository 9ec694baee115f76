"""Work the window's first paint need not wait for: shortcuts, icons, and opening the register.

A window with every icon and shortcut set paints ~50% later than a bare one: the first shortcut makes PySide
build every enum of the Qt namespace (~11 ms) and the first standard icon those of QStyle (~9 ms). So the
window paints with its menus, toolbar and sidebar in words, and these steps run on the next turn of the event
loop, a frame later. Opening a register (tests, scripts: before any paint) runs them at once.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer


class AfterPaint(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.steps: list[Callable[[], object]] = []
        self.done = False
        self.pending_open: Callable[[], object] | None = None

    def later(self, step: Callable[[], object]) -> None:
        """Run `step` once the window has painted (at once, if it has)."""
        if self.done:
            step()
        else:
            self.steps.append(step)

    def run_now(self) -> None:
        """The steps not run yet, now (the window is about to be used before it painted)."""
        steps, self.steps, self.done = self.steps, [], True
        for step in steps:
            step()

    def painted(self) -> None:
        """Called by the window's paint: the steps, then the register to open, each on a later turn."""
        if not self.done:
            self.done = True  # before the steps run: a paint meanwhile must not queue them twice
            QTimer.singleShot(0, self, self._run_steps)
        if self.pending_open is not None:
            step, self.pending_open = self.pending_open, None
            QTimer.singleShot(0, self, step)

    def _run_steps(self) -> None:
        steps, self.steps = self.steps, []
        for step in steps:
            step()
