"""Long tables as a run of ~100-row tables with the header repeated: one long reportlab Table that
splits over many pages grows superlinearly (FACTS.md); chunks of about 100 rows scale linearly."""
from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Table, TableStyle

from .fonts import BOLD, REGULAR
from .styles import HEADER_FILL, INK, RULE, ZEBRA

CHUNK_ROWS = 100
CELL_SIZE = 8
CELL_PADDING = 6
TALL_ROW = 300  # points

BASE_STYLE = [
    ("FONT", (0, 0), (-1, -1), REGULAR, 8),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("FONT", (0, 0), (-1, 0), BOLD, 8),
    ("TEXTCOLOR", (0, 0), (-1, 0), (1, 1, 1)),
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("GRID", (0, 0), (-1, -1), 0.25, RULE),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def chunked(header: list, rows: list[list], widths: list[float], cell_styles=None) -> list[Table]:
    """Tables of at most CHUNK_ROWS rows, each starting with `header` (also repeated if it splits).

    `cell_styles(row_index, row_number_in_table)` returns the style commands of one data row. Rows move to
    the next page whole; only a row taller than a page gets a table of its own that may split inside it
    (reportlab repeats the header above each piece of a split row, which looks wrong between ordinary rows).
    """
    tables, start = [], 0
    for group in _groups(rows):
        tables.append(_table(header, rows[start:start + group], widths, cell_styles, start,
                             split_in_row=group == 1 and _too_tall(rows[start])))
        start += group
    return tables


def _groups(rows: list[list]) -> list[int]:
    sizes, current = [], 0
    for row in rows:
        if _too_tall(row):
            sizes += [current] if current else []
            sizes.append(1)
            current = 0
            continue
        current += 1
        if current == CHUNK_ROWS:
            sizes.append(current)
            current = 0
    return sizes + ([current] if current else [])


def _too_tall(row: list) -> bool:
    """Taller than about two thirds of a landscape page's frame."""
    return max(_height(cell) for cell in row) > TALL_ROW


def _height(cell) -> float:
    if isinstance(cell, str):
        return (cell.count("\n") + 1) * CELL_SIZE * 1.2
    lines = getattr(cell, "lines", None)
    return len(lines) * CELL_SIZE * 1.22 if lines is not None else 0


def _table(header, part, widths, cell_styles, start: int, split_in_row: bool) -> Table:
    commands = list(BASE_STYLE)
    for offset in range(len(part)):
        line = offset + 1
        if (start + offset) % 2:
            commands.append(("BACKGROUND", (0, line), (-1, line), ZEBRA))
        if cell_styles is not None:
            commands.extend(cell_styles(start + offset, line))
    table = Table([header] + part, colWidths=widths, repeatRows=1, splitInRow=int(split_in_row), hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def wrapped(text, width: float) -> str:
    """User text wrapped to a column as a plain string: far cheaper than a Paragraph where one style will do,
    and never read as markup, so it prints exactly as typed."""
    lines = []
    for line in str(text or "").splitlines() or [""]:
        lines.extend(simpleSplit(line, REGULAR, CELL_SIZE, width - CELL_PADDING) or [""])
    return "\n".join(lines)
