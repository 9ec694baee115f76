"""What the views read to fill their tables and pickers: lists of domain objects, no SQL, no rows.

The views never reach the store themselves (so the store can change shape without touching a
widget); these are the reads they need, by name.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..domain.exemption import exempt_ids
from ..domain.model import Action, Meeting, Mitigation, Organisation, Owner, Priority, Risk
from ..store import Register
from ..store import actions as store_actions
from ..store import meetings as store_meetings
from ..store import partners as store_partners
from ..store import risks as store_risks


def owners(reg: Register) -> list[Owner]:
    return store_partners.list_owners(reg)


def organisations(reg: Register) -> list[Organisation]:
    return store_partners.list_organisations(reg)


def priorities(reg: Register) -> list[Priority]:
    return store_partners.list_priorities(reg)


def risks(reg: Register) -> list[Risk]:
    return store_risks.list_risks(reg)


def meetings(reg: Register) -> list[Meeting]:
    return store_meetings.list_meetings(reg)


def actions(reg: Register) -> list[Action]:
    return store_actions.list_actions(reg)


def action(reg: Register, action_id: str) -> Action:
    return store_actions.get_action(reg, action_id)


def action_versions(reg: Register) -> dict[str, int]:
    """Every action's id and version: a cheap way to find which rows changed since the last read."""
    return store_actions.action_versions(reg)


def actions_by_id(reg: Register, ids) -> list[Action]:
    return store_actions.actions_by_id(reg, ids)


@dataclass(frozen=True)
class ExemptRisks:
    """The exempt risks and their mitigations: all an action's exemption turns on besides its own flag. Read
    once with the tracker, so an edit of one action does not read every risk and mitigation again."""
    risks: tuple[Risk, ...]
    mitigations: tuple[Mitigation, ...]


def exempt_risks(reg: Register) -> ExemptRisks:
    every = store_risks.list_risks(reg)
    exempt = exempt_ids(every)  # the one rule decides which risks
    mitigations = (m for ms in store_risks.mitigations_by_risk(reg).values() for m in ms if m.risk_id in exempt)
    return ExemptRisks(tuple(r for r in every if r.id in exempt), tuple(mitigations))


def exempt_paragraphs(basis: ExemptRisks, actions: list[Action]) -> dict[str, int | None]:
    """The exempt ones among the risks and these actions (`domain.exemption.exempt_ids`, the one rule), each
    with the Schedule 12A paragraph to name: its own, else (an action exempt with its risk) its risk's."""
    on_risk = {m.id: m.risk_id for m in basis.mitigations}
    exempt = exempt_ids(basis.risks, actions, basis.mitigations)
    found: dict[str, int | None] = {r.id: r.exempt_paragraph for r in basis.risks if r.id in exempt}
    for a in actions:
        if a.id in exempt:
            found[a.id] = a.exempt_paragraph or found.get(a.risk_id or on_risk.get(a.mitigation_id or "") or "")
    return found
