"""The heat maps with their legend, and the key and definitions at the end of the pack: the register's own
levels, bands and appetite (only what the partnership set), the symbols, and what "target" and "expected" mean."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.derived import ARROWS, DOWN, NEW, UNCHANGED, UP
from ..domain.pack import PackData, travel_header
from ..domain.scoring import IMPACT, LIKELIHOOD
from .heatmap import HeatMaps
from .register_table import TARGET_FLAG
from .scores import band_fill, band_ink, initials
from .styles import BODY, SUBHEADING, esc, markup
from .summary import score_range
from .tables import BASE_STYLE


def heatmap_flowables(data: PackData, width: float, height: float, target: bool = False) -> list:
    """The maps, then on the same page their legend, the appetite line and any refs that did not fit. With
    `target`, the residual map beside the target map: where each risk is now, and where it is meant to be."""
    maps = HeatMaps(data, width, height, ("residual", "target") if target else ("inherent", "residual"))
    story = [maps.drawing, Spacer(1, 0.15 * cm), _legend(data)]
    since = travel_header(data.travel_since)
    lines = []
    if data.appetite_set:
        lines.append(appetite_line(data))
    lines.append(f"On the residual map a ref marked {ARROWS[UP]} went up, {ARROWS[DOWN]} went down and * is new "
                 f"{since}. Each cell names its band.")
    story.append(markup(" ".join(lines), BODY))
    for title, cell, refs in maps.overflow:
        story.append(markup(f"<b>{title} {cell}</b>, more than the cell holds: {esc(', '.join(refs))}", BODY))
    return story


def _legend(data: PackData) -> Table:
    scheme = data.scheme
    row, commands = [], list(BASE_STYLE[:2]) + [("ALIGN", (0, 0), (-1, -1), "CENTER")]
    for column, band in enumerate(scheme.bands):
        short = initials(band.name)
        row.append(f"{band.name}{'' if short == band.name else f' ({short})'}: {score_range(scheme, band)}")
        fill = band_fill(scheme, band)
        commands += [("BACKGROUND", (column, 0), (column, 0), fill),
                     ("TEXTCOLOR", (column, 0), (column, 0), band_ink(fill))]
    table = Table([row], colWidths=[4.2 * cm] * len(row), hAlign="LEFT")
    table.setStyle(TableStyle(commands + [("FONTSIZE", (0, 0), (-1, -1), 9)]))
    return table


def appetite_line(data: PackData) -> str:
    return (f"Appetite: the board tolerates risks up to the <b>{esc(data.scheme.appetite)}</b> band; risks above "
            "it are escalated to the board.")


def key_flowables(data: PackData) -> list:
    scheme = data.scheme
    levels = [["Level", "Likelihood", "Impact"]]
    for level in range(1, max(scheme.levels(LIKELIHOOD), scheme.levels(IMPACT)) + 1):
        levels.append([str(level), _label(scheme, LIKELIHOOD, level), _label(scheme, IMPACT, level)])
    level_table = Table(levels, colWidths=[1.5 * cm, 5 * cm, 5 * cm], hAlign="LEFT")
    level_table.setStyle(TableStyle(BASE_STYLE))
    bands = [["Band", "Short", "Scores"]] + [[b.name, initials(b.name), score_range(scheme, b)] for b in scheme.bands]
    band_table = Table(bands, colWidths=[4 * cm, 1.5 * cm, 3 * cm], hAlign="LEFT")
    commands = list(BASE_STYLE)
    for line, band in enumerate(scheme.bands, start=1):
        fill = band_fill(scheme, band)
        commands += [("BACKGROUND", (0, line), (-1, line), fill), ("TEXTCOLOR", (0, line), (-1, line), band_ink(fill))]
    band_table.setStyle(TableStyle(commands))
    since = travel_header(data.travel_since)
    numbered = all(label.isdigit() for label in scheme.likelihood_labels + scheme.impact_labels)
    levels_part = ([markup("Levels", SUBHEADING),
                    markup(f"Likelihood and impact are each scored from 1 (lowest) to {scheme.levels(LIKELIHOOD)} "
                           "(highest); the register names no words for the levels.", BODY)] if numbered
                   else [markup("Levels", SUBHEADING), level_table])
    story = [
        markup(f"Score = likelihood \u00d7 impact, on this register's {scheme.size} matrix "
               f"(1 to {scheme.max_score}). A score is printed as a chip with its band, likelihood \u00d7 impact "
               "beneath it.", BODY),
        *levels_part,
        markup("Bands", SUBHEADING), band_table, Spacer(1, 0.2 * cm),
    ]
    if data.appetite_set:
        story.append(markup(appetite_line(data), BODY))
    story += [
        markup("Definitions", SUBHEADING),
        markup("<b>Inherent</b>: the score before any mitigation. <b>Residual</b>: the score now, with the "
               "mitigations in place. <b>Target</b>: the score the owner aims to reach and hold"
               + (f"; {TARGET_FLAG} beside a target means it is still above appetite." if data.appetite_set else ".")
               + " <b>Expected once in place</b>: the score a mitigation is expected to give once it is fully "
               "in place, as its owner judges it.", BODY),
        markup(f"<b>Direction of travel</b> ({esc(since)}): {ARROWS[UP]} up (worse), {ARROWS[DOWN]} down "
               f"(better), {ARROWS[UNCHANGED]} the same, {ARROWS[NEW]} new (not in the register, or not scored, "
               "then).", BODY),
        markup("<b>Action RAG</b>: red when overdue, amber when due within 30 days, green otherwise; an open "
               "action with no due date shows \"No date\"; completed and cancelled actions carry no RAG. Where "
               "the owner or the imported file reported a worse status (Amber, Red, \"Delayed\", \"Off track\"), "
               "that is shown, marked \"(reported)\"; a reported status better than the dates is noted under "
               "the band.", BODY),
    ]
    return story


def _label(scheme, axis: str, level: int) -> str:
    return scheme.label(axis, level) if level <= scheme.levels(axis) else ""
