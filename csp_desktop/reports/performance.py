"""The pack's "Performance against the plan": per priority its lead agency, its actions' RAG counts, and its
indicators with latest value, target, RAG, trend and a small chart of values against target.

Drawn from PackData alone; the actions counted are the pack's own, already chosen for its part.
"""
from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak

from ..domain.derived import RAG_ORDER
from ..domain.pack import PackData
from ..domain.plan import IndicatorValue
from ..domain.plan_pack import PackIndicator, PackPriority
from .layout import Bookmark
from .styles import BODY, RAG_COLOURS, SUBHEADING, esc, ink_on, markup
from .tables import chunked, wrapped

HEADER = ["Ref", "Indicator", "Target", "Latest", "RAG", "Trend", "Values against target"]
WIDTHS = [c * cm for c in (1.0, 4.3, 2.5, 2.7, 1.3, 1.4, 4.8)]
RAG_COLUMN = 4
CHART_SIZE = (4.6 * cm, 2.6 * cm)  # room for 8 pt labels, the smallest text in the pack


def performance_flowables(data: PackData) -> list:
    plan = [p for p in data.plan if p.indicators or _actions(data, p)]
    if not plan:
        return [markup("There are no plan priorities with indicators or actions in this part of the pack.", BODY)]
    intro = f"The partnership plan{': ' + esc(data.plan_label) if data.plan_label else ''}. RAG compares each " \
            "indicator's latest value with its target in the direction the plan wants; the trend compares it " \
            "with the value before."
    story = [markup(intro, BODY)]
    for number, priority in enumerate(plan):
        story += [CondPageBreak(4 * cm), Bookmark(f"plan-{number}", priority.label),
                  markup(esc(priority.label, bold=True), SUBHEADING),
                  markup(f"Lead: {esc(priority.lead) or 'none named'}. {_action_counts(_actions(data, priority))}",
                         BODY)]
        if priority.indicators:
            story += chunked(HEADER, [_row(i) for i in priority.indicators], WIDTHS,
                             lambda n, line, p=priority: _rag_style(p.indicators[n], line))
    return story


def _actions(data: PackData, priority: PackPriority) -> list:
    wanted = set(priority.action_ids)
    return [a for a in data.actions if a.id in wanted]


def _action_counts(actions: list) -> str:
    if not actions:
        return "No plan actions in this part of the pack."
    counts = Counter(a.shown_rag or "closed" for a in actions)
    parts = [f"{counts[k]} {k}" for k in (*RAG_ORDER, "closed") if counts[k]]
    return f"Actions: {len(actions)} ({', '.join(parts)})."


def _row(ind: PackIndicator) -> list:
    return [wrapped(ind.ref, WIDTHS[0]), wrapped(ind.title, WIDTHS[1]), wrapped(ind.target or "\u2013", WIDTHS[2]),
            wrapped(ind.latest_shown, WIDTHS[3]), ind.rag.capitalize() if ind.rag else "\u2013",
            wrapped(ind.trend_text, WIDTHS[5]), _chart(ind)]


def _chart(ind: PackIndicator):
    from .indicator_chart import chart  # reportlab's chart modules load only for a pack with indicators
    if not ind.points:
        return "no figures yet"
    values = [IndicatorValue(ind.id, p.period, p.period_end, "", p.value) for p in ind.points]
    width, height = CHART_SIZE
    return chart(values, ind.target_value, ind.unit, width=width, height=height, font_size=8)


def _rag_style(ind: PackIndicator, line: int) -> list:
    fill = RAG_COLOURS.get(ind.rag or "")
    if fill is None:
        return []
    return [("BACKGROUND", (RAG_COLUMN, line), (RAG_COLUMN, line), fill),
            ("TEXTCOLOR", (RAG_COLUMN, line), (RAG_COLUMN, line), ink_on(fill))]


