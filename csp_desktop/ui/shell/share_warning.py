"""A register on a network share or in a synced folder: say why that is unsafe, and offer to work on a
local copy that is written back, whole, when the register is closed or saved (Ctrl+S)."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject

from ...errors import UserError
from ..common.text import choice_box, chosen, tell
from .locations import data_dir

log = logging.getLogger(__name__)
LOCAL, HERE = "local", "here"


def warning_box(parent, path: Path, why: str):
    return choice_box(parent, "Register on a share or synced folder", why, (
        "CSP Desktop can work on a copy on this computer and write the whole register back to "
        f"{path.name} when you close it or press Ctrl+S, so the file there is never half-written.\n\n"
        "To be safe for good, keep the live register on this computer (File > New register, or move "
        "the file), and use File > Backup to put copies on the share."),
        [(LOCAL, "Work on a local copy"), (HERE, "Open it where it is")])


def choose(box) -> str | None:
    """Run the box: LOCAL, HERE, or None for Cancel. (Tests replace this.)"""
    return chosen(box)


class LocalWork(QObject):
    """The local copy the window is working on, if any, and writing it back."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.copy = None     # the local copy of the open register
        self.pending = None  # a copy just taken, for the register about to be opened

    def where_to_work(self, path: Path) -> Path | None:
        """The file to open for `path`: itself, a local copy of it, or None if the user cancelled."""
        from ...services.local_copy import take_local_copy, where
        placement = where(path)
        if placement.safe or not path.is_file():
            return path
        answer = choose(warning_box(self.window, path, placement.why(path.name)))
        if answer != LOCAL:
            return path if answer == HERE else None
        try:
            self.pending = take_local_copy(path, data_dir())
        except UserError as exc:
            tell(self.window, "Local copy", f"No local copy could be made ({exc}); {path.name} was not opened.")
            return None
        return self.pending.local

    def adopt(self) -> None:
        """The register just opened is the pending copy (if one was taken for it)."""
        self.copy, self.pending = self.pending, None

    def original_of(self, path: Path) -> Path:
        """What to remember in Open Recent: the file on the share, not our copy of it."""
        return self.copy.original if self.copy and Path(path) == self.copy.local else Path(path)

    def notice(self) -> str:
        if self.copy is None:
            return ""
        return (f"Working on a local copy of {self.copy.original}. It is written back there, whole, when you "
                "close the register or press Ctrl+S (File > Save to the original).")

    def save(self) -> bool:
        """Write the local copy back now; True when done (or nothing to do)."""
        session = self.window.session
        if self.copy is None or session is None or session.read_only:
            return True
        from ...services.local_copy import write_back
        try:
            write_back(self.copy, session.register)
        except UserError as exc:
            tell(self.window, "Save to the original", str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved to {self.copy.original}", 10000)
        return True

    def close(self) -> None:
        """On closing the register: write back, then forget the copy."""
        if self.copy is not None:
            self.save()
            log.info("Closed the local copy of %s", self.copy.original)
            self.copy = None
