"""What an import adds to the plan beyond the rows it shares with the register: lead agencies as partner
organisations, indicators' dated values, and a word about any priority only a performance table named.

Called from services/imports.py inside the import's one transaction.
"""
from __future__ import annotations

from ..domain.plan import (PlanInfo, PlanValueError, heading_period, read_measure, read_period, split_lead_agencies,
                           value_from)
from ..interchange.contents import Contents
from ..interchange.problems import WARNING, Problem
from ..store import Register
from ..store import plan as store
from ..store.import_rows import add_all, add_plan_info


def prepare(c: Contents, known_priorities: list, ids: dict[str, str]) -> None:
    """Before anything is written: say which priorities are new, read targets' numbers, number indicators."""
    _report_new_priorities(c)
    refs = {p.id: p.ref for p in known_priorities + c.priorities}
    numbered: dict[str, int] = {}
    for ind in c.indicators:
        if ind.target and ind.target_value is None:
            ind.target_value = read_measure(ind.target).value
        prefix = (refs.get(ids.get(ind.priority_id, ind.priority_id)) if ind.priority_id is not None else None) or "0"
        numbered[prefix] = numbered.get(prefix, 0) + 1
        if not ind.ref:
            ind.ref = f"{prefix}.{numbered[prefix]}"


def _report_new_priorities(c: Contents) -> None:
    """A priority named only in a performance table and not in the register is added, and said so."""
    new = {p.id: p for p in c.priorities}
    for priority_id, (sheet, row) in c.implied_priorities.items():
        if priority_id in new:
            p = new[priority_id]
            c.warnings.append(Problem(c.file, f"names priority {p.ref + ': ' if p.ref else ''}{p.title!r}, which is "
                                              "in no priorities table and not in the register; it was added as a "
                                              "new priority (retire it in the Plan view if it is not one)",
                                      WARNING, sheet, row))


def write_objectives(reg: Register, c: Contents, ids: dict[str, str]) -> None:
    """Objectives (under their priorities, matched or new), before the actions that serve them; an action
    naming an objective that is in neither the file nor the register keeps its priority only."""
    for o in c.objectives:
        o.priority_id = ids.get(o.priority_id, o.priority_id)
    add_all(reg, "objectives", c.objectives)
    known = {o.id for o in c.objectives} | {o.id for o in store.list_objectives(reg)}
    for action in c.actions:
        if action.objective_id and action.objective_id not in known:
            action.objective_id = None


def write_plan_rows(reg: Register, c: Contents, ids: dict[str, str]) -> None:
    leads = store.lead_agencies(reg)
    for p in c.priorities:
        if p.lead_agency and not leads.get(p.id):
            store.set_lead_agencies(reg, p.id, split_lead_agencies(p.lead_agency))
    c.indicator_values += _values_from_latest(c)
    for v in c.indicator_values:
        v.indicator_id = ids.get(v.indicator_id, v.indicator_id)
    add_all(reg, "values", c.indicator_values)
    add_all(reg, "themes", c.themes)
    if isinstance(c.plan_info, PlanInfo) and not store.has_plan_info(reg):  # the register's own plan wins
        add_plan_info(reg, c.plan_info)


def _values_from_latest(c: Contents) -> list:
    """An indicator that came with its latest figure as text only (a register export, the demo) gets that
    figure as its first dated value where its label names a period."""
    have = {v.indicator_id for v in c.indicator_values}
    made = []
    for ind in c.indicators:
        if ind.id in have or not ind.latest or not ind.latest_label:
            continue
        try:
            period = read_period(heading_period(ind.latest_label) or ind.latest_label)
        except PlanValueError:
            continue  # "Spring 2026": kept as the latest text only, as before
        made.append(value_from(ind.id, period, read_measure(ind.latest)))
    return made
