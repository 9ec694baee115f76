"""The board pack as a PDF, drawn from PackData alone (this package never reads the register)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak

from ..domain.dates import show
from ..domain.pack import NOT_FOR_PUBLICATION, RETURN_OR_DESTROY, SCHEDULE_12A, SECTION_TITLES, PackData
from .changes import changes_flowables
from .cover import cover_fits, cover_flowables
from .key import heatmap_flowables, key_flowables
from .layout import (BAND, LANDSCAPE, MARGIN, PORTRAIT, Bookmarks, ContentsList, PackDocument, PageFurniture,
                     SectionHeading, canvas_maker, work)
from .performance import performance_flowables
from .register_table import register_flowables
from .styles import BODY, markup
from .summary import comparison_basis, summary_flowables
from .tracker import matters_flowables, tracked_actions, tracker_flowables

LANDSCAPE_SECTIONS = {"heatmaps", "targets", "register", "tracker", "matters", "changes"}
FULL_PAGE_SECTIONS = {"heatmaps", "targets"}
CONTENTS = "contents"


def render(data: PackData, path: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the pack to `path`; returns its page count. `progress(done, total)` may raise to stop."""
    bookmarks = Bookmarks()
    story = _story(data, bookmarks)
    doc = PackDocument(str(path), bookmarks=bookmarks, progress=progress, total=sum(map(work, story)),
                       title=data.title, author=data.partnership, subject=_subject(data),
                       creator="CSP Desktop", producer="CSP Desktop (reportlab)", lang="en-GB")
    maker = canvas_maker(_furniture(data), bookmarks, created_at(data))
    doc.build(story, canvasmaker=maker)
    return doc.canv.pages_written


def created_at(data: PackData) -> datetime:
    """The issued time of an issued pack, else the day it was built (midnight UTC)."""
    if data.issued_at:
        issued = datetime.fromisoformat(data.issued_at)
        return issued if issued.tzinfo else issued.replace(tzinfo=timezone.utc)
    return datetime.combine(data.produced_on, datetime.min.time(), tzinfo=timezone.utc)


def _subject(data: PackData) -> str:
    if data.exempt_part:
        return f"Part II: {NOT_FOR_PUBLICATION} ({SCHEDULE_12A})"
    return "Part I: open to the public"


def _furniture(data: PackData) -> PageFurniture:
    # Top of each page: what it is; foot: what to do with it (saying "not for publication" once).
    notices = (f"{NOT_FOR_PUBLICATION}  \u2013  {SCHEDULE_12A}", f"{NOT_FOR_PUBLICATION}: {RETURN_OR_DESTROY}") \
        if data.exempt_part else ()
    return PageFurniture(data.partnership, data.printed_marking, show(data.produced_on), notices)


def _story(data: PackData, bookmarks: Bookmarks) -> list:
    # A register with no plan has no performance pages (not an empty section in every pack).
    sections = [key for key in SECTION_TITLES if key in data.sections and (key != "performance" or data.plan)]
    story = cover_flowables(data, [SectionHeading(CONTENTS, "Contents", small=True),
                                   ContentsList([(k, SECTION_TITLES[k]) for k in sections], bookmarks)])
    # A cover too long for its page: the first section follows on its second page, not after a near-empty one.
    first_break = PageBreak() if cover_fits(story) else CondPageBreak(8 * cm)
    orientation, after_full_page, waiting = PORTRAIT, False, []
    for key in sections:
        empty = _empty(key, data)
        if empty:  # one line where the page would be blank, and no page of its own
            line = [CondPageBreak(2 * cm), SectionHeading(key, SECTION_TITLES[key], small=True), markup(empty, BODY)]
            # after a heat map (a whole page) the line waits for the next section's page
            if after_full_page:
                waiting += line
            else:
                story += line
            continue
        wanted = LANDSCAPE if key in LANDSCAPE_SECTIONS else PORTRAIT
        if wanted != orientation:
            story.append(NextPageTemplate(wanted))
            orientation = wanted
        opening = first_break if wanted == PORTRAIT else PageBreak()
        story += [opening] + waiting + [SectionHeading(key, SECTION_TITLES[key])] + _section(key, data)
        waiting, after_full_page, first_break = [], key in FULL_PAGE_SECTIONS, PageBreak()
    return story + ([PageBreak()] + waiting if waiting else [])


def _empty(key: str, data: PackData) -> str:
    """The one line an empty section prints instead of a page, or "" when it has content."""
    if key == "changes" and not data.changes:
        return f"{comparison_basis(data)} Nothing in this part of the pack has changed since then."
    if key == "matters" and (data.previous is None or not data.matters_arising):
        return ("There is no previous meeting in the register, so there are no matters arising."
                if data.previous is None else "No actions in this part of the pack arose at the previous meeting.")
    if key == "targets" and not any(r.target for r in data.open_risks):
        return "No open risk in this part of the register has a target score."
    if key in ("heatmaps", "register") and not data.open_risks:
        return "There are no open risks in this part of the register."
    if key == "tracker" and not tracked_actions(data):
        return "There are no open actions in this part of the register."
    return ""


def _section(key: str, data: PackData) -> list:
    if key == "heatmaps":
        width, height = landscape(A4)
        return heatmap_flowables(data, width - 2 * MARGIN, height - 2 * BAND - 4.0 * cm)
    if key == "targets":
        width, height = landscape(A4)
        return heatmap_flowables(data, width - 2 * MARGIN, height - 2 * BAND - 4.0 * cm, target=True)
    return {"summary": summary_flowables, "register": register_flowables, "tracker": tracker_flowables,
            "performance": performance_flowables, "matters": matters_flowables, "changes": changes_flowables,
            "key": key_flowables}[key](data)
