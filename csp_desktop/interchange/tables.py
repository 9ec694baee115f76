"""Reading a CSV or XLSX file into plain sheets of cell values, refusing what is not a spreadsheet.

Formulas are never evaluated: an XLSX formula cell yields the value its program saved, and is listed
so the reader can say so.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, ReadError, WARNING
from .safe_xlsx import OLE_MAGIC, NotAWorkbook, check_xlsx

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CELL_CHARS = 50_000
CSV_FIELD_LIMIT = 64 * 1024 * 1024  # read long cells so the length check can name them
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class Sheet:
    name: str | None
    rows: list[list]
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row index, column index), 0-based


@dataclass
class Workbook:
    file: str
    sheets: list[Sheet]
    warnings: list[Problem] = field(default_factory=list)


def read_tables(path: Path, sheet: str | None = None) -> Workbook:
    path = Path(path)
    data = _read_bytes(path)
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() in XLSX_SUFFIXES or data[:8] == OLE_MAGIC:
        return _read_xlsx(path, data, sheet)
    if sheet:
        _fail(path, "is a CSV file, which has no sheets; leave out --sheet")
    return _read_csv(path, data)


def _fail(path: Path, message: str, **where) -> None:
    raise ReadError([Problem(path.name, message, **where)])


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        _fail(path, "does not exist")
    if path.is_dir():
        _fail(path, "is a folder, not a spreadsheet")
    size = path.stat().st_size
    if size == 0:
        _fail(path, "is empty")
    if size > MAX_FILE_BYTES:
        _fail(path, f"is {size // (1024 * 1024)} MB, larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB an import may be")
    try:
        return path.read_bytes()
    except OSError as exc:
        _fail(path, f"could not be read ({exc.strerror})")


def _decode(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    if b"\x00" in data[:65536]:
        _fail(path, "is not a spreadsheet (it holds binary data); import a .csv or .xlsx file")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        warning = Problem(path.name, "is not UTF-8; it was read as Windows-1252 (Excel's usual CSV encoding)",
                          severity=WARNING)
        return data.decode("cp1252", errors="replace"), [warning]


def _read_csv(path: Path, data: bytes) -> Workbook:
    text, warnings = _decode(path, data)
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    old_limit = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        rows = [[_unprotect(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        _fail(path, f"is not a readable CSV file ({exc})")
    finally:
        csv.field_size_limit(old_limit)
    return Workbook(path.name, [Sheet(None, rows)], warnings)


def _unprotect(cell: str) -> str:
    """Undo the apostrophe that CSV exports put before text a spreadsheet would take for a formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@":
        return cell[1:]
    return cell


def _read_xlsx(path: Path, data: bytes, wanted: str | None) -> Workbook:
    try:
        check_xlsx(path, max_bytes=MAX_FILE_BYTES)
    except NotAWorkbook as exc:
        _fail(path, exc.reason)
    import openpyxl  # imported here: CSV imports need not pay for it
    if not openpyxl.DEFUSEDXML:
        _fail(path, "was not opened: this installation lacks defusedxml, which guards against hostile workbooks")
    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged or hostile XML
        _fail(path, f"could not be read as a workbook ({type(exc).__name__}: {str(exc)[:200]})")
    names = values.sheetnames
    if wanted is not None and wanted not in names:
        _fail(path, f"has no sheet {wanted!r} (its sheets are {', '.join(names)})")
    sheets = []
    try:
        for name in ([wanted] if wanted else names):
            rows = [list(r) for r in values[name].iter_rows(values_only=True)]
            sheets.append(Sheet(name, rows, _formula_cells(formulas[name])))
    except Exception as exc:
        _fail(path, f"could not be read as a workbook ({type(exc).__name__}: {str(exc)[:200]})")
    finally:
        values.close()
        formulas.close()
    return Workbook(path.name, sheets)


def _formula_cells(worksheet) -> set[tuple[int, int]]:
    found = set()
    for r, row in enumerate(worksheet.iter_rows()):
        for c, cell in enumerate(row):
            if getattr(cell, "data_type", None) == "f":
                found.add((r, c))
    return found
