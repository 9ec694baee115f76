"""Type, colours and the one way user text becomes Paragraph markup (escaped, so it prints as typed)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ..domain.colours import black_reads_on
from . import scripts
from .fonts import BOLD, REGULAR, register_fonts

register_fonts()

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#52606D")
RULE = colors.HexColor("#9AA5B1")
HEADER_FILL = colors.HexColor("#243B53")
GROUP_FILL = colors.HexColor("#D9E2EC")
ZEBRA = colors.HexColor("#F5F7FA")
WHITE = colors.white
OVERDUE = colors.HexColor("#C00000")
RAG_COLOURS = {"red": colors.HexColor("#C00000"), "amber": colors.HexColor("#FFC000"),
               "green": colors.HexColor("#70AD47")}


def _style(name, size=9, leading=None, font=REGULAR, **extra) -> ParagraphStyle:
    extra.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, **extra)


BODY = _style("body", 10, spaceAfter=4)
CELL = _style("cell", 8)
HEADING = _style("heading", 16, 20, BOLD, spaceAfter=8, textColor=HEADER_FILL)
SUBHEADING = _style("subheading", 11, 14, BOLD, spaceBefore=8, spaceAfter=4, textColor=HEADER_FILL)
TITLE = _style("title", 26, 32, BOLD, spaceAfter=14, textColor=HEADER_FILL)
COVER_LINE = _style("coverline", 13, 18, spaceAfter=6)
NOTICE = _style("notice", 12, 16, BOLD, textColor=OVERDUE, spaceAfter=6)


def esc(text, bold: bool = False) -> str:
    """User text as Paragraph markup that prints literally: <b>, & and a lone < stay as typed."""
    return "<br/>".join(scripts.markup(line, bold) for line in str(text or "").splitlines()) if text else ""


def para(text, style: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph of user text (escaped)."""
    return Paragraph(esc(text, bold=style.fontName == BOLD), style)


def markup(trusted: str, style: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph whose markup the code wrote; every user value inside it must already be esc()'d."""
    return Paragraph(trusted, style)


def hex_colour(value: str) -> colors.Color:
    return colors.HexColor(value)


def ink_on(fill: colors.Color) -> colors.Color:
    """Dark text on fills where black reads better, white on the others (the rule in domain.colours)."""
    return INK if black_reads_on(fill.red, fill.green, fill.blue) else colors.white
