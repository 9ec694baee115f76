"""Where the user's own files live: Qt's AppLocalDataLocation for this app, never the installed package.

AppLocalDataLocation, not AppDataLocation: on Windows the latter is the roaming profile, which
councils often redirect to a network share, where a live register must not be. The organisation
name is left empty because Qt puts it in the path too, and "CSP Desktop/CSP Desktop" was the
doubled folder of earlier versions; the settings keep their old home by naming it explicitly.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

APP_NAME = ORGANISATION = "CSP Desktop"


def name_application() -> None:
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_NAME)


def app_settings() -> QSettings:
    """The app's remembered state (recent files, window, who I am), where it has always been."""
    return QSettings(ORGANISATION, APP_NAME)


def data_dir() -> Path:
    name_application()
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def old_data_dir() -> Path:
    """Where earlier versions kept the files: AppDataLocation with the organisation name (doubled)."""
    name_application()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / ORGANISATION


def log_file() -> Path:
    return data_dir() / "csp-desktop.log"


def move_old_data(settings: QSettings):
    """Move the old folder's files here, once, and point the remembered files at their new places.

    Returns what was moved (services.data_folder.Moved), or None when there was nothing to move.
    """
    from ...services.data_folder import move_old_data as move
    moved = move(old_data_dir(), data_dir())
    if moved is None:
        return None
    stored: Any = settings.value("recent", [])  # a list of paths, or one path (str) as QSettings keeps one
    recent = [stored] if isinstance(stored, str) else list(stored or [])
    settings.setValue("recent", [str(moved.new_path(Path(f)) or f) for f in recent])
    last = settings.value("last_register")
    if last and moved.new_path(Path(str(last))):
        settings.setValue("last_register", str(moved.new_path(Path(str(last)))))
    settings.sync()
    return moved


def bug_sentence(exc: BaseException) -> str:
    """What the user is told of a programming error (its traceback is in the log, not on screen)."""
    return f"Something went wrong inside CSP Desktop ({type(exc).__name__}); the details are in {log_file()}."
