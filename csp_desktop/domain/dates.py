"""Dates as people write them (en-GB) and as the register stores them (ISO-8601)."""
from __future__ import annotations

from datetime import date, datetime

_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")


def parse_date(value) -> date | None:
    """Read a date from a cell: a date, a datetime, ISO text or a UK-style day/month/year."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"{text!r} is not a date (write it as 22/11/2026 or 2026-11-22)") from None


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def show(value: date | datetime | None) -> str:
    """A date as a coordinator reads it: 22/11/2026."""
    return value.strftime("%d/%m/%Y") if value else ""


_TIME_FORMATS = ("%H:%M", "%H.%M", "%H%M")


def parse_time(value: str) -> tuple[int, int]:
    """Read a time of day as people write it (10:00, 10.00, 1000) into (hour, minute)."""
    text = str(value).strip()
    for fmt in _TIME_FORMATS:
        try:
            moment = datetime.strptime(text, fmt)
            return moment.hour, moment.minute
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a time of day (write it as 10:00 or 14:30)")


def parse_datetime(value) -> datetime | None:
    """A date with an optional time after it: "14/01/2027 10:00"; no time means midnight."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value
    text = " ".join(str(value).replace("T", " ").split())
    if ":" in text and text[:4].isdigit():
        try:
            return datetime.fromisoformat(text).replace(second=0, microsecond=0, tzinfo=None)
        except ValueError:
            pass
    try:
        return datetime.combine(parse_date(text), datetime.min.time())
    except ValueError:
        pass
    day_text, _, time_text = text.rpartition(" ")
    if not day_text:
        parse_date(text)  # raises the one-sentence reason
    day = parse_date(day_text)
    hour, minute = parse_time(time_text[:5] if time_text.count(":") > 1 else time_text)
    return datetime(day.year, day.month, day.day, hour, minute)


def show_datetime(value: datetime | None) -> str:
    """A date and time as a coordinator reads it: 22/11/2026 10:00."""
    return value.strftime("%d/%m/%Y %H:%M") if value else ""
