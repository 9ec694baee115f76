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
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.xml import DEFUSEDXML

from ..errors import UserError
from .owner_layout import (FIRST_DATA_ROW, FORMAT, HEADER_ROW, INSTRUCTIONS_SHEET, META_KEYS, META_SHEET,
                           OPTIONAL_SHEETS, ROW_ID, ROW_VERSION, SHEETS, SHEETS_KEY, SHEETS_SEPARATOR, Column)
from .safe_xlsx import NotAWorkbook, check_xlsx


class NotAnOwnerWorkbook(UserError):
    """An .xlsx that was not sent by CSP Desktop as an owner's workbook."""


@dataclass
class CellValue:
    value: object
    formula: str | None = None   # "=..." when the cell held a formula; `value` is then its cached result


@dataclass
class LooseCell:
    """A cell the owner wrote in where nothing is taken back: a column, row or sheet the workbook did not have,
    or a column whose heading was changed. Kept so the coordinator sees every word of the return."""
    sheet: str
    row: int                      # spreadsheet row number
    column: int                   # 1 = A
    heading: str                  # the text in the heading row above it ("" if none)
    value: CellValue
    key: str | None = None        # the layout column sent at this place, when its heading was changed


@dataclass
class ReturnedRow:
    sheet: str
    number: int                   # the spreadsheet row number, for messages
    tbl: str                      # "risks", "mitigations" or "actions"
    row_id: str
    version: object               # as found; the service checks it
    cells: dict[str, CellValue]   # every column by key, the owner's cells and the locked ones
    loose: list[LooseCell] = field(default_factory=list)   # cells of the row outside the columns taken
    lost: frozenset[str] = frozenset()                     # layout columns whose heading was changed: not read


