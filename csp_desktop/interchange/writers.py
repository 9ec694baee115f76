"""Writing the register for spreadsheets: CSV and XLSX that importing again reads back the same.

Text a user typed is written as text: never as something a spreadsheet would run as a formula.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from ..domain.response import WORDS as RESPONSE_WORDS
from ..domain.exemption import covers, exempt_ids
from ..domain.scoring import Rating
from .contents import Contents
from .scheme_sheet import HEADER as SCHEME_HEADER
from .scheme_sheet import SCHEME_SHEET, scheme_rows

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RISK_HEADER = ("Ref", "Risk title", "Description", "Category", "Priority", "Owner", "Status",
               "Inherent likelihood", "Inherent impact", "Inherent score", "Residual likelihood", "Residual impact",
               "Residual score", "Target likelihood", "Target impact", "Target score", "Band", "Next review", "Exempt",
               "Response", "Response reason", "Accepted by", "Accepted on", "Accepted until")
MITIGATION_HEADER = ("Risk ref", "Mitigation", "Owner", "Expected likelihood", "Expected impact", "Exempt")
ACTION_HEADER = ("Ref", "Action", "Owner", "Due date", "Status", "Progress", "Priority", "Risk ref", "Exempt",
                 "Completed on", "Status as reported", "Due as written", "Meeting")
REVIEW_HEADER = ("Risk ref", "Reviewed on", "Reviewer", "Likelihood before", "Impact before", "Likelihood after",
                 "Impact after", "Review note")
NOTE_HEADER = ("Action ref", "Noted at", "Author", "Progress note")
MEETING_HEADER = ("Board", "Held on", "Venue", "Chair", "Attendees", "Marking", "Pack sections")
PRIORITY_HEADER = ("Priority", "Title", "Lead agency")
INDICATOR_HEADER = ("Priority", "Performance indicator", "Target", "Data source", "Latest", "Latest as at")
OWNER_HEADER = ("Owner name", "Kind", "Organisation", "Email")
SCORE_COLUMNS = {9: "inherent", 12: "residual", 15: "target"}  # 0-based columns of the scores


class _Names:
    """Names for the ids the rows refer to."""

    def __init__(self, c: Contents):
        # keyed by id; looked up with ids that may be None (no owner, no priority), which find nothing
        self.owner: dict[str | None, str] = {o.id: o.name for o in c.owners}
        self.org: dict[str | None, str] = {o.id: o.name for o in c.organisations}
        self.priority: dict[str | None, str] = {p.id: (f"Priority {p.ref}: {p.title}" if p.ref else p.title)
                                                for p in c.priorities}
        self.risk_ref: dict[str | None, str] = {r.id: r.ref for r in c.risks}
        self.exempt = exempt_ids(c.risks, c.actions, c.mitigations)
        self.action_ref = {a.id: a.ref for a in c.actions}
        self.meeting: dict[str | None, str] = {m.id: meeting_key(m) for m in c.meetings}

    def exempt_cell(self, item) -> str:
        """"yes" for an exempt row: flagged itself, or an action or mitigation of an exempt risk."""
        return "yes" if covers(self.exempt, item) else "no"


def meeting_key(meeting) -> str:
    """How a meeting is named in other tables: its board and when it is held."""
    return f"{meeting.board} {meeting.held_on.strftime('%Y-%m-%d %H:%M')}"


def _levels(rating: Rating | None) -> list:
    return [rating.likelihood, rating.impact, rating.score] if rating else [None, None, None]


def risk_rows(c: Contents) -> list[list]:
    names = _Names(c)
    rows = []
    for risk in c.risks:
        band = c.scheme.band_for(risk.current.score if risk.current else None)  # type: ignore[union-attr]
        rows.append([risk.ref, risk.title, risk.description, risk.category, names.priority.get(risk.priority_id),
                     names.owner.get(risk.owner_id), risk.status, *_levels(risk.inherent), *_levels(risk.residual),
                     *_levels(risk.target), band.name if band else None, risk.next_review, names.exempt_cell(risk),
                     RESPONSE_WORDS[risk.response] if risk.response else None, risk.response_reason or None,
                     risk.accepted_by or None, risk.accepted_on, risk.accepted_until])
    return rows


def mitigation_rows(c: Contents) -> list[list]:
    names = _Names(c)
    return [[names.risk_ref.get(m.risk_id), m.description, names.owner.get(m.owner_id),
             m.expected.likelihood if m.expected else None, m.expected.impact if m.expected else None,
             names.exempt_cell(m)] for m in c.mitigations]


def action_rows(c: Contents) -> list[list]:
    names = _Names(c)
    return [[a.ref, a.title, names.owner.get(a.owner_id), a.due, a.status, a.progress,
             names.priority.get(a.priority_id), names.risk_ref.get(a.risk_id) or a.risk_ref or None,
             names.exempt_cell(a), a.completed_on, a.status_reported, a.due_text, names.meeting.get(a.meeting_id)]
            for a in c.actions]


def _pair(rating: Rating | None) -> list:
    return [rating.likelihood, rating.impact] if rating else [None, None]


def review_rows(c: Contents) -> list[list]:
    names = _Names(c)
    return [[names.risk_ref.get(v.risk_id), v.reviewed_on, v.reviewer, *_pair(v.before), *_pair(v.after), v.note]
            for v in c.reviews]


def note_rows(c: Contents) -> list[list]:
    names = _Names(c)
    return [[names.action_ref.get(n.action_id), n.at.isoformat(timespec="seconds") if n.at else None, n.author,
             n.text] for n in c.notes]


def meeting_rows(c: Contents) -> list[list]:
    return [[m.board, m.held_on.strftime("%Y-%m-%d %H:%M"), m.venue, m.chair, m.attendees, m.marking,
             ", ".join(m.sections)] for m in c.meetings]


def priority_rows(c: Contents) -> list[list]:
    return [[p.ref, p.title, p.lead_agency] for p in c.priorities]


def indicator_rows(c: Contents) -> list[list]:
    names = _Names(c)
    return [[names.priority.get(i.priority_id), i.title, i.target, i.data_source, i.latest, i.latest_label]
            for i in c.indicators]


def owner_rows(c: Contents) -> list[list]:
    names = _Names(c)
    return [[o.name, o.kind, names.org.get(o.organisation_id), o.email] for o in c.owners]


TABLES = {  # name: (sheet title, header, rows)
    "risks": ("Risks", RISK_HEADER, risk_rows),
    "mitigations": ("Mitigations", MITIGATION_HEADER, mitigation_rows),
    "actions": ("Actions", ACTION_HEADER, action_rows),
    "priorities": ("Priorities", PRIORITY_HEADER, priority_rows),
    "indicators": ("Indicators", INDICATOR_HEADER, indicator_rows),
    "owners": ("Owners", OWNER_HEADER, owner_rows),
    "reviews": ("Reviews", REVIEW_HEADER, review_rows),
    "notes": ("Progress notes", NOTE_HEADER, note_rows),
    "meetings": ("Meetings", MEETING_HEADER, meeting_rows),
}


def safe_text(value) -> str:
    """A CSV cell a spreadsheet shows as typed: an apostrophe keeps =, +, -, @ from starting a formula
    (and one before text that itself starts with an apostrophe keeps that apostrophe on import)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS + ("'",)) else text


def write_csv(c: Contents, path: Path, table: str = "risks") -> None:
    _, header, rows = TABLES[table]
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([safe_text(v) if isinstance(v, (str, date)) or v is None else v for v in row]
                         for row in rows(c))


def write_xlsx(c: Contents, path: Path) -> None:
    from .xlsx_style import XlsxWriter  # openpyxl is imported only when a workbook is written
    book = XlsxWriter(c.scheme)  # type: ignore[arg-type]  # an export's contents always carry the scheme
    for name, (title, header, rows) in TABLES.items():
        book.sheet(title, header, rows(c), score_columns=SCORE_COLUMNS if name == "risks" else {})
    book.sheet(SCHEME_SHEET, SCHEME_HEADER, [list(r) for r in scheme_rows(c.scheme)])  # type: ignore[arg-type]
    book.save(Path(path))
