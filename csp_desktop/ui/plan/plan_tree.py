"""The plan as a tree: priorities, then their objectives and actions, indicators and linked risks.

Each row carries (kind, id) in UserRole so the panel beside the tree can show and edit that item. A priority's
rows are made the first time it is opened (`fill_children`): a plan of 2,000 actions opens with 50 rows.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ...domain.derived import RAG_ORDER
from ...domain.plan import TREND_ARROWS
from ...domain.plan_summary import IndicatorLine, PlanSummary, PriorityLine, format_number, owner_or_lead
from ...domain.dates import show

ITEM_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Plan", "Lead / owner", "RAG", "Latest / detail")
RAG_COLOURS = {"red": "#C00000", "amber": "#FFC000", "green": "#70AD47"}
RAG_TEXT_ON = {"red": "#FFFFFF", "amber": "#000000", "green": "#000000"}


FILLED_ROLE = Qt.ItemDataRole.UserRole + 1


def fill_tree(tree: QTreeWidget, summary: PlanSummary) -> None:
    tree.setUpdatesEnabled(False)
    tree.clear()
    tops = [_priority_item(line, summary) for line in summary.priorities]
    if summary.unplaced_indicators:
        loose = QTreeWidgetItem(["Indicators under no priority", "", "", ""])
        loose.setData(0, ITEM_ROLE, ("none", ""))
        loose.addChildren([_indicator_item(i) for i in summary.unplaced_indicators])
        tops.append(loose)
    if summary.themes:
        themes = QTreeWidgetItem(["Cross-cutting themes", "", "", ""])
        themes.setData(0, ITEM_ROLE, ("none", ""))
        for theme in summary.themes:
            child = QTreeWidgetItem([theme.title, "", "", theme.description])
            child.setData(0, ITEM_ROLE, ("theme", theme.id))
            child.setToolTip(0, f"{theme.title}\n\n{theme.description}".strip())
            themes.addChild(child)
        tops.append(themes)
    tree.addTopLevelItems(tops)
    tree.setUpdatesEnabled(True)


def _counts(counter, order=RAG_ORDER) -> str:
    return "  ".join(f"{counter[k]} {k}" for k in order if counter[k])


def _priority_item(line: PriorityLine, summary: PlanSummary) -> QTreeWidgetItem:
    p = line.priority
    scores = ", ".join(f"{r.ref or r.title[:12]} ({r.residual.score if r.residual else '-'})" for r in line.risks[:6])
    detail = f"Risks: {scores}" if scores else ""
    actions = _counts(line.action_rag)
    indicators = _counts(line.indicator_rag)
    rag = "; ".join(x for x in (f"Actions: {actions}" if actions else "",
                                f"PIs: {indicators}" if indicators else "") if x)
    retired = f" (retired {show(p.retired_on)}: {p.retired_reason})" if p.retired_on else ""
    item = QTreeWidgetItem([f"{p.ref + '  ' if p.ref else ''}{p.title}{retired}", line.lead, rag, detail])
    if retired:
        item.setForeground(0, QBrush(QColor("#52606D")))
    item.setData(0, ITEM_ROLE, ("priority", p.id))
    for column in range(len(COLUMNS)):
        item.setToolTip(column, item.text(column))
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    if line.objectives or line.actions or line.indicators or line.risks:
        item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
    return item


def fill_children(item: QTreeWidgetItem, summary: PlanSummary) -> None:
    """Make a priority's rows, once (on first opening it)."""
    kind, priority_id = item.data(0, ITEM_ROLE)
    if kind != "priority" or item.data(0, FILLED_ROLE):
        return
    item.setData(0, FILLED_ROLE, True)
    line = next(p for p in summary.priorities if p.priority.id == priority_id)
    children = []
    for o in line.objectives:
        objective = QTreeWidgetItem([f"Objective {o.objective.ref} {o.objective.title}".replace("  ", " "), "", "", ""])
        objective.setData(0, ITEM_ROLE, ("objective", o.objective.id))
        objective.addChildren([_action_item(a, line, summary) for a in o.actions])
        children.append(objective)
    children += [_action_item(a, line, summary) for a in line.actions]
    children += [_indicator_item(i) for i in line.indicators]
    for r in line.risks:
        risk = QTreeWidgetItem([f"Risk {r.ref}  {r.title}", "", "",
                                f"residual {r.residual.score}" if r.residual else ""])
        risk.setData(0, ITEM_ROLE, ("risk", r.id))
        children.append(risk)
    item.addChildren(children)


def _action_item(action, line: PriorityLine, summary: PlanSummary) -> QTreeWidgetItem:
    shown = summary.action_rags.get(action.id)
    due = show(action.due) if action.due else "no due date"
    item = QTreeWidgetItem([f"{action.ref}  {action.title}" if action.ref else action.title,
                            owner_or_lead(action, line),
                            shown.word if shown and shown.band else action.status.capitalize(),
                            f"{action.status}, {due}"])
    item.setData(0, ITEM_ROLE, ("action", action.id))
    item.setToolTip(0, action.title)
    if shown and shown.note:  # the band is not what the dates alone say: say why
        item.setToolTip(2, f"{shown.word}: {shown.note}")
    _paint_rag(item, shown.band if shown else None)
    return item


def _indicator_item(line: IndicatorLine) -> QTreeWidgetItem:
    ind, latest = line.indicator, line.latest_text
    arrow = TREND_ARROWS.get(line.trend.since_previous, "")
    shown = f"{latest.text} ({latest.period})" if latest else "no value yet"
    target = f"target {ind.target or '-'}"
    item = QTreeWidgetItem([f"PI {ind.ref}  {ind.title}", "", line.rag.capitalize() if line.rag else "No RAG",
                            f"{shown}; {target} {arrow}".strip()])
    item.setData(0, ITEM_ROLE, ("indicator", ind.id))
    item.setToolTip(0, ind.title)
    _paint_rag(item, line.rag)
    return item


def _paint_rag(item: QTreeWidgetItem, rag: str | None) -> None:
    if rag in RAG_COLOURS:
        item.setBackground(2, QBrush(QColor(RAG_COLOURS[rag])))
        item.setForeground(2, QBrush(QColor(RAG_TEXT_ON[rag])))


def latest_number(line: IndicatorLine) -> str:
    return format_number(line.latest.value, line.indicator.unit) if line.latest else ""
