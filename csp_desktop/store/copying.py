"""Copying a register with SQLite's online backup API, so a copy is never half a transaction.

A copy is written under a temporary name and renamed into place, so a backup that is still being
written (or failed half way) never sits in the folder under a backup's name.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .damage import DAMAGE
from .errors import NotARegisterError, RegisterDamaged, RegisterError, explain

PART = ".part"
WAIT_MS = 5000  # as long as the register's own busy timeout


def copy_database(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database open on `conn` to the new file `target`."""
    target = Path(target)
    part = target.with_name(target.name + PART)
    try:
        part.unlink(missing_ok=True)
        dest = sqlite3.connect(str(part))
        try:
            conn.backup(dest)
            # A copy of a WAL register would itself open in WAL mode, leaving -wal and -shm files
            # beside every backup that is read; a backup is a single self-contained file.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(part, target)
    except sqlite3.Error as exc:
        part.unlink(missing_ok=True)
        raise explain(exc, target) from exc
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise RegisterError(f"The copy {target.name} could not be written in {target.parent} "
                            f"({exc.strerror or exc}).") from exc
    return target


def copy_file(source: Path, target: Path) -> Path:
    """Copy the register file `source` (opened read-only, through SQLite) to the new file `target`."""
    conn = _open_read_only(source)
    try:
        return copy_database(conn, target)
    finally:
        conn.close()


def write_over(source: Path, register: Path, *, journal: str | None = None) -> None:
    """Make `register` hold exactly what `source` holds, through SQLite's own locks.

    The caller has made sure no other program holds `register`. A register too damaged for SQLite to
    write into is replaced whole, with its -wal and -shm files, so no stale log is replayed onto it.
    """
    src = _open_read_only(source)
    try:
        try:
            write_into(src, register, journal=journal)
            DAMAGE.forget(register)
            return
        except (NotARegisterError, RegisterDamaged):
            pass  # the register itself is damaged: replace it below
        fresh = copy_database(src, register.with_name(register.name + ".restoring"))
        for extra in ("-wal", "-shm", "-journal"):
            register.with_name(register.name + extra).unlink(missing_ok=True)
        os.replace(fresh, register)
        DAMAGE.forget(register)
    except OSError as exc:
        raise RegisterError(f"{register.name} could not be written ({exc.strerror or exc}).") from exc
    finally:
        src.close()


def write_into(conn: sqlite3.Connection, target: Path, *, journal: str | None = None) -> None:
    """Write the database open on `conn` over the file `target`, inside SQLite's locks on it.

    `journal` sets the target's journal mode first ("DELETE" for a file on a share, where WAL must
    not be used). Raises NotARegisterError when the target is too damaged to be written into.
    """
    try:
        dest = sqlite3.connect(str(target))
        try:
            dest.execute(f"PRAGMA busy_timeout = {WAIT_MS}")
            if journal:
                dest.execute(f"PRAGMA journal_mode = {journal}")
            conn.backup(dest, progress=_give_up_when_busy)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise explain(exc, Path(target)) from exc


def _give_up_when_busy(status: int, remaining: int, total: int) -> None:
    # Python's backup retries for ever while another program writes the target; each step has
    # already waited WAIT_MS (the busy timeout) before saying so, and that is long enough.
    if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        busy = sqlite3.OperationalError("database is locked")
        busy.sqlite_errorcode = status  # errors are told apart by their code (store/errors.py)
        raise busy


def _open_read_only(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise explain(exc, Path(path)) from exc
