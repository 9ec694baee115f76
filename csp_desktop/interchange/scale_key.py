"""What a workbook says its scale is, outside its tables: a guidance, key or matrix sheet.

Three ways a register states its levels: a matrix grid whose axes run 1..N ("Impact →" 1 2 3 4 across,
"Likelihood ↓" 4 3 2 1 down), a sentence giving the range ("score likelihood and impact from 1 (low) to
4 (high)"), or a key listing the levels under an axis heading ("Likelihood" then "1 - Rare" ... "5 - Almost
certain"). Only a bounded corner of each sheet is looked at, and a key the app cannot score on (7 levels,
"1 to 99999", text where the grid's numbers should be) is named in a warning, never taken.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..domain.scoring import IMPACT, LIKELIHOOD
from .problems import WARNING, Problem

ROWS, COLUMNS, CHARS = 80, 30, 2000   # the corner of a sheet a key sits in; bounds work on hostile sheets
SIZES = range(3, 6)
_AXIS_WORDS = {LIKELIHOOD: re.compile(r"\b(likelihood|probability)\b"),
               IMPACT: re.compile(r"\b(impact|consequences?|severity)\b")}
_RANGE = re.compile(r"(?<![\d.])1\s*(?:\([^)]{0,20}\)\s*)?(?:-|–|—|to)\s*(\d+)(?!\d|\.\d)")
_KEY_LINE = re.compile(r"^\s*(\d{1,15})\s*(?:[-–=:)]|\s)\s*[a-z]")


@dataclass(frozen=True)
class Stated:
    """One statement of the scale: levels per axis and where the file says so, in words."""
    levels: dict          # axis -> number of levels
    where: str            # "the Matrix sheet's grid runs 1 to 4"
    sheet: str | None = None


def stated_scales(sheets, file: str) -> tuple[list[Stated], list[Problem]]:
    """Every statement of the scale in these (untabled) sheets, and a warning for each one not usable."""
    found: list[Stated] = []
    problems: list[Problem] = []
    for sheet in sheets:
        rows = [[_cell(c) for c in row[:COLUMNS]] for row in sheet.rows[:ROWS]]
        name = f"the {sheet.name} sheet" if sheet.name else "the file"
        for stated, bad in (_grid(rows, name), _ranges(rows, name), _keys(rows, name)):
            found += [Stated(x.levels, x.where, sheet.name) for x in stated]
            problems += [Problem(file, text, WARNING, sheet.name) for text in bad]
    return found, problems


def _cell(value):
    """A cell as text (bounded) or a whole number; huge, infinite or fractional numbers as text."""
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            return str(value)
        return int(value) if abs(value) < 10**15 else str(value)[:40]
    text = str(value)[:CHARS]
    return int(text.strip()) if text.strip().isdigit() and len(text.strip()) < 16 else text


def _run(cells: list) -> tuple[int, int] | None:
    """(first column, N) of the longest run of adjacent whole numbers 1..N in either order, N >= 3."""
    best = None
    for start in range(len(cells)):
        n = 0
        while start + n < len(cells) and isinstance(cells[start + n], int):
            n += 1
        if n >= 3 and sorted(cells[start:start + n]) == list(range(1, n + 1)) and (best is None or n > best[1]):
            best = (start, n)
    return best


def _grid(rows: list[list], name: str) -> tuple[list[Stated], list[str]]:
    """A matrix: a row of 1..C across, and beside it (the column just before) 1..R down, above or below."""
    for r, row in enumerate(rows):
        across = _run(row)
        if across is None or across[0] == 0:
            continue
        col, columns = across[0] - 1, across[1]
        down = _down(rows, r, col)
        if down is None:
            continue
        text = " ".join(str(c) for row_ in rows for c in row_ if isinstance(c, str)).lower()
        lines, headed = _axes(rows[r][:col + 1], text)
        levels = {lines: down, headed: columns}
        if any(n not in SIZES for n in levels.values()) or _text_inside(rows, r, col, columns, down):
            return [], [f"looks like a scoring matrix ({columns} across, {down} down), but "
                        f"{_why_unusable(rows, r, col, columns, down)}, so it was not taken as the file's scale"]
        words = f"{name}'s grid runs 1 to {columns}" if columns == down else \
            f"{name}'s grid runs 1 to {levels[LIKELIHOOD]} in likelihood and 1 to {levels[IMPACT]} in impact"
        return [Stated(levels, words)], []
    return [], []


def _down(rows: list[list], r: int, col: int) -> int | None:
    """N when the cells in column `col` just below (or above) row r run 1..N."""
    for step in (1, -1):
        cells, at = [], r + step
        while 0 <= at < len(rows) and col < len(rows[at]) and isinstance(rows[at][col], int):
            cells.append(rows[at][col])
            at += step
        if len(cells) >= 3 and sorted(cells) == list(range(1, len(cells) + 1)):
            return len(cells)
    return None


def _axes(corner: list, text: str) -> tuple[str, str]:
    """(the axis down the rows, the axis across): read from the corner cell's words, e.g. "Impact → /
    Likelihood ↓"; impact across by default, as most published matrices draw it."""
    words = " ".join(str(c) for c in corner if isinstance(c, str)).lower() or text
    likelihood, impact = _AXIS_WORDS[LIKELIHOOD].search(words), _AXIS_WORDS[IMPACT].search(words)
    arrow = words.find("→")
    if likelihood and arrow > likelihood.start() and not (impact and likelihood.start() < impact.start() < arrow):
        return IMPACT, LIKELIHOOD   # "Likelihood → / Impact ↓": likelihood across
    return LIKELIHOOD, IMPACT


