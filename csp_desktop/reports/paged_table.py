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
from reportlab.platypus.tables import CellStyle

from . import scripts
from .fonts import BOLD
from .styles import HEADER_FILL


class FastTable(Table):
    """A Table whose neighbouring left-aligned text cells are written into ONE text object, and whose empty cells
    are not drawn at all: reportlab makes a text object (and measures the string) for each line of each cell,
    which was most of a long pack's time. The text object is closed before any other cell is drawn, so the
    content keeps reportlab's cell order (copied text and screen readers read a row as before). Its cells start
    from the table style's shared font, colour and padding (set once, not cell by cell by each command), and it
    is measured once."""

    _text = None
    _measured = None

    def __init__(self, data: list[list], commands: list, **options):
        shared, rest = _shared(commands)
        header, body = _prototypes(shared)
        cells = [[_copy(header if number == 0 else body) for _ in row] for number, row in enumerate(data)]
        super().__init__(data, cellStyles=cells, **options)
        self.setStyle(TableStyle(rest))

    def wrap(self, availWidth, availHeight):
        """The frame wraps a table again after split() measured it: the second time costs nothing."""
        if self._measured == availWidth:
            self.availWidth = availWidth
            return self._width, self._height
        size = super().wrap(availWidth, availHeight)
        if self._hmax == len(self._cellvalues):  # every row measured (reportlab may stop at the page's foot)
            self._measured = availWidth
        return size

    def draw(self):
        self._text, self._pen = None, None
        super().draw()
        self._flush()

    def _flush(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
            self._text = None
            # the text object left its colour in the graphics state: reportlab must set the next cell's again
            self._curcellstyle = None

    def _drawCell(self, cellval, cellstyle, pos, size):
        if not isinstance(cellval, str) or cellstyle.alignment != "LEFT" or cellstyle.valign != "TOP" \
                or cellstyle.direction or cellstyle.shaping or cellstyle.href or cellstyle.destination:
            self._flush()
            return super()._drawCell(cellval, cellstyle, pos, size)
        if not cellval:
            return None
        if self._text is None:
            self._text, self._pen = self.canv.beginText(), None
        text = self._text
        pen = (cellstyle.fontname, cellstyle.fontsize, cellstyle.leading, cellstyle.color)
        if pen != self._pen:  # the text object keeps its font and colour from cell to cell
            text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            text.setFillColor(cellstyle.color)
            self._pen = pen
        colpos, rowpos = pos
        text.setTextOrigin(colpos + cellstyle.leftPadding, rowpos + size[1] - cellstyle.topPadding - cellstyle.fontsize)
        for line in cellval.split("\n"):
            text.textLine(line)
        return None


CELL_OPS = {"FONT", "TEXTCOLOR", "VALIGN", "ALIGN", "LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"}
WHOLE, HEADER = ((0, 0), (-1, -1)), ((0, 0), (-1, 0))


def _shared(commands: list) -> tuple[list, list]:
    """(the leading cell commands for the whole table or its header row, the rest in order). Fills and rules are
    kept apart by reportlab whatever their order, so only cell commands end the shared run."""
    shared: list = []
    rest: list = []
    leading = True
    for command in commands:
        if command[0] in CELL_OPS:
            leading = leading and tuple(command[1:3]) in (WHOLE, HEADER)
            (shared if leading else rest).append(command)
        else:
            rest.append(command)
    return shared, rest


def _prototypes(shared: list) -> tuple[CellStyle, CellStyle]:
    """A header cell's and a body cell's style after the shared commands, from a table of two one-cell rows."""
    table = Table([[""], [""]])
    table.setStyle(TableStyle(shared))
    return table._cellStyles[0][0], table._cellStyles[1][0]


def _copy(style: CellStyle) -> CellStyle:
    copied = CellStyle.__new__(CellStyle)
    copied.__dict__.update(style.__dict__)
    return copied


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
        table = FastTable([self.header] + self.rows[:count], self.styles(self.start, count), colWidths=self.widths,
                          repeatRows=1, hAlign="LEFT")
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
