"""One small chart of an indicator's values against its target, for the pack and (as SVG) for the app.

Drawn with reportlab's own graphics so one piece of code serves both: the pack places the Drawing as a
flowable, the app shows `svg()` in a QSvgWidget (QtSvg is in PySide6-Essentials; QtCharts would add
PySide6-Addons, about 160 MB). Measured in bench/bench_plan.py.
"""
from __future__ import annotations

import math

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from ..domain.plan import IndicatorValue
from ..domain.plan_summary import format_number

VALUE_COLOUR = colors.HexColor("#243B53")
TARGET_COLOUR = colors.HexColor("#C00000")
GRID = colors.HexColor("#D9E2EC")
FONT = "Helvetica"  # labels are periods and numbers; the standard font needs no embedding in SVG


def chart(values: list[IndicatorValue], target: float | None, unit: str = "count", *, width: float = 240,
          height: float = 110, font_size: float = 7) -> Drawing:
    """Values (oldest first) as a line with points, the target as a dashed line; periods below."""
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))  # SVG has no page
    numbered = sorted((v for v in values if v.value is not None), key=lambda v: v.period_end)
    if not numbered:
        drawing.add(String(width / 2, height / 2, "No values yet", fontName=FONT, fontSize=font_size + 1,
                           textAnchor="middle", fillColor=colors.HexColor("#52606D")))
        return drawing
    plot = LinePlot()
    plot.x, plot.y = 34, 22
    plot.width, plot.height = width - plot.x - 8, height - plot.y - 10
    points = [(n, v.value) for n, v in enumerate(numbered)]
    series = [points]
    if target is not None:
        series.append([(0, target), (max(len(numbered) - 1, 1), target)])
    plot.data = series
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = VALUE_COLOUR, 1.5
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3.5, fillColor=VALUE_COLOUR, strokeColor=VALUE_COLOUR)
    if target is not None:
        plot.lines[1].strokeColor, plot.lines[1].strokeWidth = TARGET_COLOUR, 1
        plot.lines[1].strokeDashArray = (3, 2)
    _axes(plot, numbered, target, unit, font_size)
    drawing.add(plot)
    if target is not None:
        drawing.add(String(width - 8, plot.y + plot.height + 2, f"target {format_number(target, unit)}",
                           fontName=FONT, fontSize=font_size, textAnchor="end", fillColor=TARGET_COLOUR))
    drawing.add(Line(plot.x, plot.y, plot.x + plot.width, plot.y, strokeColor=GRID, strokeWidth=0.5))
    return drawing


def _axes(plot: LinePlot, numbered: list[IndicatorValue], target, unit: str, font_size: float) -> None:
    numbers = [v.value for v in numbered] + ([target] if target is not None else [])
    # A small chart in the pack gets fewer steps, so its labels stay apart.
    ticks = axis_ticks(min(numbers), max(numbers), most=max(2, min(5, int(plot.height // (font_size * 2.5)))))
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = ticks[0], ticks[-1]
    plot.yValueAxis.valueSteps = ticks
    plot.yValueAxis.labels.fontName, plot.yValueAxis.labels.fontSize = FONT, font_size
    plot.yValueAxis.labelTextFormat = lambda v: format_number(round(v, 2), unit)
    plot.yValueAxis.visibleGrid, plot.yValueAxis.gridStrokeColor = True, GRID
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = -0.3, max(len(numbered) - 1, 1) + 0.3
    plot.xValueAxis.valueSteps = list(range(len(numbered)))
    labels = [_short_period(v.period) for v in numbered]
    # As many period names as fit (about one per 55 points at this size); a pack's small chart shows the first
    # and the last only, so names never run into each other.
    room = max(2, int(plot.width // (font_size * 8)))
    shown = {0, len(labels) - 1} if room < 3 else set(range(0, len(labels), max(1, -(-len(labels) // room))))
    plot.xValueAxis.labelTextFormat = lambda n: labels[int(n)] if int(n) in shown else ""
    plot.xValueAxis.labels.fontName, plot.xValueAxis.labels.fontSize = FONT, font_size


def axis_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Round steps (1, 2, 2.5 or 5 times a power of ten) from at or below `low` to at or above `high`, so the
    highest value or target is never drawn above the top tick (3.1 on an axis that stopped at 3)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]  # no scale can show it; the values table beside the chart still does
    pad = (high - low) * 0.15 or max(abs(high) * 0.1, 1)
    bottom = max(0.0, low - pad) if low >= 0 else low - pad
    span = high + pad - bottom
    power = 10 ** math.floor(math.log10(span / most))
    step = next(power * m for m in (1, 2, 2.5, 5, 10) if span / (power * m) <= most)
    first, last = math.floor(bottom / step), math.ceil((high + pad * 0.5) / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def _short_period(label: str) -> str:
    return label if len(label) <= 12 else label[:11] + "\u2026"


def svg(values: list[IndicatorValue], target: float | None, unit: str = "count", *, width: float = 480,
        height: float = 220) -> bytes:
    """The same chart as SVG, for the app's QSvgWidget."""
    from reportlab.graphics import renderSVG
    text = renderSVG.drawToString(chart(values, target, unit, width=width, height=height, font_size=9))
    # reportlab writes "fill: None"; QtSvg reads CSS keywords case-sensitively and would fill the line black
    return text.replace("fill: None", "fill: none").encode("utf-8")
