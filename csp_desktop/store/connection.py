"""Opening a register file: only ever through SQLite, and checked before anything is written to it.

Nothing here opens the file with Python's own open(): closing any other descriptor on it drops every
lock this process's SQLite connections hold (sqlite.org/howtocorrupt.html 2.2).
"""
from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ..domain import backup_policy
from ..placement import wal_is_safe
from . import migrations
from .copying import copy_database
from .damage import DAMAGE, damaged_sentence
from .errors import NotARegisterError, RegisterBug, RegisterDamaged, RegisterError, explain
from .writer_lock import RegisterHeld, current_holder, this_machine

BUSY_TIMEOUT_MS = 5000
log = logging.getLogger(__name__)


def explained(exc: sqlite3.Error | UnicodeDecodeError, path: Path) -> RegisterError | RegisterBug:
    """One sentence; damage found by any read or write marks the file so nothing more is written to it.
    Text that is not UTF-8 can only come from damage: the app writes nothing else."""
    error = RegisterDamaged(damaged_sentence(path.name)) if isinstance(exc, UnicodeDecodeError) else explain(exc, path)
    if isinstance(error, RegisterDamaged):
        DAMAGE.mark(path, str(error))
    return error


def unreadable(error, path: Path):
    """While opening, the only SQL run is the app's own fixed reads of the header and register details:
    SQLite refusing those with a generic error ("unsupported file format") means the file, not the code."""
    if not isinstance(error, RegisterBug):
        return error
    damaged = RegisterDamaged(damaged_sentence(path.name))
    DAMAGE.mark(path, str(damaged))
    return damaged


def refuse_if_held_elsewhere(path: Path) -> None:
    """A writable connection is refused while another process holds the register (writer_lock); this
    process's own background connections write under its lock."""
    holder = current_holder(path)
    if holder is not None and (holder.pid, holder.machine) != (os.getpid(), this_machine()) and not holder.is_stale():
        raise RegisterHeld(holder, path)


def check_path(path: Path) -> None:
    """Only the file's kind is looked at here: its contents are read through SQLite alone, because
    closing any other descriptor on it drops the locks this process's connections hold (howtocorrupt 2.2)."""
    if path.is_dir():
        raise NotARegisterError(f"{path} is a folder, not a register file.")
    if not path.exists():
        raise RegisterError(f"There is no register at {path}.")


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection with no implicit transactions: every write is inside Register.transaction()."""
    try:
        if read_only:
            conn = _connect_read_only(path)
        else:
            conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    except sqlite3.Error as exc:
        raise explain(exc, path) from exc


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only; when SQLite cannot make the -shm beside an idle register (a full disk, a read-only
    folder), read it as an unchanging file instead, which needs no -shm and is exact while there is no -wal."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA application_id").fetchone()
        return conn
    except sqlite3.DatabaseError as exc:
        if not _cannot_make_shm(exc, path):
            return conn  # the checks that follow say what is wrong, in one sentence
        conn.close()
    log.info("Reading %s as an unchanging file: %s", path.name, "its -shm cannot be made")
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False, isolation_level=None)


def _cannot_make_shm(exc: sqlite3.DatabaseError, path: Path) -> bool:
    text = str(exc).lower()
    wal = path.with_name(path.name + "-wal")
    idle = not wal.exists() or wal.stat().st_size == 0
    return idle and ("disk i/o" in text or "unable to open" in text or "full" in text or "readonly" in text)


def check_is_register(conn: sqlite3.Connection, path: Path) -> None:
    try:
        app_id = migrations.application_id(conn)
    except sqlite3.DatabaseError as exc:
        if "not a database" not in str(exc).lower():
            raise
        raise NotARegisterError(f"{path.name} is not a CSP Desktop register (it is not an SQLite database, "
                                "or its first page is damaged).") from exc
    if app_id != migrations.APPLICATION_ID:
        raise NotARegisterError(f"{path.name} is an SQLite database but not a CSP Desktop register.")
    found, known = migrations.schema_version(conn), migrations.latest_version()
    if found > known:
        raise NotARegisterError(f"{path.name} was saved by a newer CSP Desktop (schema {found}; this version "
                                f"knows up to {known}); update the app to open it.")


def keep_copy_before_upgrade(conn: sqlite3.Connection, path: Path) -> Path:
    """An older register is upgraded in place; first a copy as it was goes into its backups folder
    (kept for good: the rotation never prunes a backup made before an upgrade)."""
    found = migrations.schema_version(conn)
    folder = backup_policy.folder_for(path)
    try:
        folder.mkdir(exist_ok=True)
        taken = {p.name for p in folder.iterdir()}
    except OSError as exc:
        raise RegisterError(f"{path.name} needs upgrading, but no backup could be kept first in {folder} "
                            f"({exc.strerror or exc}); nothing was changed.") from exc
    copy = folder / backup_policy.new_name(path.stem, backup_policy.UPGRADE, datetime.now(), taken)
    copy_database(conn, copy)
    log.info("Kept %s (schema %s) before upgrading %s", copy.name, found, path.name)
    return copy


def journal_mode(path: Path) -> str:
    """WAL's shared memory does not work over a network filesystem, and a sync client copies the -wal
    file apart from the register: there, the rollback journal (DELETE) is used."""
    return "WAL" if wal_is_safe(path) else "DELETE"


def run_migrations(conn: sqlite3.Connection, path: Path) -> None:
    try:
        migrations.migrate(conn)
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise explain(exc, path) from exc
