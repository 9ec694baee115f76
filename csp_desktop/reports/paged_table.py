"""A long table laid out a page at a time, with the header on every page and nowhere else.

One long reportlab Table that splits over many pages grows superlinearly (reportlab re-measures and
copies every row still to place at every page break). Cutting it into fixed chunks scales, but prints a
header bar in the middle of a page wherever a chunk ends. This flowable measures its rows' heights itself (cheap:
the cells are pre-wrapped), builds a Table of just the rows that fit the page in hand and carries the
rest over: linear, and the header only at the top of each page.
"""
from __future__ import annotations

from itertools import accumulate, takewhile

from reportlab.platypus import Flowable, Table, TableStyle

from . import scripts
from .fonts import BOLD
from .styles import HEADER_FILL


class FastTable(Table):
    """A Table that draws a left-aligned text cell of several lines as ONE text object, and an empty cell not
    at all: reportlab draws each line as a text object of its own, which was most of a long pack's time."""

    def _drawCell(self, cellval, cellstyle, pos, size):
        if not isinstance(cellval, str) or cellstyle.alignment != "LEFT" or cellstyle.valign != "TOP" \
                or cellstyle.direction or cellstyle.shaping or cellstyle.href or cellstyle.destination:
            return super()._drawCell(cellval, cellstyle, pos, size)
        if not cellval:
            return None
        if "\n" not in cellval:
            return super()._drawCell(cellval, cellstyle, pos, size)
        canv = self.canv
        if self._curcellstyle is not cellstyle:  # type: ignore[has-type]  # reportlab's own, untyped attribute
            cur = self._curcellstyle  # type: ignore[has-type]
            if cur is None or cellstyle.color != cur.color:
                canv.setFillColor(cellstyle.color)
            if cur is None or (cellstyle.leading, cellstyle.fontname, cellstyle.fontsize) != \
                    (cur.leading, cur.fontname, cur.fontsize):
                canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        colpos, rowpos = pos
        text = canv.beginText(colpos + cellstyle.leftPadding,
                              rowpos + size[1] - cellstyle.topPadding - cellstyle.fontsize)
        text.setLeading(cellstyle.leading)
        for line in cellval.split("\n"):
            text.textLine(line)
        canv.drawText(text)
        return None


MIN_ROWS = 3
FOOT = 250   # points: a table starting in less room than this is at a page's foot, not under its heading


class PagedTable(Flowable):
    def __init__(self, header: list, rows: list[list], widths: list[float], styles, heights: list[float],
                 start: int = 0, caption: str = "", continued: bool = False):
        """`styles(first_row_index, count)` gives the TableStyle commands for a table of those rows;
        `heights` are the rows' estimated heights, header first."""
        super().__init__()
        self.header, self.rows, self.widths, self.styles = header, rows, widths, styles
        self.heights, self.start = heights, start
        self.caption, self.continued = caption, continued   # a group's heading, repeated "(continued)"
        self._whole: Table | None = None
        self._deferred = False

    def _table(self, count: int):
        table = FastTable([self.header] + self.rows[:count], colWidths=self.widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(self.styles(self.start, count)))
        if not (self.caption and (self.continued or self._deferred)):
            return table
        # Carried over whole (its heading left at the foot of the last page), or continued: say whose it is.
        return Captioned(f"{self.caption} (continued)" if self.start > 0 else self.caption, table)

    def _fitting(self, available_height: float) -> int:
        """How many rows the estimate says fit under the header in `available_height`."""
        captioned = self.caption and (self.continued or self._deferred)
        room = available_height - self.heights[0] - (CAPTION if captioned else 0)
        return sum(1 for _ in takewhile(lambda total: total <= room, accumulate(self.heights[1:])))

    def wrap(self, available_width, available_height):
        if self._fitting(available_height) >= len(self.rows):
            self._whole = self._table(len(self.rows))
            self.width, self.height = self._whole.wrap(available_width, available_height)
        else:  # more than fits: claim more room than there is, so the frame asks for a split
            self._whole = None
            self.width, self.height = available_width, available_height + 1
        return self.width, self.height

    def split(self, available_width, available_height):
        count = min(self._fitting(available_height), len(self.rows))
        # No continued page with only a row or two, nor a page whose foot starts the table with one or two.
        # Moving rows on is tried once only, so a page can never be left empty: on the next page the rows go
        # in whatever fits.
        if not self._deferred:
            left = len(self.rows) - count
            if 0 < count < MIN_ROWS < len(self.rows) and available_height < FOOT:
                count = 0
            elif 0 < left < MIN_ROWS:
                count = len(self.rows) - MIN_ROWS if len(self.rows) - MIN_ROWS >= MIN_ROWS else 0
            self._deferred = count == 0
        while count > 0:
            table = self._table(count)
            if table.wrap(available_width, available_height)[1] <= available_height:
                break
            count -= 1  # the estimate was short for this page; rare
        if count == 0:
            return []
        if count == len(self.rows):
            return [table]
        rest = PagedTable(self.header, self.rows[count:], self.widths, self.styles,
                          self.heights[:1] + self.heights[count + 1:], self.start + count, self.caption, True)
        return [table, rest]

    def drawOn(self, canvas, x, y, _sW=0):
        self._whole.drawOn(canvas, x, y, _sW)  # type: ignore[union-attr]  # drawn only after wrap made it


CAPTION = 16


class Captioned(Flowable):
    """A table under a one-line heading, for a group carried onto a new page."""

    def __init__(self, text: str, table: Table):
        super().__init__()
        self.text, self.table = text, table

    def wrap(self, available_width, available_height):
        width, height = self.table.wrap(available_width, available_height - CAPTION)
        self.width, self.height = width, height + CAPTION
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        self.table.drawOn(canvas, x, y, _sW)
        canvas.saveState()
        canvas.setFont(BOLD, 10)
        canvas.setFillColor(HEADER_FILL)
        text = canvas.beginText(x, y + self.height - 11)
        scripts.draw(text, self.text, BOLD, 10)
        canvas.drawText(text)
        canvas.restoreState()
