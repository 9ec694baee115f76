"""Tables of the pack: the shared style, long tables paged with their header, and cheap wrapped text cells."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from .fonts import BOLD, REGULAR
from .paged_table import PagedTable
from .textblock import LEADING, Run, TextBlock
from .scripts import has_rtl, split
from .styles import HEADER_FILL, INK, RULE, WHITE, ZEBRA

CELL_SIZE = 8
CELL_PADDING = 6
TALL_ROW = 300  # points
TOP_PADDING, BOTTOM_PADDING = 2, 3

BASE_STYLE = [
    ("FONT", (0, 0), (-1, -1), REGULAR, 8),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("FONT", (0, 0), (-1, 0), BOLD, 8),
    ("TEXTCOLOR", (0, 0), (-1, 0), (1, 1, 1)),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("GRID", (0, 0), (-1, -1), 0.25, RULE),
    ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
    ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def chunked(header: list, rows: list[list], widths: list[float], cell_styles=None, caption: str = "") -> list:
    """The rows as tables with `header` at the top of every page (see paged_table.py).

    `cell_styles(row_index, row_number_in_table)` returns the style commands of one data row. Rows move to
    the next page whole; only a row taller than a page gets a table of its own that may split inside it.
    """
    def styles(first: int, count: int) -> list:
        stripes = [WHITE, ZEBRA] if first % 2 == 0 else [ZEBRA, WHITE]  # continue the stripes across pages
        commands = BASE_STYLE + [("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes)]
        if cell_styles is not None:
            for offset in range(count):
                commands.extend(cell_styles(first + offset, offset + 1))
        return commands

    flowables, start = [], 0
    for count, tall in _groups(rows):
        if tall:
            table = Table([header] + rows[start:start + 1], colWidths=widths, repeatRows=1, splitInRow=1,
                          hAlign="LEFT")
            table.setStyle(TableStyle(styles(start, 1)))
            flowables.append(table)
        else:
            part = rows[start:start + count]
            flowables.append(PagedTable(header, part, widths, styles, [_row_height(r) for r in [header] + part], start,
                                        caption, continued=start > 0))
        start += count
    return flowables


def lead_height(header: list, rows: list[list], count: int = 3) -> float:
    """The height of the header and the first few rows: room to ask for before a group's heading, so the
    heading never stands alone at the foot of a page."""
    return sum(_row_height(row) for row in [header] + rows[:count])


def _groups(rows: list[list]) -> list[tuple[int, bool]]:
    """(row count, taller than a page) runs: ordinary rows together, each too-tall row alone."""
    groups, current = [], 0
    for row in rows:
        if _too_tall(row):
            groups += [(current, False)] if current else []
            groups.append((1, True))
            current = 0
        else:
            current += 1
    return groups + ([(current, False)] if current else [])


def _too_tall(row: list) -> bool:
    """Taller than about two thirds of a landscape page's frame."""
    return _row_height(row) > TALL_ROW


def _row_height(row: list) -> float:
    """A row's height as reportlab will make it, from its pre-wrapped cells (BASE_STYLE's padding)."""
    return max(_height(cell) for cell in row) + TOP_PADDING + BOTTOM_PADDING


def _height(cell) -> float:
    if isinstance(cell, str):
        return (cell.count("\n") + 1) * CELL_SIZE * 1.2
    fixed = getattr(cell, "fixed_height", None)   # a score chip
    if fixed is not None:
        return fixed
    block = getattr(cell, "lines", None)
    if block is not None:
        return sum(size * LEADING for _, _, size, _ in block)
    return CELL_SIZE * 1.2  # anything else: at least a line; PagedTable checks the real height


def wrapped(text, width: float):
    """User text wrapped to a column as a plain string: far cheaper than a Paragraph where one style will do,
    and never read as markup, so it prints exactly as typed."""
    text = str(text or "")
    if has_rtl(text):  # Urdu or Arabic: joined forms in visual order, in a font that has them
        return TextBlock([Run(text)], width - CELL_PADDING)
    if "\n" not in text and "\r" not in text and stringWidth(text, REGULAR, CELL_SIZE) <= width - CELL_PADDING:
        return text  # fits on one line: one measurement instead of one a word
    lines = []
    for line in text.splitlines() or [""]:
        lines.extend(split(line, REGULAR, CELL_SIZE, width - CELL_PADDING) or [""])
    return "\n".join(lines)
