"""Moving scores onto a smaller matrix: which old level becomes which new one, axis by axis."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .scoring import IMPACT, LIKELIHOOD, Rating, Scheme


def proposed_levels(old: int, new: int) -> dict[int, int]:
    """Old level -> new level, spreading the old scale evenly over the new (5 onto 4: 1,2,3,4,4;
    5 onto 3: 1,2,2,3,3). A scale that does not shrink keeps every level."""
    if new >= old:
        return {level: level for level in range(1, old + 1)}
    return {level: max(1, min(new, math.ceil(level * new / old))) for level in range(1, old + 1)}


@dataclass(frozen=True)
class Remap:
    """The chosen mapping for both axes (old level -> new level)."""
    likelihood: dict[int, int]
    impact: dict[int, int]

    @classmethod
    def proposed(cls, old: Scheme, new: Scheme) -> "Remap":
        return cls(proposed_levels(old.levels(LIKELIHOOD), new.levels(LIKELIHOOD)),
                   proposed_levels(old.levels(IMPACT), new.levels(IMPACT)))

    def rating(self, rating: Rating | None) -> Rating | None:
        if rating is None:
            return None
        return Rating(self.likelihood.get(rating.likelihood, rating.likelihood),
                      self.impact.get(rating.impact, rating.impact))

    def check(self, new: Scheme) -> None:
        """Every old level must land on a level of the new matrix."""
        from .scoring import SchemeError
        for axis, mapping in ((LIKELIHOOD, self.likelihood), (IMPACT, self.impact)):
            if any(not 1 <= target <= new.levels(axis) for target in mapping.values()):
                raise SchemeError(f"Every old {axis} level must map onto one of the new matrix's "
                                  f"{new.levels(axis)} levels.")

    def describe(self, axis: str) -> str:
        mapping = self.likelihood if axis == LIKELIHOOD else self.impact
        return ", ".join(f"{old}\u2192{new}" for old, new in sorted(mapping.items()) if old != new) or "unchanged"
