"""A styled, streaming XLSX writer: bold frozen header, wrapped text, band colours, en-GB dates."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from ..domain.scoring import Scheme

WIDE_HEADERS = {"Risk title": 40, "Description": 50, "Mitigation": 60, "Action": 50, "Progress": 40, "Title": 40,
                "Performance indicator": 45, "Priority": 30}


class XlsxWriter:
    def __init__(self, scheme: Scheme):
        self.scheme = scheme
        self.book = Workbook(write_only=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.bold = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="D9E1F2")
        self.fills = {b.name: PatternFill("solid", fgColor=b.colour.lstrip("#")) for b in scheme.bands}

    def sheet(self, title: str, header, rows, score_columns: dict[int, str] | None = None) -> None:
        ws = self.book.create_sheet(title)
        ws.freeze_panes = "A2"
        for col, name in enumerate(header, start=1):
            ws.column_dimensions[_letter(col)].width = WIDE_HEADERS.get(name, max(12, len(name) + 2))
        ws.append([self._header_cell(ws, name) for name in header])
        for row in rows:
            ws.append([self._cell(ws, value, col in (score_columns or {})) for col, value in enumerate(row)])

    def _header_cell(self, ws, name: str):
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill, cell.alignment = self.bold, self.header_fill, self.wrap
        return cell

    def _cell(self, ws, value, is_score: bool):
        if isinstance(value, str):
            value = escape_xstring(value)
        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # typed text stays text, even when it starts with "="
        if isinstance(value, date):
            cell.number_format = "DD/MM/YYYY"
        cell.alignment = self.wrap
        if is_score and isinstance(value, int):
            band = self.scheme.band_for(value)
            if band:
                cell.fill = self.fills[band.name]
        return cell

    def save(self, path: Path) -> None:
        self.book.save(path)


def escape_xstring(text: str) -> str:
    """OOXML's escape for what XML cannot carry: a carriage return is _x000D_ (XML would read it as a line
    feed), and a literal "_x" is "_x005F_x" so it is not mistaken for an escape. Excel reads both."""
    if "_x" in text:
        text = text.replace("_x", "_x005F_x")
    return text.replace("\r", "_x000D_") if "\r" in text else text


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(col)
