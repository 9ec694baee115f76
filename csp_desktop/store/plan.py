"""The plan's rows: its period, lead agencies, objectives, themes and the indicators' dated values."""
from __future__ import annotations

from collections import defaultdict

from ..domain.dates import from_iso, to_iso
from ..domain.model import Indicator, Organisation
from ..domain.plan import IndicatorValue, Objective, PlanInfo, Theme
from .register import Register
from .rows import to_indicator

# The table each kind of plan item lives in (a "value" is an indicator's figure for one period). The service
# decides which fields of each may be changed; these functions write what it passes.
ITEM_TABLES = {"priority": "priorities", "objective": "objectives", "theme": "plan_themes", "indicator": "indicators",
               "action": "actions", "value": "indicator_values"}


def get_plan_info(reg: Register) -> PlanInfo:
    rows = reg.query("SELECT * FROM plan_info LIMIT 1")
    if not rows:
        return PlanInfo()
    row = rows[0]
    return PlanInfo(row["title"], row["start_year"], row["end_year"], row["year_number"], row["amber_tolerance"],
                    id=row["id"], version=row["version"])


def save_plan_info(reg: Register, info: PlanInfo, expected_version: int | None = None) -> None:
    """Write the plan's settings, making its one row if there is none yet; a stale version is refused."""
    with reg.transaction():
        if reg.get("plan_info", info.id) is None:
            reg.insert("plan_info", {**plan_info_row(info), "id": info.id})
        else:
            reg.update("plan_info", info.id, plan_info_row(info), expected_version)


def plan_info_row(info: PlanInfo) -> dict:
    return {"title": info.title, "start_year": info.start_year, "end_year": info.end_year,
            "year_number": info.year_number, "amber_tolerance": info.amber_tolerance}


# -- any plan item, by kind ------------------------------------------------------------------------

def get_item(reg: Register, kind: str, row_id: str) -> dict | None:
    return reg.get(ITEM_TABLES[kind], row_id)


def update_item(reg: Register, kind: str, row_id: str, changes: dict, expected_version: int | None = None) -> dict:
    """Write the fields that differ, refused (ConflictError) if the item is no longer at `expected_version`."""
    with reg.transaction():
        return reg.update(ITEM_TABLES[kind], row_id, changes, expected_version)


def delete_item(reg: Register, kind: str, row_id: str) -> None:
    with reg.transaction():
        reg.delete(ITEM_TABLES[kind], row_id)


def restore_item(reg: Register, kind: str, row: dict) -> None:
    """Put back a deleted item's row with its own id (undo of a delete); it starts again at version 1."""
    with reg.transaction():
        reg.insert(ITEM_TABLES[kind], {k: v for k, v in row.items() if k != "version"})


def add_objective(reg: Register, objective: Objective) -> str:
    with reg.transaction():
        return reg.insert("objectives", {**objective_row(objective), "id": objective.id})


def add_theme(reg: Register, theme: Theme) -> str:
    with reg.transaction():
        return reg.insert("plan_themes", {**theme_row(theme), "id": theme.id})


def add_value(reg: Register, value: IndicatorValue) -> str:
    with reg.transaction():
        return reg.insert("indicator_values", {**value_row(value), "id": value.id})


def list_objectives(reg: Register) -> list[Objective]:
    rows = reg.query("SELECT * FROM objectives ORDER BY position, CAST(ref AS REAL), ref, rowid")
    return [Objective(r["priority_id"], r["title"], r["ref"], r["position"], id=r["id"], version=r["version"])
            for r in rows]


def objective_row(o: Objective) -> dict:
    return {"priority_id": o.priority_id, "title": o.title, "ref": o.ref, "position": o.position}


def list_themes(reg: Register) -> list[Theme]:
    return [Theme(r["title"], r["description"], r["position"], id=r["id"], version=r["version"])
            for r in reg.query("SELECT * FROM plan_themes ORDER BY position, rowid")]


def theme_row(t: Theme) -> dict:
    return {"title": t.title, "description": t.description, "position": t.position}


