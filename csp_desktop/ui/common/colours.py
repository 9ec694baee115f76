"""Colours for text drawn on a band colour, readable whatever the palette."""
from __future__ import annotations

from PySide6.QtGui import QColor


def luminance(colour: str | QColor) -> float:
    """WCAG relative luminance of a colour (0 black .. 1 white)."""
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def text_colour_on(colour: str | QColor) -> QColor:
    """Black or white, whichever contrasts more with the band colour."""
    lum = luminance(colour)
    contrast_black = (lum + 0.05) / 0.05
    contrast_white = 1.05 / (lum + 0.05)
    return QColor("#000000") if contrast_black >= contrast_white else QColor("#FFFFFF")
