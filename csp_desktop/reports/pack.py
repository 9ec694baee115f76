"""The board pack as a PDF, drawn from PackData alone (this package never reads the register)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from ..domain.dates import show
from ..domain.pack import NOT_FOR_PUBLICATION, SCHEDULE_12A, SECTION_TITLES, PackData
from .changes import changes_flowables
from .cover import cover_flowables
from .heatmap import heatmaps
from .key import key_flowables
from .layout import (BAND, LANDSCAPE, MARGIN, PORTRAIT, Bookmarks, ContentsList, PackDocument, PageFurniture,
                     SectionHeading, canvas_maker, work)
from .performance import performance_flowables
from .register_table import register_flowables
from .summary import summary_flowables
from .tracker import matters_flowables, tracker_flowables

LANDSCAPE_SECTIONS = {"heatmaps", "register", "tracker", "matters", "changes"}
CONTENTS = "contents"


def render(data: PackData, path: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the pack to `path`; returns its page count. `progress(done, total)` may raise to stop."""
    bookmarks = Bookmarks()
    story = _story(data, bookmarks)
    doc = PackDocument(str(path), bookmarks=bookmarks, progress=progress, total=sum(map(work, story)),
                       title=data.title, author=data.partnership, subject=_subject(data),
                       creator="CSP Desktop", producer="CSP Desktop (reportlab)")
    maker = canvas_maker(_furniture(data), bookmarks)
    doc.build(story, canvasmaker=maker)
    return doc.canv.pages_written


def _subject(data: PackData) -> str:
    if data.exempt_part:
        return f"Part II: {NOT_FOR_PUBLICATION} ({SCHEDULE_12A})"
    return "Part I: open to the public"


def _furniture(data: PackData) -> PageFurniture:
    notices = (NOT_FOR_PUBLICATION, SCHEDULE_12A) if data.exempt_part else ()
    return PageFurniture(data.partnership, data.printed_marking, show(data.produced_on), notices)


def _story(data: PackData, bookmarks: Bookmarks) -> list:
    # A register with no plan has no performance pages (not an empty section in every pack).
    sections = [key for key in SECTION_TITLES if key in data.sections and (key != "performance" or data.plan)]
    story = cover_flowables(data) + [PageBreak(), SectionHeading(CONTENTS, "Contents"),
                                     ContentsList([(k, SECTION_TITLES[k]) for k in sections], bookmarks)]
    orientation = PORTRAIT
    for key in sections:
        wanted = LANDSCAPE if key in LANDSCAPE_SECTIONS else PORTRAIT
        if wanted != orientation:
            story.append(NextPageTemplate(wanted))
            orientation = wanted
        story += [PageBreak(), SectionHeading(key, SECTION_TITLES[key])] + _section(key, data)
    return story


def _section(key: str, data: PackData) -> list:
    if key == "heatmaps":
        width, height = landscape(A4)
        return [Spacer(1, 0.2 * cm), heatmaps(data, width - 2 * MARGIN, height - 2 * BAND - 2.2 * cm)]
    return {"summary": summary_flowables, "register": register_flowables, "tracker": tracker_flowables,
            "performance": performance_flowables, "matters": matters_flowables, "changes": changes_flowables,
            "key": key_flowables}[key](data)
