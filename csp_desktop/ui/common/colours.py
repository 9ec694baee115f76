"""Colours for text drawn on a band colour, readable whatever the palette."""
from __future__ import annotations

from PySide6.QtGui import QColor

from ...domain.colours import ink_on


def text_colour_on(colour: str | QColor) -> QColor:
    """Black or white, whichever contrasts more with the band colour (the rule lives in domain.colours)."""
    return QColor(ink_on(QColor(colour).name()))
