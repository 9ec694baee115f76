"""A chasing email as an unsent draft (.eml): plain and HTML bodies, the calendar, the workbook.

Built with the standard `email` package (EmailMessage, default policy), so names in any script are
encoded in the headers as RFC 2047 asks, and `X-Unsent: 1` makes Outlook open the file as a draft.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from email.errors import HeaderParseError, InvalidHeaderDefect
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default
from email.utils import formatdate, getaddresses

from ..domain.dates import show

# Said only when a calendar is attached; the items may be actions, so not "review dates".
CALENDAR_LINE = "These dates are also in the attached calendar file."
MAX_NAME = 120  # a display name longer than this is cut: folded, some mail programs misread it
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass
class Line:
    what: str    # Review, Action, Acceptance ends
    label: str   # ref and title
    due: date


@dataclass
class Draft:
    """What one email says; plain data gathered by services/chase."""
    owner_name: str
    email: str
    partnership: str
    subject: str
    marking: str                       # '' or "OFFICIAL-SENSITIVE, Part II"
    due: list[Line] = field(default_factory=list)
    overdue: list[Line] = field(default_factory=list)
    meeting: str = ""                  # "Partnership Executive Group on 14/12/2026"
    calendar: bytes = b""
    calendar_name: str = "reviews.ics"
    workbook: bytes = b""
    workbook_name: str = ""
    sender: str = ""                   # the coordinator's name, signed under "Thank you,"


def one_line(text: str) -> str:
    """Header text on one line: a line break typed into a name must never start a header of its own."""
    return " ".join(str(text or "").split())


def recipients(text: str, owner_name: str) -> list[Address]:
    """The addresses in the owner's email field; a display name with a comma is kept whole."""
    found = []
    owner_name = one_line(owner_name)[:MAX_NAME]
    for name, addr in getaddresses([one_line(text)]):
        if "@" not in addr:
            continue
        try:
            found.append(Address(display_name=one_line(name)[:MAX_NAME] or owner_name, addr_spec=addr))
        except (ValueError, IndexError, HeaderParseError, InvalidHeaderDefect):
            continue  # not an address an email program could send to: left out, and the body says so
    return found


# Headers are not folded below RFC 5322's 998: Python's folder drops the quotes around a long display
# name that holds a comma or colon ("Smith, John" would become two addresses, "Evil Bcc: x@y" a group).
POLICY = default.clone(max_line_length=998)
MAX_RECIPIENTS = 6


def message(draft: Draft) -> EmailMessage:
    msg = EmailMessage(policy=POLICY)
    to = recipients(draft.email, draft.owner_name)[:MAX_RECIPIENTS]
    msg["To"] = to if to else ""
    msg["Subject"] = one_line(draft.subject)
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"
    if draft.marking:
        msg["X-Protective-Marking"] = draft.marking
    note = "" if to else (f"The register has no email address for {draft.owner_name}: "
                          "add one in the To line before sending.")
    msg.set_content(plain_body(draft, note))
    msg.add_alternative(html_body(draft, note), subtype="html")
    if draft.calendar:
        msg.add_attachment(draft.calendar, maintype="text", subtype="calendar", filename=draft.calendar_name)
    if draft.workbook:
        msg.add_attachment(draft.workbook, maintype=XLSX[0], subtype=XLSX[1], filename=draft.workbook_name)
    return msg


def _sections(draft: Draft) -> list[tuple[str, list[Line]]]:
    return [(title, lines) for title, lines in (("Overdue", draft.overdue), ("Coming due", draft.due)) if lines]


def plain_body(draft: Draft, note: str = "") -> str:
    out = [draft.marking, ""] if draft.marking else []
    if note:
        out += [note, ""]
    out += [f"Dear {draft.owner_name},", "",
            f"These items of the {draft.partnership} register are yours and need your attention"
            + (f" before the {draft.meeting}." if draft.meeting else ".")]
    for title, lines in _sections(draft):
        out += ["", f"{title}:"]
        out += [f"  - {line.what}: {line.label} (due {show(line.due)})" for line in lines]
    if draft.workbook_name:
        out += ["", f"Your update workbook is attached ({draft.workbook_name}): please fill it in and send it back."]
    if draft.calendar:
        out += ["", CALENDAR_LINE]
    out += ["", "Thank you,"] + ([one_line(draft.sender)] if draft.sender.strip() else []) + [""]
    if draft.marking:
        out += [draft.marking]
    return "\n".join(out) + "\n"


def html_body(draft: Draft, note: str = "") -> str:
    e = html.escape
    out = ["<html><body>"]
    if draft.marking:
        out.append(f"<p><strong>{e(draft.marking)}</strong></p>")
    if note:
        out.append(f"<p><em>{e(note)}</em></p>")
    meeting = f" before the {e(draft.meeting)}" if draft.meeting else ""
    out += [f"<p>Dear {e(draft.owner_name)},</p>",
            f"<p>These items of the {e(draft.partnership)} register are yours and need your attention{meeting}.</p>"]
    for title, lines in _sections(draft):
        out.append(f"<h3>{e(title)}</h3><table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">"
                   "<tr><th>What</th><th>Item</th><th>Due</th></tr>")
        out += [f"<tr><td>{e(line.what)}</td><td>{e(line.label)}</td><td>{show(line.due)}</td></tr>"
                for line in lines]
        out.append("</table>")
    if draft.workbook_name:
        out.append(f"<p>Your update workbook is attached ({e(draft.workbook_name)}): "
                   "please fill it in and send it back.</p>")
    if draft.calendar:
        out.append(f"<p>{CALENDAR_LINE}</p>")
    signed = f"<br>{e(one_line(draft.sender))}" if draft.sender.strip() else ""
    out.append(f"<p>Thank you,{signed}</p>")
    if draft.marking:
        out.append(f"<p><strong>{e(draft.marking)}</strong></p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