def _text_inside(rows, r, col, columns, down) -> bool:
    """Words where the grid's scores should be: a table that only looks like a matrix."""
    span = range(r + 1, r + 1 + down) if r + 1 < len(rows) and col < len(rows[r + 1]) \
        and isinstance(rows[r + 1][col], int) else range(r - down, r)
    for at in span:
        cells = rows[at][col + 1:col + 1 + columns] if 0 <= at < len(rows) else []
        if any(isinstance(c, str) and c.strip() and not _colour_word(c) for c in cells):
            return True
    return False


def _colour_word(text: str) -> bool:
    """A matrix cell written as its band ("High", "Red") rather than a score is still a matrix."""
    return text.strip().lower() in {"low", "medium", "high", "very high", "red", "amber", "green", "l", "m", "h",
                                    "vh", "extreme", "critical", "significant", "moderate", "minor"}


def _why_unusable(rows, r, col, columns, down) -> str:
    if any(n not in SIZES for n in (columns, down)):
        return "the app scores on 3 to 5 levels a side"
    return "its squares hold text rather than scores"


def _ranges(rows: list[list], name: str) -> tuple[list[Stated], list[str]]:
    """Sentences naming an axis and a range: "score likelihood and impact from 1 (low) to 4 (high)"."""
    found, bad = [], []
    for row in rows:
        for cell in row:
            if not isinstance(cell, str):
                continue
            text, start = cell.lower(), 0
            for match in _RANGE.finditer(text):
                # The axes named since the last range: "likelihood from 1 to 5 and impact from 1 to 4".
                axes = [axis for axis, pattern in _AXIS_WORDS.items() if pattern.search(text, start, match.end())]
                start = match.end()
                if not axes:
                    continue
                quoted = _quote(cell, match)
                top = int(match.group(1)) if len(match.group(1)) < 4 else 1000
                if top not in SIZES:
                    bad.append(f"says levels run {quoted!r}, but the app scores on 3 to 5 levels a side, so it "
                               "was not taken as the file's scale")
                    continue
                found.append(Stated({axis: top for axis in axes}, f"{name} says {quoted!r}"))
    return found, bad


def _quote(cell: str, match) -> str:
    """The clause that gives the range, as the file writes it, shortened."""
    start = max((cell.rfind(stop, 0, match.start()) for stop in ".;\n"), default=-1) + 1
    ends = [at for at in (cell.find(stop, match.end()) for stop in ".;\n") if at >= 0]
    text = " ".join(cell[start:min(ends, default=len(cell))].split())
    return text if len(text) <= 100 else text[:99] + "…"


def _keys(rows: list[list], name: str) -> tuple[list[Stated], list[str]]:
    """A key: levels "1 - Rare" .. "5 - Almost certain" (or a number cell then a word) under an axis heading."""
    levels: dict[str, set[int]] = {}
    axis = None
    for row in rows:
        for n, cell in enumerate(row):
            if isinstance(cell, str):
                named = [a for a, pattern in _AXIS_WORDS.items() if pattern.search(cell.lower())]
                if len(named) == 1 and not _KEY_LINE.match(cell.lower()):
                    axis = named[0]
            level = _key_level(row, n)
            if axis is not None and level is not None:
                levels.setdefault(axis, set()).add(level)
    found, bad = [], []
    for axis, seen in levels.items():
        top = max(seen)
        if seen != set(range(1, top + 1)) or top < 3:
            continue
        if top not in SIZES:
            bad.append(f"lists {axis} levels 1 to {top}, but the app scores on 3 to 5 levels a side, so it was "
                       "not taken as the file's scale")
            continue
        found.append(Stated({axis: top}, f"{name} lists {axis} levels 1 to {top}"))
    return found, bad


def _key_level(row: list, n: int) -> int | None:
    """The level a key line gives: "3 - Possible" in one cell, or 3 then "Possible" as a row's first cells."""
    cell = row[n]
    if isinstance(cell, str):
        found = _KEY_LINE.match(cell.lower())
        return int(found.group(1)) if found and len(found.group(1)) < 4 else None
    first = next((i for i, c in enumerate(row) if c is not None and c != ""), None)
    if isinstance(cell, int) and n == first and n + 1 < len(row) and isinstance(row[n + 1], str) \
            and re.match(r"\s*[a-z]", row[n + 1].lower()) and 0 < cell < 1000:
        return cell
    return None
