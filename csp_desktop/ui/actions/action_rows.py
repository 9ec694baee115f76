"""One action as the tracker shows, sorts and filters it, worked out once per read."""
from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import Qt

from ...domain.dates import show
from ...domain.derived import AMBER, GREEN, RAG_ORDER, RED, rag_of
from ...domain.model import ACTION_STATUSES, Action
from ...domain.ordering import natural_key
from ..common.exempt_mark import EXEMPT_MARK, exempt_note, marked

REF, TITLE, OWNER, DUE, STATUS, PROGRESS, RAG, LINKED = range(8)
HEADERS = ("Ref", "Title", "Owner", "Due", "Status", "Progress", "RAG", "Linked to")
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1

RAG_COLOURS = {RED: "#C00000", AMBER: "#FFC000", GREEN: "#70AD47"}
NO_DUE = date.max.toordinal() + 1  # actions without a due date sort after every date
RAG_RANK: dict[str | None, int] = {**{band: rank for rank, band in enumerate(RAG_ORDER)}, None: len(RAG_ORDER)}
SHOWN_CHARS = 300  # a cell shows one line; a 10,000-character title need not be laid out whole


_LINE_BREAKS = re.compile(r"[\n\r\t\v\f\u2028\u2029\x1c-\x1f\x85]")


def one_line(text: str) -> str:
    """A cell's text on one line, cut short: most text is already so and is returned as it is."""
    if len(text) <= SHOWN_CHARS and not _LINE_BREAKS.search(text):
        return text
    return " ".join(text[:SHOWN_CHARS * 2].split())[:SHOWN_CHARS]


def linked_text(action: Action, meetings: dict[str, str]) -> str:
    parts = []
    if action.risk_id:
        parts.append(f"Risk {action.risk_ref}".strip())
    if action.priority_id:
        parts.append(f"Priority: {action.priority_title}")
    if action.meeting_id:
        parts.append(f"Meeting: {meetings.get(action.meeting_id, '')}")
    return "; ".join(parts)


def due_shown(action: Action) -> str:
    """The due date, with the words an imported file gave for it ("Q4 2026/27", "Ongoing")."""
    day = show(action.due)
    if action.due_text and action.due_text != day:
        return f"{day} ({action.due_text})" if day else action.due_text
    return day


def rag_text(word: str, short_note: str) -> str:
    """The band word, marked when it is the reported one rather than the dates' ("Amber (reported)")."""
    return f"{word} ({short_note})" if short_note else word


def status_shown(action: Action) -> str:
    """The status, with the file's own words for it when they say more ("in progress: Delayed (Amber)")."""
    return f"{action.status}: {action.status_reported}" if action.status_reported else action.status


class ActionRow:
    """One action with everything the table shows and filters on, worked out once.

    Sort keys are made only for the column sorted on (the model caches them per column): with 50,000
    actions that keeps opening the tracker from paying for seven sorts nobody asked for.
    """
    __slots__ = ("action", "texts", "linked", "search", "rag", "rag_note", "overdue", "shown", "exempt_note")

    def __init__(self, action: Action, today: date, meetings: dict[str, str],
                 exempt: dict[str, int | None] | None = None):
        """`exempt`: the exempt ids with their paragraphs (services.lookups.exempt_paragraphs)."""
        self.action = action
        is_exempt = exempt is not None and action.id in exempt
        self.exempt_note = exempt_note(exempt[action.id]) if exempt is not None and is_exempt else ""
        shown = rag_of(action, today)
        self.rag, self.rag_note = shown.band, shown.note
        self.overdue = shown.dated == RED  # the dates' red is exactly overdue; a reported Red is not
        linked = linked_text(action, meetings)
        self.texts = (one_line(action.ref), marked(one_line(action.title), is_exempt), one_line(action.owner_name),
                      due_shown(action), status_shown(action), one_line(action.progress),
                      rag_text(shown.word, shown.short_note), one_line(linked))
        self.linked = linked
        self.search = "\n".join((action.ref, action.title, action.owner_name, action.progress, linked,
                                 action.status, action.status_reported, action.due_text,
                                 EXEMPT_MARK if is_exempt else "")).casefold()
        self.shown = True

    def key(self, column: int):
        """What the column sorts on: dates as dates, refs naturally, words without regard to case."""
        action = self.action
        if column == DUE:
            return action.due.toordinal() if action.due else NO_DUE
        if column == REF:
            return natural_key(action.ref)
        if column == STATUS:
            return ACTION_STATUSES.index(action.status)
        if column == RAG:
            return RAG_RANK[self.rag]
        if column == TITLE:
            return action.title.casefold()
        if column == OWNER:
            return action.owner_name.casefold()
        return (action.progress if column == PROGRESS else self.linked).casefold()


def tooltip(action: Action, column: int, linked: str, note: str = "") -> str | None:
    """The cell's whole text (up to a screenful), escaped so what the user typed is never read as markup;
    the title's after `note` (why it is exempt) on a line of its own."""
    text = {TITLE: "\n".join(filter(None, (note, action.title))), PROGRESS: action.progress, LINKED: linked,
            DUE: due_shown(action), STATUS: status_shown(action)}[column]
    return f"<p style='white-space:pre-wrap'>{html.escape(text[:1000])}</p>" if text else None
