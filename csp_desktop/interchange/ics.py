"""A small iCalendar (RFC 5545) writer: all-day events, text escaped, lines folded at 75 octets."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

PRODID = "-//CSP Desktop//Review cycle//EN"
FOLD_AT = 75  # octets per line before folding (RFC 5545 3.1)


@dataclass
class Event:
    uid: str
    on: date
    summary: str
    description: str = ""


def calendar(events: list[Event], stamp: datetime | None = None) -> bytes:
    """The calendar as bytes, CRLF line ends, UTF-8."""
    stamped = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{escape(event.uid)}", f"DTSTAMP:{stamped}",
                  f"DTSTART;VALUE=DATE:{event.on:%Y%m%d}", f"DTEND;VALUE=DATE:{event.on + timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape(event.summary)}", "TRANSP:TRANSPARENT"]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) + b"\r\n" for line in lines)


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon and comma escaped, line breaks as \\n (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in text if ch >= " " or ch == "\t")  # other control characters are not allowed


def fold(line: str) -> bytes:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    pieces, current, limit = [], b"", FOLD_AT
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > limit:
            pieces.append(current)
            current, limit = b"", FOLD_AT - 1  # continuation lines start with one space
        current += encoded
    pieces.append(current)
    return b"\r\n ".join(pieces)
