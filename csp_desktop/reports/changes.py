"""Changes since the previous meeting, risks first, then actions."""
from __future__ import annotations

from reportlab.lib.units import cm

from ..domain.pack import PackData
from .styles import BODY, markup
from .summary import comparison_basis
from .tables import chunked, wrapped

HEADER = ["Item", "Ref", "Title", "Change", "Before", "After"]
WIDTHS = [c * cm for c in (1.6, 1.8, 11.9, 4.2, 3.6, 3.6)]


def changes_flowables(data: PackData) -> list:
    story = [markup(comparison_basis(data), BODY)]
    if data.previous is None:
        return story
    if not data.changes:
        return story + [markup("Nothing in this part of the pack has changed since then.", BODY)]
    rows = [[c.item.capitalize(), wrapped(c.ref, WIDTHS[1]), wrapped(c.title, WIDTHS[2]), c.what,
             wrapped(c.before, WIDTHS[4]), wrapped(c.after, WIDTHS[5])] for c in data.changes]
    return story + chunked(HEADER, rows, WIDTHS)
