"""Reading a real spreadsheet (CSV or XLSX) into Contents, or a precise list of what was wrong."""
from __future__ import annotations

from pathlib import Path

from ..domain.scoring import Scheme, preset
from . import headers as h
from .columns import SheetReading
from .contents import Contents
from .problems import ERROR, WARNING, Problem, ReadError, column_name
from .scale_key import stated_scales
from .scales import ScaleReading, read_scale
from .scheme_sheet import SCHEME_SHEET, read_scheme_sheet
from .sheet_rows import SheetReader, filled
from .table_readers import READERS
from .tables import Sheet, read_tables

_KIND_ORDER = (h.OWNERS, h.PRIORITIES, h.MEETINGS, h.RISKS, h.MITIGATIONS, h.REVIEWS, h.ACTIONS, h.NOTES,
               h.INDICATORS)
_LEVEL_WORDS = {"likelihood", "probability", "impact"}
_LOOKED_FOR = "'Risk', 'Risk description', 'Likelihood', 'Impact', 'Action', 'Priority', 'Performance indicator'"


def read_spreadsheet(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                     scheme: Scheme | None = None, register_scheme: Scheme | None = None,
                     kinds: dict[str, str | None] | None = None, book=None, progress=None) -> Contents:
    """The file's contents. `register_scheme` reads the levels of a file that has no risk table (a
    mitigations or reviews table of risks already in the register). `book`: the file already read.
    `progress(rows_read, rows)` is told every few hundred rows (and may raise to stop the reading)."""
    book = book or read_tables(path, sheet)
    plan = Contents(book.file, warnings=list(book.warnings))
    tables, readings = _tables(book, mapping, kinds)
    if not tables:
        raise ReadError([_nothing_found(book, readings)])
    _check_mapped_columns_exist(book.file, tables, mapping or {})
    scheme_sheet = next((s for s in book.sheets if s.name == SCHEME_SHEET), None)
    problems: list[Problem] = []
    keys: set = set()   # sheets whose key or matrix gave the scale: read, so not named as unread
    if any(layout.kind == h.RISKS for _, layout in tables):
        plan.scheme = scheme or (read_scheme_sheet(scheme_sheet, book.file) if scheme_sheet else None)
        if plan.scheme is None:
            reading = _read_scale(book, tables, problems)
            plan.scheme, plan.scale_note, plan.scale_guessed = reading.scheme, reading.note, reading.guessed
            keys = plan.scale_sheets = reading.sheets
    level_scheme = plan.scheme or scheme or register_scheme or preset("5x5")
    for table, layout in tables:
        problems += _unread_columns(book.file, table, layout)
    problems += _unread_sheets(book, [r for r in readings if r.sheet not in keys])
    count = RowCount(sum(len(t.rows) - layout.data_from for t, layout in tables), progress)
    for kind in _KIND_ORDER:
        for table, layout in tables:
            if layout.kind == kind:
                READERS[kind](SheetReader(plan, table, layout, problems, level_scheme, count), _risk_sheets(tables))
    count.finish()
    errors = [p for p in problems if p.severity == ERROR]
    plan.warnings += [p for p in problems if p.severity == WARNING]
    if errors:
        raise ReadError(errors)
    if not any(plan.counts().values()):
        raise ReadError([_yielded_nothing(book, readings)])
    return plan


def _read_scale(book, tables, problems: list[Problem]) -> ScaleReading:
    """The scale from the sheets that are not tables (a guidance, key or matrix sheet) and the levels."""
    tabled = {id(sheet) for sheet, _ in tables}
    others = [s for s in book.sheets if id(s) not in tabled and s.name != SCHEME_SHEET]
    stated, unusable = stated_scales(others, book.file)
    reading = read_scale(tables, stated, book.file)
    problems += unusable + reading.problems
    return reading


class RowCount:
    """Rows walked across every table, told to `progress(done, total)` every EVERY rows and at the end."""
    EVERY = 250

    def __init__(self, total: int, progress=None):
        self.total, self.done, self.progress = max(total, 0), 0, progress

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % self.EVERY == 0:
            self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def explain_spreadsheet(path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                        kinds: dict[str, str | None] | None = None) -> list[SheetReading]:
    """How each sheet of the file would be read, column by column, without reading its rows."""
    return explain_book(read_tables(path, sheet), mapping, kinds)


def explain_book(book, mapping: dict[str, str] | None = None,
                 kinds: dict[str, str | None] | None = None) -> list[SheetReading]:
    """`explain_spreadsheet` of a workbook already read (the preview reads the file once for both)."""
    return _tables(book, mapping, kinds)[1]


def sheet_key(name: str | None) -> str:
    """How `kinds` names a sheet: its name, or "" for a CSV file's one table."""
    return name or ""


