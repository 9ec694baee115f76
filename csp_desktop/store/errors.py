"""Errors a user can cause with a register file. Each message is one sentence meant for them."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import UserError


class RegisterError(UserError):
    """Something about the file or the data the user can put right; nothing was changed."""


class NotARegisterError(RegisterError):
    pass


class RegisterDamaged(RegisterError):
    """The file is damaged (SQLite says malformed, or not a database): nothing more is written to it."""


class ConflictError(RegisterError):
    """A write that started from an older version of a row than the one now stored."""


def explain(exc: sqlite3.Error, path: Path) -> RegisterError:
    """Turn SQLite's words into one sentence naming the file."""
    text = str(exc).lower()
    name = path.name
    if "locked" in text or "busy" in text:
        return RegisterError(f"{name} is in use by another program; close it there and try again.")
    if "readonly" in text or "read-only" in text:
        return RegisterError(f"{name} is read-only, so nothing could be saved.")
    if "full" in text:
        return RegisterError(f"The disk holding {name} is full, so nothing was saved.")
    if "not a database" in text or "malformed" in text or "encrypted" in text or "could not decode" in text:
        from .damage import damaged_sentence
        return RegisterDamaged(damaged_sentence(name))
    if "unable to open" in text:
        return RegisterError(f"{name} could not be opened; check the folder exists and you may write to it.")
    if isinstance(exc, sqlite3.IntegrityError):
        return RegisterError(f"That change would break the rules of the register in {name} ({exc}).")
    return RegisterError(f"{name} could not be read or written ({exc}).")
