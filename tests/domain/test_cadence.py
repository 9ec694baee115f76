"""The review cadence by band: dates, renamed bands, and the figures refused."""
from dataclasses import replace
from datetime import date

import pytest

from csp_desktop.domain.cadence import Cadence, CadenceError, add_months, cadence_from_bands
from csp_desktop.domain.scoring import Band, default_5x5, words_3x3


def test_default_cadence_runs_monthly_to_yearly_from_the_top_band():
    scheme = default_5x5()
    assert Cadence().by_band(scheme) == {"Very high": 1, "High": 3, "Medium": 6, "Low": 12}
    assert Cadence().next_review(scheme, 20, date(2026, 11, 27)) == date(2026, 12, 27)
    assert Cadence().next_review(scheme, 2, date(2026, 11, 27)) == date(2027, 11, 27)
    assert Cadence().next_review(scheme, None, date(2026, 11, 27)) is None


def test_a_renamed_band_keeps_its_cadence():
    scheme = default_5x5()
    cadence = cadence_from_bands(scheme, {"Very high": 2, "High": 4, "Medium": 6, "Low": 12})
    renamed = replace(scheme, bands=tuple(Band("Severe" if b.name == "Very high" else b.name, b.lowest, b.colour)
                                          for b in scheme.bands))
    assert cadence.by_band(renamed)["Severe"] == 2
    assert Cadence.from_text(cadence.to_text()) == cadence


def test_a_smaller_scheme_takes_the_top_figures():
    assert Cadence().by_band(words_3x3()) == {"High": 1, "Medium": 3, "Low": 6}


@pytest.mark.parametrize("value, words", [(0, "never be due"), (-3, "never be due"), (120, "10 years"),
                                          ("soon", "number of months"), (None, "number of months"),
                                          ("9" * 400, "years")])
def test_a_cadence_of_nothing_or_ten_years_is_refused_in_a_sentence(value, words):
    months = {"Very high": 1, "High": 3, "Medium": value, "Low": 12}
    with pytest.raises(CadenceError, match=words) as caught:
        cadence_from_bands(default_5x5(), months)
    assert str(caught.value).count(".") <= 2 and "Medium" in str(caught.value)


def test_a_damaged_stored_cadence_is_clamped_or_defaulted():
    assert Cadence.from_text("[0, 999]").months_from_top == (1, 36)
    assert Cadence.from_text("not json") == Cadence()


def test_month_ends_fall_back_to_the_last_day():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 12, 15), 12) == date(2028, 12, 15)
