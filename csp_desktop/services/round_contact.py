"""Who owners return their update workbooks to: set once for the register (Settings, or `updates contact`)
and printed on every owner workbook's instructions sheet."""
from __future__ import annotations

from ..domain.contact import Contact, clean_contact
from ..store import Register
from ..store.round_contact import read_contact, write_contact
from .changes import Changes, Done, Kind


def contact(reg: Register) -> Contact:
    return read_contact(reg)


def set_contact(reg: Register, name: str, email: str) -> Done[Contact]:
    """Keep the coordinator's name and email ('' clears either); a bad email is refused in one sentence."""
    new = clean_contact(name, email)
    write_contact(reg, new)
    return Done(new, Changes.of(Kind.REGISTER))


def for_round(reg: Register, name: str = "", email: str = "") -> Contact:
    """The contact a round's workbooks print: what was given for this round, else the register's, and for the
    name, else who this laptop records edits as."""
    given = clean_contact(name, email)
    kept = read_contact(reg)
    return Contact(given.name or kept.name or reg.who, given.email or kept.email)
