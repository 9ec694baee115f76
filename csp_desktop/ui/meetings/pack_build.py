"""Building a pack off the GUI thread: progress, cancel, and the result coming back by signal."""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ...errors import UserError
from ...services.packs import PackOptions, build_pack
from ..shell.locations import bug_sentence

log = logging.getLogger("csp_desktop")


class BuildCancelled(Exception):
    """Raised inside the build when the user pressed Cancel."""


class PackBuild(QThread):
    """Reads through a connection of its own from the workspace, so the GUI's register is never touched from this thread."""

    progressed = Signal(int, int)
    built = Signal(str, int)      # path, pages
    failed = Signal(str)          # one sentence for the user
    cancelled = Signal()

    def __init__(self, workspace, out: Path, options: PackOptions, today: date, parent=None):
        super().__init__(parent)
        self.workspace, self.out, self.options, self.today = workspace, out, options, today
        self._stop = False

    def cancel(self) -> None:
        self._stop = True

    def _progress(self, done: int, total: int) -> None:
        if self._stop:
            raise BuildCancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            with self.workspace.reading() as reg:
                result = build_pack(reg, self.out, self.options, self.today, self._progress)
        except BuildCancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: the user gets a sentence, the log gets the traceback
            log.exception("Building a pack failed")
            self.failed.emit(bug_sentence(exc))
        else:
            self.built.emit(str(result.path), result.pages)
