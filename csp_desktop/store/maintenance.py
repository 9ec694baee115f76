"""Checking a register's health and copying it safely."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from . import migrations
from .damage import pragma_lines
from .copying import copy_database
from .errors import RegisterError, explain
from .register import Register


def check(reg: Register) -> list[str]:
    """Problems found in the file: integrity, foreign keys, schema version. Empty means healthy."""
    problems = []
    try:
        integrity = pragma_lines(reg.db.conn, "PRAGMA integrity_check")
    except sqlite3.Error as exc:
        raise explain(exc, reg.path) from exc
    if integrity != ["ok"]:
        problems += [f"integrity: {line}" for line in integrity]
    for row in reg.query("PRAGMA foreign_key_check"):
        problems.append(f"row {row['rowid']} of {row['table']} points to a missing row in {row['parent']}")
    found, known = reg.schema_version(), migrations.latest_version()
    if found != known:
        problems.append(f"schema version is {found}, expected {known}")
    return problems


def backup(reg: Register, folder: Path) -> Path:
    """A consistent copy made with SQLite's online backup API, named after the register and the time."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RegisterError(f"There is no folder {folder} to put the backup in.")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{reg.path.stem}-{stamp}{reg.path.suffix or '.cspreg'}"
    if target.exists():
        raise RegisterError(f"{target.name} already exists; wait a second and try again.")
    return copy_database(reg.db.conn, target)


def backup_as(reg: Register, target: Path) -> Path:
    """A consistent copy of the open register at exactly `target` (a new file)."""
    return copy_database(reg.db.conn, Path(target))


def changes_not_in(reg: Register, earlier: Path) -> tuple[int, str | None, str | None]:
    """(how many saves, when the last was, by whom) in `reg` that the copy `earlier` does not hold.

    Audit rows are matched by id, not by time: a change made in the same second as the copy is still
    told apart. The rows written by one save share its time, so an import of many rows counts once.
    """
    conn = reg.db.conn
    try:
        conn.execute("ATTACH DATABASE ? AS earlier", [f"{Path(earlier).resolve().as_uri()}?mode=ro"])
    except sqlite3.Error as exc:
        raise explain(exc, Path(earlier)) from exc
    try:
        rows = reg.query("SELECT count(DISTINCT at) AS n, max(at) AS last FROM main.audit "
                         "WHERE id NOT IN (SELECT id FROM earlier.audit)")
    finally:
        conn.execute("DETACH DATABASE earlier")
    n, last = rows[0]["n"], rows[0]["last"]
    who = reg.query("SELECT who FROM audit WHERE at = ? ORDER BY id LIMIT 1", [last])[0]["who"] if last else None
    return n, last, who
