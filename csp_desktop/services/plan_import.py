"""What an import adds to the plan beyond the rows it shares with the register: lead agencies as partner
organisations, indicators' dated values, and a word about any priority only a performance table named.

Called from services/imports.py inside the import's one transaction.
"""
from __future__ import annotations

from ..domain.plan import split_lead_agencies
from ..interchange.contents import Contents
from ..interchange.problems import WARNING, Problem
from ..store import Register
from ..store import plan as store


def report_new_priorities(c: Contents) -> None:
    """A priority named only in a performance table and not in the register is added, and said so."""
    new = {p.id: p for p in c.priorities}
    for priority_id, (sheet, row) in c.implied_priorities.items():
        if priority_id in new:
            p = new[priority_id]
            c.warnings.append(Problem(c.file, f"names priority {p.ref + ': ' if p.ref else ''}{p.title!r}, which is "
                                              "in no priorities table and not in the register; it was added as a "
                                              "new priority (retire it in the Plan view if it is not one)",
                                      WARNING, sheet, row))


def write_plan_rows(reg: Register, c: Contents, ids: dict[str, str]) -> None:
    leads = store.lead_agencies(reg)
    for p in c.priorities:
        if p.lead_agency and not leads.get(p.id):
            store.set_lead_agencies(reg, p.id, split_lead_agencies(p.lead_agency))
    for v in c.indicator_values:
        v.indicator_id = ids.get(v.indicator_id, v.indicator_id)
    if c.indicator_values:
        reg.insert_many("indicator_values", ({**store.value_row(v), "id": v.id} for v in c.indicator_values))
