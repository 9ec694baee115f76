"""The register's own backup settings: how many rolling backups to keep, and their size cap."""
from __future__ import annotations

from ..domain.backup_policy import DEFAULT_KEEP, DEFAULT_MAX_MB
from .register import Register


def get(reg: Register) -> tuple[int, int]:
    """(keep, max_mb); the defaults when none were chosen (or the file predates the setting)."""
    if "backup_settings" not in reg.db.table_names():  # a read-only register not yet upgraded
        return DEFAULT_KEEP, DEFAULT_MAX_MB
    rows = reg.query("SELECT keep, max_mb FROM backup_settings LIMIT 1")
    return (rows[0]["keep"], rows[0]["max_mb"]) if rows else (DEFAULT_KEEP, DEFAULT_MAX_MB)


def put(reg: Register, keep: int, max_mb: int) -> None:
    with reg.transaction():
        rows = reg.query("SELECT id FROM backup_settings LIMIT 1")
        if rows:
            reg.update("backup_settings", rows[0]["id"], {"keep": keep, "max_mb": max_mb})
        else:
            reg.insert("backup_settings", {"keep": keep, "max_mb": max_mb})
