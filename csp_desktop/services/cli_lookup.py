"""What the command line needs around the editing services: items named by ref or name, and the
one-sentence refusal of a write that started from an older version (who changed it, and when)."""
from __future__ import annotations

import contextlib
from datetime import date

from ..domain.dates import parse_date
from ..domain.scoring import Rating
from ..errors import UserError
from ..store import Register, partners
from ..store import actions as store_actions
from ..store import risks as store_risks
from ..store.errors import ConflictError
# The command line names what it edits by Record (find.Record.RISK); store/ alone knows each one's table.
from ..store.records import Record as Record
from ..store.records import stored_version
from . import history


def _one(found: list, what: str, name: str):
    if not found:
        raise UserError(f"There is no {what} {name!r} in this register.")
    if len(found) > 1:
        raise UserError(f"{len(found)} {what}s are called {name!r}; give each a different ref first.")
    return found[0]


def organisations(reg: Register):
    return partners.list_organisations(reg)


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def risk(reg: Register, ref: str):
    return _one([r for r in store_risks.list_risks(reg) if _key(r.ref) == _key(ref)], "risk", ref)


def next_risk_ref(reg: Register) -> str:
    """The ref a new risk takes when none is given, as the app's New risk gives it."""
    from .risk_editing import next_ref
    return next_ref(store_risks.list_risks(reg))


def action(reg: Register, ref: str):
    return _one([a for a in store_actions.list_actions(reg) if _key(a.ref) == _key(ref)], "action", ref)


def owner(reg: Register, name: str):
    return _one([o for o in partners.list_owners(reg) if _key(o.name) == _key(name)], "owner", name)


def organisation(reg: Register, name: str):
    return _one([o for o in partners.list_organisations(reg) if _key(o.name) == _key(name)], "organisation", name)


def priority(reg: Register, ref: str):
    return _one([p for p in partners.list_priorities(reg) if _key(ref) in (_key(p.ref), _key(p.title))],
                "priority", ref)


def fields(reg: Register, given: dict, plain: tuple[str, ...]) -> dict:
    """The fields that the options given set on a risk or an action: `plain` ones as typed, --ref, and --owner
    and --priority as ids (an empty name clears the link); an option not given is left out."""
    values = {name: given[name] for name in plain if given.get(name) is not None}
    if given.get("new_ref") is not None:
        values["ref"] = given["new_ref"]
    if given.get("owner") is not None:
        values["owner_id"] = owner(reg, given["owner"]).id if given["owner"] else None
    if given.get("priority") is not None:
        values["priority_id"] = priority(reg, given["priority"]).id if given["priority"] else None
    return values


def mitigation(reg: Register, risk_ref: str, number: str):
    """The risk's mitigations are numbered 1, 2, ... in their order on the risk."""
    found = risk(reg, risk_ref)
    mitigations = store_risks.mitigations_for(reg, found.id)
    if not str(number).strip().isdigit() or not 1 <= int(number) <= len(mitigations):
        raise UserError(f"Risk {found.ref} has no mitigation {number} "
                        f"(it has {len(mitigations)}, numbered from 1).")
    return found, mitigations[int(number) - 1]


def rating(reg: Register, likelihood: str, impact: str) -> Rating:
    """Levels given as numbers or the scheme's words ("4", "Likely")."""
    scheme = reg.scheme
    level, impact_level = scheme.parse_level(likelihood, "likelihood"), scheme.parse_level(impact, "impact")
    if level is None or impact_level is None:
        raise UserError("A score needs both a likelihood and an impact.")
    return Rating(level, impact_level)


def score(reg: Register, text: str | None, what: str) -> Rating | None:
    """A score typed as "likelihood,impact" ("4,5" or "Likely,Major"); None when blank (clears it)."""
    if text is None or not text.strip():
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2:
        raise UserError(f"Give the {what} score as likelihood,impact (e.g. 4,5), not {text!r}.")
    return rating(reg, *parts)


def day(text: str | None, what: str = "date") -> date | None:
    if text is None or not str(text).strip():
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise UserError(f"{text!r} is not a {what}: write it YYYY-MM-DD or DD/MM/YYYY.") from None


@contextlib.contextmanager
def guarded(reg: Register, record: Record, row_id: str, label: str, expected_version: int | None):
    """Refuse a write from an older version than the one stored, naming who changed the item and when.
    Checked first (for the services that take no version) and again by the store inside the write."""
    stored = stored_version(reg, record, row_id)
    if expected_version is not None and stored is not None and stored != expected_version:
        raise UserError(_stale(reg, row_id, label, expected_version, stored))
    try:
        yield
    except ConflictError:
        now = stored_version(reg, record, row_id)
        if now is None:
            raise UserError(f"{label} is no longer in the register.") from None
        raise UserError(_stale(reg, row_id, label, expected_version, now)) from None


def _stale(reg: Register, row_id: str, label: str, expected: int | None, now: int) -> str:
    latest = history.history(reg, history.Filter(row_ids=[row_id]), limit=1)
    by = f" by {latest[0].who} on {latest[0].when}" if latest else ""
    return (f"{label} was changed{by} (it is at version {now}, not {expected}); "
            f"read it again and retry with --expect-version {now}.")


def version(reg: Register, record: Record, row_id: str) -> int:
    now = stored_version(reg, record, row_id)
    assert now is not None  # asked only of a row just found
    return now
