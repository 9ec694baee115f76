"""How a score is written and coloured in the pack."""
from __future__ import annotations

from ..domain.derived import ARROWS
from ..domain.scoring import Rating, Scheme
from .styles import hex_colour, ink_on

TIMES = "\u00d7"
DIRECTION_WORDS = {"up": "up", "down": "down", "unchanged": "same", "new": "new"}


def score_cell(rating: Rating | None) -> str:
    if rating is None:
        return "\u2013"
    return f"{rating.score}\n{rating.likelihood}{TIMES}{rating.impact}"


def band_style(scheme: Scheme, rating: Rating | None, column: int, row: int) -> list:
    """Fill a score cell with its band colour, with text that stays readable on it."""
    band = scheme.band_for(rating.score if rating else None)
    if band is None:
        return []
    fill = hex_colour(band.colour)
    return [("BACKGROUND", (column, row), (column, row), fill),
            ("TEXTCOLOR", (column, row), (column, row), ink_on(fill))]


def direction_cell(direction: str) -> str:
    return f"{ARROWS.get(direction, '')} {DIRECTION_WORDS.get(direction, direction)}"
