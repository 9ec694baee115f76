"""Pages of the pack: portrait and landscape A4, the marking top and bottom, "Page X of Y", bookmarks and
the contents page numbers, all in ONE layout pass.

The canvas keeps every page until the end, when the total is known; then it draws each page's header
and footer, the bookmarks that fall on it and (on the contents page) each section's page number.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from . import scripts
from .fonts import BOLD, REGULAR
from .paged_table import PagedTable
from .styles import HEADING, INK, MUTED, OVERDUE, RULE, SUBHEADING

PORTRAIT, LANDSCAPE = "portrait", "landscape"
MARGIN = 1.5 * cm
BAND = 1.7 * cm  # room above and below the frame for the marking lines


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries, whatever its content."""
    partnership: str
    marking: str            # "" for no marking
    produced: str           # "22/11/2026"
    notices: tuple[str, ...] = ()   # exempt part: the line at the top of each page, and at the foot


@dataclass
class Bookmarks:
    """Where each section landed: filled while laying out, read when the pages are written."""
    marks: list[tuple[int, str, str, int, float]] = field(default_factory=list)  # page, key, title, level, top
    slots: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # key -> contents page, x, y
    pages: dict[str, int] = field(default_factory=dict)


class SectionHeading(Paragraph):
    """A section's heading; the document bookmarks it and lists its page in the contents."""

    def __init__(self, key: str, title: str, level: int = 0, small: bool = False):
        super().__init__(title, SUBHEADING if small else HEADING)  # the code's own words, never user text
        self.key, self.title, self.level = key, title, level


class Bookmark(Flowable):
    """An invisible outline entry below a section (e.g. each owner in the action tracker)."""

    def __init__(self, key: str, title: str, level: int = 1):
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class ContentsList(Flowable):
    """The contents: section titles with dot leaders; page numbers are written once all pages exist."""

    ROW = 15

    def __init__(self, entries: list[tuple[str, str]], bookmarks: Bookmarks):
        super().__init__()
        self.entries, self.bookmarks = entries, bookmarks

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.ROW * len(self.entries)
        return self.width, self.height

    def draw(self):
        canv = self.canv
        for row, (key, title) in enumerate(self.entries):
            y = self.height - (row + 1) * self.ROW + 4
            canv.setFont(REGULAR, 10)
            canv.setFillColor(INK)
            canv.drawString(0, y, title)
            start = canv.stringWidth(title, REGULAR, 10) + 6
            canv.setStrokeColor(RULE)
            canv.setDash(1, 3)
            canv.line(start, y + 2, self.width - 30, y + 2)
            canv.setDash()
            x, y_abs = canv.absolutePosition(self.width, y)
            self.bookmarks.slots[key] = (canv.getPageNumber(), x, y_abs)


