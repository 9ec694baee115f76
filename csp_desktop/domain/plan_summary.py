"""The plan as the app, the command line and the pack show it: each priority with what hangs under it.

Built from plain rows by `summarise`, so the pack and the views need no database (DESIGN: reports/ never
queries). Exempt actions and indicators are left out when `public` is asked for, as exempt risks are.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .derived import Rag, rag_of
from .model import Action, Indicator, Priority
from .plan import IndicatorValue, Objective, PlanInfo, Theme, Trend, indicator_rag, latest_number, trend
from .scoring import Rating


@dataclass
class IndicatorLine:
    indicator: Indicator
    values: list[IndicatorValue]
    latest: IndicatorValue | None        # the latest value with a number
    latest_text: IndicatorValue | None   # the latest value of any kind ("Qtr 1 performance expected ...")
    rag: str | None
    trend: Trend


@dataclass
class RiskLine:
    id: str
    ref: str
    title: str
    residual: Rating | None
    status: str


@dataclass
class ObjectiveLine:
    objective: Objective
    actions: list[Action] = field(default_factory=list)


@dataclass
class PriorityLine:
    priority: Priority
    lead_agencies: list[str]
    objectives: list[ObjectiveLine] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)      # under the priority, no objective
    indicators: list[IndicatorLine] = field(default_factory=list)
    risks: list[RiskLine] = field(default_factory=list)
    action_rag: Counter = field(default_factory=Counter)
    indicator_rag: Counter = field(default_factory=Counter)

    @property
    def lead(self) -> str:
        return " and ".join(self.lead_agencies) or self.priority.lead_agency

    def all_actions(self) -> list[Action]:
        return self.actions + [a for o in self.objectives for a in o.actions]


@dataclass
class PlanSummary:
    info: PlanInfo
    priorities: list[PriorityLine]
    themes: list[Theme]
    unplaced_indicators: list[IndicatorLine]   # under no priority
    today: date
    action_rags: dict[str, Rag] = field(default_factory=dict)   # by action id (derived.rag_of)


def summarise(info: PlanInfo, priorities: list[Priority], leads: dict[str, list[str]], objectives: list[Objective],
              actions: list[Action], indicators: list[Indicator], values: dict[str, list[IndicatorValue]],
              risks: dict[str, list[RiskLine]], themes: list[Theme], today: date, *,
              public: bool = False) -> PlanSummary:
    if public:
        actions = [a for a in actions if not a.exempt]
        indicators = [i for i in indicators if not i.exempt]
    lines = {p.id: PriorityLine(p, leads.get(p.id) or _published_leads(p), risks=risks.get(p.id, []))
             for p in priorities}
    by_objective = {}
    for o in objectives:
        if o.priority_id in lines:
            by_objective[o.id] = ObjectiveLine(o)
            lines[o.priority_id].objectives.append(by_objective[o.id])
    action_rags = {}
    for a in actions:
        action_rags[a.id] = rag_of(a, today)
        home = by_objective.get(a.objective_id) if a.objective_id else None
        if home is not None:
            home.actions.append(a)
        elif a.priority_id in lines:
            lines[a.priority_id].actions.append(a)
        else:
            continue
        # a.priority_id is in lines when home is None (checked above)
        line = lines[home.objective.priority_id] if home is not None else lines[a.priority_id]  # type: ignore[index]
        line.action_rag[action_rags[a.id].band or "closed"] += 1
    unplaced = []
    for ind in indicators:
        item = indicator_line(ind, values.get(ind.id, []), info.amber_tolerance)
        if ind.priority_id in lines:
            lines[ind.priority_id].indicators.append(item)
            lines[ind.priority_id].indicator_rag[item.rag or "none"] += 1
        else:
            unplaced.append(item)
    return PlanSummary(info, [lines[p.id] for p in priorities], themes, unplaced, today, action_rags)


def _published_leads(priority: Priority) -> list[str]:
    return [priority.lead_agency] if priority.lead_agency else []


def indicator_line(ind: Indicator, values: list[IndicatorValue], tolerance: float) -> IndicatorLine:
    latest = latest_number(values)
    latest_any = max(values, key=lambda v: v.period_end) if values else None
    return IndicatorLine(ind, values, latest, latest_any,
                         indicator_rag(latest.value if latest else None, ind.target_value, ind.direction, tolerance),
                         trend(values, ind.direction))


def owner_or_lead(action: Action, line: PriorityLine) -> str:
    """An action with no owner is led by its priority's lead agency, as the plan says."""
    return action.owner_name or line.lead or "No owner named"


def format_number(value: float | None, unit: str = "count") -> str:
    if value is None:
        return ""
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{shown}%" if unit == "percentage" else shown
