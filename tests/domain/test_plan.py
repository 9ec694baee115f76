from datetime import date

import pytest

from csp_desktop.domain.plan import (IndicatorValue, PlanValueError, check_value, heading_period, indicator_rag,
                                     read_measure, read_period, split_lead_agencies, trend)
from tests.conftest import known


@pytest.mark.parametrize("text, value, top, bottom, rate", [
    ("82/200 = 41%", 41, 82, 200, None),
    ("970 (Rate 5.41)", 970, None, None, 5.41),
    ("798 (Rate = 4.45)", 798, None, None, 4.45),
    ("9,632", 9632, None, None, None),
    ("57%", 57, None, None, None),
    ("5.41 per 1,000", 5.41, None, None, 5.41),
    ("Qtr 1 outturn 41% (Qtr2 data awaited from public health)", 41, None, None, None),
    ("Reduce to 35%", 35, None, None, None),
    ("82/200", 41, 82, 200, None),
])
def test_published_figures_give_their_number_and_keep_their_text(text, value, top, bottom, rate):
    measure = read_measure(text)
    assert measure.text == text
    assert (measure.value, measure.numerator, measure.denominator, measure.rate) == (value, top, bottom, rate)


@pytest.mark.parametrize("text", ["Qtr 1 performance expected February 2012", "n/a", "",
                                  "To achieve a 20% reduction in offending from new PPO cohort identified on 01/04/11",
                                  "28\u201340%", "x" * 10_000])
def test_text_without_a_trustworthy_number_is_kept_as_text(text):
    measure = read_measure(text)
    assert measure.value is None and measure.text == " ".join(text.split())


def test_a_negative_count_and_a_percentage_over_100_are_refused_in_one_sentence():
    with pytest.raises(PlanValueError, match="negative count"):
        check_value(read_measure("-5"), "count")
    with pytest.raises(PlanValueError, match="between 0 and 100"):
        check_value(read_measure("140%"), "percentage")
    check_value(read_measure("n/a"), "count")  # no number, nothing to refuse


def test_periods_from_headings_quarters_and_dates():
    assert heading_period("2011/12 Target") == "2011/12"
    assert heading_period("Performance to 31/01/12") == "to 31/01/12"
    assert heading_period("Target") == ""
    assert read_period("to 31/01/12").end == date(2012, 1, 31)
    assert read_period("2011/12 Q3").end == date(2011, 12, 31)
    assert read_period("Q4 2011/12").end == date(2012, 3, 31)
    assert read_period("2011/12").end == date(2012, 3, 31)
    with pytest.raises(PlanValueError):
        read_period("next spring")
    with pytest.raises(PlanValueError, match="does not exist"):
        read_period("31/02/2012")


def test_rag_against_target_by_direction_with_amber_tolerance():
    assert indicator_rag(8031, 9632, "reduce", 0.05) == "green"
    assert indicator_rag(41, 30, "reduce", 0.05) == "red"
    assert indicator_rag(31, 30, "reduce", 0.05) == "amber"
    assert indicator_rag(57, 40, "increase", 0.05) == "green"
    assert indicator_rag(39, 40, "increase", 0.05) == "amber"
    assert indicator_rag(39, 40, "increase", 0.0) == "red"
    assert indicator_rag(None, 40, "increase", 0.05) is None
    assert indicator_rag(39, None, "increase", 0.05) is None


def _value(end, number):
    return IndicatorValue("i", str(end), end, str(number), number)


def test_trend_since_previous_value_and_same_period_last_year():
    values = [_value(date(2010, 12, 31), 120), _value(date(2011, 9, 30), 90), _value(date(2011, 12, 31), 100),
              IndicatorValue("i", "later", date(2012, 3, 31), "awaited", None)]
    found = trend(values, "reduce")
    assert found.since_previous == "worse" and known(found.previous).value == 90
    assert found.since_last_year == "better" and known(found.last_year).value == 120
    assert trend([], "reduce").since_previous is None


def test_lead_agencies_split_only_between_names():
    assert split_lead_agencies("West Mercia Police and Herefordshire Public Health") == [
        "West Mercia Police", "Herefordshire Public Health"]
    assert split_lead_agencies("Hereford and Worcester Fire and Rescue Service") == [
        "Hereford and Worcester Fire and Rescue Service"]
    assert split_lead_agencies("Fire and Rescue") == ["Fire and Rescue"]
    assert split_lead_agencies("Herefordshire Council") == ["Herefordshire Council"]


def test_unit_follows_the_figures_not_the_words():
    from csp_desktop.domain.plan import guess_unit
    assert guess_unit("30%", "82/200 = 41%") == "percentage"
    assert guess_unit("970 (Rate 5.41)", "798 (Rate = 4.45)") == "count"
    assert guess_unit("5.2 per 1,000", "") == "rate"
    assert guess_unit("To achieve a 20% reduction in offending", "Qtr 1 performance expected February 2012") == "count"
