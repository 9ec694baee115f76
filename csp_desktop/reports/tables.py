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

    `cell_styles(row_index, row_number_in_table)` returns the style commands of one data row.
    """
    tables = []
    for start in range(0, len(rows), CHUNK_ROWS):
        part = rows[start:start + CHUNK_ROWS]
        commands = list(BASE_STYLE)
        for offset in range(len(part)):
            line = offset + 1
            if offset % 2:
                commands.append(("BACKGROUND", (0, line), (-1, line), ZEBRA))
            if cell_styles is not None:
                commands.extend(cell_styles(start + offset, line))
        table = Table([header] + part, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        tables.append(table)
    return tables


def wrapped(text, width: float) -> str:
    """User text wrapped to a column as a plain string: far cheaper than a Paragraph where one style will do,
    and never read as markup, so it prints exactly as typed."""
    lines = []
    for line in str(text or "").splitlines() or [""]:
        lines.extend(simpleSplit(line, REGULAR, CELL_SIZE, width - CELL_PADDING) or [""])
    return "\n".join(lines)
