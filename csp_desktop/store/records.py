"""The one way to add, save and delete a domain object: each call is its own transaction."""
from __future__ import annotations

from .register import Register


def stored_version(reg: Register, table: str, row_id: str) -> int | None:
    """The row's version as stored now (None: it is no longer there), for a check that names the table
    from data: a returned change's own table, the command line's --expect-version."""
    row = reg.get(table, row_id)
    return row["version"] if row else None


def add(reg: Register, table: str, obj, row: dict) -> str:
    """Insert `obj` with the given row; the object keeps the id the register gives it."""
    with reg.transaction():
        obj.id = reg.insert(table, {**row, "id": obj.id})
    obj.version = 1
    return obj.id


def save(reg: Register, table: str, obj, row: dict) -> dict:
    """Write `obj`'s fields if it is still at the version it was read at; returns what changed."""
    with reg.transaction():
        changed = reg.update(table, obj.id, row, expected_version=obj.version)
    if changed:
        obj.version += 1
    return changed


def remove(reg: Register, table: str, obj) -> None:
    with reg.transaction():
        reg.delete(table, obj.id, expected_version=obj.version)
