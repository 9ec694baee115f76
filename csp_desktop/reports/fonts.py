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
ARABIC = "NotoSansArabic-Regular"
ARABIC_BOLD = "NotoSansArabic-Bold"


@cache
def register_fonts() -> None:
    """Register the shipped fonts once per process. reportlab's own shaping stays off (it needs uharfbuzz and
    an unpublished bidi package, and its bidi step crashed on a line mixing Latin and Arabic letters);
    scripts.py prepares Urdu and Arabic."""
    for name in (REGULAR, BOLD, ARABIC, ARABIC_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf")), shapable=False))
    for family, bold in ((REGULAR, BOLD), (ARABIC, ARABIC_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)
