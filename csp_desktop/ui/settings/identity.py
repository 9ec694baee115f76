""""Who am I": the name this laptop writes into the audit trail, kept in QSettings."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSettings

from ...errors import UserError
from ..shell.locations import app_settings

KEY = "identity/name"
MAX_NAME = 200


def clean_name(name: str) -> str:
    """The name as it will be recorded, or a one-sentence reason it cannot be."""
    name = " ".join(name.split())
    if not name:
        raise UserError("Your name cannot be empty: it is recorded with every change you make.")
    if len(name) > MAX_NAME:
        raise UserError(f"Your name can be at most {MAX_NAME} characters.")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise UserError("Your name cannot contain control characters.")
    return name


def saved_name(settings: QSettings | None = None) -> str | None:
    value = (settings or app_settings()).value(KEY)
    return str(value) if value else None


def save_name(name: str, settings: QSettings | None = None) -> str:
    """Keep the name for this laptop (the app's "Who am I" and `csp-desktop whoami` both write here)."""
    name = clean_name(name)
    settings = settings or app_settings()
    settings.setValue(KEY, name)
    settings.sync()
    return name


def save_identity(session, name: str, settings: QSettings | None = None) -> str:
    name = save_name(name, settings)
    session.workspace.set_who(name)
    return name
