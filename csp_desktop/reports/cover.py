"""The cover as a covering report: who it is for and from, its purpose, the recommendations, the key messages
(generated from the pack, by name), which part of the agenda it is, and (from pack.py) the contents."""
from __future__ import annotations

from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.dates import show
from ..domain.derived import NEW, UP
from ..domain.pack import EXEMPT_HANDLING, NOT_FOR_PUBLICATION, SCHEDULE_12A, PackData, paragraph_words
from .fonts import BOLD, REGULAR
from .layout import BAND, MARGIN
from .styles import BODY, COVER_LINE, INK, MUTED, NOTICE, SUBHEADING, TITLE, esc, markup, para
from ..domain.schedule12a import PUBLIC_INTEREST, wording
from ..domain.shorten import ELLIPSIS, shorten
from .tracker import tracked_actions

def default_recommendations(data: PackData) -> str:
    """What a board is usually asked, when the meeting's own recommendations are not typed in."""
    third = ("decide whether the risks above appetite need further action or escalation." if data.appetite_set
             else "decide whether the highest-scoring risks need further action or escalation.")
    return ("The board is asked to:\n"
            "1. note the risk register and the changes since the previous meeting;\n"
            "2. agree the actions overdue or due before the next meeting, and any revised dates;\n"
            f"3. {third}")
MAX_NAMED = 5   # key messages name up to this many items, then count the rest
FEWER_NAMED = (3, 2, 1, 0)   # ... or fewer, where the cover would otherwise run onto a second page
COVER_WIDTH, COVER_HEIGHT = A4[0] - 2 * MARGIN, A4[1] - 2 * BAND - 8   # the portrait frame (layout.py)


def cover_flowables(data: PackData, contents: list | None = None) -> list:
    """The cover on one page: where the key messages would carry it onto a second page (with a page of its own
    for a line or two), they name fewer items and count the rest."""
    story = _cover(data, contents, MAX_NAMED)
    for named in FEWER_NAMED:
        if cover_fits(story):
            return story
        story = _cover(data, contents, named)
    # too long whatever it names (a Part II cover with many exempt items): it runs on, so name them all
    return story if cover_fits(story) else _cover(data, contents, MAX_NAMED)


def cover_fits(story: list) -> bool:
    """Whether the cover is estimated to fit its page (a long Part II cover may not, whatever it names)."""
    return _height(story) <= COVER_HEIGHT


