"""Checking a register's health and copying it safely."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from . import migrations
from .damage import pragma_lines
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
    try:
        dest = sqlite3.connect(str(target))
        try:
            reg.db.conn.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise explain(exc, target) from exc
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise RegisterError(f"The backup could not be written to {folder} ({exc.strerror}).") from exc
    return target
