"""The partnership plan's rules: reading published figures, naming periods, an indicator's RAG and trend.

Plans publish their figures as free text ("82/200 = 41%", "970 (Rate 5.41)", "Qtr 1 performance expected
February 2012"). The text is always kept; a number is read only where the text plainly leads with one, so
that "To achieve a 20% reduction ..." is never mistaken for a target of 20.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .derived import AMBER, GREEN, RED
from .model import new_id

UNITS = ("count", "rate", "percentage")
DIRECTIONS = ("reduce", "increase")
BETTER, WORSE, SAME = "better", "worse", "same"
# drawn the same in app and pack; looked up with a trend that may be None (too few values)
TREND_ARROWS: dict[str | None, str] = {BETTER: "\u25b2", WORSE: "\u25bc", SAME: "\u25b6"}
MAX_VALUE_TEXT = 500
MAX_NOTE = 5_000

_NUM = r"[-\u2212]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-\u2212]?\d+(?:\.\d+)?"
_FRACTION = re.compile(rf"^\s*({_NUM})\s*/\s*({_NUM})\s*(?:=\s*({_NUM})\s*(%)?)?\s*(.*)$", re.S)
_LEADING = re.compile(rf"^\s*(?:qtr|q|quarter)?\s*({_NUM})\s*(%|per\s*(?:cent|({_NUM})))?\s*(.*)$", re.S | re.I)
_RATE_NOTE = re.compile(rf"^\(\s*rate\s*=?\s*({_NUM})\s*\)\s*(.*)$", re.S | re.I)
_QUARTER_OUTTURN = re.compile(rf"^\s*(q(?:tr|uarter)?\s*([1-4]))"
                              rf"\s+(?:outturn|performance|actual|result)?\s*({_NUM})\s*(%)\s*(.*)$",
                              re.S | re.I)
_QUARTER_LABEL = re.compile(r"^\s*(?:qtr|q|quarter)\s*[1-4]\b", re.I)


class PlanValueError(ValueError):
    """A figure or period that cannot be taken; the message is one sentence."""


@dataclass
class Measure:
    """What a published figure says: always its text, and a number where one can be read."""
    text: str
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    rate: float | None = None
    percent: bool = False
    quarter: int | None = None      # "Qtr 1 outturn 41%" names its own period
    rest: str = ""                  # words after the number, kept in the text


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("\u2212", "-"))


# A target may lead with how it is to be met: "< 45 a year", "Fewer than 45", "Reduce to 35%".
_COMPARATOR = re.compile(r"^\s*(?:<=?|>=?|\u2264|\u2265|(?:fewer|less|more|no more|no fewer|not more|not less) than|"
                         r"under|over|at (?:least|most)|"
                             r"(?:reduce|increase|decrease|rise|fall)(?:d)? to|maintain at)\s+",
                         re.I)


def read_measure(text) -> Measure:
    """Read a published figure; `value` stays None where no number can be trusted."""
    text = " ".join(str(text if text is not None else "").split())
    lead = _COMPARATOR.match(text)
    if lead:
        inner = read_measure(text[lead.end():])
        return Measure(text, inner.value, inner.numerator, inner.denominator, inner.rate, inner.percent,
                       inner.quarter, inner.rest) if inner.value is not None else Measure(text)
    found = _FRACTION.match(text)
    if found and not found.group(5):
        top, bottom = _number(found.group(1)), _number(found.group(2))
        value = _number(found.group(3)) if found.group(3) else (100 * top / bottom if bottom else None)
        return Measure(text, value, top, bottom, percent=bool(found.group(4)) or not found.group(3))
    found = _QUARTER_OUTTURN.match(text)
    if found:
        return Measure(text, _number(found.group(3)), percent=True, quarter=int(found.group(2)),
                       rest=found.group(5).strip())
    if _QUARTER_LABEL.match(text):
        return Measure(text)
    found = _LEADING.match(text)
    if not found or re.match(r"^\s*(?:qtr|q|quarter)", text, re.I):
        return Measure(text)
    value, unit, per, rest = _number(found.group(1)), found.group(2), found.group(3), found.group(4).strip()
    rate = None
    note = _RATE_NOTE.match(rest)
    if note:
        rate, rest = _number(note.group(1)), note.group(2).strip()
    # "12 offenders" and "41% (provisional)" still lead with their number; the words stay in the text.
    if rest and not re.match(r"^[a-z(]", rest):
        return Measure(text)
    if per:
        return Measure(text, value, rate=value, rest=rest)
    return Measure(text, value, rate=rate, percent=bool(unit), rest=rest)


def check_value(measure: Measure, unit: str) -> None:
    """Refuse what no indicator of that unit can hold, in one sentence."""
    if measure.value is None:
        return
    if unit == "count" and measure.value < 0:
        raise PlanValueError(f"{measure.text!r} is a negative count; a count cannot be below nought.")
    if unit == "percentage" and not 0 <= measure.value <= 100:
        raise PlanValueError(f"{measure.text!r} is not a percentage between 0 and 100.")
    if measure.value < 0:
        raise PlanValueError(f"{measure.text!r} is negative; a {unit} cannot be below nought.")


def guess_unit(*texts: str) -> str:
    """A percentage where a figure is one ("30%", "82/200 = 41%"); a rate where it is "per 1,000"; else a count.

    "970 (Rate 5.41)" is a count with its rate beside it; words such as "a 20% reduction" decide nothing.
    """
    measures = [read_measure(t) for t in texts if t]
    if any(m.percent for m in measures if m.value is not None):
        return "percentage"
    if any(re.search(r"per\s*(?:1,?000|100,?000|10,?000)", m.text, re.I) for m in measures if m.value is not None):
        return "rate"
    return "count"


def guess_direction(title: str) -> str:
    """Plans word their indicators "Reduce ..." or "Increase ..."; reduce unless it says otherwise."""
    return "increase" if re.search(r"\b(increase|improve|raise|more)\b", title, re.I) else "reduce"


# -- periods ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    label: str
    end: date


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[/\-\u2013]\s*(\d\d|(?:19|20)\d\d)(?!\d)")
_QUARTER = re.compile(r"\b(?:q|qtr|quarter)\s*([1-4])\b", re.I)
_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})|(\d{4})-(\d\d)-(\d\d)")
_QUARTER_ENDS = {1: (6, 30), 2: (9, 30), 3: (12, 31), 4: (3, 31)}


def financial_year(text: str) -> int | None:
    """The starting year of "2011/12", "2011-2012" or "2011 - 12"; None if the text names none."""
    found = _YEAR.search(text or "")
    if not found:
        return None
    start, end = int(found.group(1)), found.group(2)
    end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    return start if end_year == start + 1 else None


def quarter_end(year: int, quarter: int) -> date:
    month, day = _QUARTER_ENDS[quarter]
    return date(year + 1 if quarter == 4 else year, month, day)


def read_period(text, default_year: int | None = None) -> Period:
    """"2011/12 Q3", "Q3 2011/12", "to 31/01/12", "2012-01-31" or "2011/12" (the whole year)."""
    label = " ".join(str(text or "").split())
    if not label:
        raise PlanValueError("A value needs its period, such as 2011/12 Q3 or 31/01/2012.")
    found = _DATE.search(label)
    if found:
        try:
            if found.group(4):
                end = date(int(found.group(4)), int(found.group(5)), int(found.group(6)))
            else:
                year = int(found.group(3))
                end = date(year + 2000 if year < 100 else year, int(found.group(2)), int(found.group(1)))
        except ValueError:
            raise PlanValueError(f"{label!r} holds a date that does not exist.") from None
        return Period(label, end)
    quarter = _QUARTER.search(label)
    fin_year = financial_year(label) or (default_year if quarter else None)  # "Qtr 1" alone: the plan's fin_year
    if fin_year is None:
        raise PlanValueError(f"{label!r} is not a period (write 2011/12 Q3, 2011/12 or a date such as 31/01/2012).")
    if quarter:
        return Period(label, quarter_end(fin_year, int(quarter.group(1))))
    return Period(label, date(fin_year + 1, 3, 31))


def heading_period(heading: str) -> str:
    """The period a column heading names: "2011/12 Target" -> "2011/12", "Performance to 31/01/12" -> "to 31/01/12"."""
    text = " ".join(str(heading or "").split())
    for word in ("target", "performance", "latest", "actual", "outturn"):
        text = re.sub(rf"\b{word}\b", "", text, flags=re.I)
    text = " ".join(text.split())
    return text if re.search(r"\d", text) else ""


# -- the plan -------------------------------------------------------------------------------------

@dataclass
class PlanInfo:
    title: str = ""
    start_year: int | None = None
    end_year: int | None = None
    year_number: int | None = None
    amber_tolerance: float = 0.05
    id: str = field(default_factory=new_id)
    version: int = 0

    @property
    def label(self) -> str:
        if not self.start_year or not self.end_year:
            return self.title
        years = f"{self.start_year}-{self.end_year}"
        year = f", year {_ORDINALS.get(self.year_number, self.year_number)}" if self.year_number else ""
        return f"{self.title + ' ' if self.title else ''}{years}{year}"

    def covers(self, day: date) -> bool:
        if not self.start_year or not self.end_year:
            return True
        return date(self.start_year, 4, 1) <= day <= date(self.end_year, 3, 31)


_ORDINALS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass
class Objective:
    priority_id: str
    title: str
    ref: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Theme:
    title: str
    description: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class IndicatorValue:
    indicator_id: str
    period: str
    period_end: date
    text: str
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    rate: float | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


def value_from(indicator_id: str, period: Period, measure: Measure, note: str = "") -> IndicatorValue:
    return IndicatorValue(indicator_id, period.label, period.end, measure.text, measure.value, measure.numerator,
                          measure.denominator, measure.rate, note)


# -- RAG and trend ---------------------------------------------------------------------------------

def latest_number(values: list[IndicatorValue]) -> IndicatorValue | None:
    numbered = [v for v in values if v.value is not None]
    return max(numbered, key=lambda v: v.period_end) if numbered else None


def indicator_rag(value: float | None, target: float | None, direction: str, tolerance: float) -> str | None:
    """Green on or past target; amber within the tolerance (a fraction of the target); red beyond it."""
    if value is None or target is None:
        return None
    gap = (value - target) if direction == "reduce" else (target - value)
    if gap <= 0:
        return GREEN
    return AMBER if gap <= abs(target) * tolerance else RED


def compare(newer: float, older: float, direction: str) -> str:
    if newer == older:
        return SAME
    went_down = newer < older
    return BETTER if went_down == (direction == "reduce") else WORSE


@dataclass
class Trend:
    since_previous: str | None = None
    since_last_year: str | None = None
    previous: IndicatorValue | None = None
    last_year: IndicatorValue | None = None


def trend(values: list[IndicatorValue], direction: str) -> Trend:
    """Since the value before the latest, and since the value for the same period a year earlier."""
    numbered = sorted((v for v in values if v.value is not None), key=lambda v: v.period_end)
    if not numbered:
        return Trend()
    latest, result = numbered[-1], Trend()
    if len(numbered) > 1:
        result.previous = numbered[-2]
        # numbered holds only values that are not None
        result.since_previous = compare(latest.value, numbered[-2].value, direction)  # type: ignore[arg-type]
    year_ago = _year_before(latest.period_end)
    match = [v for v in numbered[:-1] if abs((v.period_end - year_ago).days) <= 16]
    if match:
        result.last_year = match[-1]
        result.since_last_year = compare(latest.value, match[-1].value, direction)  # type: ignore[arg-type]
    return result


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day - timedelta(days=365)


def split_lead_agencies(text: str) -> list[str]:
    """"West Mercia Police and Herefordshire Public Health" names two agencies; "Fire and Rescue" names one.

    A part is split off at "and", ";", "/" or "&" only where both sides are at least two words, so
    names that hold "and" inside a short phrase stay whole.
    """
    parts = [p.strip() for p in re.split(r"\s*[;/]\s*", text or "") if p.strip()]
    result = []
    for part in parts:
        pieces = re.split(r"\s+(?:and|&)\s+", part)
        if len(pieces) == 2 and all(len(p.split()) >= 2 for p in pieces) and pieces[1].split()[0] not in _JOINED:
            result.extend(pieces)
        else:
            result.append(part)
    return result


_JOINED = {"Rescue", "Wales", "Worcester", "Safety", "Young", "Justice", "Care", "Social"}
