"""The embedded Unicode font: DejaVu Sans covers Welsh, Polish, the pound sign, dashes and curly quotes
(reportlab's built-in Helvetica prints w and y with a circumflex as black boxes)."""
from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> None:
    """Register the shipped fonts once per process. Shaping (for Urdu and Arabic) stays off: it needs
    uharfbuzz and a font with those glyphs, and mixed-script shaping has crashed reportlab (FACTS.md)."""
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf")), shapable=False))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