def _height(story: list) -> float:
    return sum(f.wrap(COVER_WIDTH, COVER_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)


def _cover(data: PackData, contents: list | None, named: int) -> list:
    story = [Spacer(1, 0.3 * cm), para(data.partnership, TITLE)]
    if data.meeting is None:
        story.append(markup(f"Risk register and action tracker as at {show(data.produced_on)}", COVER_LINE))
    else:
        story.append(markup(f"<b>{esc(data.meeting.board)}</b>: risk register and action tracker", COVER_LINE))
    story += [_details(data), Spacer(1, 0.2 * cm)]
    story += _part(data)
    story += contents or []   # the contents on the cover, before the covering report's text
    m = data.meeting
    if m is not None and m.purpose:
        story += [markup("Purpose", SUBHEADING), para(m.purpose, BODY)]
    recommendations = (m.recommendations if m is not None and m.recommendations else default_recommendations(data))
    if data.meeting is not None:
        story += [markup("Recommendations", SUBHEADING), para(recommendations, BODY)]
    if data.exempt_part:
        story += exempt_items(data)
    messages = key_messages(data, named)
    if messages:
        story += [markup("Key messages", SUBHEADING)] + [markup(f"\u2022 {text}", BODY) for text in messages]
    if data.issued_at:
        since = _SINCE_ISSUE[data.exempt_part] if data.exempt_since_issue else "."
        story.append(markup(f"Issued {show(datetime.fromisoformat(data.issued_at))}; this copy shows the register "
                            f"as presented{since}", BODY))
    return story


def exempt_items(data: PackData) -> list:
    """Each exempt item with its Schedule 12A paragraph, its wording and the public-interest line."""
    story = [markup("Why each item is exempt", SUBHEADING)]
    for kind, items in (("Risk", data.risks), ("Action", data.actions)):
        for item in items:
            paragraph = item.exempt_paragraph
            reason = (f"Schedule 12A paragraph {paragraph}: {esc(wording(paragraph))}" if paragraph else
                      "Schedule 12A paragraph not yet recorded for this item: record it before the meeting.")
            story.append(markup(f"<b>{kind} {esc(item.ref)}</b> {esc(_short(item.title))}. {reason} "
                                f"{PUBLIC_INTEREST}", BODY))
    return story


def key_messages(data: PackData, named: int = MAX_NAMED) -> list[str]:
    """New, increased, above-appetite risks and overdue actions, by name (markup; user text escaped)."""
    risks = data.open_risks
    messages = []
    since = "since the previous meeting" if data.previous else "since their first review"
    for label, chosen in ((f"New {since}", [r for r in risks if r.direction == NEW]),
                          (f"Score increased {since}", [r for r in risks if r.direction == UP])):
        if chosen:
            messages.append(f"<b>{label}</b> ({len(chosen)}): {_named((f'{r.ref} {r.title}' for r in chosen), named)}")
    if data.appetite_set:
        above = [r for r in risks if data.scheme.above_appetite(r.current.score if r.current else None)]
        if above:
            names = _named((f"{r.ref} {r.title}" for r in above), named)
            messages.append(f"<b>Above appetite</b> ({len(above)}): {names}")
    overdue = [a for a in tracked_actions(data) if a.overdue]
    if overdue:
        names = _named((f"{a.ref} {a.title} ({a.owner or a.lead_agency or 'no owner'})" for a in overdue), named)
        messages.append(f"<b>Overdue actions</b> ({len(overdue)}): {names}")
    return messages


def _named(items, limit: int = MAX_NAMED) -> str:
    items = list(items)
    if limit == 0:
        return "listed in the pack."
    shown = "; ".join(esc(_short(text)) for text in items[:limit])
    rest = len(items) - limit
    return shown + (f"; and {rest} more (see the pack)." if rest > 0 else "" if shown.endswith(ELLIPSIS) else ".")


def _short(text: str) -> str:
    return shorten(text, 55)


def _details(data: PackData) -> Table:
    rows = []
    if data.meeting is not None:
        m = data.meeting
        when = m.held_on.strftime("%A %d %B %Y")
        if (m.held_on.hour, m.held_on.minute) != (0, 0):
            when += m.held_on.strftime(", %H:%M")
        if m.agenda_item:
            rows.append(["Agenda item", para(m.agenda_item, BODY)])
        rows += [["Date", when], ["Venue", para(m.venue, BODY)], ["Chair", para(m.chair, BODY)]]
        for label, text in (("Report of", m.report_of), ("Contact officer", m.contact_officer)):
            if text:
                rows.append([label, para(text, BODY)])
    rows += [["Produced", show(data.produced_on)], ["Marking", data.printed_marking or "None"]]
    table = Table(rows, colWidths=[3.5 * cm, 14 * cm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (0, -1), BOLD, 10), ("FONT", (1, 0), (1, -1), REGULAR, 10),
                               ("TEXTCOLOR", (0, 0), (0, -1), MUTED), ("TEXTCOLOR", (1, 0), (1, -1), INK),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _part(data: PackData) -> list:
    if data.exempt_part:
        words = paragraph_words(data.exempt_paragraphs)
        words = f" ({words})" if words else ""
        return [markup(f"Part II: {NOT_FOR_PUBLICATION}", NOTICE),
                markup(f"This paper contains {SCHEDULE_12A}{words}. The press and "
                       f"public are expected to be excluded while it is considered. {EXEMPT_HANDLING}.", BODY)]
    line = "Part I: open to the public"
    story = [markup(line, COVER_LINE)]
    if data.exempt_paragraphs or data.has_exempt:
        numbers = ", ".join(str(n) for n in data.exempt_paragraphs)
        story.append(markup("A Part II report, not for publication, is considered separately under Schedule 12A "
                            "of the Local Government Act 1972"
                            + (f", paragraph{'s' if len(data.exempt_paragraphs) > 1 else ''} {numbers}." if numbers
                               else "."), BODY))
    return story


# No number in Part I: how many items were withheld would itself say something about them.
_SINCE_ISSUE = {False: ", except that items marked exempt since then are left out, so its text differs from the "
                       "pack as issued.",
                True: ", except that items marked exempt since then are added, so its text differs from the pack "
                      "as issued."}
