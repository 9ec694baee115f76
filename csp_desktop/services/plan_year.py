"""The annual refresh: retire or add priorities with a reason, then "Start next plan year".

The year closed is kept in the register as it stood (plan_years): its priorities, indicators with their values
and the plan's actions, readable with `plan --year N` and printable as a pack's performance section. Open
actions and open risks simply carry on into the new year; complete ones stay as the record.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from ..domain.derived import CLOSED_ACTION_STATUSES
from ..domain.model import Priority
from ..domain.plan_pack import PackPriority, pack_plan
from ..errors import UserError
from ..store import Register
from ..store import plan as store
from ..store import plan_years
from ..store.partners import list_priorities
from . import pack_json
from .plan import load_plan
from .changes import Changes, Kind
from .plan_editing import PlanEditError, add_priority, changed
from .plan_listing import plan_document

MAX_REASON = 2_000


@dataclass
class NextYear:
    closed: str
    opened: str
    decisions: list[dict] = field(default_factory=list)
    open_actions: int = 0
    open_risks: int = 0
    changes: Changes = Changes.of(Kind.PLAN)  # the plan's year, its priorities (and lead agencies made partners)


def retire_priority(reg: Register, priority_id: str, reason: str, on: date | None = None,
                    expected_version: int | None = None) -> Changes:
    """Drop a priority from the plan from now on, saying why; it stays, with its history, as retired.
    Refused if the priority changed since `expected_version` (the version the user started from)."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise PlanEditError("Say why the priority is retired (the board will read it).")
    if len(reason) > MAX_REASON:
        raise PlanEditError(f"The reason is longer than {MAX_REASON:,} characters; shorten it.")
    row = store.get_item(reg, "priority", priority_id)
    if row is None:
        raise PlanEditError("That priority is no longer in the register.")
    if row["retired_on"]:
        raise PlanEditError(f"Priority {row['ref'] or row['title']} was already retired on {row['retired_on']}.")
    store.update_item(reg, "priority", priority_id, {"retired_on": (on or date.today()).isoformat(),
                                                     "retired_reason": reason}, expected_version)
    return changed("priority", priority_id)


def reinstate_priority(reg: Register, priority_id: str, expected_version: int | None = None) -> Changes:
    store.update_item(reg, "priority", priority_id, {"retired_on": None, "retired_reason": ""}, expected_version)
    return changed("priority", priority_id)


def start_next_year(reg: Register, today: date, *, retire: dict[str, str] | None = None,
                    add: list[tuple[str, list[str]]] | None = None) -> NextYear:
    """Close the current plan year (kept as it stood) and open the next; all in one transaction.

    `retire` maps a priority's number or title to the reason it is dropped; `add` gives new priorities
    (title, lead agencies). Every other live priority is kept.
    """
    info = store.get_plan_info(reg)
    if not (info.start_year and info.end_year and info.year_number):
        raise UserError("Set the plan's period and current year first (plan-period, or Plan period... in the app).")
    if info.year_number >= info.end_year - info.start_year:
        raise UserError(f"{info.label} is the plan's last year; set the next plan's period instead.")
    summary = load_plan(reg, today)
    priorities = {p.id: p for p in list_priorities(reg) if not p.retired_on}
    chosen = _resolve(priorities, retire or {})
    decisions = [{"priority": _label(p), "decision": "retired" if p.id in chosen else "kept",
                  "reason": chosen.get(p.id, "")} for p in priorities.values()]
    decisions += [{"priority": title, "decision": "added", "reason": ""} for title, _ in add or []]
    data = {"document": plan_document(summary), "pack": pack_json.encode(pack_plan(summary))}
    changes = Changes.of(Kind.PLAN)  # the year closed and opened: the plan as a whole
    with reg.transaction():
        plan_years.add_year(reg, info.year_number, info.label, decisions, data)
        for priority_id, reason in chosen.items():
            changes |= retire_priority(reg, priority_id, reason, today)
        for title, leads in add or []:
            changes |= add_priority(reg, Priority(title, ref=_next_ref(reg)), leads)
        store.save_plan_info(reg, dataclasses.replace(info, year_number=info.year_number + 1), info.version)
    opened = store.get_plan_info(reg).label
    actions = [a for line in summary.priorities for a in line.all_actions() if a.status not in CLOSED_ACTION_STATUSES]
    risks = store.count_open_risks(reg)
    return NextYear(info.label, opened, decisions, len(actions), risks, changes)


def _resolve(priorities: dict[str, Priority], retire: dict[str, str]) -> dict[str, str]:
    chosen = {}
    for name, reason in retire.items():
        found = [p for p in priorities.values() if p.ref == name.strip() or p.title.lower() == name.strip().lower()]
        if len(found) != 1:
            raise UserError(f"There is {'no' if not found else 'more than one'} live priority {name!r} to retire.")
        if not " ".join((reason or "").split()):
            raise UserError(f"Say why priority {name} is retired (the board will read it).")
        chosen[found[0].id] = reason
    return chosen


def _label(p: Priority) -> str:
    return f"{p.ref} {p.title}".strip()


def _next_ref(reg: Register) -> str:
    refs = [int(p.ref) for p in list_priorities(reg) if p.ref.isdigit()]
    return str(max(refs) + 1) if refs else "1"


def closed_year(reg: Register, year_number: int) -> dict:
    year = plan_years.get_year(reg, year_number)
    if year is None:
        known = ", ".join(str(y["year_number"]) for y in plan_years.list_years(reg)) or "none yet"
        raise UserError(f"{reg.path.name} has no closed plan year {year_number} (closed years: {known}).")
    return year


def closed_year_pack(reg: Register, year_number: int) -> tuple[tuple[PackPriority, ...], str]:
    year = closed_year(reg, year_number)
    return pack_json.decode(tuple[PackPriority, ...], year["data"]["pack"]), year["label"]
