"""Board meetings."""
from __future__ import annotations

from ..domain.dates import parse_date
from ..domain.model import Meeting
from . import records
from .errors import RegisterError
from .register import Register
from .rows import meeting_row, to_meeting


def list_meetings(reg: Register) -> list[Meeting]:
    return [to_meeting(r) for r in reg.query("SELECT * FROM meetings ORDER BY held_on, rowid")]


def get_meeting(reg: Register, meeting_id: str) -> Meeting:
    """The meeting with this id, or named by the start of its id (at least 4 characters) or by the day it is
    held on ("2026-12-18", "18/12/2026"), where exactly one meeting answers: nobody types a 36-character id."""
    row = reg.get("meetings", meeting_id)
    if row is not None:
        return to_meeting(row)
    found = _named(reg, meeting_id.strip())
    if len(found) == 1:
        return to_meeting(found[0])
    if found:
        raise RegisterError(f"{len(found)} meetings in {reg.path.name} answer to {meeting_id}: give more of the "
                            "id.")
    raise RegisterError(f"There is no meeting with id or date {meeting_id} in {reg.path.name}.")


def _named(reg: Register, words: str) -> list[dict]:
    try:
        day = parse_date(words)
    except ValueError:  # not a date: perhaps the start of an id
        day = None
    if day is not None:
        held = reg.query("SELECT * FROM meetings WHERE substr(held_on, 1, 10) = ?", [day.isoformat()])
        if held:
            return held
    if len(words) < 4:
        return []
    return reg.query("SELECT * FROM meetings WHERE substr(id, 1, ?) = ?", [len(words), words.lower()])


def add_meeting(reg: Register, meeting: Meeting) -> str:
    return records.add(reg, "meetings", meeting, meeting_row(meeting))


def save_meeting(reg: Register, meeting: Meeting) -> dict:
    return records.save(reg, "meetings", meeting, meeting_row(meeting))


def delete_meeting(reg: Register, meeting: Meeting) -> None:
    """Remove a meeting; actions that arose at it stay, unlinked, and its issued pack goes with it."""
    records.remove(reg, "meetings", meeting)


def previous_meeting(reg: Register, before: str) -> Meeting | None:
    """The latest meeting held before the ISO date-time `before` (any board), or None."""
    rows = reg.query("SELECT * FROM meetings WHERE held_on < ? ORDER BY held_on DESC, rowid DESC LIMIT 1", [before])
    return to_meeting(rows[0]) if rows else None
