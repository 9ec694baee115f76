"""Reading the register's own history tables back: reviews, progress notes and meetings."""
from __future__ import annotations

from datetime import datetime

from ..domain.dates import parse_date
from ..domain.model import PACK_SECTIONS, Meeting, ProgressNote, Review
from ..domain.scoring import Rating
from . import headers as h
from .sheet_rows import SheetReader


def _moment(value) -> datetime | None:
    """A date and time as our exports write it ("2026-12-14 10:00"), or a date alone (midnight)."""
    if value is None or not str(value).strip():
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        day = parse_date(value)  # not blank (checked above): a date, or it raises
        return datetime(day.year, day.month, day.day)  # type: ignore[union-attr]


def _pair(r: SheetReader, prefix: str) -> Rating | None:
    likelihood, impact = r.level(f"{prefix}_likelihood"), r.level(f"{prefix}_impact")
    return Rating(likelihood, impact) if likelihood and impact else None


def _read_reviews(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        ref, day = r.text("risk_ref"), r.parsed("reviewed_on", parse_date)
        if not ref or day is None:
            r.note("risk_ref" if not ref else "reviewed_on", "a review needs its risk and the date it was made")
            continue
        review = Review(risk_id="", reviewed_on=day, reviewer=r.text("reviewer"), before=_pair(r, "before"),
                        after=_pair(r, "after"), note=r.text("note"))
        r.plan.link(review, "risk_id", "risks", ref, r.plan.risk_by_ref(ref), r.where("risk_ref"))
        r.plan.reviews.append(review)


def _read_notes(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        ref, text = r.text("action_ref"), r.text("text")
        if not ref or not text:
            r.note("action_ref" if not ref else "text", "a progress note needs its action and its text")
            continue
        note = ProgressNote(action_id="", text=text, author=r.text("author"), at=r.parsed("at", _moment))
        r.plan.link(note, "action_id", "actions", ref, r.plan.action_by_ref(ref), r.where("action_ref"))
        r.plan.notes.append(note)


def _read_meetings(r: SheetReader, _risk_sheets: int = 0) -> None:
    for _ in r.rows():
        board, held = r.text("board"), r.parsed("held_on", _moment)
        if not board or held is None:
            r.note("board" if not board else "held_on", "a meeting needs its board and the date it is held")
            continue
        sections = tuple(s.strip() for s in r.text("sections").split(",") if s.strip() in PACK_SECTIONS)
        r.plan.meetings.append(Meeting(board=board, held_on=held, venue=r.text("venue"), chair=r.text("chair"),
                                       attendees=r.text("attendees"), marking=r.text("marking") or "OFFICIAL",
                                       sections=sections or PACK_SECTIONS))


RECORD_READERS = {h.REVIEWS: _read_reviews, h.NOTES: _read_notes, h.MEETINGS: _read_meetings}
