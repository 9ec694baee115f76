"""Changing the plan: priorities, objectives, themes, indicators and their values, the plan period.

Every operation is one transaction with its audit rows (store/plan.py writes them) and refuses a bad
value in one sentence before anything is written, and returns what it changed (`Changes`; a `Done` where
the caller needs the row too). Edits take `expected_version`, the version the user started from (None: as
stored now, for undo and redo); a row changed since is refused in one sentence (ConflictError) and nothing
is written. The app's undo commands and the command line call these.
"""
from __future__ import annotations

import dataclasses

from ..domain.model import Indicator, Priority
from ..domain.plan import (DIRECTIONS, MAX_NOTE, MAX_VALUE_TEXT, UNITS, IndicatorValue, Objective, PlanInfo,
                           PlanValueError, Theme, check_value, read_measure, read_period, value_from)
from ..errors import UserError
from ..store import Register, RegisterError
from ..store import indicators, partners
from ..store import plan as store
from ..domain.dates import show
from .changes import Changes, Done, Kind

MAX_TITLE = 2_000


class PlanEditError(UserError, ValueError):
    """A value the plan cannot take; nothing was changed."""


# The kinds of plan item that can be edited field by field, and which of their fields may be.
KINDS = {
    "priority": ("ref", "title", "lead_agency", "outcomes", "position", "retired_on", "retired_reason"),
    "objective": ("ref", "title", "priority_id", "position"),
    "theme": ("title", "description", "position"),
    "indicator": ("ref", "title", "priority_id", "unit", "direction", "baseline", "baseline_value",
                  "target", "target_value", "target_period", "data_source", "owner_id", "exempt"),
    "action": ("objective_id", "priority_id", "owner_id", "due", "status"),
}


def changed(kind: str, *row_ids: str) -> Changes:
    """What a change to plan items of this kind changed: a plan action is an action of the tracker too."""
    return Changes.of(Kind.PLAN, *([Kind.ACTIONS] if kind == "action" else []), ids=row_ids)


def _check(kind: str, changes: dict) -> dict:
    allowed = KINDS[kind]
    for name, value in changes.items():
        if name not in allowed:
            raise PlanEditError(f"{name!r} is not something a plan {kind} has.")
        if name == "title" and not str(value or "").strip():
            raise PlanEditError(f"A {kind} needs a title.")
        if isinstance(value, str) and len(value) > MAX_TITLE:
            raise PlanEditError(f"The {name.replace('_', ' ')} is longer than {MAX_TITLE:,} characters; shorten it.")
        if name == "unit" and value not in UNITS:
            raise PlanEditError(f"{value!r} is not a unit (use {', '.join(UNITS)}).")
        if name == "direction" and value not in DIRECTIONS:
            raise PlanEditError(f"{value!r} is not a direction (use {', '.join(DIRECTIONS)}).")
        if name in ("target_value", "baseline_value") and value is not None and not isinstance(value, (int, float)):
            raise PlanEditError(f"The {name.replace('_', ' ')} must be a number.")
    if "target" in changes and "target_value" not in changes and kind == "indicator":
        changes = {**changes, "target_value": read_measure(changes["target"]).value}
    if "exempt" in changes:
        changes = {**changes, "exempt": int(bool(changes["exempt"]))}
    return changes


def set_fields(reg: Register, kind: str, row_id: str, changes: dict, expected_version: int | None = None) -> Changes:
    """Change fields of one plan item."""
    if kind not in KINDS:
        raise PlanEditError(f"{kind!r} is not a kind of plan item.")
    store.update_item(reg, kind, row_id, _check(kind, changes), expected_version)
    return changed(kind, row_id)


def get_row(reg: Register, kind: str, row_id: str) -> dict:
    row = store.get_item(reg, kind, row_id)
    if row is None:
        raise PlanEditError(f"That {kind} is no longer in the register.")
    return row


