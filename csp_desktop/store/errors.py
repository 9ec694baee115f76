"""Errors a user can cause with a register file, told apart from bugs by SQLite's own result code.

A locked, busy, read-only, full, damaged or foreign file is the user's to put right: one sentence
naming the file. Anything else SQLite reports (no such column, a syntax error, a constraint the code
should have checked first) is a bug in CSP Desktop: it is raised as `RegisterBug`, which is not a
UserError, so the app and the command line log its traceback and say "something went wrong".
The code is read, never the wording: SQLite's messages change between versions and languages.
"""
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


class RegisterBug(RuntimeError):
    """SQLite refused something the code asked for: a programming error, never the user's."""


# Primary result codes (the low byte of an extended code) and the sentence each gets.
_SENTENCES = {
    sqlite3.SQLITE_BUSY: "{name} is in use by another program; close it there and try again.",
    sqlite3.SQLITE_LOCKED: "{name} is in use by another program; close it there and try again.",
    sqlite3.SQLITE_READONLY: "{name} is read-only, so nothing could be saved.",
    sqlite3.SQLITE_PERM: "{name} is read-only, so nothing could be saved.",
    sqlite3.SQLITE_FULL: "The disk holding {name} is full, so nothing was saved.",
    sqlite3.SQLITE_CANTOPEN: "{name} could not be opened; check the folder exists and you may write to it.",
    sqlite3.SQLITE_IOERR: "{name} could not be read or written (the disk or network reported an error); "
                          "check the drive is still there.",
}
_NOT_A_REGISTER = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


# Python's sqlite3 module raises this itself (no SQLite code) when stored text is not UTF-8; the app
# writes nothing else, so it can only come from damage. The words are CPython's, fixed since 2.x.
_UNDECODABLE = "Could not decode to UTF-8"


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None and isinstance(exc, sqlite3.OperationalError) and str(exc).startswith(_UNDECODABLE):
        return sqlite3.SQLITE_CORRUPT
    return None if code is None else code & 0xFF


def explain(exc: sqlite3.Error, path: Path) -> RegisterError | RegisterBug:
    """The error to raise for `exc` (raise it `from exc`): one sentence naming the file, or a bug."""
    code, name = primary_code(exc), path.name
    if code in _NOT_A_REGISTER:  # damaged: nothing more is written to it (store/damage.py)
        from .damage import damaged_sentence
        return RegisterDamaged(damaged_sentence(name))
    if code in _SENTENCES:
        return RegisterError(_SENTENCES[code].format(name=name))
    code_name = getattr(exc, "sqlite_errorname", type(exc).__name__)
    return RegisterBug(f"SQLite refused an operation on {name} ({code_name}: {exc}).")
