"""Inherent and residual heat maps side by side, as vector drawings in the register's own matrix and colours."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib.units import cm

from ..domain.pack import PackData, PackRisk
from ..domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from .fonts import BOLD, REGULAR
from .scripts import split
from .styles import INK, MUTED, RULE, hex_colour, ink_on

LABEL_WIDTH = 2.4 * cm
AXIS_HEIGHT = 1.6 * cm
TITLE_HEIGHT = 0.8 * cm
GAP = 1.0 * cm
REF_SIZE = 6.5
MAX_REF_LINES = 3


def heatmaps(data: PackData, width: float, height: float) -> Drawing:
    """One drawing with the inherent map on the left and the residual map on the right."""
    drawing = Drawing(width, height)
    half = (width - GAP) / 2
    risks = data.open_risks
    drawing.add(_grid(data.scheme, "Inherent (before mitigation)", risks, lambda r: r.inherent, half, height))
    right = _grid(data.scheme, "Residual (now)", risks, lambda r: r.residual, half, height)
    right.translate(half + GAP, 0)
    drawing.add(right)
    return drawing


def _grid(scheme: Scheme, title: str, risks, rating_of, width: float, height: float) -> Group:
    group = Group()
    columns, rows = scheme.levels(IMPACT), scheme.levels(LIKELIHOOD)
    cell_w = (width - LABEL_WIDTH) / columns
    cell_h = (height - AXIS_HEIGHT - TITLE_HEIGHT) / rows
    cells = _cells(risks, rating_of)
    plotted = sum(len(refs) for refs in cells.values())
    group.add(String(LABEL_WIDTH, height - 0.5 * cm, f"{title}: {plotted} risk{'s' if plotted != 1 else ''}",
                     fontName=BOLD, fontSize=11, fillColor=INK))
    for likelihood in range(1, rows + 1):
        for impact in range(1, columns + 1):
            x = LABEL_WIDTH + (impact - 1) * cell_w
            y = AXIS_HEIGHT + (likelihood - 1) * cell_h
            _cell(group, scheme, Rating(likelihood, impact), cells.get((likelihood, impact), []), x, y, cell_w, cell_h)
    _axes(group, scheme, cell_w, cell_h, columns, rows)
    return group


def _cells(risks: tuple[PackRisk, ...], rating_of) -> dict[tuple[int, int], list[str]]:
    cells: dict[tuple[int, int], list[str]] = {}
    for risk in risks:
        rating = rating_of(risk)
        if rating is not None:
            cells.setdefault((rating.likelihood, rating.impact), []).append(risk.ref or "\u2013")
    return cells


def _cell(group, scheme, rating: Rating, refs: list[str], x, y, w, h) -> None:
    band = scheme.band_for(rating.score)
    fill = hex_colour(band.colour if band else "#FFFFFF")
    ink = ink_on(fill)
    group.add(Rect(x, y, w, h, fillColor=fill, strokeColor=RULE if band is None else fill.clone(alpha=1),
                   strokeWidth=0.5))
    group.add(Rect(x, y, w, h, fillColor=None, strokeColor=hex_colour("#FFFFFF"), strokeWidth=1.5))
    if not refs:
        return
    group.add(String(x + w / 2, y + h - 15, str(len(refs)), fontName=BOLD, fontSize=13, fillColor=ink,
                     textAnchor="middle"))
    for line_no, line in enumerate(_ref_lines(refs, w - 6)):
        group.add(String(x + w / 2, y + h - 26 - line_no * (REF_SIZE + 1.5), line, fontName=REGULAR,
                         fontSize=REF_SIZE, fillColor=ink, textAnchor="middle"))


def _ref_lines(refs: list[str], width: float) -> list[str]:
    """The refs in a cell, wrapped to its width; what does not fit is counted, not dropped silently."""
    lines = split(", ".join(refs), REGULAR, REF_SIZE, width)
    if len(lines) <= MAX_REF_LINES:
        return lines
    shown = lines[:MAX_REF_LINES - 1]
    count = len(" ".join(shown).split(", "))
    return shown + [f"+ {len(refs) - count} more"]


def _axes(group, scheme: Scheme, cell_w, cell_h, columns, rows) -> None:
    for impact in range(1, columns + 1):
        x = LABEL_WIDTH + (impact - 0.5) * cell_w
        for n, line in enumerate(split(f"{impact} {scheme.label(IMPACT, impact)}", REGULAR, 7, cell_w - 4)[:2]):
            group.add(String(x, AXIS_HEIGHT - 10 - n * 8, line, fontName=REGULAR, fontSize=7, fillColor=MUTED,
                             textAnchor="middle"))
    group.add(String(LABEL_WIDTH + columns * cell_w / 2, 4, "Impact \u2192", fontName=BOLD, fontSize=8,
                     fillColor=INK, textAnchor="middle"))
    for likelihood in range(1, rows + 1):
        y = AXIS_HEIGHT + (likelihood - 0.5) * cell_h
        for n, line in enumerate(split(f"{likelihood} {scheme.label(LIKELIHOOD, likelihood)}", REGULAR, 7,
                                             LABEL_WIDTH - 16)[:2]):
            group.add(String(LABEL_WIDTH - 4, y - n * 8, line, fontName=REGULAR, fontSize=7, fillColor=MUTED,
                             textAnchor="end"))
    label = String(0, 0, "Likelihood \u2192", fontName=BOLD, fontSize=8, fillColor=INK, textAnchor="middle")
    turned = Group(label)
    turned.rotate(90)
    turned.translate(AXIS_HEIGHT + rows * cell_h / 2, -8)
    group.add(turned)
