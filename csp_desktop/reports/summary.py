"""The summary page: the figures a board reads first."""
from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.dates import show
from ..domain.pack import CLOSED, ESCALATED, NEW_RISK, SCORE_DOWN, SCORE_UP, PackData
from .scores import band_style
from .styles import BODY, SUBHEADING, esc, hex_colour, ink_on, markup
from .tables import BASE_STYLE, chunked, wrapped
from .tracker import tracked_actions

ABOVE_HEADER = ["Ref", "Risk", "Owner", "Residual", "Band"]
ABOVE_WIDTHS = [c * cm for c in (1.6, 9.4, 3.6, 1.8, 1.6)]


def key_figures(data: PackData) -> list[tuple[str, int]]:
    risks = data.open_risks
    moves = Counter(c.what for c in data.changes if c.item == "risk")
    actions = tracked_actions(data)
    return [
        ("Open risks", len(risks)),
        (f"Risks above appetite ({data.scheme.appetite})",
         sum(data.scheme.above_appetite(r.current.score if r.current else None) for r in risks)),
        ("New risks since the previous meeting", moves[NEW_RISK]),
        ("Risks closed since the previous meeting", moves[CLOSED]),
        ("Risks escalated: now above appetite", moves[ESCALATED]),
        ("Risks whose score went up", moves[SCORE_UP]),
        ("Risks whose score went down", moves[SCORE_DOWN]),
        ("Risks past their review date", sum(r.review_overdue for r in risks)),
        ("Open actions", sum(a.rag is not None for a in actions)),
        ("Overdue actions", sum(a.overdue for a in actions)),
    ]


def summary_flowables(data: PackData) -> list:
    figures = Table([["", "Count"]] + [[label, str(n)] for label, n in key_figures(data)],
                    colWidths=[10 * cm, 2.5 * cm], hAlign="LEFT")
    figures.setStyle(TableStyle(BASE_STYLE + [("ALIGN", (1, 0), (1, -1), "RIGHT"), ("FONTSIZE", (0, 1), (-1, -1), 9)]))
    story = [markup(comparison_basis(data), BODY), figures, Spacer(1, 0.4 * cm),
             markup("Open risks by band", SUBHEADING), _bands(data)]
    story += _above_appetite(data)
    return story


def comparison_basis(data: PackData) -> str:
    if data.previous is None:
        return "There is no earlier meeting in the register, so nothing is compared with a previous meeting."
    when = f"the {esc(data.previous.board)} on {show(data.previous.held_on)}"
    if data.changes_basis == "snapshot":
        return f"Changes are measured against the pack issued for {when}."
    if data.changes_basis == "reviews":
        return (f"This register was started after {when}, so changes are measured from the reviews recorded "
                "since then (new, closed and reassigned items cannot be told).")
    return f"Changes are measured against the register as it stood at {when} (from the register's history)."


def _bands(data: PackData) -> Table:
    scheme = data.scheme
    inherent = Counter(scheme.band_for(r.inherent.score).name for r in data.open_risks if r.inherent)
    residual = Counter(scheme.band_for(r.residual.score).name for r in data.open_risks if r.residual)
    rows = [["Band", "Scores", "Inherent", "Residual"]]
    commands = list(BASE_STYLE) + [("ALIGN", (2, 0), (-1, -1), "RIGHT")]
    for line, band in enumerate(reversed(scheme.bands), start=1):
        rows.append([band.name, score_range(scheme, band), str(inherent[band.name]), str(residual[band.name])])
        fill = hex_colour(band.colour)
        commands += [("BACKGROUND", (0, line), (0, line), fill), ("TEXTCOLOR", (0, line), (0, line), ink_on(fill))]
    unscored = [sum(r.inherent is None for r in data.open_risks), sum(r.residual is None for r in data.open_risks)]
    rows.append(["Not scored", "", str(unscored[0]), str(unscored[1])])
    table = Table(rows, colWidths=[3.5 * cm, 2.5 * cm, 3 * cm, 3 * cm], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def score_range(scheme, band) -> str:
    names = [b.name for b in scheme.bands]
    position = names.index(band.name)
    top = scheme.bands[position + 1].lowest - 1 if position + 1 < len(names) else scheme.max_score
    return f"{band.lowest}\u2013{top}" if top != band.lowest else str(top)


def _above_appetite(data: PackData) -> list:
    scheme = data.scheme
    above = [r for r in data.open_risks if scheme.above_appetite(r.current.score if r.current else None)]
    if not above:
        return [markup("Risks above appetite", SUBHEADING), markup("No open risk is above the board's appetite.")]
    w = ABOVE_WIDTHS
    rows = [[wrapped(r.ref, w[0]), wrapped(r.title, w[1]), wrapped(r.owner, w[2]), str(r.current.score),
             scheme.band_for(r.current.score).name]
            for r in above]
    return [markup(f"Risks above appetite ({len(above)})", SUBHEADING)] + chunked(
        ABOVE_HEADER, rows, ABOVE_WIDTHS, lambda i, line: band_style(scheme, above[i].current, 3, line))
