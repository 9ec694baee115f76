"""Partner organisations and owners: add, rename and delete, each undoable.

Changes take `expected_version`, the version the user started from (None: as stored now, for undo and
redo only; one process alone writes a register). Each returns what it changed (`Changes`), with the
row or what undo needs as a `Done`.
"""
from __future__ import annotations

import dataclasses
from typing import TypeVar

from ..domain.model import OWNER_KINDS, Organisation, Owner
from ..errors import UserError
from ..store import Register
from ..store import partners as store
from .changes import Changes, Done, Kind

MAX_NAME = 500
T = TypeVar("T", Owner, Organisation)


def _clean_name(name: str, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError(f"The {what} needs a name.")
    if len(name) > MAX_NAME:
        raise UserError(f"The {what}'s name can be at most {MAX_NAME} characters.")
    return name


def _check_unique(existing: list, name: str, own_id: str | None, what: str) -> None:
    if any(o.name.casefold() == name.casefold() and o.id != own_id for o in existing):
        raise UserError(f"There is already an {what} called {name!r}.")


def check_owner(reg: Register, owner: Owner) -> Owner:
    """The owner as it will be stored (name tidied), or a one-sentence reason it cannot be."""
    owner = dataclasses.replace(owner, name=_clean_name(owner.name, "owner"), email=owner.email.strip())
    if owner.kind not in OWNER_KINDS:
        raise UserError(f"{owner.kind!r} is not a kind of owner (use {' or '.join(OWNER_KINDS)}).")
    if owner.email and ("@" not in owner.email or " " in owner.email):
        raise UserError(f"{owner.email!r} does not look like an email address.")
    _check_unique(store.list_owners(reg), owner.name, owner.id, "owner")
    return owner


def _owners(*ids: str, links: dict[str, list[str]] | None = None) -> Changes:
    """Owners and organisations changed, and the rows that name them (the link tables are kinds of rows)."""
    links = {table: found for table, found in (links or {}).items() if found}
    return Changes.of(Kind.OWNERS, *(Kind(table) for table in links),
                      ids=(*ids, *(row_id for found in links.values() for row_id in found)))


def add_owner(reg: Register, owner: Owner) -> Done[Owner]:
    owner = check_owner(reg, owner)
    store.add_owner(reg, owner)
    return Done(owner, _owners(owner.id))


def update_owner(reg: Register, owner_id: str, values: dict, expected_version: int | None) -> Done[Owner]:
    """Change an owner's name, kind, organisation or email; refused if changed since `expected_version`."""
    owner = check_owner(reg, dataclasses.replace(_stored(store.list_owners(reg), owner_id, "owner", expected_version),
                                                 **values))
    store.save_owner(reg, owner)
    return Done(owner, _owners(owner_id))


def owner_usage(reg: Register, owner_id: str) -> dict[str, int]:
    """How many risks, actions and mitigations the owner owns."""
    return {table: len(ids) for table, ids in store.owner_links(reg, owner_id).items()}


def describe_usage(usage: dict[str, int]) -> str:
    parts = [f"{n} {table if n != 1 else table[:-1]}" for table, n in usage.items() if n]
    return ", ".join(parts)


def delete_owner(reg: Register, owner_id: str,
                 expected_version: int | None) -> Done[tuple[Owner, dict[str, list[str]]]]:
    """Delete an owner; returns it and what it owned so the delete can be undone."""
    owner = _stored(store.list_owners(reg), owner_id, "owner", expected_version)
    links = store.owner_links(reg, owner_id)
    store.delete_owner(reg, owner)
    return Done((owner, links), _owners(owner_id, links=links))


def restore_owner(reg: Register, owner: Owner, links: dict[str, list[str]]) -> Changes:
    store.restore_owner(reg, dataclasses.replace(owner), links)
    return _owners(owner.id, links=links)


def check_organisation(reg: Register, org: Organisation) -> Organisation:
    org = dataclasses.replace(org, name=_clean_name(org.name, "organisation"))
    _check_unique(store.list_organisations(reg), org.name, org.id, "organisation")
    return org


def add_organisation(reg: Register, org: Organisation) -> Done[Organisation]:
    org = check_organisation(reg, org)
    store.add_organisation(reg, org)
    return Done(org, _owners(org.id))


def rename_organisation(reg: Register, org_id: str, name: str,
                        expected_version: int | None) -> Done[Organisation]:
    org = _stored(store.list_organisations(reg), org_id, "organisation", expected_version)
    org = check_organisation(reg, dataclasses.replace(org, name=name))
    store.save_organisation(reg, org)
    return Done(org, _owners(org_id))


def delete_organisation(reg: Register, org_id: str,
                        expected_version: int | None) -> Done[tuple[Organisation, dict[str, list[str]]]]:
    org = _stored(store.list_organisations(reg), org_id, "organisation", expected_version)
    links = store.organisation_links(reg, org_id)
    store.delete_organisation(reg, org)
    return Done((org, links), _owners(org_id, links=links))


def restore_organisation(reg: Register, org: Organisation, links: dict[str, list[str]]) -> Changes:
    store.restore_organisation(reg, dataclasses.replace(org), links)
    return _owners(org.id, links=links)


def _stored(rows: list[T], row_id: str, what: str, expected_version: int | None) -> T:
    """The owner or organisation as stored, to be written only if still at `expected_version` (the store
    checks it)."""
    for row in rows:
        if row.id == row_id:
            if expected_version is not None:
                row.version = expected_version
            return row
    raise UserError(f"That {what} is no longer in the register.")
