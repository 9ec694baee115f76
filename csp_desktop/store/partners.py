"""Partner organisations, owners (people or bodies) and the plan's priorities."""
from __future__ import annotations

from ..domain.model import Organisation, Owner, Priority
from . import records
from .register import Register
from .rows import to_organisation, to_owner, to_priority


def list_organisations(reg: Register) -> list[Organisation]:
    return [to_organisation(r) for r in reg.query("SELECT * FROM organisations ORDER BY name COLLATE NOCASE")]


def list_owners(reg: Register) -> list[Owner]:
    return [to_owner(r) for r in reg.query("SELECT * FROM owners ORDER BY name COLLATE NOCASE")]


def list_priorities(reg: Register) -> list[Priority]:
    rows = reg.query("SELECT * FROM priorities ORDER BY CAST(ref AS INTEGER), ref, rowid")
    return [to_priority(r) for r in rows]


def add_organisation(reg: Register, org: Organisation) -> str:
    return records.add(reg, "organisations", org, {"name": org.name})


def save_organisation(reg: Register, org: Organisation) -> dict:
    return records.save(reg, "organisations", org, {"name": org.name})


def _owner_row(owner: Owner) -> dict:
    return {"name": owner.name, "kind": owner.kind, "organisation_id": owner.organisation_id, "email": owner.email}


def add_owner(reg: Register, owner: Owner) -> str:
    return records.add(reg, "owners", owner, _owner_row(owner))


def save_owner(reg: Register, owner: Owner) -> dict:
    return records.save(reg, "owners", owner, _owner_row(owner))


def delete_owner(reg: Register, owner: Owner) -> None:
    records.remove(reg, "owners", owner)


def _priority_row(priority: Priority) -> dict:
    return {"ref": priority.ref, "title": priority.title, "lead_agency": priority.lead_agency}


def add_priority(reg: Register, priority: Priority) -> str:
    return records.add(reg, "priorities", priority, _priority_row(priority))


def save_priority(reg: Register, priority: Priority) -> dict:
    return records.save(reg, "priorities", priority, _priority_row(priority))
