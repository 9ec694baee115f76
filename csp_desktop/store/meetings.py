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
