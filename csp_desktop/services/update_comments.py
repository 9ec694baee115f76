"""The owner's words that are not taken back: kept with the return as 'comment' changes, never applied.

An owner may write beside the table, below it, on a sheet of their own, under a heading they renamed, or over
a locked cell such as "Latest progress". None of it reaches the register, but every word is named to the
coordinator (sheet, row, column heading, text) and kept in the returns log, so nothing an owner wrote is lost.
"""
from __future__ import annotations

import json
from datetime import date, datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from ..domain.dates import show
from ..interchange.owner_layout import LABEL_KEYS, MAX_CELL_TEXT, ROW_ID, ROW_VERSION, SHEETS
from ..interchange.owner_returns import CellValue, LooseCell, ReturnedRow, ReturnedWorkbook
from ..store.returns import NOT_TAKEN

COMMENT = "comment"
LABEL_SHOWN = 50   # characters of the row's ref and title
SHOWN = 200   # characters of the owner's text repeated in the sentence; the whole text is the change's new value
NOT_TAKEN_BACK = "changed a column that is not taken back"


def row_comments(row: ReturnedRow, item: dict | None, label: str, *, locked: bool = True) -> list[dict]:
    """Read-only cells the owner changed in one row (all of them in a row they added), and what they wrote
    beside it. `locked` False: the row's cells may belong to another row (sorted without its hidden identity),
    so only what stands beside the table is the owner's for certain."""
    shown = json.loads(item["sent"]) if item else None
    found = []
    for column in SHEETS[row.sheet][1] if locked else ():
        if column.for_owner or column.hidden or column.key in (ROW_ID, ROW_VERSION) or column.key in row.lost:
            continue
        if column.key in LABEL_KEYS[row.tbl]:
            continue   # kept already: an edited label is the row's identity trouble; an added row's is its item
        text = _text(row.cells.get(column.key, CellValue(None)))
        sent = shown.get(column.key) if shown is not None else None
        if text and not _same(text, sent):
            found.append(_comment(row.sheet, row.tbl, row.row_id, label, column.heading, text, row.number,
                                  _letter_of(row, column.key), NOT_TAKEN_BACK, old=_plain(sent), item=item))
    for cell in row.loose:
        text = _text(cell.value)
        if cell.key and shown is not None and _same(text, shown.get(cell.key)):
            continue   # the value sent, under a heading the owner changed
        found.append(_loose(cell, row.tbl, row.row_id, label, item))
    return found


def loose_comments(book: ReturnedWorkbook) -> list[dict]:
    """Words written in no row that was sent: beside or below a table, in its title or heading rows, or on a
    sheet the owner added."""
    found = []
    for cell in book.loose:
        tbl = SHEETS[cell.sheet][0] if cell.sheet in SHEETS else ""
        found.append(_loose(cell, tbl, "", f"{cell.sheet}, row {cell.row}", None))
    return found


def _loose(cell: LooseCell, tbl: str, row_id: str, label: str, item: dict | None) -> dict:
    letter = get_column_letter(cell.column)
    heading = cell.heading or f"column {letter}"
    how = ("wrote under a heading that was changed" if cell.key else "wrote in a column that is not taken back") \
        if row_id else "wrote outside the table"
    return _comment(cell.sheet, tbl, row_id, label, heading, _text(cell.value), cell.row, letter, how, item=item)


def _comment(sheet: str, tbl: str, row_id: str, label: str, heading: str, text: str, number: int, letter: str,
             how: str, *, old: str = "", item: dict | None = None) -> dict:
    kept = text if len(text) <= MAX_CELL_TEXT else text[:MAX_CELL_TEXT]
    cut = f" (cut at {MAX_CELL_TEXT:,} of its {len(text):,} characters)" if kept is not text else ""
    where = f"{sheet} {letter}{number}" + (f" ({short(label, LABEL_SHOWN)})" if label and row_id else "")
    heading = short(heading, LABEL_SHOWN)   # an owner's heading may hold line breaks; the account is one line a cell
    return {"tbl": tbl, "row_id": row_id, "item": label, "field": heading, "old_value": old, "new_value": kept,
            "flag": COMMENT, "outcome": NOT_TAKEN, "apply_value": None,
            "sent_version": item["row_version"] if item else None,
            "detail": f"{where}: {how}: {heading}: {short(kept)}{cut}; kept in the returns log, not applied"}


def _letter_of(row: ReturnedRow, key: str) -> str:
    keys = [c.key for c in SHEETS[row.sheet][1]]
    return get_column_letter(keys.index(key) + 1)   # where it was sent; the owner may have moved it


def _text(cell: CellValue) -> str:
    """What the owner wrote, as text: a formula as they typed it, a date as a date."""
    if cell.formula:
        return cell.formula
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return show(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _same(text: str, sent) -> bool:
    """Whether a cell still holds what was sent: a date as the workbook showed it, spaces and the control
    characters the writer drops ignored."""
    if _plain(text) == _plain(sent):
        return True
    try:
        return isinstance(sent, str) and len(sent) == 10 and _plain(text) == show(date.fromisoformat(sent))
    except ValueError:
        return False


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(ILLEGAL_CHARACTERS_RE.sub("", str(value)).split())


def short(text: str, most: int = SHOWN) -> str:
    """One line, without control characters, cut to `most` characters."""
    one_line = " ".join(ILLEGAL_CHARACTERS_RE.sub(" ", text).split())
    return one_line if len(one_line) <= most else one_line[:most - 1] + "\u2026"
