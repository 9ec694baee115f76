"""Reading a CSV or XLSX file into plain sheets of cell values, refusing what is not a spreadsheet.

Formulas are never evaluated: an XLSX formula cell yields the value its program saved, and is listed
so the reader can say so.
"""
from __future__ import annotations

import contextlib
import csv
import io
import threading
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from .problems import Problem, ReadError, WARNING
from .safe_xlsx import OLE_MAGIC, NotAWorkbook, check_xlsx

# Limits checked before parsing, so a hostile file is refused in a sentence within a second.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024   # a 10,000-risk workbook unpacks to about 10 MB
MAX_SHEETS = 60
MAX_ROWS = 100_000
MAX_CELLS = 3_000_000
MAX_CELL_CHARS = 50_000
CSV_FIELD_LIMIT = 64 * 1024 * 1024  # read long cells so the length check can name them
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class Sheet:
    name: str | None
    rows: list[list]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), 0-based -> formula


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


def _fail(path: Path, message: str, **where) -> NoReturn:
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
        _fail(path, f"is {size // (1024 * 1024)} MB, "
              f"larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB an import may be")
    try:
        return path.read_bytes()
    except OSError as exc:
        _fail(path, f"could not be read ({exc.strerror})")


def _decode(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    """UTF-8, line by line: a stray byte makes only its own line Windows-1252, and is named by its place.

    A file none of whose non-ASCII lines is UTF-8 is a Windows-1252 file (Excel's usual CSV encoding).
    """
    if b"\x00" in data[:65536]:
        _fail(path, "is not a spreadsheet (it holds binary data); import a .csv or .xlsx file")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8_lines = sum(1 for line in lines if not line.isascii() and _is_utf8(line))
    if not utf8_lines:
        warning = Problem(path.name, "is not UTF-8; it was read as Windows-1252 (Excel's usual CSV encoding)",
                          severity=WARNING)
        return data.decode("cp1252", errors="replace"), [warning]
    out, warnings = [], []
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            bad, around = line[exc.start:exc.end], line[max(0, exc.start - 20):exc.end + 20]
            warnings.append(Problem(path.name, f"line {number}, byte {exc.start + 1}: {bad.hex(' ')} is not UTF-8 "
                                    "like the rest of the file; that line was read as Windows-1252 "
                                    f"({around.decode('cp1252', errors='replace')!r})",
                                    severity=WARNING))
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out), warnings


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _read_csv(path: Path, data: bytes) -> Workbook:
    lines = data.count(b"\n")
    if lines > MAX_ROWS:
        _fail(path, f"has {lines:,} lines, more than the {MAX_ROWS:,} rows an import reads; split it into "
                    "smaller files")
    text, warnings = _decode(path, data)
    dialect = _dialect(text[:65536])
    old_limit = csv.field_size_limit(CSV_FIELD_LIMIT)
    rows, cells = [], 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            cells += len(row)
            if cells > MAX_CELLS:
                _fail(path, f"has more than {MAX_CELLS:,} cells, more than an import reads; split it into "
                            "smaller files")
            rows.append([_unprotect(cell) for cell in row])
    except csv.Error as exc:
        _fail(path, f"is not a readable CSV file ({exc})")
    finally:
        csv.field_size_limit(old_limit)
    return Workbook(path.name, [Sheet(None, rows)], warnings)


class _Dialect(csv.excel):
    """Standard quoting (a doubled quote inside a quoted cell is one quote); only the delimiter is sniffed."""


def _dialect(sample: str) -> type[csv.Dialect]:
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    return type("_Sniffed", (_Dialect,), {"delimiter": delimiter})


UNPROTECT_AFTER = ("=", "+", "-", "@", "\t", "\r", "'")


