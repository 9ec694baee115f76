"""Indicators in the quarterly update round: the sheet's rows for an owner, what a return proposes, applying it.

An owner is sent the indicators they supply (indicators.owner_id) with the last value and a suggested next
period; a new value comes back as one proposed change, checked as the Plan view checks a typed value.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..domain.plan import IndicatorValue
from ..errors import UserError
from ..store import Register
from ..store import plan as store
from . import plan_editing
from .changes import Changes


def indicator_cells(reg: Register, owner_ids: set[str]) -> dict[str, list[dict]]:
    """The Indicators sheet's rows for each owner who supplies indicators."""
    values = store.values_by_indicator(reg)
    found: dict[str, list[dict]] = {}
    for ind in store.list_indicators(reg):
        if ind.owner_id not in owner_ids:
            continue
        history = values.get(ind.id, [])
        last = max(history, key=lambda v: v.period_end) if history else None
        found.setdefault(ind.owner_id, []).append({
            "ref": ind.ref, "title": ind.title, "target": ind.target,
            "last_period": last.period if last else "", "last_value": last.text if last else "",
            "new_period": next_period(last), "row_id": ind.id, "row_version": ind.version})
    return found


def next_period(last: IndicatorValue | None) -> str:
    """The quarter after the last value's period, as the plan names quarters: 2012/13 Q1."""
    if last is None:
        return ""
    end = last.period_end + timedelta(days=1)
    # financial quarters end 30 June (Q1), 30 September, 31 December, 31 March (Q4)
    quarter = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3, 1: 4, 2: 4, 3: 4}[end.month]
    start = end.year if end.month >= 4 else end.year - 1
    return f"{start}/{str(start + 1)[-2:]} Q{quarter}"


def indicator_proposals(reg: Register, row, shown: dict) -> list:
    """The owner's new value (with its period and commentary) as one proposed change, or none."""
    from .update_compare import Proposal, _words  # the one Proposal type of the round
    value, period, note = (_words(row.cells[k]) for k in ("new_value", "new_period", "commentary"))
    formula = " and ".join(row.cells[k].formula for k in ("new_value", "new_period") if row.cells[k].formula)
    if not value and not row.cells["new_value"].formula:
        if note:
            return [Proposal("value", note, old_value=shown.get("last_value") or "",
                             problem="a commentary came without a new value, so there is nothing to record")]
        return []
    proposal = Proposal("value", f"{period or '(no period)'}: {value or row.cells['new_value'].formula}",
                        old_value=_old(shown), formula=formula)
    if not value:
        proposal.problem = f"the formula {formula} has no calculated value to read"
        return [proposal]
    try:
        checked = plan_editing.make_value(reg, row.row_id, period, value, note)
    except UserError as exc:
        proposal.problem = str(exc).rstrip(".")
        return [proposal]
    clash = store.value_for_period(reg, row.row_id, checked.period_end)
    if clash is not None:
        proposal.problem = (f"the indicator already has a value for {clash.period} ({clash.text!r}); correct it in "
                            "the Plan view if the owner's is right")
        return [proposal]
    number = "" if checked.value is None else f" (read as {checked.value:g})"
    proposal.new_value = f"{checked.period}: {value}{number}"
    proposal.apply = {"period": period, "text": value, "note": note}
    return [proposal]


def _old(shown: dict) -> str:
    return f"{shown['last_period']}: {shown['last_value']}" if shown.get("last_value") else ""


def apply_indicator(reg: Register, row_id: str, values: dict, owner: str, today: date) -> Changes:
    new = values["value"]
    return plan_editing.record_value(reg, row_id, new["period"], new["text"], new["note"], where=owner).changes
