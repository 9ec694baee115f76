"""Which ink, black or white, reads on a fill colour: one rule for the screen and the printed pack."""
from __future__ import annotations

BLACK = "#000000"
WHITE = "#FFFFFF"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(red: float, green: float, blue: float) -> float:
    """WCAG 2 relative luminance of an sRGB colour given as channels 0..1 (0 black .. 1 white)."""
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def black_reads_on(red: float, green: float, blue: float) -> bool:
    """True when black text contrasts more than white with the fill (WCAG contrast ratio)."""
    lum = relative_luminance(red, green, blue)
    return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05)


def ink_on(fill: str) -> str:
    """Black or white ("#000000" / "#FFFFFF") for text on a "#RRGGBB" fill; anything else counts as black."""
    text = fill.strip().lstrip("#")
    try:
        red, green, blue = (int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)) if len(text) == 6 else (0, 0, 0)
    except ValueError:
        red = green = blue = 0
    return BLACK if black_reads_on(red, green, blue) else WHITE
