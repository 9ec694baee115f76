"""Kept import mappings and the record of imports (db/010_import_mappings.sql)."""
from __future__ import annotations

import json

from .register import Register, now_utc


def _has(reg: Register, table: str) -> bool:
    return table in reg.db.table_names()  # a read-only register not yet upgraded has neither table


def record_run(reg: Register, file: str, backup: str, counts: dict) -> str:
    """Inside the import's transaction, so the record and the import stand or fall together; the last
    write of the import, so `audit_rows` (its own audit row counted) marks where later changes begin."""
    audit_rows = reg.query("SELECT count(*) AS n FROM audit")[0]["n"] + 1
    return reg.insert("import_runs", {"file": file, "backup": backup, "imported_at": now_utc(),
                                      "counts": json.dumps(counts), "audit_rows": audit_rows})


def saves_since(reg: Register, audit_rows: int) -> int:
    """How many saves were made after the audit held `audit_rows` rows (rows of one save share its time)."""
    later = reg.query("SELECT count(*) AS n FROM audit")[0]["n"] - audit_rows
    if later <= 0:
        return 0
    rows = reg.query("SELECT count(DISTINCT at) AS n FROM (SELECT at FROM audit ORDER BY rowid DESC LIMIT ?)",
                     [later])
    return max(1, rows[0]["n"])


def last_run(reg: Register) -> dict | None:
    if not _has(reg, "import_runs"):
        return None
    rows = reg.query("SELECT * FROM import_runs ORDER BY imported_at DESC, rowid DESC LIMIT 1")
    if not rows:
        return None
    return {**rows[0], "counts": json.loads(rows[0]["counts"] or "{}")}


def _mapping(row: dict) -> dict:
    return {**row, "columns": json.loads(row["columns"] or "{}"), "sheets": json.loads(row["sheets"] or "{}")}


def mapping_named(reg: Register, name: str) -> dict | None:
    if not _has(reg, "import_mappings"):
        return None
    rows = reg.query("SELECT * FROM import_mappings WHERE name = ?", [name])
    return _mapping(rows[0]) if rows else None


def mapping_for(reg: Register, headings: str) -> dict | None:
    """The newest mapping kept for a file with exactly these headings."""
    if not _has(reg, "import_mappings"):
        return None
    rows = reg.query("SELECT * FROM import_mappings WHERE headings = ? ORDER BY saved_at DESC LIMIT 1", [headings])
    return _mapping(rows[0]) if rows else None


def list_mappings(reg: Register) -> list[dict]:
    if not _has(reg, "import_mappings"):
        return []
    return [_mapping(r) for r in reg.query("SELECT * FROM import_mappings ORDER BY name")]


def put_mapping(reg: Register, name: str, headings: str, columns: dict, sheets: dict, scheme: str) -> None:
    """Keep (or replace) the mapping called `name`; the caller holds the transaction."""
    row = {"headings": headings, "columns": json.dumps(columns, sort_keys=True),
           "sheets": json.dumps(sheets, sort_keys=True), "scheme": scheme, "saved_at": now_utc()}
    found = reg.query("SELECT id FROM import_mappings WHERE name = ?", [name])
    if found:
        reg.update("import_mappings", found[0]["id"], row)
    else:
        reg.insert("import_mappings", {"name": name, **row})


def delete_mapping(reg: Register, name: str) -> bool:
    found = reg.query("SELECT id FROM import_mappings WHERE name = ?", [name])
    if not found:
        return False
    with reg.transaction():
        reg.delete("import_mappings", found[0]["id"])
    return True
