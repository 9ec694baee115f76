"""The one way to add, save and delete a domain object: each call is its own transaction."""
from __future__ import annotations

import enum

from .register import Register


class Record(enum.Enum):
    """What the command line edits under --expect-version. Each kind's table is named here, in store/, so
    the command line and services say which kind of record and never which table."""
    RISK = "risks"
    MITIGATION = "mitigations"
    ACTION = "actions"
    OWNER = "owners"
    ORGANISATION = "organisations"
    MEETING = "meetings"
    PRIORITY = "priorities"
    INDICATOR = "indicators"
    REGISTER = "register_info"  # the register's own details: name, scheme, cadence


def stored_version(reg: Register, table: str | Record, row_id: str) -> int | None:
    """The row's version as stored now (None: it is no longer there), for a check that names the table
    from data (a returned change's own table) or by the kind of record (the command line's --expect-version)."""
    row = reg.get(table.value if isinstance(table, Record) else table, row_id)
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
