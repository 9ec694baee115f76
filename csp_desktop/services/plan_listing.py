"""The plan as rows for the command line: priorities, indicators and the whole plan as a document."""
from __future__ import annotations

from ..domain.derived import RAG_ORDER
from ..domain.plan import TREND_ARROWS
from ..domain.plan_summary import IndicatorLine, PlanSummary, PriorityLine, owner_or_lead
from ..errors import UserError
from ..store import Register
from ..store import plan as store
from ..domain.dates import show

PRIORITY_COLUMNS = ("ref", "title", "lead_agencies", "retired", "objectives", "actions", "actions_red", "actions_amber",
                    "actions_no_date", "actions_green", "indicators", "risks", "version")
INDICATOR_COLUMNS = ("ref", "priority", "title", "unit", "direction", "target", "target_value", "latest_period",
                     "latest", "latest_value", "rag", "trend", "trend_year", "version")


def priority_rows(summary: PlanSummary) -> list[dict]:
    return [{"ref": line.priority.ref, "title": line.priority.title, "lead_agencies": line.lead,
             "retired": line.priority.retired_on.isoformat() if line.priority.retired_on else "",
             "objectives": len(line.objectives), "actions": len(line.all_actions()),
             "actions_red": line.action_rag["red"], "actions_amber": line.action_rag["amber"],
             "actions_no_date": line.action_rag["no date"], "actions_green": line.action_rag["green"],
             "indicators": len(line.indicators),
             "risks": len(line.risks), "version": line.priority.version} for line in summary.priorities]


def indicator_rows(summary: PlanSummary) -> list[dict]:
    rows = []
    for line in summary.priorities:
        rows += [_indicator_row(item, line.priority.ref or line.priority.title) for item in line.indicators]
    return rows + [_indicator_row(item, "") for item in summary.unplaced_indicators]


def _indicator_row(item: IndicatorLine, priority: str) -> dict:
    ind, shown = item.indicator, item.latest_text
    return {"ref": ind.ref, "priority": priority, "title": ind.title, "unit": ind.unit, "direction": ind.direction,
            "target": ind.target, "target_value": ind.target_value, "latest_period": shown.period if shown else "",
            "latest": shown.text if shown else ind.latest, "latest_value": item.latest.value if item.latest else None,
            "rag": item.rag or "", "trend": item.trend.since_previous or "",
            "trend_year": item.trend.since_last_year or "",  # against the same period a year before
            "version": ind.version}


def plan_document(summary: PlanSummary) -> dict:
    """Everything `plan --format json` prints."""
    return {"plan": summary.info.label, "amber_tolerance": summary.info.amber_tolerance,
            "priorities": [_priority_document(line) for line in summary.priorities],
            "themes": [{"title": t.title, "description": t.description} for t in summary.themes],
            "indicators_without_priority": [_indicator_row(i, "") for i in summary.unplaced_indicators]}


def _priority_document(line: PriorityLine) -> dict:
    def action(a):
        return {"ref": a.ref, "title": a.title, "owner": owner_or_lead(a, line), "owner_named": bool(a.owner_name),
                "due": a.due.isoformat() if a.due else None, "status": a.status}
    return {"ref": line.priority.ref, "title": line.priority.title, "lead_agencies": line.lead_agencies,
            "retired_on": line.priority.retired_on.isoformat() if line.priority.retired_on else None,
            "retired_reason": line.priority.retired_reason,
            "outcomes": line.priority.outcomes,
            "objectives": [{"ref": o.objective.ref, "title": o.objective.title,
                            "actions": [action(a) for a in o.actions]} for o in line.objectives],
            "actions": [action(a) for a in line.actions],
            "indicators": [_indicator_row(i, line.priority.ref) for i in line.indicators],
            "risks": [{"ref": r.ref, "title": r.title, "residual_score": r.residual.score if r.residual else None}
                      for r in line.risks]}


def plan_text(summary: PlanSummary) -> str:
    """The plan as an indented outline, for reading in a terminal."""
    out = [summary.info.label or "Partnership plan"]
    for line in summary.priorities:
        head = f"Priority {line.priority.ref}: " if line.priority.ref else ""
        out.append(f"\n{head}{line.priority.title}\n  Lead: {line.lead or 'none named'}")
        if line.priority.retired_on:
            out.append(f"  Retired {show(line.priority.retired_on)}: {line.priority.retired_reason}")
        rags = ", ".join(f"{line.action_rag[k]} {k}" for k in RAG_ORDER if line.action_rag[k])
        out.append(f"  Actions: {len(line.all_actions())}" + (f" ({rags})" if rags else ""))
        for o in line.objectives:
            out.append(f"    Objective {o.objective.ref} {o.objective.title} ({len(o.actions)} actions)")
        for a in line.all_actions()[:50]:
            out.append(f"    - {a.ref} {_short(a.title)} [{owner_or_lead(a, line)}; {a.status}]")
        for item in line.indicators:
            out.append(f"  Indicator {item.indicator.ref} {_short(item.indicator.title)}")
            out.append(f"      target {item.indicator.target or '-'}; latest "
                       f"{item.latest_text.text if item.latest_text else '-'}"
                       f"{' (' + item.latest_text.period + ')' if item.latest_text else ''}"
                       f"; RAG {item.rag or 'none'} {TREND_ARROWS.get(item.trend.since_previous, '')}".rstrip())
        for r in line.risks:
            out.append(f"  Risk {r.ref} {_short(r.title)} (score {r.residual.score if r.residual else '-'})")
    if summary.themes:
        out.append("\nCross-cutting themes")
        out += [f"  - {t.title}" + (f": {_short(t.description)}" if t.description else "") for t in summary.themes]
    return "\n".join(out)


def _short(text: str, size: int = 70) -> str:
    return text if len(text) <= size else text[:size - 1] + "\u2026"


def find_indicator(reg: Register, ref: str):
    """The indicator with that reference (2.1), or one sentence saying which there are."""
    indicators = store.list_indicators(reg)
    found = [i for i in indicators if i.ref == ref.strip()]
    if not found:
        known = ", ".join(i.ref for i in indicators[:12]) or "none yet"
        raise UserError(f"{reg.path.name} has no indicator {ref!r} (its indicators are {known}).")
    if len(found) > 1:
        raise UserError(f"{reg.path.name} has {len(found)} indicators numbered {ref!r}; renumber one in the Plan view.")
    return found[0]


def find_priority(reg: Register, ref: str):
    from ..store.partners import list_priorities
    found = [p for p in list_priorities(reg) if p.ref == ref.strip() or p.title.lower() == ref.strip().lower()]
    if len(found) != 1:
        raise UserError(f"{reg.path.name} has {'no' if not found else len(found)} priority {ref!r}.")
    return found[0]


def find_owner_id(reg: Register, name: str) -> str | None:
    """The owner of that name ('' for none), or one sentence naming who there is."""
    from ..store.partners import list_owners
    if not name.strip():
        return None
    owners = list_owners(reg)
    found = [o for o in owners if o.name.casefold() == name.strip().casefold()]
    if not found:
        known = ", ".join(o.name for o in owners[:8]) or "none yet"
        raise UserError(f"There is no owner called {name!r} in {reg.path.name} (owners: {known}).")
    return found[0].id