def add_priority(reg: Register, priority: Priority, lead_agencies: list[str] | None = None) -> Changes:
    _check("priority", {"title": priority.title, "ref": priority.ref})
    names = lead_agencies if lead_agencies is not None else []
    made: list[str] = []
    with reg.transaction():
        leads = priority.lead_agency or " and ".join(names)
        partners.add_priority(reg, dataclasses.replace(priority, lead_agency=leads))
        if names:
            made = store.set_lead_agencies(reg, priority.id, names)
    return changed("priority", priority.id) | _organisations(made)


def _organisations(made: list[str]) -> Changes:
    """Lead agencies not yet in the register become partner organisations."""
    return Changes.of(Kind.OWNERS, ids=made) if made else Changes()


def set_lead_agencies(reg: Register, priority_id: str, names: list[str],
                      expected_version: int | None = None) -> Changes:
    """The priority's lead agencies, as partner organisations; its published text follows them."""
    names = [" ".join(n.split()) for n in names if n and n.strip()]
    if any(len(n) > 200 for n in names):
        raise PlanEditError("A lead agency's name is longer than 200 characters; shorten it.")
    get_row(reg, "priority", priority_id)
    with reg.transaction():
        # The priority's own row first: a stale version is refused before any link is touched.
        store.update_item(reg, "priority", priority_id, {"lead_agency": " and ".join(names)}, expected_version)
        made = store.set_lead_agencies(reg, priority_id, names)
    return changed("priority", priority_id) | _organisations(made)


def lead_agency_names(reg: Register, priority_id: str) -> list[str]:
    return [o.name for o in store.lead_agencies(reg).get(priority_id, [])]


def add_objective(reg: Register, objective: Objective) -> Changes:
    _check("objective", {"title": objective.title, "ref": objective.ref})
    get_row(reg, "priority", objective.priority_id)
    return changed("objective", store.add_objective(reg, objective))


def add_theme(reg: Register, theme: Theme) -> Changes:
    _check("theme", {"title": theme.title, "description": theme.description})
    return changed("theme", store.add_theme(reg, theme))


def add_indicator(reg: Register, indicator: Indicator) -> Changes:
    _check("indicator", {"title": indicator.title, "unit": indicator.unit, "direction": indicator.direction})
    if indicator.target and indicator.target_value is None:
        indicator.target_value = read_measure(indicator.target).value
    return changed("indicator", indicators.add_indicator(reg, indicator))


def remove(reg: Register, kind: str, row_id: str) -> Done[dict]:
    """Delete one plan item; returns its row so an undo can put it back with the same id."""
    row = get_row(reg, kind, row_id)
    store.delete_item(reg, kind, row_id)
    return Done(row, changed(kind, row_id))


def restore(reg: Register, kind: str, row: dict) -> Changes:
    store.restore_item(reg, kind, row)
    return changed(kind, row["id"])


# -- indicator values ------------------------------------------------------------------------------

def make_value(reg: Register, indicator_id: str, period: str, text: str, note: str = "",
               where: str = "") -> IndicatorValue:
    """Check a value as typed or published; `where` names its source in the sentence of a refusal."""
    row = get_row(reg, "indicator", indicator_id)
    source = f"{where}: " if where else ""
    say = lambda message: _sentence(source + message)  # noqa: E731
    if len(str(text or "")) > MAX_VALUE_TEXT:
        raise PlanEditError(say(f"the value is {len(text):,} characters long; a value may be at most "
                                f"{MAX_VALUE_TEXT} (put the explanation in its commentary)."))
    if len(note or "") > MAX_NOTE:
        raise PlanEditError(say(f"the commentary is {len(note):,} characters long, more than the {MAX_NOTE:,} "
                                "a value may carry; shorten it."))
    if not str(text or "").strip():
        raise PlanEditError(say("there is no value to record."))
    info = store.get_plan_info(reg)
    try:
        when = read_period(period, info.start_year and _current_year(info))
        measure = read_measure(text)
        check_value(measure, row["unit"])
    except PlanValueError as exc:
        raise PlanEditError(say(str(exc))) from None
    if not info.covers(when.end):
        raise PlanEditError(say(f"{when.label!r} ends on {show(when.end)}, outside the plan's years "
                                f"({info.label}); nothing was recorded."))
    return value_from(indicator_id, when, measure, note or "")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _current_year(info: PlanInfo) -> int:
    assert info.start_year is not None  # asked only of a plan with years
    return info.start_year + max((info.year_number or 1) - 1, 0)


