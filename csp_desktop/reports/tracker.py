"""The action tracker: first the actions overdue or due before the next meeting, then every tracked action
grouped by owner (by organisation, then surname; an action without an owner under its priority's lead
agency), and matters arising from the previous meeting."""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from itertools import groupby

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak

from ..domain.dates import show
from ..domain.derived import BAND_WORDS
from ..domain.pack import PackAction, PackData
from .layout import Bookmark
from .styles import BODY, RAG_COLOURS, SUBHEADING, esc, ink_on, markup
from .tables import chunked, lead_height, wrapped

HEADER = ["Ref", "Action", "Latest progress (dated note)", "Risk", "Due\n(revised)", "Status\ncompleted", "RAG"]
WIDTHS = [c * cm for c in (1.6, 8.7, 8.6, 1.7, 2.2, 2.1, 1.8)]
MATTERS_HEADER = ["Ref", "Action", "Owner", "Latest progress (dated note)", "Due\n(revised)", "Status\ncompleted",
                  "RAG"]
MATTERS_WIDTHS = [c * cm for c in (1.6, 7.1, 3.6, 8.3, 2.2, 2.1, 1.8)]
# The opening table is a compact list to act on: the progress notes are in each owner's table below.
SOON_HEADER = ["Ref", "Action", "Owner", "Risk", "Due\n(revised)", "Status", "RAG"]
SOON_WIDTHS = [c * cm for c in (1.6, 11.5, 6.0, 1.7, 2.2, 1.9, 1.8)]
RAG_COLUMN = 6
RAG_WIDTH = WIDTHS[RAG_COLUMN]   # wide enough for "(reported)" under the band word
NO_OWNER = "No owner named"
NO_PRIORITY = "Not under a plan priority"
NO_DATE = "No date"
NEXT_MEETING_DAYS = 91   # with no later meeting known: about a quarter, the usual board cycle


def tracked_actions(data: PackData) -> list[PackAction]:
    """Open actions, and those closed since the previous meeting so the board sees what was done."""
    since = data.previous.held_on.date() if data.previous else None
    return [a for a in data.actions
            if a.rag is not None or (since is not None and a.completed_on is not None and a.completed_on >= since)]


def group_of(action: PackAction) -> str:
    if action.owner:
        return f"{action.owner}, {action.owner_org}" if action.owner_org else action.owner
    if action.lead_agency:
        return f"{action.lead_agency} (lead agency{f' for {action.priority}' if action.priority else ''})"
    return NO_OWNER


def tracker_flowables(data: PackData) -> list:
    actions = tracked_actions(data)
    if not actions:
        return [markup("There are no open actions in this part of the register.", BODY)]
    story = _due_soon(data, actions)
    key: Callable[[PackAction], str] = group_of
    if data.tracker_by == "priority":  # actions come by owner then due date; a stable sort keeps that inside
        key = lambda a: a.priority or NO_PRIORITY  # noqa: E731
        actions = sorted(actions, key=lambda a: (not a.priority, a.priority.lower()))
    for number, (owner, grouped) in enumerate(groupby(actions, key=key)):
        group = list(grouped)
        overdue = sum(a.overdue for a in group)
        heading = markup(f"{esc(owner, bold=True)} <font size=\"9\" color=\"#52606D\">\u2013 {len(group)} "
                         f"action{'s' if len(group) != 1 else ''}{f', {overdue} overdue' if overdue else ''}</font>",
                         SUBHEADING)
        rows = [_row(a) for a in group]
        tables = chunked(HEADER, rows, WIDTHS, lambda i, line, g=group: _rag_style(g[i], line), caption=owner)
        # Not KeepTogether/keepWithNext: they re-measure 100-row tables; a conditional break for the heading
        # and the first rows is enough to keep an owner's heading off the foot of a page.
        room = 1.2 * cm + lead_height(HEADER, rows)
        story += [CondPageBreak(room), Bookmark(f"owner-{number}", owner), heading] + tables
    return story


