"""The plan's performance indicators, kept as the plan words them."""
from __future__ import annotations

from ..domain.model import Indicator
from . import records
from .register import Register
from .rows import indicator_row, to_indicator


def list_indicators(reg: Register) -> list[Indicator]:
    return [to_indicator(r) for r in reg.query("SELECT * FROM indicators ORDER BY rowid")]


def add_indicator(reg: Register, indicator: Indicator) -> str:
    return records.add(reg, "indicators", indicator, indicator_row(indicator))