def list_indicators(reg: Register) -> list[Indicator]:
    return [to_indicator(r) for r in reg.query("SELECT * FROM indicators ORDER BY CAST(ref AS REAL), ref, rowid")]


def to_value(r: dict) -> IndicatorValue:
    # period_end is NOT NULL in the schema, so from_iso gives a date
    return IndicatorValue(r["indicator_id"], r["period"], from_iso(r["period_end"]),  # type: ignore[arg-type]
                          r["text"], r["value"],
                          r["numerator"], r["denominator"], r["rate"], r["note"], id=r["id"], version=r["version"])


def value_row(v: IndicatorValue) -> dict:
    return {"indicator_id": v.indicator_id, "period": v.period, "period_end": to_iso(v.period_end), "text": v.text,
            "value": v.value, "numerator": v.numerator, "denominator": v.denominator, "rate": v.rate,
            "note": v.note}


def values_by_indicator(reg: Register, indicator_id: str | None = None) -> dict[str, list[IndicatorValue]]:
    """Every value, oldest period first, keyed by indicator id."""
    where, params = ("WHERE indicator_id = ?", [indicator_id]) if indicator_id else ("", [])
    found: dict[str, list[IndicatorValue]] = defaultdict(list)
    for r in reg.query(f"SELECT * FROM indicator_values {where} ORDER BY period_end, rowid", params):
        found[r["indicator_id"]].append(to_value(r))
    return found


def get_value(reg: Register, value_id: str) -> IndicatorValue | None:
    row = reg.get("indicator_values", value_id)
    return to_value(row) if row else None


def value_for_period(reg: Register, indicator_id: str, period_end) -> IndicatorValue | None:
    rows = reg.query("SELECT * FROM indicator_values WHERE indicator_id = ? AND period_end = ?",
                     [indicator_id, to_iso(period_end)])
    return to_value(rows[0]) if rows else None


def lead_agencies(reg: Register) -> dict[str, list[Organisation]]:
    """Each priority's lead agencies, in the order the plan names them."""
    found: dict[str, list[Organisation]] = defaultdict(list)
    for r in reg.query("SELECT l.priority_id, o.id, o.name, o.version FROM priority_leads l "
                       "JOIN organisations o ON o.id = l.organisation_id ORDER BY l.position, l.rowid"):
        found[r["priority_id"]].append(Organisation(r["name"], id=r["id"], version=r["version"]))
    return found


def set_lead_agencies(reg: Register, priority_id: str, names: list[str]) -> list[str]:
    """Link the priority to these organisations (made if new), inside the caller's transaction; returns the
    ids of the organisations it made."""
    made = []
    for row in reg.query("SELECT id FROM priority_leads WHERE priority_id = ?", [priority_id]):
        reg.delete("priority_leads", row["id"])  # audited, like every other write
    for position, name in enumerate(names):
        rows = reg.query("SELECT id FROM organisations WHERE name = ? COLLATE NOCASE", [name])
        org_id = rows[0]["id"] if rows else reg.insert("organisations", {"name": name})
        made += [] if rows else [org_id]
        reg.insert("priority_leads", {"priority_id": priority_id, "organisation_id": org_id, "position": position})
    return made


def risk_scores_by_priority(reg: Register) -> dict[str, list[dict]]:
    """The risks linked to each priority with their current scores, for the plan to show."""
    found: dict[str, list[dict]] = defaultdict(list)
    for r in reg.query("SELECT id, ref, title, priority_id, status, exempt, inherent_likelihood, inherent_impact, "
                       "residual_likelihood, residual_impact FROM risks WHERE priority_id IS NOT NULL "
                       "ORDER BY ref, rowid"):
        found[r["priority_id"]].append(r)
    return found


def has_plan_info(reg: Register) -> bool:
    return bool(reg.query("SELECT id FROM plan_info LIMIT 1"))


def count_open_risks(reg: Register) -> int:
    return reg.query("SELECT COUNT(*) AS n FROM risks WHERE status = 'open'")[0]["n"]
