"""Changes since the previous meeting, risks first, then actions."""
from __future__ import annotations

from reportlab.lib.units import cm

from ..domain.pack import PackData
from .styles import BODY, markup, para
from .summary import comparison_basis
from .tables import chunked

HEADER = ["Item", "Ref", "Title", "Change", "Before", "After"]
WIDTHS = [c * cm for c in (1.6, 1.8, 11.9, 4.2, 3.6, 3.6)]


def changes_flowables(data: PackData) -> list:
    story = [markup(comparison_basis(data), BODY)]
    if data.previous is None:
        return story
    if not data.changes:
        return story + [markup("Nothing in this part of the pack has changed since then.")]
    rows = [[c.item.capitalize(), c.ref, para(c.title), c.what, c.before, c.after] for c in data.changes]
    return story + chunked(HEADER, rows, WIDTHS)
