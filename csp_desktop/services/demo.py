"""The demo register: a fictional partnership whose dates move to the day it is made."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from ..interchange.contents import Contents
from ..interchange.register_json import read_json
from ..paths import resource
from ..store import Register
from .imports import apply_contents
from .workspace import create_file

DEMO_FILE = ("demo", "demo-register.json")


def demo_contents(today: date | None = None) -> Contents:
    path = resource(*DEMO_FILE)
    contents = read_json(path)
    anchor = _anchor(path)
    shift_dates(contents, (today or date.today()) - anchor)
    return contents


def _anchor(path: Path) -> date:
    import json
    return datetime.fromisoformat(json.loads(path.read_text(encoding="utf-8"))["exported_at"]).date()


def shift_dates(contents: Contents, delta: timedelta) -> None:
    """Keep overdue actions overdue and upcoming meetings upcoming, whenever the demo is opened."""
    moved = lambda value: value + delta if value is not None else None  # noqa: E731
    for risk in contents.risks:
        risk.next_review = moved(risk.next_review)
    for review in contents.reviews:
        review.reviewed_on = review.reviewed_on + delta
    for action in contents.actions:
        action.due, action.completed_on = moved(action.due), moved(action.completed_on)
    for note in contents.notes:
        note.at = moved(note.at)
    for meeting in contents.meetings:
        meeting.held_on = meeting.held_on + delta


def create_demo(path: Path, today: date | None = None) -> Register:
    contents = demo_contents(today)
    reg = create_file(path, contents.name or "Demo partnership", contents.scheme)
    try:
        apply_contents(reg, contents)
    except BaseException:
        reg.close()
        Path(path).unlink(missing_ok=True)
        raise
    return reg
