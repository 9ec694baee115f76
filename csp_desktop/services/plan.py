"""Reading the plan for the app, the command line and the pack: one summary built from the register."""
from __future__ import annotations

from datetime import date

from ..domain.plan_summary import PlanSummary, RiskLine, summarise
from ..domain.model import Action
from ..domain.scoring import Rating
from ..store import Register
from ..store import plan as store
from ..store.actions import list_actions
from ..store.partners import list_priorities


def load_plan(reg: Register, today: date | None = None, *, public: bool = False,
              actions: list[Action] | None = None) -> PlanSummary:
    """Every priority with its lead agencies, objectives, actions, indicators (with values) and risks.
    `actions`: the register's actions when the caller has just read them (the pack), else they are read."""
    leads = {pid: [o.name for o in orgs] for pid, orgs in store.lead_agencies(reg).items()}
    risks = {pid: [_risk_line(r) for r in rows if not (public and r["exempt"])]
             for pid, rows in store.risk_scores_by_priority(reg).items()}
    actions = list_actions(reg) if actions is None else actions
    return summarise(store.get_plan_info(reg), list_priorities(reg), leads, store.list_objectives(reg),
                     actions, store.list_indicators(reg), store.values_by_indicator(reg), risks,
                     store.list_themes(reg), today or date.today(), public=public)


def _risk_line(row: dict) -> RiskLine:
    residual = row["residual_likelihood"], row["residual_impact"]
    inherent = row["inherent_likelihood"], row["inherent_impact"]
    score = residual if residual[0] is not None else inherent
    return RiskLine(row["id"], row["ref"], row["title"], Rating(*score) if score[0] is not None else None,
                    row["status"])


def indicator_history(reg: Register) -> list[dict]:
    """Every value of every indicator with its period and text as published, for export."""
    indicators = {i.id: i for i in store.list_indicators(reg)}
    rows = []
    for indicator_id, values in store.values_by_indicator(reg).items():
        ind = indicators.get(indicator_id)
        for v in values:
            rows.append({"indicator_ref": ind.ref if ind else "", "indicator": ind.title if ind else "",
                         "period": v.period, "period_end": v.period_end.isoformat(), "text": v.text,
                         "value": v.value, "numerator": v.numerator, "denominator": v.denominator, "rate": v.rate,
                         "note": v.note})
    return rows


def chart_svg(item, width: float = 480, height: float = 220) -> bytes:
    """An indicator's values against its target as SVG, drawn by the same code as the pack's charts."""
    from ..reports.indicator_chart import svg
    return svg(item.values, item.indicator.target_value, item.indicator.unit, width=width, height=height)
