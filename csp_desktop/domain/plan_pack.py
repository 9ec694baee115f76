"""The plan as a board pack shows it ("Performance against the plan"), as plain frozen data.

Kept in PackData so an issued pack keeps the figures the board saw. Actions are referred to by id: their RAG
is counted from the pack's own actions, which services.packs.for_part has already chosen for the part, so
an exempt action is never counted in the public pack.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .plan import TREND_ARROWS
from .plan_summary import IndicatorLine, PlanSummary, format_number



@dataclass(frozen=True)
class PackPoint:
    period: str
    period_end: date
    value: float


@dataclass(frozen=True)
class PackIndicator:
    id: str
    ref: str
    title: str
    unit: str = "count"
    direction: str = "reduce"
    target: str = ""
    target_value: float | None = None
    latest_text: str = ""
    latest_period: str = ""
    latest_value: float | None = None
    rag: str | None = None
    trend: str | None = None
    data_source: str = ""
    points: tuple[PackPoint, ...] = ()
    exempt: bool = False

    @property
    def trend_text(self) -> str:
        return f"{TREND_ARROWS[self.trend]} {self.trend}" if self.trend else "\u2013"

    @property
    def latest_shown(self) -> str:
        if not self.latest_text:
            return "\u2013"
        return f"{self.latest_text} ({self.latest_period})" if self.latest_period else self.latest_text

    @property
    def target_number(self) -> str:
        return format_number(self.target_value, self.unit)


@dataclass(frozen=True)
class PackPriority:
    id: str
    ref: str
    title: str
    lead: str = ""
    indicators: tuple[PackIndicator, ...] = ()
    action_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"Priority {self.ref}: {self.title}" if self.ref else self.title


def pack_plan(summary: PlanSummary) -> tuple[PackPriority, ...]:
    """Every priority with all its indicators and actions, exempt or not (the part is chosen later)."""
    return tuple(PackPriority(line.priority.id, line.priority.ref, line.priority.title, line.lead,
                              tuple(_indicator(i) for i in line.indicators),
                              tuple(a.id for a in line.all_actions())) for line in summary.priorities
                 if line.priority.retired_on is None)  # a retired priority is no longer reported on


def _indicator(item: IndicatorLine) -> PackIndicator:
    ind, shown = item.indicator, item.latest_text
    return PackIndicator(ind.id, ind.ref, ind.title, ind.unit, ind.direction, ind.target, ind.target_value,
                         shown.text if shown else ind.latest, shown.period if shown else "",
                         item.latest.value if item.latest else None, item.rag, item.trend.since_previous,
                         ind.data_source,
                         tuple(PackPoint(v.period, v.period_end, v.value) for v in item.values if v.value is not None),
                         ind.exempt)


def for_part(plan: tuple[PackPriority, ...], exempt_part: bool) -> tuple[PackPriority, ...]:
    """Public pack: no exempt indicator. Exempt pack: only exempt indicators (and the priorities holding them)."""
    from dataclasses import replace
    kept = tuple(replace(p, indicators=tuple(i for i in p.indicators if i.exempt == exempt_part)) for p in plan)
    return kept if not exempt_part else tuple(p for p in kept if p.indicators)