@dataclass
class ReturnedWorkbook:
    file: str
    meta: dict
    rows: list[ReturnedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # whole sheets or columns that could not be read
    loose: list[LooseCell] = field(default_factory=list)   # cells written outside any row of a table
    unread: set[str] = field(default_factory=set)         # tables ("risks", ...) whose sheet was refused whole
    kept: int = 0          # loose cells kept so far, here and in rows
    dropped: int = 0       # loose cells past MAX_LOOSE: counted, not kept


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
        for name in wb.sheetnames:   # a sheet the owner added for their notes: every word on it is kept
            if name not in SHEETS and name not in (META_SHEET, INSTRUCTIONS_SHEET):
                _read_added_sheet(wb[name], name, book)
        if book.dropped:
            book.problems.append(f"{book.kept + book.dropped:,} cells were written outside the columns taken back; "
                                 f"only the first {MAX_LOOSE:,} are listed and kept, so keep the file itself for the "
                                 "rest")
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


def _read_sheet(ws, sheet: str, tbl: str, columns: tuple[Column, ...], book: ReturnedWorkbook) -> None:
    ws.reset_dimensions()  # LibreOffice and others may record a wrong sheet size
    rows = ws.iter_rows(min_row=1)
    title = f"{sheet} owned by {book.meta.get('owner_name', '')}"
    book.loose += _room(book, [c for c in _written(sheet, 1, next(rows, ()), [])
                               if not (c.column == 1 and _text(c.value.value) == title)])   # as sent: not theirs
    headings = [_text(c.value) for c in next(rows, ())]
    where, missing, lost = {}, [], set()
    for index, column in enumerate(columns):
        if column.heading in headings:
            where[column.key] = headings.index(column.heading)
            continue
        now = headings[index] if index < len(headings) else ""
        missing.append(column.key)   # read as empty
        if column.optional and (not now or now in _HEADINGS):
            continue   # a workbook sent before the column existed
        if column.key in (ROW_ID, ROW_VERSION):
            book.problems.append(f"the {sheet} sheet has lost its hidden {column.heading!r} column, so its rows "
                                 "cannot be matched and nothing on it was taken (anything written on it is listed "
                                 "with the cells not taken back)")
            book.unread.add(tbl)
            _keep_owner_words(rows, sheet, columns, headings, book)
            return
        lost.add(column.key)
        book.problems.append(_lost(sheet, column, index, now))
    taken = set(where.values())
    places = {i: c.key for i, c in enumerate(columns) if c.key in lost}  # where a column whose heading changed was sent
    book.loose += _room(book, [c for c in _written(sheet, HEADER_ROW, (), headings)
                               if c.column - 1 not in taken and c.column - 1 not in places])
    for number, cells in enumerate(rows, start=FIRST_DATA_ROW):
        values = {key: _cell(cells[i]) if i < len(cells) else CellValue(None) for key, i in where.items()}
        loose = _room(book, [c for c in _written(sheet, number, cells, headings) if c.column - 1 not in taken])
        for cell in loose:
            cell.key = places.get(cell.column - 1)
        if all(_blank(v.value) and not v.formula for v in values.values()):
            book.loose += loose   # a note beside or below the table, in no row that was sent
            continue
        values.update({key: CellValue(None) for key in missing})
        book.rows.append(ReturnedRow(sheet=sheet, number=number, tbl=tbl, row_id=_text(values[ROW_ID].value),
                                     version=values[ROW_VERSION].value, cells=values, loose=loose,
                                     lost=frozenset(lost)))


def _lost(sheet: str, column: Column, index: int, now: str) -> str:
    """One sentence for a heading the reader cannot find: the column is not read, the rest of the sheet is."""
    if not now or now in _HEADINGS:   # deleted, or emptied: nothing stands in its place
        said = f"the {sheet} sheet has lost its {column.heading!r} column"
    else:
        said = f"the {sheet} sheet's heading {column.heading!r} (column {get_column_letter(index + 1)}) was " \
               f"changed to {now!r}"
    return said + ", so that column was not taken (the rest of the sheet was read; anything written under a " \
                  "changed heading is listed with the cells not taken back)"


_HEADINGS = {c.heading for _tbl, columns in SHEETS.values() for c in columns}


def _written(sheet: str, number: int, cells, headings: list[str]) -> list[LooseCell]:
    """The cells of one row that hold anything, each with the heading above it. With no cells, the headings
    themselves are the row (the heading row, read already)."""
    if not cells:
        return [LooseCell(sheet, number, i + 1, "", CellValue(text)) for i, text in enumerate(headings) if text]
    found = []
    for i, cell in enumerate(cells):
        value = _cell(cell)
        if value.formula or not _blank(value.value):
            found.append(LooseCell(sheet, number, i + 1, headings[i] if i < len(headings) else "", value))
    return found


def _keep_owner_words(rows, sheet: str, columns: tuple[Column, ...], headings: list[str],
                      book: ReturnedWorkbook) -> None:
    """A sheet that cannot be matched: keep what stands in the owner's columns and beyond the table."""
    mine = {i for i, c in enumerate(columns) if c.for_owner}
    for number, cells in enumerate(rows, start=FIRST_DATA_ROW):
        book.loose += _room(book, [c for c in _written(sheet, number, cells, headings)
                                   if c.column - 1 in mine or c.column > len(columns)])
    book.loose += _room(book, [c for c in _written(sheet, HEADER_ROW, (), headings) if c.column > len(columns)])


def _read_added_sheet(ws, sheet: str, book: ReturnedWorkbook) -> None:
    if not hasattr(ws, "iter_rows"):
        return  # a chart sheet holds no words
    ws.reset_dimensions()
    for number, cells in enumerate(ws.iter_rows(), start=1):
        book.loose += _room(book, _written(sheet, number, cells, []))


# A workbook with more loose cells than this is not an owner's notes; the first ones are kept and the rest counted.
MAX_LOOSE = 5000


def _room(book: ReturnedWorkbook, found: list[LooseCell]) -> list[LooseCell]:
    """As many of these as the cap leaves room for; the rest are counted (a hostile file cannot fill memory)."""
    room = max(MAX_LOOSE - book.kept, 0)
    book.kept += min(len(found), room)
    book.dropped += max(len(found) - room, 0)
    return found[:room]


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
