"""A private copy of a register in memory, for a dry run in another process: the app's own connection
holds the writer's lock on the file, and a dry run writes (then rolls back), so it writes into a copy."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .register import Register


def scratch_copy(path: Path, *, who: str) -> Register:
    """The register at `path` as it is now, copied into memory and open for writing; nothing written to
    it reaches the file. Messages still name the real file (its `path`)."""
    source = Register.open(Path(path), read_only=True, who=who)  # checks it is a register, reads it whole
    memory = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    try:
        source.db.conn.backup(memory)
    except BaseException:
        memory.close()
        raise
    finally:
        source.close()
    memory.execute("PRAGMA foreign_keys = ON")
    return Register(Path(path), memory, read_only=False, who=who)
