"""Walking the data rows of one table, reading its cells and noting every problem at its own cell."""
from __future__ import annotations

import re
from datetime import date, datetime

from ..domain.dates import read_due
from ..domain.scoring import IMPACT, LIKELIHOOD, LevelError, Rating
from ..domain.shorten import quoted
from ..domain.vocab import read_reported_status
from . import headers as h
from .contents import Contents
from .problems import ERROR, WARNING, Problem, column_name
from .tables import MAX_CELL_CHARS, Sheet

MAX_TITLE_CHARS = 2_000
_HYPERLINK = re.compile(r'^=\s*HYPERLINK\(\s*"([^"]*)"\s*(?:[,;]\s*"([^"]*)"\s*)?\)\s*$', re.IGNORECASE)
_FOOTNOTE = re.compile(r"^\s*([*†‡#]|note\b|notes\b|key\b|source\b|nb\b|\(\d\)|\d\))", re.IGNORECASE)


def filled(value) -> bool:
    return value is not None and str(value).strip() != ""


def is_number(value) -> bool:
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False


def tidy(text: str) -> str:
    """Stray spaces and trailing line breaks trimmed; a leading tab or carriage return (as in an exported
    "\t=1+1") and a non-breaking space are the file's own and stay."""
    return text.strip(" ").rstrip(" \r\n").lstrip(" \n")