def _tables(book, mapping, kinds=None) -> tuple[list[tuple[Sheet, h.Layout]], list[SheetReading]]:
    """`kinds` takes a sheet (by sheet_key) as a table of that kind, or leaves it out (None)."""
    tables, readings, kinds = [], [], kinds or {}
    for sheet in book.sheets:
        if sheet.name == SCHEME_SHEET:
            readings.append(SheetReading(sheet.name, None, None, (), "the register's scoring scheme"))
            continue
        chosen = kinds.get(sheet_key(sheet.name), "")
        if chosen is None:
            readings.append(SheetReading(sheet.name, None, None, (), "left out by choice"))
            continue
        layout = h.find_layout(sheet.rows, mapping, only=chosen or None)
        if layout is None:
            readings.append(SheetReading(sheet.name, None, None, (), _why_not_read(sheet)))
            continue
        tables.append((sheet, layout))
        key = dict(h.KEY_FIELDS)[layout.kind]
        readings.append(layout.reading(sheet.name, f"row {layout.header_row + 1} names a {key} column of "
                                                   f"{layout.kind}, and {len(layout.columns)} columns in all"))
    return tables, readings


def _why_not_read(sheet: Sheet) -> str:
    rows = sum(1 for row in sheet.rows if any(filled(c) for c in row))
    if not rows:
        return "empty"
    return (f"{rows} rows with text, but no row among the first {h.HEADER_SEARCH_ROWS} names the columns of a "
            "table of risks, actions, priorities or indicators (a cover, guidance or matrix sheet?)")


def _risk_sheets(tables) -> int:
    return sum(1 for _, layout in tables if layout.kind == h.RISKS)


def _unread_columns(file: str, table: Sheet, layout: h.Layout) -> list[Problem]:
    """Name the headed columns not taken in; a likelihood or impact column left out is an error."""
    unread = [r for r in layout.readings if r.heading and r.field is None]
    if not unread:
        return []
    problems = []
    for r in unread:
        if layout.kind == h.RISKS and _LEVEL_WORDS & set(h.clean(r.heading).split()):
            problems.append(Problem(file, f"names a likelihood or impact, but it was not taken in ({r.why}); "
                                          "name what it holds with --map, e.g. --map "
                                          f"\"{r.heading}=residual_likelihood\"", ERROR, table.name,
                                    layout.header_row + 1, column_name(r.index, r.heading)))
    rest = [r for r in unread if not any(p.column == column_name(r.index, r.heading) for p in problems)]
    if rest:
        names = ", ".join(repr(r.heading) for r in rest)
        problems.append(Problem(file, f"these columns were not imported: {names} (name what they hold with --map)",
                                WARNING, table.name, layout.header_row + 1))
    return problems + _unheaded_columns(file, table, layout)


def _unheaded_columns(file: str, table: Sheet, layout: h.Layout) -> list[Problem]:
    """A column with no heading that still holds text below is named too, with the rows it has text in."""
    data = table.rows[layout.data_from:]
    width = max((len(row) for row in data), default=0)
    problems = []
    for col in range(width):
        if col < len(layout.headers) and layout.headers[col]:
            continue
        rows = [layout.data_from + n + 1 for n, row in enumerate(data) if col < len(row) and filled(row[col])]
        if rows:
            shown = ", ".join(map(str, rows[:5])) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
            problems.append(Problem(file, f"has no heading but holds text in row{'s' if len(rows) > 1 else ''} "
                                          f"{shown}; it was not imported (give the column a heading, then --map it)",
                                    WARNING, table.name, layout.header_row + 1, column_name(col)))
    return problems


def _unread_sheets(book, readings: list[SheetReading]) -> list[Problem]:
    if len(book.sheets) < 2:
        return []
    return [Problem(book.file, f"was not read: {r.why}", WARNING, r.sheet) for r in readings
            if r.kind is None and r.why not in ("empty", "the register's scoring scheme", "left out by choice")]


def _check_mapped_columns_exist(file: str, tables, mapping: dict[str, str]) -> None:
    found = {h.clean(header) for _, layout in tables for header in layout.headers}
    found |= {h.clean(r.heading) for _, layout in tables for r in layout.readings}  # "Target risk / L"
    found |= {h.column_key(n) for _, layout in tables for n in range(len(layout.headers))}
    missing = [column for column in mapping if h.clean(column) not in found]
    if missing:
        raise ReadError([Problem(file, f"has no column {missing[0]!r} to map (its header row has "
                                       f"{', '.join(repr(x) for x in tables[0][1].headers if x)})")])


def _sheets_looked_at(book) -> str:
    names = [repr(s.name) for s in book.sheets if s.name is not None]
    return f" (sheets looked at: {', '.join(names)})" if names else ""


def _nothing_found(book, readings) -> Problem:
    if all(not any(filled(c) for row in s.rows for c in row) for s in book.sheets):
        return Problem(book.file, "is empty: it holds no rows to import" + _sheets_looked_at(book))
    return Problem(book.file, "has no table of risks, actions, priorities or indicators: no row among the first "
                              f"{h.HEADER_SEARCH_ROWS} of any sheet names its columns{_sheets_looked_at(book)}; "
                              f"looked for headings such as {_LOOKED_FOR}. Name the columns with --map")


def _yielded_nothing(book, readings) -> Problem:
    read = [f"{r.sheet!r} as {r.kind}" if r.sheet else f"as {r.kind}" for r in readings if r.kind]
    return Problem(book.file, f"yielded no risk, action, priority or indicator: it was read {', '.join(read)} but "
                              f"those tables have no rows{_sheets_looked_at(book)}; looked for headings such as "
                              f"{_LOOKED_FOR}. Name the columns with --map, or choose the sheet with --sheet")
