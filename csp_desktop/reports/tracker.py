"""The action tracker grouped by owner, and matters arising from the previous meeting."""
from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak

from ..domain.dates import show
from ..domain.pack import PackAction, PackData
from .layout import Bookmark
from .styles import BODY, RAG_COLOURS, SUBHEADING, esc, ink_on, markup
from .tables import chunked, wrapped

HEADER = ["Ref", "Action", "Latest progress", "Risk", "Due", "Status", "RAG"]
WIDTHS = [c * cm for c in (1.6, 10.6, 7.0, 1.7, 2.1, 2.1, 1.6)]
MATTERS_HEADER = ["Ref", "Action", "Owner", "Latest progress", "Due", "Status", "RAG"]
MATTERS_WIDTHS = [c * cm for c in (1.6, 9.0, 3.6, 6.7, 2.1, 2.1, 1.6)]
RAG_COLUMN = 6
NO_OWNER = "No owner named"


def tracked_actions(data: PackData) -> list[PackAction]:
    """Open actions, and those closed since the previous meeting so the board sees what was done."""
    since = data.previous.held_on.date() if data.previous else None
    return [a for a in data.actions
            if a.rag is not None or (since is not None and a.completed_on is not None and a.completed_on >= since)]


def tracker_flowables(data: PackData) -> list:
    actions = tracked_actions(data)
    if not actions:
        return [markup("There are no open actions in this part of the register.", BODY)]
    story = []
    for number, (owner, group) in enumerate(groupby(actions, key=lambda a: a.owner or NO_OWNER)):
        group = list(group)
        overdue = sum(a.overdue for a in group)
        heading = markup(f"{esc(owner, bold=True)} <font size=\"9\" color=\"#52606D\">\u2013 {len(group)} "
                         f"action{'s' if len(group) != 1 else ''}{f', {overdue} overdue' if overdue else ''}</font>",
                         SUBHEADING)
        tables = chunked(HEADER, [_row(a) for a in group], WIDTHS, lambda i, line, g=group: _rag_style(g[i], line))
        # Not KeepTogether/keepWithNext: they re-measure 100-row tables; a conditional break is enough to
        # keep an owner's heading off the foot of a page.
        story += [CondPageBreak(2.5 * cm), Bookmark(f"owner-{number}", owner), heading] + tables
    return story


def matters_flowables(data: PackData) -> list:
    if data.previous is None:
        return [markup("There is no previous meeting in the register, so there are no matters arising.", BODY)]
    actions = list(data.matters_arising)
    intro = markup(f"Actions agreed at the {esc(data.previous.board)} on "
                   f"{show(data.previous.held_on)}, and where they stand.", BODY)
    if not actions:
        return [intro, markup("No actions in this part of the pack arose at that meeting.", BODY)]
    w = MATTERS_WIDTHS
    rows = [[a.ref, wrapped(a.title, w[1]), wrapped(a.owner, w[2]), wrapped(a.progress, w[3]), _due(a), _status(a),
             _rag(a)] for a in actions]
    return [intro] + chunked(MATTERS_HEADER, rows, MATTERS_WIDTHS, lambda i, line: _rag_style(actions[i], line))


def _row(action: PackAction) -> list:
    return [wrapped(action.ref, WIDTHS[0]), wrapped(action.title, WIDTHS[1]), wrapped(action.progress, WIDTHS[2]),
            wrapped(action.risk_ref, WIDTHS[3]), _due(action), _status(action), _rag(action)]


def _due(action: PackAction) -> str:
    """The date, and beneath it the words the register was given for it ("Q4 2026/27", "Ongoing")."""
    return "\n".join(x for x in (show(action.due), action.due_text) if x)


def _status(action: PackAction) -> str:
    """The status, and beneath it the owner's own words for it ("Behind schedule (Amber)")."""
    return f"{action.status}\n({action.status_reported})" if action.status_reported else action.status


def _rag(action: PackAction) -> str:
    if action.overdue:
        return "Red\noverdue"
    return action.rag.capitalize() if action.rag else "\u2013"


def _rag_style(action: PackAction, line: int) -> list:
    fill = RAG_COLOURS.get(action.rag or "")
    if fill is None:
        return []
    return [("BACKGROUND", (RAG_COLUMN, line), (RAG_COLUMN, line), fill),
            ("TEXTCOLOR", (RAG_COLUMN, line), (RAG_COLUMN, line), ink_on(fill))]


