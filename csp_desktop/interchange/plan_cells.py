"""Reading a plan's performance table as published: the text of every cell kept, a number read where
there is one, and a warning naming the cell where there is none.

The column headings date the figures: "2011/12 Target" gives the target's period and "Performance to
31/01/12" the period of the value beside it.
"""
from __future__ import annotations

from collections import Counter

from ..domain.model import Indicator
from ..domain.plan import (PlanValueError, check_value, financial_year, guess_direction,
                           guess_unit, heading_period, quarter_end,
                           read_measure, read_period, value_from, Period)
from .problems import WARNING

MAX_TITLE_CHARS = 2_000


def read_indicators(r) -> None:
    """`r` is the reader's _SheetReader for a table of indicators."""
    target_period = heading_period(_heading(r, "target"))
    value_heading = heading_period(_heading(r, "latest"))
    numbered: Counter = Counter()
    for _ in r.rows():
        title = r.text("title", MAX_TITLE_CHARS)
        if not title:
            r.note("title", "has no indicator text, though the row has other text")
            continue
        known = len(r.plan.priorities)
        priority_id = r.priority("priority")
        if len(r.plan.priorities) > known:
            # Named only here: the register may already hold it; the import says so if it does not.
            r.plan.implied_priorities[priority_id] = (r.sheet.name, r.row_index + 1)
        latest, target = r.text("latest"), r.text("target")
        ind = Indicator(title=title, priority_id=priority_id, target=target, data_source=r.text("data_source"),
                        latest=latest, latest_label=r.text("latest_label") or _heading(r, "latest"),
                        unit=guess_unit(target, latest), direction=guess_direction(title),
                        target_period=target_period)
        ind.ref = _ref(r, ind, numbered)
        ind.target_value = _target_value(r, target)
        r.plan.indicators.append(ind)
        _value(r, ind, latest, r.text("latest_label") or value_heading, target_period)


def _heading(r, field: str) -> str:
    col = r.layout.columns.get(field)
    return r.layout.headers[col] if col is not None and col < len(r.layout.headers) else ""


def _ref(r, ind: Indicator, numbered: Counter) -> str:
    """Number indicators within their priority (2.1, 2.2 ...), as plans do."""
    priority = next((p for p in r.plan.priorities if p.id == ind.priority_id), None)
    prefix = priority.ref if priority and priority.ref else "0"
    numbered[prefix] += 1
    return f"{prefix}.{numbered[prefix]}"


def _target_value(r, target: str) -> float | None:
    if not target:
        return None
    measure = read_measure(target)
    if measure.value is None:
        r.note("target", f"{_short(target)!r} holds no target figure to measure against; kept as text, so this "
                         "indicator has no RAG until a target number is set", WARNING)
    return measure.value


def _value(r, ind: Indicator, text: str, heading: str, target_period: str) -> None:
    if not text:
        return
    measure = read_measure(text)
    year = financial_year(target_period) or financial_year(heading)
    try:
        period = read_period(heading, year) if heading else None
    except PlanValueError:
        period = None
    if measure.quarter and year:
        # "Qtr 1 outturn 41%" names its own quarter, earlier than the column's date
        period = Period(f"{year}/{str(year + 1)[-2:]} Q{measure.quarter}", quarter_end(year, measure.quarter))
    if period is None:
        r.note("latest", f"{_short(text)!r} has no period (name it in the heading, such as 'Performance to "
                         "31/01/12'); kept as the indicator's latest text only", WARNING)
        return
    try:
        check_value(measure, ind.unit)
    except PlanValueError as exc:
        r.note("latest", f"{str(exc).rstrip('.')}; kept as text, with no number", WARNING)
        measure.value = None
    else:
        if measure.value is None:
            r.note("latest", f"{_short(text)!r} holds no figure; kept as text, as the value for {period.label!r}",
                   WARNING)
    r.plan.indicator_values.append(value_from(ind.id, period, measure))


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."
