"""Dates as people write them (en-GB) and as the register stores them (ISO-8601)."""
from __future__ import annotations

import calendar
import functools
import re
from datetime import date, datetime

_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d-%m-%y", "%d.%m.%Y", "%d.%m.%y", "%d %B %Y",
            "%d %b %Y", "%d %B %y", "%d %b %y", "%d-%b-%Y", "%d-%b-%y", "%d %B, %Y")
_MONTH_FORMATS = ("%B %Y", "%b %Y", "%B %y", "%b %y", "%b-%y", "%B-%y", "%b-%Y", "%m/%Y")
# Words people write where a date would go, meaning "no date": kept as the action's due text.
NO_DATE_WORDS = {"ongoing", "tbc", "tbd", "n/a", "na", "n a", "to be confirmed", "to be decided", "continuous",
                 "as required", "as needed", "annually", "quarterly", "monthly", "rolling", "various", "none", "-"}
_YEAR = r"(20\d\d)\s*[/-]\s*(\d\d(?:\d\d)?)"
_QUARTER = re.compile(r"^(?:q|quarter)\s*([1-4])\s*(?:of\s*)?(?:fy\s*)?" + _YEAR + r"$", re.IGNORECASE)
_FIN_YEAR = re.compile(r"^(?:fy\s*|financial year\s*)?" + _YEAR + r"$", re.IGNORECASE)
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE)


class DateWords(ValueError):
    """A cell that says there is no date ("Ongoing", "TBC"): its words are kept."""


def parse_date(value) -> date | None:
    """Read a date from a cell: a date, a datetime, ISO text or a UK-style day/month/year."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value).replace("\u00a0", " ").split())
    if text.lower().rstrip(".") in NO_DATE_WORDS:
        raise DateWords(f"{text!r} gives no date")
    found = _written_date(re.sub(r"\bsept\b", "Sep", _ORDINAL.sub(r"\1", text), flags=re.IGNORECASE))
    if found is None:
        raise ValueError(f"{text!r} is not a date (write it as 22/11/2026, March 2027, Q4 2026/27 or 2026/27)")
    return found


@functools.lru_cache(maxsize=4096)  # a register repeats its dates: strptime was a fifth of reading 10,000 rows
def _written_date(text: str) -> date | None:
    """A day, a month ("March 2027": its last day), a UK financial quarter or year (its last day)."""
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    for fmt in _MONTH_FORMATS:
        try:
            month = datetime.strptime(text, fmt).date()
            return month.replace(day=calendar.monthrange(month.year, month.month)[1])
        except ValueError:
            continue
    quarter, year = _QUARTER.match(text), _FIN_YEAR.match(text)
    if quarter and _consecutive(quarter.group(2), quarter.group(3)):
        start = int(quarter.group(2))  # Q1 is April to June; Q4 ends on 31 March of the next year
        end_month = {1: 6, 2: 9, 3: 12, 4: 3}[int(quarter.group(1))]
        year_end = start + (1 if end_month == 3 else 0)
        return date(year_end, end_month, calendar.monthrange(year_end, end_month)[1])
    if year and _consecutive(year.group(1), year.group(2)):
        return date(int(year.group(1)) + 1, 3, 31)
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _consecutive(first: str, second: str) -> bool:
    """ "2026/27" or "2026-2027", never "2026/29"."""
    return int(second[-2:]) == (int(first) + 1) % 100


def read_due(value) -> tuple[date | None, str, str | None]:
    """A due cell as (date, words kept as due text, warning): "TBC" keeps its words; a date that cannot be
    read keeps its words too, with a warning saying so; "Q4 2026/27" is a date and keeps its words."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, "", None
    try:
        found = parse_date(value)
    except DateWords:
        return None, " ".join(str(value).split()), None
    except ValueError as exc:
        return None, " ".join(str(value).split()), f"{exc}; the words were kept as the due text"
    text = " ".join(str(value).split()) if isinstance(value, str) and not _plain_day(str(value)) else ""
    return found, text, None


def _plain_day(text: str) -> bool:
    """A date written to the day needs no words kept beside it; "March 2027" or "Q4 2026/27" does."""
    return bool(re.fullmatch(r"\s*(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}-\d\d-\d\d.*)\s*", text))


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def show(value: date | datetime | None) -> str:
    """A date as a coordinator reads it: 22/11/2026. Written out by hand, not with strftime, because the
    actions tracker formats one per row and strftime costs several times more over 50,000 rows."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


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
        # text is not blank here, so parse_date gives a date or raises
        return datetime.combine(parse_date(text), datetime.min.time())  # type: ignore[arg-type]
    except ValueError:
        pass
    day_text, _, time_text = text.rpartition(" ")
    if not day_text:
        parse_date(text)  # raises the one-sentence reason
    day = parse_date(day_text)
    assert day is not None  # day_text is not blank (checked above), and a blank is the only None
    hour, minute = parse_time(time_text[:5] if time_text.count(":") > 1 else time_text)
    return datetime(day.year, day.month, day.day, hour, minute)


def show_datetime(value: datetime | None) -> str:
    """A date and time as a coordinator reads it: 22/11/2026 10:00."""
    return value.strftime("%d/%m/%Y %H:%M") if value else ""
