"""One contrast rule: the screen (Qt) and the printed pack (ReportLab) pick the same ink for a fill."""
from reportlab.lib import colors

from csp_desktop.domain.colours import BLACK, WHITE, ink_on
from csp_desktop.reports.styles import INK, hex_colour
from csp_desktop.reports.styles import ink_on as pdf_ink_on

FILLS = ["#C00000", "#FFC000", "#70AD47", "#FF0000", "#00B050", "#FFFF00", "#808080", "#000000", "#FFFFFF",
         "#4472C4", "#ED7D31", "#92D050", "#7F7F7F"]


def test_black_on_light_and_white_on_dark():
    assert ink_on("#FFFFFF") == BLACK and ink_on("#FFFF00") == BLACK
    assert ink_on("#000000") == WHITE and ink_on("#C00000") == WHITE


def test_broken_input_counts_as_black_fill():
    for bad in ["", "#", "zzzzzz", "#12", "#GGGGGG", "x" * 10_000]:
        assert ink_on(bad) == WHITE


def test_pdf_and_screen_agree():
    for fill in FILLS:
        expected = ink_on(fill)
        assert (pdf_ink_on(hex_colour(fill)) == INK) == (expected == BLACK), fill
        assert (pdf_ink_on(hex_colour(fill)) == colors.white) == (expected == WHITE), fill
