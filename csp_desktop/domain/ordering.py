"""The one order for references and text people number by hand: R-2 before R-10, case ignored."""
from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Runs of digits compare as numbers, the rest as words without case: R-1, R-1a, R-2.1, R-3, R-10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in _DIGITS.split(text) if part)
