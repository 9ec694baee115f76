"""How often a risk is reviewed, by its band: a setting of each register.

The cadence is kept as months between reviews, one figure per band counted from the HIGHEST band
down, so a band that is renamed keeps its place and so its cadence (a 5x5 scheme's "Very high" and
a 3x3 scheme's "High" are both "the top band").
"""
from __future__ import annotations

import calendar
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..errors import UserError
from .scoring import Band, Scheme

MIN_MONTHS = 1
MAX_MONTHS = 36  # three years: a register reviewed less often than that is not being reviewed
DEFAULT_FROM_TOP = (1, 3, 6, 12, 12)  # Very high monthly, High quarterly, Medium six-monthly, Low yearly
WORDS = {1: "monthly", 3: "quarterly", 6: "six-monthly", 12: "yearly"}


class CadenceError(UserError, ValueError):
    """A cadence that is not one; nothing was changed."""


@dataclass(frozen=True)
class Cadence:
    """Months between reviews per band, from the highest band down (index 0 = top band)."""
    months_from_top: tuple[int, ...] = DEFAULT_FROM_TOP

    def months_for(self, scheme: Scheme, band: Band | None) -> int | None:
        if band is None:
            return None
        names = [b.name for b in scheme.bands]
        place = len(names) - 1 - names.index(band.name)
        figures = self.months_from_top
        return figures[place] if place < len(figures) else figures[-1]

    def by_band(self, scheme: Scheme) -> dict[str, int]:
        """{band name: months}, highest band first, as the settings show it."""
        # months_for gives None only when there is no band; here there always is
        return {b.name: self.months_for(scheme, b) for b in reversed(scheme.bands)}  # type: ignore[misc]

    def next_review(self, scheme: Scheme, score: int | None, on: date) -> date | None:
        months = self.months_for(scheme, scheme.band_for(score))
        return add_months(on, months) if months else None

    def to_text(self) -> str:
        return json.dumps(list(self.months_from_top))

    @classmethod
    def from_text(cls, text: str | None) -> "Cadence":
        if not text:
            return cls()
        try:
            figures = tuple(int(n) for n in json.loads(text))
        except (ValueError, TypeError):
            return cls()  # a damaged setting falls back to the defaults rather than stop the register opening
        return cls(tuple(min(max(n, MIN_MONTHS), MAX_MONTHS) for n in figures) or DEFAULT_FROM_TOP)


def cadence_from_bands(scheme: Scheme, months: Mapping[str, object]) -> Cadence:
    """A cadence from {band name: months} as typed; refuses 0, negatives, words and anything over 3 years."""
    figures = []
    for band in reversed(scheme.bands):
        value = months.get(band.name)
        figures.append(_checked(band.name, value))
    return Cadence(tuple(figures))


def _checked(band: str, value) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise CadenceError(f"The review cadence for {band} must be a number of months, not {value!r}.") from None
    if number < MIN_MONTHS:
        raise CadenceError(f"A {band} risk reviewed every {number} months would never be due: "
                           f"choose {MIN_MONTHS} to {MAX_MONTHS} months.")
    if number > MAX_MONTHS:
        span = f"{number // 12} years" if number < 1200 else "over a hundred years"
        raise CadenceError(f"A {band} risk reviewed only every {span} is not being reviewed: "
                           f"choose at most {MAX_MONTHS} months.")
    return number


def add_months(on: date, months: int) -> date:
    """The same day `months` later; the 31st falls back to the month's last day."""
    total = on.month - 1 + months
    year, month = on.year + total // 12, total % 12 + 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def describe(months: int) -> str:
    return WORDS.get(months, f"every {months} months")
