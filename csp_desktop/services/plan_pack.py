"""What the pack takes from the plan: its performance section, and who leads actions that name no owner."""
from __future__ import annotations

from datetime import date

from ..domain.model import Action
from ..domain.plan_pack import PackPriority, pack_plan
from ..store import Register
from ..store import plan as store
from ..store.partners import list_priorities
from .plan import load_plan


def plan_section(reg: Register, today: date, actions: list[Action]) -> tuple[tuple[PackPriority, ...], str]:
    summary = load_plan(reg, today, actions=actions)
    return pack_plan(summary), summary.info.label


def lead_agency_names(reg: Register) -> dict[str, str]:
    """Each priority's lead agency in words: its lead organisations joined, else the text as published."""
    leads = {pid: " and ".join(o.name for o in orgs) for pid, orgs in store.lead_agencies(reg).items()}
    return {p.id: leads.get(p.id) or p.lead_agency for p in list_priorities(reg)}
