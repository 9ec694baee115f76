"""Precise accounts of what could not be read: file, sheet, row, column and what was found."""
from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from ..errors import UserError

MAX_LETTERED = 18_278  # get_column_letter raises above ZZZ

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    severity: str = ERROR
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # e.g. "C (Likelihood)"

    def place(self) -> str:
        """Where in the file: "sheet 'Risks', row 4, column C (Likelihood)" (empty for the whole file)."""
        where = []
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return ", ".join(where)

    def __str__(self) -> str:
        return f"{', '.join(filter(None, [self.file, self.place()]))}: {self.message}"


class ReadError(UserError):
    """The file could not be taken in; nothing was written. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]).rstrip(".")
        more = len([p for p in problems if p.severity == ERROR]) - 1
        suffix = f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""
        super().__init__(f"{first}{suffix}; nothing was imported.")


def column_name(index: int, header: str | None = None) -> str:
    """Spreadsheet letters for a 0-based column index, with its heading when known."""
    # openpyxl's letters stop at ZZZ (18,278 columns); a hostile CSV can be wider.
    letters = get_column_letter(index + 1) if index < MAX_LETTERED else f"column {index + 1}"
    return f"{letters} ({header})" if header else letters
