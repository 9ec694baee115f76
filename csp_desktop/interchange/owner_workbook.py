"""Writing an owner's workbook: their part of the register, with only their cells open for editing.

The workbook carries the identity of every row (UUID and version, in hidden columns) and of the register
and round (on a very hidden sheet), so the return can be matched exactly, whatever the owner does to it.
"""
from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.page import PageMargins
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.dates import show
from ..files import atomic_write
from .owner_layout import (ACTION_COLUMNS, ACTIONS_SHEET, DATE, EXEMPT_KEY, EXEMPT_MARK, FIRST_DATA_ROW, FORMAT,
                           HEADER_ROW, IMPACT, INDICATOR_COLUMNS, INDICATORS_SHEET, INSTRUCTIONS_SHEET, LIKELIHOOD,
                           LIST_COLUMNS, META_KEYS, META_SHEET, MITIGATION_COLUMNS, MITIGATIONS_SHEET,
                           RISK_COLUMNS, RISKS_SHEET, SHEETS_KEY, SHEETS_SEPARATOR, STATUS, TEXT, YES, YES_WORDS,
                           Column)

OWNER_FILL = PatternFill("solid", fgColor="FFF2CC")   # pale yellow: "type here"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
EXCEL_DATE_FORMAT = "dd/mm/yyyy"
EARLIEST_DATE = date(2000, 1, 1)
# Named styles, registered once per workbook: setting one name per cell is several times faster in
# openpyxl than setting border, alignment, fill and protection on each cell.
LOCKED, LOCKED_DATE, OWNER, OWNER_DATE = "CSP locked", "CSP locked date", "CSP owner", "CSP owner date"
OVERDUE_DATE = "CSP overdue date"
# A named font in every style: with none, LibreOffice measured dates in a fallback font and showed ###.
FONT = "Arial"
OVERDUE_FILL = PatternFill("solid", fgColor="F4CCCC")
INSTRUCTIONS_WIDTH = 76   # Arial 11 digits: fits A4 portrait inside its margins, even where fit-to-page is ignored
LINE_POINTS = 15        # one line of 11-point text
ONE_PAGE_ACROSS = 240   # characters of visible columns: wider than this, a table sheet prints two pages across
TABLE_MARGINS = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.7, header=0.3, footer=0.3)   # inches
MAX_ROW_LINES = 12      # a longer text scrolls inside its cell rather than making a row taller than the screen


def _styles() -> list[NamedStyle]:
    def style(name: str, owner: bool, dated: bool, overdue: bool = False) -> NamedStyle:
        fill = OWNER_FILL if owner else OVERDUE_FILL if overdue else PatternFill()
        return NamedStyle(name=name, border=BOX, alignment=WRAP, fill=fill,
                          font=Font(name=FONT, size=11, bold=overdue, color="9C0006" if overdue else None),
                          protection=UNLOCKED if owner else Protection(locked=True),
                          number_format=EXCEL_DATE_FORMAT if dated else "General")
    return [style(LOCKED, False, False), style(LOCKED_DATE, False, True), style(OWNER, True, False),
            style(OWNER_DATE, True, True), style(OVERDUE_DATE, False, True, overdue=True)]


@dataclass
class OwnerWorkbook:
    """Everything one owner's workbook shows; plain data gathered by the service."""
    meta: dict                      # META_KEYS -> value
    likelihood_labels: tuple[str, ...]
    impact_labels: tuple[str, ...]
    statuses: tuple[str, ...]
    risks: list[dict] = field(default_factory=list)        # RISK_COLUMNS keys -> value
    mitigations: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)   # the plan's indicators this owner supplies


def write_owner_workbook(book: OwnerWorkbook, path: Path) -> Path:
    """Write the workbook to `path` whole or not at all (a temporary file renamed into place)."""
    wb = Workbook()
    _default_font(wb)
    for named in _styles():
        wb.add_named_style(named)
    looks = _style_arrays(wb)
    # A sheet with no rows would print as a header-only page: leave it out, and say which sheets were sent so
    # the return reader still reports one the owner deleted.
    tables = [(sheet, columns, rows) for sheet, columns, rows in (
        (RISKS_SHEET, RISK_COLUMNS, book.risks), (MITIGATIONS_SHEET, MITIGATION_COLUMNS, book.mitigations),
        (ACTIONS_SHEET, ACTION_COLUMNS, book.actions), (INDICATORS_SHEET, INDICATOR_COLUMNS, book.indicators),
    ) if rows]
    book.meta[SHEETS_KEY] = SHEETS_SEPARATOR.join(sheet for sheet, _, _ in tables)
    _instructions(wb.active, book, {sheet for sheet, _, _ in tables})
    lists = _meta_sheet(wb, book)
    owner = book.meta["owner_name"]
    for sheet, columns, rows in tables:
        _table(wb.create_sheet(sheet), columns, rows, lists, looks, f"{sheet} owned by {owner}")
    wb.move_sheet(META_SHEET, offset=len(wb.sheetnames))
    _marked(wb, book)
    atomic_write(path, wb.save)
    return path


