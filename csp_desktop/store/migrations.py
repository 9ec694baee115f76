"""Numbered schema migrations from db/, tracked in PRAGMA user_version."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ..paths import migrations_dir

APPLICATION_ID = 0x43535044  # "CSPD": marks an SQLite file as a register


def migration_files(folder: Path | None = None) -> list[Path]:
    folder = folder or migrations_dir()
    files = sorted(folder.glob("[0-9][0-9][0-9]_*.sql"))
    numbers = [int(re.match(r"\d+", f.name).group()) for f in files]  # type: ignore[union-attr]  # files match NNN_
    if numbers != list(range(1, len(files) + 1)):
        raise RuntimeError(f"Migrations in {folder} are not numbered 001, 002, ... without gaps: {numbers}")
    return files


def latest_version() -> int:
    return len(migration_files())


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def application_id(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA application_id").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration the file lacks, each in its own transaction with its version stamp."""
    current = schema_version(conn)
    for number, path in enumerate(migration_files(), start=1):
        if number <= current:
            continue
        script = path.read_text(encoding="utf-8")
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return schema_version(conn)


def stamp_new(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