def record_value(reg: Register, indicator_id: str, period: str, text: str, note: str = "",
                 where: str = "") -> Done[IndicatorValue]:
    """A new value for a period the indicator has none for (a wrong one is corrected instead)."""
    value = make_value(reg, indicator_id, period, text, note, where)
    existing = store.value_for_period(reg, indicator_id, value.period_end)
    if existing is not None:
        raise PlanEditError(_sentence(f"{where + ': ' if where else ''}there is already a value for "
                                      f"{existing.period} ({existing.text!r}); correct that value rather than "
                                      "recording a second one."))
    try:
        store.add_value(reg, value)
    except RegisterError as exc:
        raise PlanEditError(str(exc)) from None
    value.version = 1
    return Done(value, changed("value", value.id, indicator_id))


def correct_value(reg: Register, value_id: str, *, text: str | None = None, note: str | None = None,
                  period: str | None = None, expected_version: int | None = None) -> Changes:
    """Put a wrong value right, keeping its row and history in the audit trail."""
    current = store.get_value(reg, value_id)
    if current is None:
        raise PlanEditError("That value is no longer in the register.")
    fixed = make_value(reg, current.indicator_id, period if period is not None else current.period,
                       text if text is not None else current.text, note if note is not None else current.note)
    clash = store.value_for_period(reg, current.indicator_id, fixed.period_end)
    if clash is not None and clash.id != value_id:
        raise PlanEditError(f"There is already a value for {clash.period}; correct that one instead.")
    store.update_item(reg, "value", value_id, store.value_row(fixed), expected_version)
    return changed("value", value_id, current.indicator_id)


def value_fields(value: IndicatorValue) -> dict:
    """The fields correct_value takes, to undo a correction."""
    return {"text": value.text, "note": value.note, "period": value.period}


def set_plan_info(reg: Register, expected_version: int | None = None, **changes) -> Done[PlanInfo]:
    info = store.get_plan_info(reg)
    allowed = ("title", "start_year", "end_year", "year_number", "amber_tolerance")
    for name in changes:
        if name not in allowed:
            raise PlanEditError(f"{name!r} is not a setting of the plan.")
    merged = PlanInfo(**{**{k: getattr(info, k) for k in allowed}, **changes}, id=info.id, version=info.version)
    if merged.start_year and merged.end_year and not merged.start_year < merged.end_year <= merged.start_year + 10:
        raise PlanEditError(f"A plan from {merged.start_year} to {merged.end_year} is not a plan period "
                            "(the end must follow the start, within ten years).")
    if merged.year_number is not None and merged.start_year and merged.end_year and \
            not 1 <= merged.year_number <= merged.end_year - merged.start_year:
        raise PlanEditError(f"Year {merged.year_number} "
                            f"is not a year of a {merged.end_year - merged.start_year}-year plan.")
    if not 0 <= float(merged.amber_tolerance) <= 1:
        raise PlanEditError("The amber tolerance is a share of the target between 0 and 100%.")
    store.save_plan_info(reg, merged, expected_version)
    return Done(store.get_plan_info(reg), changed("info", info.id))


def plan_info(reg: Register) -> PlanInfo:
    return store.get_plan_info(reg)


def plan_info_fields(info: PlanInfo) -> dict:
    """The settings set_plan_info takes, to undo a change of them."""
    return {"title": info.title, "start_year": info.start_year, "end_year": info.end_year,
            "year_number": info.year_number, "amber_tolerance": info.amber_tolerance}


def value_for_period(reg: Register, indicator_id: str, period_end):
    """The value already recorded for that period, if any (to correct it)."""
    return store.value_for_period(reg, indicator_id, period_end)