def _default_font(wb: Workbook) -> None:
    """Arial, not Calibri, as the workbook's Normal font. Column widths are counted in the Normal font's digits:
    LibreOffice without Calibri measured them in a wider font, so the instructions ran off the printed page."""
    font = Font(name=FONT, size=11, family=2)
    wb._fonts = IndexedList([font])   # openpyxl's default list holds Calibri alone, as font 0
    wb._named_styles["Normal"].font = font


def _marked(wb: Workbook, book: OwnerWorkbook) -> None:
    """The marking at the top and foot of every printed page, and in the file's properties; A4 paper."""
    marking = book.meta.get("marking") or "OFFICIAL"
    for ws in wb.worksheets:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.oddHeader.center.text = ws.oddFooter.center.text = marking
        ws.oddHeader.center.font = ws.oddFooter.center.font = f"{FONT},Bold"
        ws.oddFooter.right.text = "Page &P of &N"
    props = wb.properties
    props.title = f"Quarterly update for {book.meta['owner_name']}"
    props.subject = f"{book.meta['register_name']} risk register: owner update"
    props.keywords = props.category = marking
    props.creator = book.meta.get("coordinator") or book.meta["register_name"]


def _instructions(ws, book: OwnerWorkbook, sheets: set[str]) -> None:
    meta = book.meta
    ws.title = INSTRUCTIONS_SHEET
    return_by = show(meta.get("return_by")) or "the date your coordinator gave you"
    coordinator = ", ".join(x for x in (meta.get("coordinator"), meta.get("coordinator_email")) if x)
    lines = [
        (meta.get("marking") or "OFFICIAL", Font(name=FONT, bold=True, size=12)),
        (f"Quarterly update for {meta['owner_name']}", Font(name=FONT, bold=True, size=14)),
        (f"From the {meta['register_name']} risk register, sent on {show(meta['sent_at'])}.", None),
        (f"Please return this workbook by {return_by}.", Font(name=FONT, bold=True, size=12, color="C00000")),
        (f"Your coordinator: {coordinator}." if coordinator else "", Font(name=FONT, bold=True)),
        ("Rows marked 'EXEMPT: not for publication' are Part II items: keep this workbook to yourself and "
         "do not forward it." if any(r.get("exempt") for r in book.risks + book.actions) else "", None),
        ("", None),
        ("What to do", Font(name=FONT, bold=True)),
    ] + _steps(sheets) + [
        ("", None),
        ("Please only type in the yellow cells. Do not add, delete, sort or move rows: each row is matched "
         "to the register by a hidden identity, and rows that cannot be matched are not taken in.", None),
        ("Type values, not formulas. Anything you write is kept, even if it cannot be taken in.", None),
    ]
    if any(row.get(EXEMPT_KEY) for rows in (book.risks, book.mitigations, book.actions) for row in rows):
        lines += [("", None), (f"Rows marked {EXEMPT_MARK} hold exempt information (Schedule 12A, Local Government "
                               "Act 1972): do not forward, publish or copy them into public papers.",
                               Font(name=FONT, bold=True, color="C00000"))]
    for number, (text, font) in enumerate(lines, start=1):
        cell = _put(ws, number, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = font if font is not None else Font(name=FONT, size=11)
        size = font.size if font is not None and font.size else 11
        ws.row_dimensions[number].height = _height([(text, INSTRUCTIONS_WIDTH)], size=size)
    ws.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.protection.sheet = True


def _steps(sheets: set[str]) -> list[tuple[str, Font | None]]:
    """What to do, numbered, naming only the sheets this workbook has."""
    steps = [text for sheet, text in (
        (RISKS_SHEET, "On the Risks sheet, give each risk's likelihood and impact as they stand now (pick from the "
                      "list in the yellow cells) and say why in Commentary. If you reviewed a risk and its score has "
                      "not changed, pick Yes under 'Reviewed, no change' instead."),
        (MITIGATIONS_SHEET, "On the Mitigations sheet, revise the wording of a mitigation or the score it should "
                            "bring the risk down to, if either has changed."),
        (ACTIONS_SHEET, "On the Actions sheet, pick each action's new status, write a progress update, and give a "
                        "revised due date (as 22/11/2026) if it will be late."),
        (INDICATORS_SHEET, "On the Indicators sheet, give each indicator's new value as published (such as 8,031, "
                           "41% or 82/200 = 41%) and the period it is for (such as 2012/13 Q1), with any commentary."),
    ) if sheet in sheets] + ["Save the workbook as .xlsx (keep its name) and email it back to your coordinator."]
    return [(f"{number}. {text}", None) for number, text in enumerate(steps, start=1)]


def _meta_sheet(wb: Workbook, book: OwnerWorkbook) -> dict[str, str]:
    """The register and round identity, and the drop-down lists the validations point at."""
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    book.meta["format"] = FORMAT
    for number, key in enumerate(META_KEYS, start=1):
        _put(ws, number, 1, key)
        value = book.meta.get(key)
        _put(ws, number, 2, value.isoformat() if isinstance(value, date) else value)
    refs = {}
    for kind, values in ((LIKELIHOOD, book.likelihood_labels), (IMPACT, book.impact_labels),
                         (STATUS, book.statuses), (YES, YES_WORDS)):
        letter = LIST_COLUMNS[kind]
        for number, value in enumerate(values, start=1):
            _put(ws, number, _column_index(letter), value)
        refs[kind] = f"'{META_SHEET}'!${letter}$1:${letter}${len(values)}"
    ws.protection.sheet = True
    return refs


def _table(ws, columns: tuple[Column, ...], rows: list[dict], lists: dict[str, str], looks: dict,
           heading: str) -> None:
    _put(ws, 1, 1, heading).font = Font(name=FONT, bold=True, size=12)
    ws.row_dimensions[HEADER_ROW].height = _height([(c.heading, c.width) for c in columns if not c.hidden])
    for index, column in enumerate(columns, start=1):
        cell = _put(ws, HEADER_ROW, index, column.heading)
        cell.font, cell.fill, cell.border, cell.alignment = Font(name=FONT, bold=True), HEADER_FILL, BOX, WRAP
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width, dimension.hidden = column.width, column.hidden
    for number, row in enumerate(rows, start=FIRST_DATA_ROW):
        for index, column in enumerate(columns, start=1):
            value = row.get(column.key)
            dated = column.owner_kind == DATE or isinstance(value, date)
            name = (OWNER_DATE if dated else OWNER) if column.for_owner else (LOCKED_DATE if dated else LOCKED)
            if column.key == "due" and row.get("_overdue"):
                name = OVERDUE_DATE   # overdue: red on pink, so the owner sees it first
            # Copying the named style's resolved array is what openpyxl's own copy_worksheet does; looking the
            # name up for each of thousands of cells took a third of the send time.
            _put(ws, number, index, value)._style = copy(looks[name])
        # openpyxl writes no row heights and spreadsheet programs do not fit them on opening, so wrapped
        # text would overlap the next row: give each row the height its longest text needs.
        ws.row_dimensions[number].height = _height([(row.get(c.key), c.width) for c in columns if not c.hidden])
    _validations(ws, columns, len(rows), lists)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_margins = TABLE_MARGINS
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # A sheet far wider than a page is printed two pages across, its ref and title repeated on each, rather than
    # shrunk to text too small to read (the Risks sheet came out near 5 point on one page).
    across = 2 if sum(c.width for c in columns if not c.hidden) > ONE_PAGE_ACROSS else 1
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = across, 0
    if across > 1:
        ws.print_title_cols = "A:B"
    # Locked cells stay read-only; owners may still resize columns and rows to read long text.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _style_arrays(wb: Workbook) -> dict:
    """Each named style resolved once, on a scratch sheet that is then removed."""
    scratch = wb.create_sheet("scratch")
    looks = {}
    for name in (LOCKED, LOCKED_DATE, OWNER, OWNER_DATE, OVERDUE_DATE):
        cell = scratch.cell(row=1, column=1)
        cell.style = name
        looks[name] = copy(cell._style)
    wb.remove(scratch)
    return looks


def _validations(ws, columns: tuple[Column, ...], count: int, lists: dict[str, str]) -> None:
    if not count:
        return
    last = FIRST_DATA_ROW + count - 1
    for index, column in enumerate(columns, start=1):
        if not column.for_owner or column.owner_kind == TEXT:
            continue
        letter = get_column_letter(index)
        validation = _validation_for(column)
        if column.owner_kind in lists:
            validation.formula1 = lists[column.owner_kind]
        validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
        ws.add_data_validation(validation)


def _validation_for(column: Column) -> DataValidation:
    if column.owner_kind == DATE:
        serial = (EARLIEST_DATE - date(1899, 12, 30)).days
        return DataValidation(type="date", operator="greaterThan", formula1=str(serial), allow_blank=True,
                              showErrorMessage=True, errorTitle="Not a date", error="Type a date such as 22/11/2026.",
                              showInputMessage=True, promptTitle=column.heading,
                              prompt="Only if the action will be late: the new date, such as 22/11/2026.")
    return DataValidation(type="list", allow_blank=True, showErrorMessage=True, errorTitle="Pick from the list",
                          error=f"Choose a {column.heading.lower()} from the drop-down list.",
                          showInputMessage=True, promptTitle=column.heading,
                          prompt="Pick from the list; leave empty if nothing has changed.")


def _height(texts: list[tuple[object, int]], size: float = 11) -> float:
    """Points needed for the longest of these texts wrapped in columns of the given widths (in characters)."""
    lines = 1
    for text, width in texts:
        if isinstance(text, str) and text:
            wrapped = sum(1 + len(part) // max(int(width * 11 / size) - 2, 1) for part in text.split("\n"))
            lines = max(lines, wrapped)
    return round(min(lines, MAX_ROW_LINES) * LINE_POINTS * size / 11, 1)


def _put(ws, row: int, column: int, value):
    """Write a value as data: text that starts with '=' stays text, never becomes a formula."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _column_index(letter: str) -> int:
    return ord(letter) - ord("A") + 1
