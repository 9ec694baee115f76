"""Board meetings."""
from __future__ import annotations

from ..domain.model import Meeting
from . import records
from .errors import RegisterError
from .register import Register
from .rows import meeting_row, to_meeting


def list_meetings(reg: Register) -> list[Meeting]:
    return [to_meeting(r) for r in reg.query("SELECT * FROM meetings ORDER BY held_on, rowid")]


def get_meeting(reg: Register, meeting_id: str) -> Meeting:
    row = reg.get("meetings", meeting_id)
    if row is None:
        raise RegisterError(f"There is no meeting with id {meeting_id} in {reg.path.name}.")
    return to_meeting(row)


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
