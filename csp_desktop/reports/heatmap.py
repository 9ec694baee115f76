"""Inherent and residual heat maps side by side (and an optional target map), as vector drawings in the
register's own matrix. Every cell carries its band word or initials; every ref is shown: what does not fit
in its cell is listed under the maps. Refs that moved since the basis carry their arrow."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib.units import cm

from ..domain.derived import ARROWS, NEW, UNCHANGED
from ..domain.pack import PackData, PackRisk
from ..domain.scoring import IMPACT, LIKELIHOOD, Rating, Scheme
from .fonts import BOLD, REGULAR
from .scores import band_fill, band_ink, band_word, initials
from .scripts import split
from .styles import INK, MUTED, RULE, ink_on

LABEL_WIDTH = 2.4 * cm
AXIS_HEIGHT = 1.6 * cm
TITLE_HEIGHT = 0.8 * cm
GAP = 1.0 * cm
REF_SIZE = 8      # the pack's smallest text
LINE = REF_SIZE + 1.5


class HeatMaps:
    """The maps' drawing, and the refs that did not fit in their cells (printed under the maps)."""

    def __init__(self, data: PackData, width: float, height: float, which: tuple[str, ...] = ("inherent", "residual")):
        self.overflow: list[tuple[str, str, list[str]]] = []   # map, cell, refs
        known = {"inherent": ("Inherent (before mitigation)", lambda r: r.inherent, False),
                 "residual": ("Residual (now)", lambda r: r.residual, True),
                 "target": ("Target (aimed for)", lambda r: r.target, False)}
        maps = [known[name] for name in which]
        self.drawing = Drawing(width, height)
        each = (width - GAP * (len(maps) - 1)) / len(maps)
        for n, (title, rating_of, marked) in enumerate(maps):
            group = self._grid(data.scheme, title, data.open_risks, rating_of, marked, each, height)
            group.translate(n * (each + GAP), 0)
            self.drawing.add(group)

    def _grid(self, scheme: Scheme, title: str, risks, rating_of, marked: bool, width: float, height: float) -> Group:
        group = Group()
        columns, rows = scheme.levels(IMPACT), scheme.levels(LIKELIHOOD)
        cell_w = (width - LABEL_WIDTH) / columns
        cell_h = (height - AXIS_HEIGHT - TITLE_HEIGHT) / rows
        cells = _cells(risks, rating_of, marked)
        plotted = sum(len(refs) for refs in cells.values())
        group.add(String(LABEL_WIDTH, height - 0.5 * cm, f"{title}: {plotted} risk{'s' if plotted != 1 else ''}",
                         fontName=BOLD, fontSize=11, fillColor=INK))
        for likelihood in range(1, rows + 1):
            for impact in range(1, columns + 1):
                x = LABEL_WIDTH + (impact - 1) * cell_w
                y = AXIS_HEIGHT + (likelihood - 1) * cell_h
                rating = Rating(likelihood, impact)
                hidden = _cell(group, scheme, rating, cells.get((likelihood, impact), []), x, y, cell_w, cell_h)
                if hidden:
                    self.overflow.append((title.split(" ")[0], f"L{likelihood}\u00d7I{impact}", hidden))
        _axes(group, scheme, cell_w, cell_h, columns, rows)
        return group


def _cells(risks: tuple[PackRisk, ...], rating_of, marked: bool) -> dict[tuple[int, int], list[str]]:
    cells: dict[tuple[int, int], list[str]] = {}
    for risk in risks:
        rating = rating_of(risk)
        if rating is not None:
            ref = risk.ref or "\u2013"
            if marked and risk.direction not in (UNCHANGED, NEW):
                ref += ARROWS[risk.direction]
            elif marked and risk.direction == NEW:
                ref += "*"
            cells.setdefault((rating.likelihood, rating.impact), []).append(ref)
    return cells


def _cell(group, scheme, rating: Rating, refs: list[str], x, y, w, h) -> list[str]:
    """Draw one cell; returns the refs that did not fit, for the list under the maps."""
    band = scheme.band_for(rating.score)
    fill = band_fill(scheme, band) if band else RULE
    ink = band_ink(fill)
    group.add(Rect(x, y, w, h, fillColor=fill, strokeColor=None))
    group.add(Rect(x, y, w, h, fillColor=None, strokeColor=ink_on(INK), strokeWidth=1.5))
    if band is not None:  # the band in words, so a grey print still says which band a cell is
        word = band_word(band, w / 2 - 4, REF_SIZE) if w > 60 else initials(band.name)
        group.add(String(x + w - 3, y + 3, word, fontName=REGULAR, fontSize=REF_SIZE, fillColor=ink,
                         textAnchor="end"))
    if not refs:
        return []
    group.add(String(x + w / 2, y + h - 14, str(len(refs)), fontName=BOLD, fontSize=12, fillColor=ink,
                     textAnchor="middle"))
    room = max(0, int((h - 14 - 4 - LINE) // LINE))   # lines between the count and the band word
    lines = split(", ".join(refs), REGULAR, REF_SIZE, w - 6)
    shown, hidden = lines, []
    if len(lines) > room:
        shown = lines[:max(room - 1, 0)]
        count = len(", ".join(shown).split(", ")) if shown else 0
        hidden = refs[count:]
        shown = shown + ([f"{len(hidden)} listed below"] if room else [])
    for line_no, line in enumerate(shown):
        group.add(String(x + w / 2, y + h - 14 - (line_no + 1) * LINE, line, fontName=REGULAR,
                         fontSize=REF_SIZE, fillColor=ink, textAnchor="middle"))
    return hidden


def _axis_label(scheme: Scheme, axis: str, level: int) -> str:
    """"3 Possible"; a level the partnership named only by its number is just "3"."""
    label = scheme.label(axis, level)
    return label if label == str(level) else f"{level} {label}"


def _axes(group, scheme: Scheme, cell_w, cell_h, columns, rows) -> None:
    for impact in range(1, columns + 1):
        x = LABEL_WIDTH + (impact - 0.5) * cell_w
        for n, line in enumerate(split(_axis_label(scheme, IMPACT, impact), REGULAR, 8, cell_w - 4)[:2]):
            group.add(String(x, AXIS_HEIGHT - 10 - n * 9, line, fontName=REGULAR, fontSize=8, fillColor=MUTED,
                             textAnchor="middle"))
    group.add(String(LABEL_WIDTH + columns * cell_w / 2, 4, "Impact \u2192", fontName=BOLD, fontSize=8,
                     fillColor=INK, textAnchor="middle"))
    for likelihood in range(1, rows + 1):
        y = AXIS_HEIGHT + (likelihood - 0.5) * cell_h
        for n, line in enumerate(split(_axis_label(scheme, LIKELIHOOD, likelihood), REGULAR, 8,
                                             LABEL_WIDTH - 16)[:2]):
            group.add(String(LABEL_WIDTH - 4, y - n * 9, line, fontName=REGULAR, fontSize=8, fillColor=MUTED,
                             textAnchor="end"))
    label = String(0, 0, "Likelihood \u2192", fontName=BOLD, fontSize=8, fillColor=INK, textAnchor="middle")
    turned = Group(label)
    turned.rotate(90)
    turned.translate(AXIS_HEIGHT + rows * cell_h / 2, -8)
    group.add(turned)