def _due_soon(data: PackData, actions: list[PackAction]) -> list:
    """One table of what needs the board's eye: overdue, or due before the next meeting."""
    until = data.produced_on + timedelta(days=NEXT_MEETING_DAYS)
    if data.meeting is not None:
        until = data.meeting.held_on.date() + timedelta(days=NEXT_MEETING_DAYS)
    soon = [a for a in actions if a.rag is not None and a.due is not None and (a.overdue or a.due <= until)]
    soon.sort(key=lambda a: (not a.overdue, a.due))
    title = markup(f"Overdue, or due by {show(until)} (before the next meeting)", SUBHEADING)
    if not soon:
        return [title, markup("No open action is overdue or due before the next meeting.", BODY)]
    w = SOON_WIDTHS
    rows = [[wrapped(a.ref, w[0]), wrapped(a.title, w[1]), wrapped(group_of(a), w[2]), wrapped(a.risk_ref, w[3]),
             _due(a), wrapped(a.status, w[5]), _rag(a)] for a in soon]
    return [title] + chunked(SOON_HEADER, rows, SOON_WIDTHS, lambda i, line: _rag_style(soon[i], line))


def matters_flowables(data: PackData) -> list:
    if data.previous is None:
        return [markup("There is no previous meeting in the register, so there are no matters arising.", BODY)]
    actions = list(data.matters_arising)
    intro = markup(f"Actions agreed at the {esc(data.previous.board)} on "
                   f"{show(data.previous.held_on)}, and where they stand.", BODY)
    if not actions:
        return [intro, markup("No actions in this part of the pack arose at that meeting.", BODY)]
    w = MATTERS_WIDTHS
    rows = [[a.ref, wrapped(a.title, w[1]), wrapped(group_of(a), w[2]), wrapped(_progress(a), w[3]), _due(a),
             _status(a), _rag(a)] for a in actions]
    return [intro] + chunked(MATTERS_HEADER, rows, MATTERS_WIDTHS, lambda i, line: _rag_style(actions[i], line))


def _row(action: PackAction) -> list:
    return [wrapped(action.ref, WIDTHS[0]), wrapped(action.title, WIDTHS[1]), wrapped(_progress(action), WIDTHS[2]),
            wrapped(action.risk_ref, WIDTHS[3]), _due(action), _status(action), _rag(action)]


def _progress(action: PackAction) -> str:
    """The latest dated note with its date and author; an undated progress text says it is undated."""
    if action.note_on is not None:
        who = f", {action.note_by}" if action.note_by else ""
        return f"{show(action.note_on)}{who}: {action.progress}"
    return f"(undated) {action.progress}" if action.progress else ""


def _due(action: PackAction) -> str:
    """The date (and the date first set, when revised); beneath it the words the register was given for it
    ("Q4 2026/27", "Ongoing")."""
    if action.due is None:
        return "\n".join(x for x in (NO_DATE, action.due_text) if x)
    shown = f"{show(action.due)}\n(was {show(action.original_due)})" if action.original_due else show(action.due)
    return "\n".join(x for x in (shown, action.due_text) if x)


def _status(action: PackAction) -> str:
    """The status, the owner's own words for it ("Behind schedule (Amber)"), and when it was completed."""
    lines = [action.status]
    if action.status_reported:
        lines.append(f"({action.status_reported})")
    if action.completed_on is not None:
        lines.append(show(action.completed_on))
    return "\n".join(lines)


def _rag(action: PackAction) -> str:
    """The band word, and beneath it why, where the owner's or file's report made it differ from the dates.
    Every table gives the RAG column the same width (RAG_WIDTH)."""
    word = BAND_WORDS.get(action.shown_rag or "", "\u2013")
    return wrapped(f"{word}\n({action.rag_note})", RAG_WIDTH) if action.rag_note else word


def _rag_style(action: PackAction, line: int) -> list:
    fill = RAG_COLOURS.get(action.shown_rag or "")  # none for "No date": the words say it
    if fill is None:
        return []
    return [("BACKGROUND", (RAG_COLUMN, line), (RAG_COLUMN, line), fill),
            ("TEXTCOLOR", (RAG_COLUMN, line), (RAG_COLUMN, line), ink_on(fill))]
