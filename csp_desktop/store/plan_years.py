"""Closed plan years: the plan as it stood when "Start next plan year" was run, kept to read and print."""
from __future__ import annotations

import json

from .register import Register, now_utc


def add_year(reg: Register, year_number: int, label: str, decisions: list[dict], data: dict) -> str:
    """Inside the caller's transaction."""
    return reg.insert("plan_years", {"year_number": year_number, "label": label, "closed_at": now_utc(),
                                     "closed_by": reg.who, "decisions": json.dumps(decisions, ensure_ascii=False),
                                     "data": json.dumps(data, ensure_ascii=False)})


def list_years(reg: Register) -> list[dict]:
    return reg.query("SELECT id, year_number, label, closed_at, closed_by FROM plan_years ORDER BY year_number")


def get_year(reg: Register, year_number: int) -> dict | None:
    rows = reg.query("SELECT * FROM plan_years WHERE year_number = ?", [year_number])
    if not rows:
        return None
    row = rows[0]
    return {**row, "decisions": json.loads(row["decisions"]), "data": json.loads(row["data"])}
