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
