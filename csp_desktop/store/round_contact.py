"""The coordinator's name and email for update rounds, kept with the register's own details."""
from __future__ import annotations

from ..domain.contact import Contact
from .register import Register


def read_contact(reg: Register) -> Contact:
    """The contact kept in the register; empty when none was set (or a read-only file predates the setting)."""
    info = reg.info()
    return Contact(info.get("coordinator") or "", info.get("coordinator_email") or "")


def write_contact(reg: Register, contact: Contact) -> None:
    with reg.transaction():
        reg.update("register_info", reg.info()["id"], {"coordinator": contact.name,
                                                        "coordinator_email": contact.email})
