"""Changes since the previous meeting: one row per risk (travel, L x I before and after, the reason and its
date), then actions."""
from __future__ import annotations

from reportlab.lib.units import cm

from ..domain.dates import show
from ..domain.pack import PackData, travel_header
from .scores import direction_cell
from .styles import BODY, markup
from .summary import comparison_basis
from .tables import chunked, wrapped

WIDTHS = [c * cm for c in (1.5, 1.6, 5.4, 1.9, 3.7, 2.9, 2.9, 5.0, 1.8)]


def changes_flowables(data: PackData) -> list:
    story = [markup(comparison_basis(data), BODY)]
    if not data.changes:
        return story + [markup("Nothing in this part of the pack has changed since then.", BODY)]
    header = ["Item", "Ref", "Title", "Travel\n" + travel_header(data.travel_since).replace(" ", "\n", 1), "Change",
              "Before\nscore (L\u00d7I)", "After\nscore (L\u00d7I)", "Reason (latest review)", "Date"]
    w = WIDTHS
    rows = [[c.item.capitalize(), wrapped(c.ref, w[1]), wrapped(c.title, w[2]),
             direction_cell(c.travel) if c.travel else "", wrapped(c.what, w[4]), wrapped(c.before, w[5]),
             wrapped(c.after, w[6]), wrapped(c.reason, w[7]), show(c.on)] for c in data.changes]
    return story + chunked(header, rows, WIDTHS)