class PackCanvas(Canvas):
    """Holds pages back until save(), then writes each with its furniture, bookmarks and contents numbers."""

    def __init__(self, *args, furniture: PageFurniture, bookmarks: Bookmarks, created=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.furniture, self.bookmarks = furniture, bookmarks
        if created is not None:
            self._doc._timeStamp = _stamp(created)
        self._held: list[dict] = []

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._furnish(number, total)
            self._bookmark(number)
            self._number_contents(number)
            Canvas.showPage(self)
        self._held = []
        Canvas.save(self)

    @property
    def pages_written(self) -> int:
        return self._pageNumber - 1

    def _furnish(self, number: int, total: int) -> None:
        width, height = self._pagesize
        f = self.furniture
        self.saveState()
        if f.marking:
            self.setFont(BOLD, 10)
            self.setFillColor(INK)
            self.drawCentredString(width / 2, height - 0.75 * cm, f.marking)
            self.drawCentredString(width / 2, 0.45 * cm, f.marking)
        if f.notices:
            self.setFillColor(OVERDUE)
            self.setFont(BOLD, 8)
            self.drawCentredString(width / 2, height - 1.15 * cm, f.notices[0])
            self.drawCentredString(width / 2, 0.85 * cm, f.notices[-1])
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, height - BAND + 0.1 * cm, width - MARGIN, height - BAND + 0.1 * cm)
        self.line(MARGIN, BAND - 0.1 * cm, width - MARGIN, BAND - 0.1 * cm)
        self.setFillColor(MUTED)
        self.setFont(REGULAR, 8)
        name = self.beginText(MARGIN, BAND - 0.45 * cm)
        scripts.draw(name, _fit(f.partnership, width / 2 - MARGIN), REGULAR, 8)
        self.drawText(name)
        self.drawRightString(width - MARGIN, BAND - 0.45 * cm, f"Produced {f.produced}    Page {number} of {total}")
        self.restoreState()

    def _bookmark(self, number: int) -> None:
        for page, key, title, level, top in self.bookmarks.marks:
            if page == number:
                # At the heading itself, not the whole page: several short sections may share a page.
                self.bookmarkPage(key, fit="XYZ", left=0, top=top, zoom=0)
                self.addOutlineEntry(title, key, level=level)

    def _number_contents(self, number: int) -> None:
        for key, (page, x, y) in self.bookmarks.slots.items():
            if page == number and key in self.bookmarks.pages:
                self.setFont(REGULAR, 10)
                self.setFillColor(INK)
                self.drawRightString(x, y, str(self.bookmarks.pages[key]))
                self.linkRect("", key, (x - 400, y - 3, x, y + 10), relative=0, thickness=0)


def _fit(text: str, width: float) -> str:
    """The partnership name cut to fit its half of the footer."""
    if scripts.width(text, REGULAR, 8) <= width:
        return text
    while text and scripts.width(text + "\u2026", REGULAR, 8) > width:
        text = text[:-1]
    return text + "\u2026"


class PackDocument(BaseDocTemplate):
    """A4 with portrait and landscape page templates; records where each section heading lands."""

    def __init__(self, filename, *, bookmarks: Bookmarks, progress=None, total: int = 0, **kwargs):
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=BAND,
                         bottomMargin=BAND, invariant=1, **kwargs)
        self.bookmarks, self.progress, self.total, self.done = bookmarks, progress, total, 0
        self.addPageTemplates([self._template(PORTRAIT, A4), self._template(LANDSCAPE, landscape(A4))])

    def _template(self, name: str, size) -> PageTemplate:
        width, height = size
        frame = Frame(MARGIN, BAND, width - 2 * MARGIN, height - 2 * BAND, id=name, leftPadding=0,
                      rightPadding=0, topPadding=4, bottomPadding=4)
        return PageTemplate(id=name, frames=[frame], pagesize=size)

    def afterFlowable(self, flowable):
        if isinstance(flowable, (SectionHeading, Bookmark)):
            top = self.frame._y + getattr(flowable, "height", 0) + 24
            self.bookmarks.marks.append((self.page, flowable.key, flowable.title, flowable.level, top))
            self.bookmarks.pages.setdefault(flowable.key, self.page)
        self.done += work(flowable)
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def work(flowable) -> int:
    """How much of the pack a laid-out flowable stands for: a table's rows, else one."""
    if isinstance(flowable, PagedTable):
        return len(flowable.rows)
    if isinstance(flowable, Table):
        return max(1, len(flowable._cellvalues) - 1)
    return 1


def canvas_maker(furniture: PageFurniture, bookmarks: Bookmarks, created=None):
    """`created` (a datetime in UTC) is the PDF's creation date: the day the pack was issued, else built, so
    that rebuilding an issued pack gives the same bytes."""
    return partial(PackCanvas, furniture=furniture, bookmarks=bookmarks, created=created)


def _stamp(created):
    """reportlab's time stamp, fixed at `created` (its invariant mode would say 01/01/2000)."""
    from reportlab.lib.utils import TimeStamp
    stamp = TimeStamp(invariant=1)
    stamp.t = created.timestamp()
    stamp.lt = created.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp
