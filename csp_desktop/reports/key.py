"""The scoring key: the register's own levels, bands, appetite and the symbols the pack uses."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.derived import ARROWS
from ..domain.scoring import IMPACT, LIKELIHOOD
from ..domain.pack import PackData
from .styles import BODY, SUBHEADING, esc, hex_colour, ink_on, markup
from .summary import score_range
from .tables import BASE_STYLE


def key_flowables(data: PackData) -> list:
    scheme = data.scheme
    levels = [["Level", "Likelihood", "Impact"]]
    for level in range(1, max(scheme.levels(LIKELIHOOD), scheme.levels(IMPACT)) + 1):
        levels.append([str(level), _label(scheme, LIKELIHOOD, level), _label(scheme, IMPACT, level)])
    level_table = Table(levels, colWidths=[1.5 * cm, 5 * cm, 5 * cm], hAlign="LEFT")
    level_table.setStyle(TableStyle(BASE_STYLE))
    bands = [["Band", "Scores"]] + [[b.name, score_range(scheme, b)] for b in scheme.bands]
    band_table = Table(bands, colWidths=[4 * cm, 3 * cm], hAlign="LEFT")
    commands = list(BASE_STYLE)
    for line, band in enumerate(scheme.bands, start=1):
        fill = hex_colour(band.colour)
        commands += [("BACKGROUND", (0, line), (-1, line), fill), ("TEXTCOLOR", (0, line), (-1, line), ink_on(fill))]
    band_table.setStyle(TableStyle(commands))
    return [
        markup(f"Score = likelihood \u00d7 impact, on this register's {scheme.size} matrix "
               f"(1 to {scheme.max_score}). In the register, a score cell shows the score above "
               "likelihood \u00d7 impact.", BODY),
        markup("Levels", SUBHEADING), level_table,
        markup("Bands", SUBHEADING), band_table, Spacer(1, 0.2 * cm),
        markup(f"Appetite: the board tolerates risks up to the <b>{esc(scheme.appetite)}</b> band; risks above it "
               "are escalated to the board.", BODY),
        markup("Symbols", SUBHEADING),
        markup(f"Direction of travel since the last review: {ARROWS['up']} up (worse), {ARROWS['down']} down "
               f"(better), {ARROWS['unchanged']} unchanged, {ARROWS['new']} new or not yet reviewed.", BODY),
        markup("Action RAG: red when overdue, amber when due within 30 days, green otherwise; completed and "
               "cancelled actions carry no RAG.", BODY),
    ]


def _label(scheme, axis: str, level: int) -> str:
    return scheme.label(axis, level) if level <= scheme.levels(axis) else ""
