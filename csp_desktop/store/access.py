"""Whether an open register can be written now: another program may hold its write lock."""
from __future__ import annotations

import sqlite3

from .connection import BUSY_TIMEOUT_MS
from .errors import RegisterError, explain
from .register import Register

PROBE_TIMEOUT_MS = 300


def write_blocked(reg: Register) -> str | None:
    """None when a write could start now, else the one-sentence reason it cannot."""
    conn = reg.db.conn
    try:
        conn.execute(f"PRAGMA busy_timeout = {PROBE_TIMEOUT_MS}")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return None
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        error = explain(exc, reg.path)
        if not isinstance(error, RegisterError):
            raise error from exc
        return str(error)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
