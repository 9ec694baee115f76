"""Where the user's own files live: Qt's AppDataLocation for this app, never the installed package."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_NAME = ORGANISATION = "CSP Desktop"


def name_application() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)


def data_dir() -> Path:
    name_application()
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_file() -> Path:
    return data_dir() / "csp-desktop.log"


def bug_sentence(exc: BaseException) -> str:
    """What the user is told of a programming error (its traceback is in the log, not on screen)."""
    return f"Something went wrong inside CSP Desktop ({type(exc).__name__}); the details are in {log_file()}."
