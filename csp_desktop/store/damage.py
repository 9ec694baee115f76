"""Damaged registers: found by SQLite's quick check or by any error that says so, and then left alone.

Once a file is known to be damaged, nothing more is written to it for the rest of the session, by any
connection of this process: writing into a damaged b-tree can spread the damage over good pages.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from .errors import RegisterDamaged


def quick_check(conn: sqlite3.Connection, thorough: bool = False) -> list[str]:
    """SQLite's quick check (the structure of every page), or with `thorough` its integrity check (which
    also compares every index with its table: a flipped byte in an index shows only there). [] if healthy."""
    pragma = "integrity_check" if thorough else "quick_check"
    lines = pragma_lines(conn, f"PRAGMA {pragma}(20)")
    problems = [] if lines == ["ok"] else lines
    if thorough and not problems:  # the app never writes a broken reference (foreign_keys is on): damage did
        problems = [f"{row[0]} row {row[1]} points to a missing {row[2]} row"
                    for row in conn.execute("PRAGMA foreign_key_check").fetchmany(20)]
    return problems


def pragma_lines(conn: sqlite3.Connection, sql: str) -> list[str]:
    """The first column of a check's rows; its messages quote damaged bytes, so they are decoded leniently."""
    before = conn.text_factory
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        return [row[0] for row in conn.execute(sql).fetchall()]
    finally:
        conn.text_factory = before


class DamageLog:
    """The registers this process has found damaged, by resolved path, with the sentence to show."""

    def __init__(self):
        self._found: dict[Path, str] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(path: Path) -> Path:
        return Path(path).resolve()

    def mark(self, path: Path, sentence: str) -> None:
        with self._lock:
            self._found.setdefault(self._key(path), sentence)

    def sentence(self, path: Path) -> str | None:
        with self._lock:
            return self._found.get(self._key(path))

    def forget(self, path: Path) -> None:
        """After a good copy replaced the file (a restore), it may be written again."""
        with self._lock:
            self._found.pop(self._key(path), None)

    def check(self, path: Path, problems: list[str]) -> None:
        if problems:
            sentence = damaged_sentence(Path(path).name)
            self.mark(path, sentence)
            raise RegisterDamaged(sentence)

    def refuse_if_damaged(self, path: Path) -> None:
        sentence = self.sentence(path)
        if sentence is not None:
            raise RegisterDamaged(sentence)


def damaged_sentence(name: str) -> str:
    return f"{name} is damaged, so nothing more will be written to it; restore it from a backup."


DAMAGE = DamageLog()
