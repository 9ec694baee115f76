"""The review cycle's own storage: the cadence setting and the log of chasing emails drafted."""
from __future__ import annotations

from ..domain.cadence import Cadence
from .register import Register, now_utc


def read_cadence(reg: Register) -> Cadence:
    return Cadence.from_text(reg.info().get("cadence"))


def write_cadence(reg: Register, cadence: Cadence, expected_version: int | None = None) -> None:
    """Refused (ConflictError) if the register's details changed since `expected_version`."""
    with reg.transaction():
        reg.update("register_info", reg.info()["id"], {"cadence": cadence.to_text()}, expected_version)


def log_chase(reg: Register, entries: list[dict]) -> None:
    """One row per draft written: {owner_id, owner_name, part, file_name, items}."""
    at = now_utc()
    with reg.transaction():
        reg.insert_many("chase_log", [{**e, "drafted_at": at, "drafted_by": reg.who} for e in entries])


def last_chased(reg: Register) -> dict[str, str]:
    """{owner id or name: ISO time of the latest draft for them}."""
    rows = reg.query("SELECT owner_id, owner_name, MAX(drafted_at) AS at FROM chase_log "
                     "GROUP BY COALESCE(owner_id, owner_name)")
    return {row["owner_id"] or row["owner_name"]: row["at"] for row in rows}