class SheetReader:
    """Walks the data rows of one table, reading cells and noting problems with their place."""

    def __init__(self, plan: Contents, sheet: Sheet, layout: h.Layout, problems: list[Problem], scheme=None,
                 count=None):
        self.plan, self.sheet, self.layout, self.problems = plan, sheet, layout, problems
        self.count = count  # called with each row walked (a RowCount): an import's progress bar
        self.scheme = plan.scheme or scheme
        self._levels: dict = {}
        self.row_index = layout.header_row
        self.row: list = []

    def rows(self):
        for index in range(self.layout.data_from, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            if self.count is not None:
                self.count()
            cells = [c for c in row if filled(c)]
            if not cells:
                continue
            self.row_index, self.row = index, row
            if len(cells) == 1 and isinstance(cells[0], str) and _FOOTNOTE.match(cells[0]):
                self.problems.append(Problem(self.plan.file, f"was read as a footnote and not imported: "
                                             f"{quoted(cells[0][:80])}", WARNING, self.sheet.name, index + 1))
                continue
            yield index

    def cell(self, field: str):
        """The raw cell, without noting anything about it."""
        col = self.layout.columns.get(field)
        return self.row[col] if col is not None and col < len(self.row) else None

    def has(self, field: str) -> bool:
        return field in self.layout.columns

    def raw(self, field: str):
        col = self.layout.columns.get(field)
        if col is None or col >= len(self.row):
            return None
        value = self.row[col]
        if (self.row_index, col) in self.sheet.formulas:
            link = _HYPERLINK.match(self.sheet.formulas[(self.row_index, col)]) if value is None else None
            if link:  # =HYPERLINK("url", "text") never calculated: its words are in the formula itself
                value = link.group(2) if link.group(2) is not None else link.group(1)
                self.note(field, f"holds a link whose text was never saved; the text in its formula, {quoted(value)}, "
                                 "was used", WARNING)
            elif value is None:
                derived = field.endswith("_score")  # worked out from the levels anyway
                self.note(field, "holds a formula whose result was never saved; type the value in instead",
                          WARNING if derived else ERROR)
            else:
                self.note(field, "holds a formula; the value its program last saved was used", WARNING)
        return value

    def text(self, field: str, limit: int = MAX_CELL_CHARS) -> str:
        value = self.raw(field)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime):
            value = value.date()
        text = value.isoformat() if isinstance(value, date) else tidy(str(value))
        if len(text) > limit:
            self.note(field, f"is {len(text):,} characters long, more than the {limit:,} allowed")
            return text[:limit]
        return text

    def parsed(self, field: str, parse, default=None):
        try:
            return parse(self.raw(field))
        except (ValueError, LevelError) as exc:
            self.note(field, str(exc))
            return default

    def level(self, field: str) -> int | None:
        axis = LIKELIHOOD if field.endswith(LIKELIHOOD) else IMPACT
        return self.parsed(field, lambda v: self._level(v, axis))

    def _level(self, value, axis: str) -> int | None:
        """A level, remembered by value: a 10,000-row sheet holds a handful of distinct levels."""
        key = (axis, type(value), value)
        try:
            found = self._levels[key]
        except KeyError:
            try:
                found = self._levels[key] = self.scheme.parse_level(value, axis)
            except LevelError as exc:
                found = self._levels[key] = exc
        except TypeError:  # an unhashable value: read it afresh
            return self.scheme.parse_level(value, axis)
        if isinstance(found, LevelError):
            raise found
        return found

    def rating(self, prefix: str) -> Rating | None:
        likelihood, impact = self.level(f"{prefix}_likelihood"), self.level(f"{prefix}_impact")
        if (likelihood is None) != (impact is None):
            empty = f"{prefix}_impact" if impact is None else f"{prefix}_likelihood"
            if self.has(empty) and not filled(self.raw(empty)):
                self.note(empty, f"is empty while its pair is filled; the {prefix} score was left out", WARNING)
            return None
        return Rating(likelihood, impact) if likelihood is not None and impact is not None else None

    def check_score(self, prefix: str, rating: Rating | None) -> None:
        field = f"{prefix}_score"
        stated = self.raw(field)
        if not filled(stated):
            return
        if not is_number(stated):
            self.note(field, f"{quoted(stated)} is not a number; the score is worked out from likelihood x impact",
                      WARNING)
        elif rating is None:
            self.note(field, f"states {_num(stated)} but the row gives no {prefix} likelihood and impact to "
                             "score; the stated score was not kept", WARNING)
        elif float(stated) != rating.score:
            self.note(field, f"states {_num(stated)} but likelihood {rating.likelihood} x impact {rating.impact} = "
                             f"{rating.score}; the register keeps {rating.score}", WARNING)

    def due(self, field: str):
        found, words, warning = read_due(self.raw(field))
        if warning:
            self.note(field, warning, WARNING)
        return found, words

    def status(self, status_field: str, rag_field: str) -> tuple[str, str]:
        try:
            return read_reported_status(self.raw(status_field), self.raw(rag_field))
        except ValueError as exc:
            self.note(status_field if filled(self.raw(status_field)) else rag_field, str(exc))
            return "not started", ""

    def priority(self, ref_field: str, title_field: str = "", lead_field: str = "") -> str | None:
        value, title = self.text(ref_field), self.text(title_field) if title_field else ""
        lead = self.text(lead_field) if lead_field else ""
        conflict = self.plan.priority_conflict(value, title, lead)
        if conflict:
            self.note(title_field if title_field and title else (lead_field or ref_field), conflict, WARNING)
        found = self.plan.priority(value, title, lead)
        if found is None and lead:
            self.note(lead_field, f"names the lead {quoted(lead)} but no priority for it to lead; it was not kept",
                      WARNING)
        return found

    def leftovers(self, used: set[str], why: str) -> None:
        """Name every filled cell of this row that `used` did not take, so no word goes without a word."""
        for field_name, col in self.layout.columns.items():
            if field_name not in used and col < len(self.row) and filled(self.row[col]):
                self.note(field_name, f"{quoted(str(self.row[col])[:60])} was not imported: {why}", WARNING)

    def where(self, field: str) -> str:
        """The cell, for a message written later (when the register is written)."""
        col = self.layout.columns.get(field)
        column = column_name(col, self.layout.headers[col]) if col is not None else ""
        sheet = f"sheet {self.sheet.name!r}, " if self.sheet.name else ""
        return f"{sheet}row {self.row_index + 1}, column {column}"

    def note(self, field: str, message: str, severity: str = ERROR) -> None:
        col = self.layout.columns.get(field)
        column = column_name(col, self.layout.headers[col] if col < len(self.layout.headers) else None) \
            if col is not None else None
        self.problems.append(Problem(self.plan.file, message, severity, self.sheet.name, self.row_index + 1, column))


def _num(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number)
