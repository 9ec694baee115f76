"""Reading an owner's returned workbook: what is in each row, exactly as the owner left it.

Nothing here judges the values or looks at the register; the service does that. Formulas are never
evaluated: a formula cell's last calculated value (cached by Excel or LibreOffice) is read and the
formula is reported with it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.xml import DEFUSEDXML

from ..errors import UserError
from .owner_layout import (FIRST_DATA_ROW, FORMAT, HEADER_ROW, META_KEYS, META_SHEET, OPTIONAL_SHEETS, ROW_ID,
                           ROW_VERSION, SHEETS, SHEETS_KEY, SHEETS_SEPARATOR)
from .safe_xlsx import NotAWorkbook, check_xlsx


class NotAnOwnerWorkbook(UserError):
    """An .xlsx that was not sent by CSP Desktop as an owner's workbook."""


@dataclass
class CellValue:
    value: object
    formula: str | None = None   # "=..." when the cell held a formula; `value` is then its cached result


@dataclass
class ReturnedRow:
    sheet: str
    number: int                   # the spreadsheet row number, for messages
    tbl: str                      # "risks", "mitigations" or "actions"
    row_id: str
    version: object               # as found; the service checks it
    cells: dict[str, CellValue]   # every column by key, the owner's cells and the locked ones


@dataclass
class ReturnedWorkbook:
    file: str
    meta: dict
    rows: list[ReturnedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # whole sheets that could not be read


def read_owner_workbook(path: Path) -> ReturnedWorkbook:
    path = Path(path)
    check_xlsx(path)
    formulas = _read(path, data_only=False)
    formula_cells = [(row, key) for row in formulas.rows for key, cell in row.cells.items() if cell.formula]
    if formula_cells:
        _fill_cached_values(path, formula_cells)
    return formulas


def _open(path: Path, *, data_only: bool):
    if not DEFUSEDXML:
        raise NotAWorkbook(path.name, "was not opened: this installation lacks defusedxml, which guards "
                           "against hostile workbooks")
    try:
        return load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds of error on a malformed file; all mean "unreadable"
        raise NotAWorkbook(path.name, f"could not be read as a spreadsheet ({type(exc).__name__})") from exc


def _read(path: Path, *, data_only: bool) -> ReturnedWorkbook:
    wb = _open(path, data_only=data_only)
    try:
        meta = _meta(wb, path.name)
        book = ReturnedWorkbook(file=path.name, meta=meta)
        sent = _sheets_sent(meta)
        for sheet, (tbl, columns) in SHEETS.items():
            if sheet not in wb.sheetnames:
                if sheet in sent:   # the owner deleted a sheet they were sent
                    book.problems.append(f"the {sheet} sheet is missing, so nothing on it was taken")
                continue
            _read_sheet(wb[sheet], sheet, tbl, columns, book)
        return book
    except UserError:
        raise
    except Exception as exc:  # malformed sheet XML surfaces only while rows are read
        raise NotAWorkbook(path.name, f"could not be read as a spreadsheet ({type(exc).__name__})") from exc
    finally:
        wb.close()


def _meta(wb, file: str) -> dict:
    if META_SHEET not in wb.sheetnames:
        raise NotAnOwnerWorkbook(f"{file} is not an owner workbook sent by CSP Desktop (it has no register "
                                 "identity); only workbooks made by 'Send' can be taken back.")
    facts = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=len(META_KEYS) + 5, max_col=2, values_only=True):
        if row and row[0] in META_KEYS:
            facts[row[0]] = "" if len(row) < 2 or row[1] is None else str(row[1]).strip()
    if facts.get("format") != FORMAT or not facts.get("register_id") or not facts.get("sending_id"):
        raise NotAnOwnerWorkbook(f"{file} has a damaged or unknown register identity, so it cannot be "
                                 "matched to a register.")
    return facts


def _sheets_sent(meta: dict) -> set[str]:
    """The table sheets this workbook went out with; an older workbook names none and had all but the optional."""
    if SHEETS_KEY not in meta:
        return set(SHEETS) - OPTIONAL_SHEETS
    return set(meta[SHEETS_KEY].split(SHEETS_SEPARATOR)) & set(SHEETS)


def _read_sheet(ws, sheet: str, tbl: str, columns, book: ReturnedWorkbook) -> None:
    ws.reset_dimensions()  # LibreOffice and others may record a wrong sheet size
    rows = ws.iter_rows(min_row=HEADER_ROW)
    headings = [_text(c.value) for c in next(rows, ())]
    where, missing = {}, []
    for column in columns:
        if column.heading not in headings and column.optional:
            missing.append(column.key)   # a workbook sent before the column existed: read as empty
            continue
        if column.heading not in headings:
            book.problems.append(f"the {sheet} sheet has lost its {column.heading!r} column, so nothing on it "
                                 "was taken")
            return
        where[column.key] = headings.index(column.heading)
    for number, cells in enumerate(rows, start=FIRST_DATA_ROW):
        values = {key: _cell(cells[i]) if i < len(cells) else CellValue(None) for key, i in where.items()}
        if all(_blank(v.value) and not v.formula for v in values.values()):
            continue
        values.update({key: CellValue(None) for key in missing})
        book.rows.append(ReturnedRow(sheet=sheet, number=number, tbl=tbl, row_id=_text(values[ROW_ID].value),
                                     version=values[ROW_VERSION].value, cells=values))


def _cell(cell) -> CellValue:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        return CellValue(None, formula=str(value))
    return CellValue(value)


def _fill_cached_values(path: Path, wanted: list[tuple[ReturnedRow, str]]) -> None:
    """Read the last calculated value of each formula cell (None if the file never was calculated)."""
    cached = _read(path, data_only=True)
    by_place = {(row.sheet, row.number): row for row in cached.rows}
    for row, key in wanted:
        twin = by_place.get((row.sheet, row.number))
        row.cells[key].value = twin.cells[key].value if twin else None


def day_from_serial(number: float) -> date:
    """A date a spreadsheet stored as a day number (when a cell lost its date format)."""
    return from_excel(number).date()


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
