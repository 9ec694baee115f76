"""A long table laid out a page at a time, with the header on every page and nowhere else.

One long reportlab Table that splits over many pages grows superlinearly (FACTS.md: it re-measures and
copies everything left at every page). Cutting it into fixed chunks scales, but prints a header bar
in the middle of a page wherever a chunk ends. This flowable measures its rows' heights itself (cheap:
the cells are pre-wrapped), builds a Table of just the rows that fit the page in hand and carries the
rest over: linear, and the header only at the top of each page.
"""
from __future__ import annotations

from itertools import accumulate

from reportlab.platypus import Flowable, Table, TableStyle


class PagedTable(Flowable):
    def __init__(self, header: list, rows: list[list], widths: list[float], styles, heights: list[float],
                 start: int = 0):
        """`styles(first_row_index, count)` gives the TableStyle commands for a table of those rows;
        `heights` are the rows' estimated heights, header first."""
        super().__init__()
        self.header, self.rows, self.widths, self.styles = header, rows, widths, styles
        self.heights, self.start = heights, start
        self._whole: Table | None = None

    def _table(self, count: int) -> Table:
        table = Table([self.header] + self.rows[:count], colWidths=self.widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(self.styles(self.start, count)))
        return table

    def _fitting(self, available_height: float) -> int:
        """How many rows the estimate says fit under the header in `available_height`."""
        room = available_height - self.heights[0]
        return sum(1 for total in accumulate(self.heights[1:]) if total <= room)

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
                          self.heights[:1] + self.heights[count + 1:], self.start + count)
        return [table, rest]

    def drawOn(self, canvas, x, y, _sW=0):
        self._whole.drawOn(canvas, x, y, _sW)
