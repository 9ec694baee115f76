"""Writing a whole file's worth of rows at once (an import): each kind into its table, in the order
the references between them need, one audit row per row written.

The services hand over domain objects; which table and which columns they become is known here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..domain.model import (Action, Indicator, Meeting, Mitigation, Organisation, Owner, Priority, ProgressNote,
                            Review, Risk)
from . import rows as r
from .register import Register

# Columns that point at owners, priorities and organisations, which an import may match to rows the
# register already has (so their ids are mapped through `link`).
_LINKS = ("owner_id", "priority_id", "organisation_id")


def insert_new(reg: Register, link: Callable[[str | None], str | None], *,
               organisations: Iterable[Organisation] = (), owners: Iterable[Owner] = (),
               priorities: Iterable[Priority] = (), meetings: Iterable[Meeting] = (), risks: Iterable[Risk] = (),
               mitigations: Iterable[Mitigation] = (), reviews: Iterable[Review] = (),
               actions: Iterable[Action] = (), notes: Iterable[ProgressNote] = (),
               indicators: Iterable[Indicator] = ()) -> None:
    """Insert every item under its own id (inside the caller's transaction)."""
    def linked(to_row):
        def row(item) -> dict:
            values = to_row(item)
            return {**values, **{key: link(values[key]) for key in _LINKS if key in values}}
        return row

    _insert(reg, "organisations", organisations, lambda o: {"name": o.name})
    _insert(reg, "owners", owners, linked(lambda o: {"name": o.name, "kind": o.kind, "email": o.email,
                                                     "organisation_id": o.organisation_id}))
    _insert(reg, "priorities", priorities, lambda p: {"ref": p.ref, "title": p.title, "lead_agency": p.lead_agency})
    _insert(reg, "meetings", meetings, r.meeting_row)
    _insert(reg, "risks", risks, linked(r.risk_row))
    _insert(reg, "mitigations", mitigations, linked(r.mitigation_row))
    _insert(reg, "reviews", reviews, r.review_row)
    _insert(reg, "actions", actions, linked(r.action_row))
    _insert(reg, "progress_notes", notes, r.note_row)
    _insert(reg, "indicators", indicators, linked(r.indicator_row))


def _insert(reg: Register, table: str, items: Iterable, to_row) -> None:
    items = list(items)
    if items:
        reg.insert_many(table, ({**to_row(item), "id": item.id} for item in items))


def ids_already_there(reg: Register, risks: Iterable[Risk], actions: Iterable[Action],
                      meetings: Iterable[Meeting]) -> tuple[str, object] | None:
    """The first (kind, item) whose id the register already holds, or None."""
    for table, items in (("risks", risks), ("actions", actions), ("meetings", meetings)):
        for item in items:
            if reg.get(table, item.id) is not None:
                return table, item
    return None
