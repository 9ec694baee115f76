"""The summary page: the figures a board reads first."""
from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.dates import show
from ..domain.derived import ARROWS, DOWN, NEW, UNCHANGED, UP
from ..domain.pack import CLOSED, ESCALATED, PackData, travel_header
from .scores import band_fill, band_ink, direction_cell, score_cell
from .styles import BODY, SUBHEADING, esc, markup
from .tables import BASE_STYLE, chunked, wrapped
from .tracker import tracked_actions

ABOVE_HEADER = ["Ref", "Risk", "Owner", "Now", "Travel"]
ABOVE_WIDTHS = [c * cm for c in (1.6, 8.6, 3.6, 2.2, 2.4)]


def key_figures(data: PackData) -> list[tuple[str, int]]:
    """The counts a board reads first; travel counts come from the same arrows the register prints."""
    risks = data.open_risks
    travel = Counter(r.direction for r in risks)
    moves = Counter(part.strip().lower() for c in data.changes if c.item == "risk" for part in c.what.split(";"))
    actions = tracked_actions(data)
    since = travel_header(data.travel_since)
    figures = [("Open risks", len(risks))]
    if data.appetite_set:
        figures.append((f"Risks above appetite ({data.scheme.appetite})",
                        sum(data.scheme.above_appetite(r.current.score if r.current else None) for r in risks)))
    figures += [
        (f"{ARROWS[NEW]} New risks {since}", travel[NEW]),
        (f"{ARROWS[UP]} Risks whose score went up {since}", travel[UP]),
        (f"{ARROWS[DOWN]} Risks whose score went down {since}", travel[DOWN]),
        (f"{ARROWS[UNCHANGED]} Risks whose score is the same {since}", travel[UNCHANGED]),
        (f"Risks closed {since}", moves[CLOSED.lower()]),
    ]
    if data.appetite_set:
        figures.append((f"Risks escalated: now above appetite {since}", moves[ESCALATED.lower()]))
    figures += [
        ("Risks past their review date", sum(r.review_overdue for r in risks)),
        ("Open actions", sum(a.rag is not None for a in actions)),
        ("Overdue actions", sum(a.overdue for a in actions)),
    ]
    return figures


def summary_flowables(data: PackData) -> list:
    figures = Table([["", "Count"]] + [[label, str(n)] for label, n in key_figures(data)],
                    colWidths=[11 * cm, 2.5 * cm], hAlign="LEFT")
    figures.setStyle(TableStyle(BASE_STYLE + [("ALIGN", (1, 0), (1, -1), "RIGHT"), ("FONTSIZE", (0, 1), (-1, -1), 9)]))
    story = [markup(in_plain_english(data), BODY), figures, Spacer(1, 0.2 * cm),
             markup(comparison_basis(data), BODY), markup("Open risks by band", SUBHEADING), _bands(data)]
    if data.appetite_set:
        story += _above_appetite(data)
    return story


def in_plain_english(data: PackData) -> str:
    """The summary's opening: the state of the register in two sentences a board member reads first."""
    risks = data.open_risks
    travel = Counter(r.direction for r in risks)
    words = [f"This part of the register holds {_n(len(risks), 'open risk')}"]
    if data.appetite_set:
        above = sum(data.scheme.above_appetite(r.current.score if r.current else None) for r in risks)
        words.append(f", {above} of them above the board's appetite")
    since = travel_header(data.travel_since)
    moved = [f"{_n(travel[NEW], 'risk')} {'is' if travel[NEW] == 1 else 'are'} new",
             f"{travel[UP]} went up", f"{travel[DOWN]} went down", f"{travel[UNCHANGED]} stayed the same"]
    actions = tracked_actions(data)
    overdue = sum(a.overdue for a in actions)
    open_count = sum(a.rag is not None for a in actions)
    return (f"{''.join(words)}. {since[0].upper()}{since[1:]}, {', '.join(moved[:-1])} and {moved[-1]}. "
            f"{_n(open_count, 'action')} {'is' if open_count == 1 else 'are'} open, "
            f"{overdue} overdue.")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def comparison_basis(data: PackData) -> str:
    """What direction of travel and the changes are measured against, in one sentence."""
    if data.previous is None:
        return ("There is no earlier meeting in the register, so each risk is compared with its first review; "
                "a risk never reviewed shows as the same.")
    when = f"the {esc(data.previous.board)} on {show(data.previous.held_on)}"
    if data.changes_basis == "snapshot":
        return f"Changes and direction of travel are measured against the pack issued for {when}."
    if data.changes_basis == "reviews":
        return (f"This register was started after {when}, so changes are measured from the reviews recorded "
                "since then (new, closed and reassigned items cannot be told).")
    return (f"Changes and direction of travel are measured against the register as it stood at {when} "
            "(from the register's history).")


def _bands(data: PackData) -> Table:
    scheme = data.scheme
    # Every score on the scheme falls in a band (the lowest band starts at 1), so band_for is never None here.
    inherent = Counter(scheme.band_for(r.inherent.score).name  # type: ignore[union-attr]
                       for r in data.open_risks if r.inherent)
    residual = Counter(scheme.band_for(r.residual.score).name  # type: ignore[union-attr]
                       for r in data.open_risks if r.residual)
    rows = [["Band", "Scores", "Inherent", "Residual"]]
    commands = list(BASE_STYLE) + [("ALIGN", (2, 0), (-1, -1), "RIGHT")]
    for line, band in enumerate(reversed(scheme.bands), start=1):
        rows.append([band.name, score_range(scheme, band), str(inherent[band.name]), str(residual[band.name])])
        fill = band_fill(scheme, band)
        commands += [("BACKGROUND", (0, line), (0, line), fill), ("TEXTCOLOR", (0, line), (0, line), band_ink(fill))]
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
    rows = [[wrapped(r.ref, w[0]), wrapped(r.title, w[1]), wrapped(r.owner, w[2]),
             score_cell(scheme, r.current, w[3] - 6, compact=True), direction_cell(r.direction)]
            for r in above]
    header = ABOVE_HEADER[:-1] + ["Travel\n" + travel_header(data.travel_since).replace(" ", "\n", 1)]
    return [markup(f"Risks above appetite ({len(above)})", SUBHEADING)] + chunked(header, rows, ABOVE_WIDTHS)
