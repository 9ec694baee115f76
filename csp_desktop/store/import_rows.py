"""Writing what an import brings, many rows at a time, each with its audit row.

The import (services/imports.py) decides what goes in and links it to what the register holds; this is
where its rows meet the tables. Every function runs inside the import's one transaction.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..domain.plan import PlanInfo
from .partners import _owner_row
from .plan import objective_row, plan_info_row, theme_row, value_row
from .register import Register
from .rows import action_row, indicator_row, meeting_row, mitigation_row, note_row, review_row, risk_row

# What each part of an import is stored in, and how one item becomes a row.
_PARTS: dict[str, tuple[str, Callable[..., dict]]] = {
    "organisations": ("organisations", lambda o: {"name": o.name}),
    "owners": ("owners", _owner_row),
    "priorities": ("priorities", lambda p: {"ref": p.ref, "title": p.title, "lead_agency": p.lead_agency}),
    "meetings": ("meetings", meeting_row),
    "risks": ("risks", risk_row),
    "mitigations": ("mitigations", mitigation_row),
    "reviews": ("reviews", review_row),
    "objectives": ("objectives", objective_row),
    "actions": ("actions", action_row),
    "notes": ("progress_notes", note_row),
    "indicators": ("indicators", indicator_row),
    "values": ("indicator_values", value_row),
    "themes": ("plan_themes", theme_row),
}


def add_all(reg: Register, part: str, items: Iterable) -> None:
    """Insert the items of one part of an import ("risks", "notes", "values"...) under their own ids."""
    items = list(items)
    if items:
        table, to_row = _PARTS[part]
        reg.insert_many(table, ({**to_row(item), "id": item.id} for item in items))


def ids_already_in(reg: Register, part: str, ids: list[str]) -> list[str]:
    """Those of `ids` the register already holds in that part (a file exported from this very register)."""
    table = _PARTS[part][0]
    found = []
    for start in range(0, len(ids), 500):  # below SQLite's limit on parameters
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        found += [r["id"] for r in reg.query(f"SELECT id FROM [{table}] WHERE id IN ({marks})", chunk)]
    return found


def add_plan_info(reg: Register, info: PlanInfo) -> None:
    reg.insert("plan_info", {**plan_info_row(info), "id": info.id})
