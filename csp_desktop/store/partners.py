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
    return {"ref": priority.ref, "title": priority.title, "lead_agency": priority.lead_agency,
            "outcomes": priority.outcomes, "position": priority.position}


def add_priority(reg: Register, priority: Priority) -> str:
    return records.add(reg, "priorities", priority, _priority_row(priority))


def delete_organisation(reg: Register, org: Organisation) -> None:
    records.remove(reg, "organisations", org)


# Rows that name an owner or an organisation; the database clears these links when it is deleted.
OWNER_LINKS = ("risks", "actions", "mitigations")
ORGANISATION_LINKS = ("owners",)


def _links(reg: Register, tables: tuple[str, ...], column: str, row_id: str) -> dict[str, list[str]]:
    return {table: [r["id"] for r in reg.query(f"SELECT id FROM [{table}] WHERE {column} = ?", [row_id])]
            for table in tables}


def owner_links(reg: Register, owner_id: str) -> dict[str, list[str]]:
    """The ids of the risks, actions and mitigations that this owner owns, by table."""
    return _links(reg, OWNER_LINKS, "owner_id", owner_id)


def organisation_links(reg: Register, org_id: str) -> dict[str, list[str]]:
    """The ids of the owners who belong to this organisation."""
    return _links(reg, ORGANISATION_LINKS, "organisation_id", org_id)


def restore_owner(reg: Register, owner: Owner, links: dict[str, list[str]]) -> None:
    """Put a deleted owner back with its own id and give back what it owned (undoing a delete)."""
    _restore(reg, "owners", owner, _owner_row(owner), "owner_id", links)


def restore_organisation(reg: Register, org: Organisation, links: dict[str, list[str]]) -> None:
    _restore(reg, "organisations", org, {"name": org.name}, "organisation_id", links)


def _restore(reg: Register, table: str, obj, row: dict, column: str, links: dict[str, list[str]]) -> None:
    with reg.transaction():
        reg.insert(table, {**row, "id": obj.id})
        for linked_table, ids in links.items():
            for row_id in ids:
                if reg.get(linked_table, row_id) is not None:
                    reg.update(linked_table, row_id, {column: obj.id})
    obj.version = 1
