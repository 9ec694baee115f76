"""The cover: partnership, board, date, venue, chair, marking and which part of the agenda this is."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.dates import show
from ..domain.pack import NOT_FOR_PUBLICATION, SCHEDULE_12A, PackData
from .fonts import BOLD, REGULAR
from .styles import BODY, COVER_LINE, INK, MUTED, NOTICE, TITLE, esc, markup, para


def cover_flowables(data: PackData) -> list:
    story = [Spacer(1, 2.5 * cm), para(data.partnership, TITLE)]
    if data.meeting is None:
        story.append(markup(f"Risk register and action tracker as at {show(data.produced_on)}", COVER_LINE))
    else:
        story.append(markup(f"<b>{esc(data.meeting.board)}</b>", COVER_LINE))
        story.append(markup("Risk register and action tracker", COVER_LINE))
    story += [Spacer(1, 0.6 * cm), _details(data), Spacer(1, 1 * cm)]
    story += _part(data)
    if data.issued_at:
        since = _SINCE_ISSUE[data.exempt_part] if data.exempt_since_issue else "."
        story.append(markup(f"Issued {show(_date(data.issued_at))}; this copy shows the register as presented{since}",
                            BODY))
    return story


def _details(data: PackData) -> Table:
    rows = []
    if data.meeting is not None:
        m = data.meeting
        when = m.held_on.strftime("%A %d %B %Y")
        if (m.held_on.hour, m.held_on.minute) != (0, 0):
            when += m.held_on.strftime(", %H:%M")
        rows += [["Date", when], ["Venue", para(m.venue, BODY)], ["Chair", para(m.chair, BODY)]]
        if m.attendees:
            rows.append(["Attendees", para(m.attendees, BODY)])
    rows += [["Produced", show(data.produced_on)], ["Marking", data.printed_marking or "None"]]
    table = Table(rows, colWidths=[3.5 * cm, 13 * cm])
    table.setStyle(TableStyle([("FONT", (0, 0), (0, -1), BOLD, 10), ("FONT", (1, 0), (1, -1), REGULAR, 10),
                               ("TEXTCOLOR", (0, 0), (0, -1), MUTED), ("TEXTCOLOR", (1, 0), (1, -1), INK),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    return table


def _part(data: PackData) -> list:
    if data.exempt_part:
        return [markup(f"Part II: {NOT_FOR_PUBLICATION}", NOTICE),
                markup(f"This paper contains {SCHEDULE_12A}. The press and public are expected to be excluded "
                       "while it is considered. It holds only the register's exempt items.", BODY)]
    return [markup("Part I: open to the public", COVER_LINE),
            markup("Items marked exempt under Schedule 12A of the Local Government Act 1972 are not in this "
                   "paper; they are reported in Part II.", BODY)]


# No number in Part I: how many items were withheld would itself say something about them.
_SINCE_ISSUE = {False: ", except that items marked exempt since then are left out, so its text differs from the "
                       "pack as issued.",
                True: ", except that items marked exempt since then are added, so its text differs from the pack "
                      "as issued."}


def _date(iso: str):
    from datetime import datetime
    return datetime.fromisoformat(iso)
