"""The partnership's own scoring scheme: levels, labels, bands, colours and appetite.

A scheme is data, stored with each register, never a constant the code relies on.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from ..errors import UserError

MIN_LEVELS = 3
MAX_LEVELS = 5

LIKELIHOOD = "likelihood"
IMPACT = "impact"

# Words people write in real sheets whatever the scheme's own labels are, by scale size.
_GENERIC_WORDS = {
    3: ("low", "medium", "high"),
    4: ("low", "medium", "high", "very high"),
    5: ("very low", "low", "medium", "high", "very high"),
}
_ALIASES = {"med": "medium", "mod": "medium", "moderate": "medium", "v high": "very high",
            "v low": "very low", "vh": "very high", "vl": "very low", "hi": "high", "lo": "low"}


class LevelError(UserError, ValueError):
    """A value that cannot be read as a level on the scheme's scale."""


class SchemeError(UserError, ValueError):
    """A scheme whose settings do not hang together."""


@dataclass(frozen=True)
class Band:
    name: str
    lowest: int
    colour: str  # "#RRGGBB"


@dataclass(frozen=True)
class Rating:
    """A likelihood and impact pair, as levels counted from 1."""
    likelihood: int
    impact: int

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class Scheme:
    likelihood_labels: tuple[str, ...]
    impact_labels: tuple[str, ...]
    bands: tuple[Band, ...]
    appetite: str  # name of the highest band the board tolerates without escalation; "" when none adopted
    name: str = ""
    # None only until __post_init__ fills it, before any use
    _lookup: dict = field(default=None, init=False, repr=False, compare=False, hash=False)  # type: ignore[arg-type]

    def __post_init__(self):
        for axis, labels in ((LIKELIHOOD, self.likelihood_labels), (IMPACT, self.impact_labels)):
            if not MIN_LEVELS <= len(labels) <= MAX_LEVELS:
                raise SchemeError(f"The {axis} scale must have {MIN_LEVELS} to {MAX_LEVELS} levels, not {len(labels)}.")
            if any(not str(label).strip() for label in labels):
                raise SchemeError(f"Every {axis} level needs a label.")
        if not self.bands:
            raise SchemeError("A scheme needs at least one band.")
        lowest = [b.lowest for b in self.bands]
        if lowest != sorted(lowest) or len(set(lowest)) != len(lowest) or lowest[0] != 1:
            raise SchemeError("Bands must start at score 1 and rise without repeating.")
        if lowest[-1] > self.max_score:
            raise SchemeError(f"Band {self.bands[-1].name!r} starts above the highest score {self.max_score}.")
        if any(not re.fullmatch(r"#[0-9A-Fa-f]{6}", b.colour) for b in self.bands):
            raise SchemeError("Band colours must be written #RRGGBB.")
        if self.appetite and self.appetite not in [b.name for b in self.bands]:
            raise SchemeError(f"Appetite {self.appetite!r} is not one of the bands.")
        object.__setattr__(self, "_lookup", {LIKELIHOOD: _lookup(self.likelihood_labels),
                                             IMPACT: _lookup(self.impact_labels)})

    @property
    def size(self) -> str:
        return f"{len(self.likelihood_labels)}x{len(self.impact_labels)}"

    @property
    def max_score(self) -> int:
        return len(self.likelihood_labels) * len(self.impact_labels)

    def levels(self, axis: str) -> int:
        return len(self.labels(axis))

    def labels(self, axis: str) -> tuple[str, ...]:
        return self.likelihood_labels if axis == LIKELIHOOD else self.impact_labels

    def label(self, axis: str, level: int) -> str:
        return self.labels(axis)[level - 1]

    def band_for(self, score: int | None) -> Band | None:
        if score is None:
            return None
        found = None
        for band in self.bands:
            if score >= band.lowest:
                found = band
        return found

    def above_appetite(self, score: int | None) -> bool:
        """False for every score when the partnership adopted no appetite: nothing is "above" it then."""
        if not self.appetite:
            return False
        band = self.band_for(score)
        names = [b.name for b in self.bands]
        return band is not None and names.index(band.name) > names.index(self.appetite)

    def fits(self, rating: Rating | None) -> bool:
        return rating is None or (1 <= rating.likelihood <= self.levels(LIKELIHOOD)
                                  and 1 <= rating.impact <= self.levels(IMPACT))

    def parse_level(self, value, axis: str) -> int | None:
        """Read a level as found in a real sheet; None for an empty cell."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        top = self.levels(axis)
        if isinstance(value, bool):
            raise LevelError(self._explain(value, axis))
        if isinstance(value, (int, float)):
            return self._from_number(float(value), value, axis)
        text = " ".join(str(value).split()).lower()
        try:
            return self._from_number(float(text), value, axis)
        except ValueError:
            pass
        labelled = split_labelled(text)
        if labelled:  # "3 - Likely", "4 (Major)": the number decides
            return self._from_number(float(labelled[0]), value, axis)
        level = self._lookup[axis].get(_ALIASES.get(text, text))
        if level is None:
            level = _unique_prefix(self._lookup[axis], text)
        if level is None or not 1 <= level <= top:
            raise LevelError(self._explain(value, axis))
        return level

    def _from_number(self, number: float, original, axis: str) -> int:
        top = self.levels(axis)
        if not math.isfinite(number) or number != int(number) or not 1 <= number <= top:
            raise LevelError(self._explain(original, axis))
        return int(number)

    def _explain(self, value, axis: str) -> str:
        labels = ", ".join(self.labels(axis))
        article = "an" if axis[0] in "aeiou" else "a"
        return (f"{str(value)!r} is not {article} {axis} level on this {self.levels(axis)}-level scale "
                f"(use {labels} or 1-{self.levels(axis)})")

    def to_dict(self) -> dict:
        return {"name": self.name, "likelihood_labels": list(self.likelihood_labels),
                "impact_labels": list(self.impact_labels), "appetite": self.appetite,
                "bands": [{"name": b.name, "lowest": b.lowest, "colour": b.colour} for b in self.bands]}

    @classmethod
    def from_dict(cls, data: dict) -> "Scheme":
        try:
            return cls(likelihood_labels=tuple(data["likelihood_labels"]),
                       impact_labels=tuple(data["impact_labels"]),
                       bands=tuple(Band(str(b["name"]), int(b["lowest"]), str(b["colour"])) for b in data["bands"]),
                       appetite=str(data["appetite"]), name=str(data.get("name", "")))
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, SchemeError):
                raise
            raise SchemeError(f"The scoring scheme settings are incomplete ({exc}).") from exc


def _lookup(labels: tuple[str, ...]) -> dict[str, int]:
    table = {}
    for words in (_GENERIC_WORDS[len(labels)], labels):
        for level, word in enumerate(words, start=1):
            table[" ".join(str(word).split()).lower()] = level
    return table


def _unique_prefix(table: dict[str, int], text: str) -> int | None:
    levels = {level for word, level in table.items() if word.startswith(text)}
    return levels.pop() if len(levels) == 1 else None


def default_5x5() -> Scheme:
    return Scheme(
        name="5x5",
        likelihood_labels=("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
        impact_labels=("Negligible", "Minor", "Moderate", "Major", "Catastrophic"),
        bands=(Band("Low", 1, "#70AD47"), Band("Medium", 5, "#FFC000"),
               Band("High", 10, "#ED7D31"), Band("Very high", 16, "#C00000")),
        appetite="Medium")


def words_3x3() -> Scheme:
    words = ("Low", "Medium", "High")
    return Scheme(name="3x3", likelihood_labels=words, impact_labels=words,
                  bands=(Band("Low", 1, "#70AD47"), Band("Medium", 3, "#FFC000"), Band("High", 6, "#C00000")),
                  appetite="Medium")


PRESETS = {"5x5": default_5x5, "3x3": words_3x3}
# Labels a new register takes for a scale of each size, when the file gives none of its own.
DEFAULT_LABELS = {
    LIKELIHOOD: {3: ("Low", "Medium", "High"), 4: ("Unlikely", "Possible", "Likely", "Very likely"),
                 5: ("Rare", "Unlikely", "Possible", "Likely", "Almost certain")},
    IMPACT: {3: ("Low", "Medium", "High"), 4: ("Minor", "Moderate", "Major", "Critical"),
             5: ("Negligible", "Minor", "Moderate", "Major", "Catastrophic")},
}
_LABELLED = re.compile(r"^([1-9])\s*(?:[-–:.=)]\s*|\(\s*|\s+)([a-z][a-z /'-]*?)\s*\)?$")


_LABEL_FIRST = re.compile(r"^([a-z][a-z /'-]*?)\s*(?:\(\s*([1-9])\s*\)|[-\u2013:=]\s*([1-9]))$")


def split_labelled(text: str) -> tuple[int, str] | None:
    """ "3 - Likely" -> (3, "likely"); "4 (Major)" -> (4, "major"); "Significant (4)" -> (4, "significant");
    anything else -> None."""
    text = " ".join(str(text).split()).lower()
    found = _LABELLED.match(text)
    if found:
        return int(found.group(1)), found.group(2)
    found = _LABEL_FIRST.match(text)
    return (int(found.group(2) or found.group(3)), found.group(1)) if found else None


def sized_scheme(likelihood_labels: tuple[str, ...], impact_labels: tuple[str, ...]) -> Scheme:
    """A scheme of any size from 3x3 to 5x5, its four bands spread over its scores as the 5x5 ones are."""
    if (likelihood_labels, impact_labels) == (default_5x5().likelihood_labels, default_5x5().impact_labels):
        return default_5x5()
    if set(likelihood_labels) == set(impact_labels) == {"Low", "Medium", "High"} and len(likelihood_labels) == 3:
        return words_3x3()
    top = len(likelihood_labels) * len(impact_labels)
    starts = sorted({1, max(2, round(top * 5 / 25)), max(3, round(top * 10 / 25)), max(4, round(top * 16 / 25))})
    names, colours = ("Low", "Medium", "High", "Very high"), ("#70AD47", "#FFC000", "#ED7D31", "#C00000")
    bands = tuple(Band(n, s, c) for n, s, c in zip(names, starts, colours))
    size = f"{len(likelihood_labels)}x{len(impact_labels)}"
    return Scheme(likelihood_labels=tuple(likelihood_labels), impact_labels=tuple(impact_labels), bands=bands,
                  appetite="Medium", name=size)


def numbered(size: int = 5) -> Scheme:
    """A file scored in numbers only: its levels are "1" to "5" (the partnership named no words for them), the
    usual bands for colour, and no appetite, which the file did not set."""
    labels = tuple(str(n) for n in range(1, size + 1))
    return replace(default_5x5(), name=f"{size}x{size} numbered", likelihood_labels=labels, impact_labels=labels,
                   appetite="")


def preset(name: str) -> Scheme:
    """ "3x3", "4x4", "5x5" or any LxI from 3 to 5 levels a side, e.g. "5x4"."""
    if name in PRESETS:
        return PRESETS[name]()
    sizes = re.fullmatch(r"([3-5])x([3-5])", str(name).strip().lower())
    if not sizes:
        raise SchemeError(f"Unknown scheme {name!r}: write 3x3, 4x4, 5x5, or likelihood x impact levels such "
                          "as 5x4 (3 to 5 each).")
    l_levels, i_levels = int(sizes.group(1)), int(sizes.group(2))
    return sized_scheme(DEFAULT_LABELS[LIKELIHOOD][l_levels], DEFAULT_LABELS[IMPACT][i_levels])
