"""What the pack takes from the plan: its performance section, and who leads actions that name no owner."""
from __future__ import annotations

import dataclasses
from datetime import date

from ..domain.model import Action
from ..domain.plan_pack import NO_OWNER_SUFFIX, PackPriority, pack_plan
from ..store import Register
from ..store import plan as store
from ..store.partners import list_priorities
from .plan import load_plan


def plan_section(reg: Register, today: date) -> tuple[tuple[PackPriority, ...], str]:
    summary = load_plan(reg, today)
    return pack_plan(summary), summary.info.label


def with_lead_agencies(reg: Register, actions: list[Action]) -> list[Action]:
    """An action with no owner is shown under its priority's lead agency, marked as such."""
    if not any(not a.owner_name and a.priority_id for a in actions):
        return actions
    leads = {pid: " and ".join(o.name for o in orgs) for pid, orgs in store.lead_agencies(reg).items()}
    published = {p.id: p.lead_agency for p in list_priorities(reg)}
    result = []
    for a in actions:
        lead = "" if a.owner_name else (leads.get(a.priority_id) or published.get(a.priority_id) or "")
        result.append(dataclasses.replace(a, owner_name=lead + NO_OWNER_SUFFIX) if lead else a)
    return result
