"""The indicator chart's value axis: round ticks that reach past the highest value or target."""
from datetime import date

import pytest
from reportlab.graphics.charts.lineplots import LinePlot

from csp_desktop.domain.plan import IndicatorValue
from csp_desktop.reports.indicator_chart import axis_ticks, chart


def _plot(values, target):
    rows = [IndicatorValue("i", f"Q{n + 1}", date(2026, 3 * n + 1, 28), str(v), value=v) for n, v in enumerate(values)]
    return next(item for item in chart(rows, target).contents if isinstance(item, LinePlot))


@pytest.mark.parametrize("values, target", [([1.4], 3.1), ([3.1], 1.4), ([104], 162), ([0.2, 0.9], None),
                                            ([-3, 2], 0), ([5], 5), ([0], None), ([1, 1e9], 2)])
def test_the_axis_reaches_past_the_highest_value_and_target(values, target):
    """Values 1.4 and target 3.1 drew the target above the axis's top tick, 3."""
    axis = _plot(values, target).yValueAxis
    numbers = values + ([target] if target is not None else [])
    assert axis.valueSteps[0] <= min(numbers) and axis.valueSteps[-1] >= max(numbers)
    assert (axis.valueMin, axis.valueMax) == (axis.valueSteps[0], axis.valueSteps[-1])
    assert len(axis.valueSteps) <= 8


def test_ticks_are_round_steps():
    assert axis_ticks(1.4, 3.1) == [1.0, 1.5, 2.0, 2.5, 3.0, 3.5]
    assert axis_ticks(104, 162)[-1] == 180
    assert axis_ticks(0, float("inf")) == [0.0, 1.0]
