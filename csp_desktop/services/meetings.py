"""Board meetings: making one from what a user typed, and listing them with whether their pack was issued."""
from __future__ import annotations

from datetime import datetime, time
from typing import Any

from ..domain.dates import parse_date
from ..domain.model import PACK_SECTIONS, Meeting
from ..domain.pack import COVER_FIELDS, MARKINGS
from ..errors import UserError
from ..store import Register
from ..store.meetings import add_meeting, delete_meeting, get_meeting, list_meetings, save_meeting
from ..store.snapshots import issued_meetings
from .changes import Changes, Done, Kind

MEETING_COLUMNS = ("id", "board", "date", "time", "venue", "marking", "issued", "version")
MAX_COVER_TEXT = 4000   # a cover page's worth


class MeetingError(UserError):
    """A meeting the user described that cannot be saved as it is."""


def new_meeting(board: str, on: str, *, at: str = "", venue: str = "", chair: str = "", attendees: str = "",
                marking: str = "OFFICIAL", sections: tuple[str, ...] = PACK_SECTIONS, **cover: str) -> Meeting:
    """A checked Meeting from text as typed: a date like 2026-12-01 or 01/12/2026 and a time like 14:30."""
    if not board.strip():
        raise MeetingError("A meeting needs the name of the board that meets.")
    try:
        day = parse_date(on)
    except ValueError as exc:
        raise MeetingError(f"The meeting date {exc}.") from None
    if day is None:
        raise MeetingError("A meeting needs a date.")
    if marking not in MARKINGS:
        raise MeetingError(f"{marking!r} is not a protective marking (use {', '.join(MARKINGS)}).")
    unknown = [s for s in sections if s not in PACK_SECTIONS]
    if unknown:
        raise MeetingError(f"{unknown[0]!r} is not a section of the pack (use {', '.join(PACK_SECTIONS)}).")
    unknown = [name for name in cover if name not in COVER_FIELDS]
    if unknown:
        raise MeetingError(f"{unknown[0]!r} is not part of a meeting's covering report.")
    too_long = [name for name, text in cover.items() if len(text or "") > MAX_COVER_TEXT]
    if too_long:
        raise MeetingError(f"The {too_long[0].replace('_', ' ')} is longer than {MAX_COVER_TEXT} characters.")
    texts: dict[str, Any] = {name: (text or "").strip() for name, text in cover.items()}  # COVER_FIELDS only
    return Meeting(board=board.strip(), held_on=datetime.combine(day, _time(at)), venue=venue.strip(),
                   chair=chair.strip(), attendees=attendees.strip(), marking=marking, sections=tuple(sections),
                   **texts)


def _time(text: str) -> time:
    if not text.strip():
        return time(0, 0)
    try:
        return time.fromisoformat(text.strip().replace(".", ":"))
    except ValueError:
        raise MeetingError(f"{text!r} is not a time of day (write it as 14:30).") from None


def _meeting(meeting_id: str) -> Changes:
    return Changes.of(Kind.MEETINGS, ids=(meeting_id,))


def create_meeting(reg: Register, meeting: Meeting) -> Done[str]:
    """Add the meeting; the value is its id."""
    meeting_id = add_meeting(reg, meeting)
    return Done(meeting_id, _meeting(meeting_id))


def meeting_rows(reg: Register) -> list[dict]:
    issued = issued_meetings(reg)
    return [{"id": m.id, "board": m.board, "date": m.held_on.date().isoformat(),
             "time": m.held_on.strftime("%H:%M") if m.held_on.time() != time(0, 0) else "",
             "venue": m.venue, "marking": m.marking, "issued": issued.get(m.id, "")[:10],
             "version": m.version}
            for m in list_meetings(reg)]


def update_meeting(reg: Register, meeting: Meeting) -> Changes:
    """Save an edited meeting (checked like a new one); raises ConflictError if it changed meanwhile."""
    checked = new_meeting(meeting.board, meeting.held_on.date().isoformat(), at=meeting.held_on.strftime("%H:%M"),
                          venue=meeting.venue, chair=meeting.chair, attendees=meeting.attendees,
                          marking=meeting.marking, sections=meeting.sections,
                          **{name: getattr(meeting, name) for name in COVER_FIELDS})
    checked.id, checked.version = meeting.id, meeting.version
    save_meeting(reg, checked)
    meeting.version = checked.version
    return _meeting(meeting.id)


def meetings_of(reg: Register) -> list[Meeting]:
    return list_meetings(reg)


def meeting_of(reg: Register, meeting_id: str) -> Meeting:
    return get_meeting(reg, meeting_id)


def set_meeting(reg: Register, meeting_id: str, values: Meeting) -> Changes:
    """Give the stored meeting `values`' fields, whatever version it is at now (undo and redo use this)."""
    current = get_meeting(reg, meeting_id)
    for name in ("board", "held_on", "venue", "chair", "attendees", "marking", "sections", *COVER_FIELDS):
        setattr(current, name, getattr(values, name))
    return update_meeting(reg, current)


def remove_meeting(reg: Register, meeting_id: str, expected_version: int | None = None) -> Changes:
    """Delete the meeting; refused if it changed since `expected_version` (None: as stored now, for undo)."""
    meeting = get_meeting(reg, meeting_id)
    if expected_version is not None:
        meeting.version = expected_version  # store.delete_meeting refuses it inside its transaction if stale
    delete_meeting(reg, meeting)
    return _meeting(meeting_id)


def edit_meeting(reg: Register, meeting_id: str, **changes) -> Done[Meeting]:
    """Change some of a stored meeting's fields (None: keep), checked like a new meeting; returns it."""
    meeting = get_meeting(reg, meeting_id)
    for name, value in changes.items():
        if value is not None:
            setattr(meeting, name, value)
    return Done(meeting, update_meeting(reg, meeting))


def meeting_marking(reg: Register, meeting_id: str) -> str:
    return get_meeting(reg, meeting_id).marking