def _unprotect(cell: str) -> str:
    """Undo the apostrophe our exports put before text a spreadsheet would take for a formula (or that
    itself starts with an apostrophe), so the text comes back exactly as typed."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in UNPROTECT_AFTER:
        return cell[1:]
    return cell


def _read_xlsx(path: Path, data: bytes, wanted: str | None) -> Workbook:
    try:
        check_xlsx(path, max_bytes=MAX_FILE_BYTES, max_unpacked=MAX_UNPACKED_BYTES, max_sheets=MAX_SHEETS)
    except NotAWorkbook as exc:
        _fail(path, exc.reason)
    import openpyxl  # imported here: CSV imports need not pay for it
    if not openpyxl.DEFUSEDXML:
        _fail(path, "was not opened: this installation lacks defusedxml, which guards against hostile workbooks")
    try:
        with _stated_sizes_unread():
            values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            # The second reading finds formula cells; a workbook without any formula (most) skips it.
            formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False) \
                if _has_formulas(data) else None
    except Exception as exc:  # openpyxl raises many types for damaged or hostile XML  # noqa: BLE001
        _fail(path, f"could not be read as a workbook ({type(exc).__name__}: {str(exc)[:200]})")
    names = values.sheetnames
    if wanted is not None and wanted not in names:
        _fail(path, f"has no sheet {wanted!r} (its sheets are {', '.join(names)})")
    sheets, budget = [], _Budget(path)
    try:
        for name in ([wanted] if wanted else names):
            sheets.append(Sheet(name, _rows(values[name], budget),
                                _formula_cells(formulas[name]) if formulas else {}))
    except Exception as exc:
        _fail(path, f"could not be read as a workbook ({type(exc).__name__}: {str(exc)[:200]})")
    finally:
        values.close()
        if formulas:
            formulas.close()
    return Workbook(path.name, sheets)


_LOADING = threading.Lock()


@contextlib.contextmanager
def _stated_sizes_unread():
    """openpyxl looks for each sheet's stated size on opening, parsing the whole sheet when there is none.
    The size is never used here (every sheet is read to its last row, reset_dimensions), so skip it."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    with _LOADING:
        original = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = lambda self: None
        try:
            yield
        finally:
            ReadOnlyWorksheet._get_size = original


def _has_formulas(data: bytes) -> bool:
    """Whether any sheet holds a formula (<f> or <f ...>), read from the zip (already checked as safe)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                with archive.open(member) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        if re.search(rb"<(?:\w+:)?f[ >/]", tail + chunk):
                            return True
                        tail = chunk[-16:]
    return False


class _Budget:
    """Rows and cells counted as they are read, across the workbook."""

    def __init__(self, path: Path):
        self.path, self.rows, self.cells = path, 0, 0

    def take(self, width: int) -> None:
        self.rows, self.cells = self.rows + 1, self.cells + width
        if self.rows > MAX_ROWS or self.cells > MAX_CELLS:
            _fail(self.path, f"has more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells, more than an import "
                             "reads; split it into smaller workbooks")


def _rows(worksheet, budget: _Budget) -> list[list]:
    # A sheet's stated size (<dimension>) may be smaller than its data: read what is there, not what it says.
    worksheet.reset_dimensions()
    rows = []
    for row in worksheet.iter_rows(values_only=True):
        budget.take(len(row))
        rows.append(_trimmed(row))
    return rows


_XSTRING = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_xstring(value):
    """Undo OOXML's _xHHHH_ escapes (a carriage return is saved as _x000D_), as Excel does on reading."""
    if isinstance(value, str) and "_x" in value:
        return _XSTRING.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def _trimmed(row) -> list:
    """A row without the empty cells at its end (formatting can stretch rows to 16,384 columns)."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return [unescape_xstring(v) for v in row[:end]]


def _formula_cells(worksheet) -> dict[tuple[int, int], str]:
    worksheet.reset_dimensions()
    found = {}
    for r, row in enumerate(worksheet.iter_rows()):
        for c, cell in enumerate(row):
            if getattr(cell, "data_type", None) == "f":
                found[(r, c)] = str(cell.value)
    return found
