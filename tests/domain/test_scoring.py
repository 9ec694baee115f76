import pytest
from hypothesis import given, strategies as st

from csp_desktop.domain.scoring import (IMPACT, LIKELIHOOD, Band, LevelError, Rating, Scheme, SchemeError,
                                        default_5x5, preset, words_3x3)
from tests.conftest import known


@pytest.mark.parametrize("value, level", [("High", 3), ("high ", 3), ("Med", 2), ("Medium", 2), ("M", 2),
                                          ("3", 3), ("3.0", 3), (3.0, 3), (1, 1), ("low", 1), ("  LOW  ", 1)])
def test_words_scheme_reads_what_real_sheets_hold(value, level):
    assert words_3x3().parse_level(value, LIKELIHOOD) == level


@pytest.mark.parametrize("value, level", [("Very high", 5), ("very  HIGH", 5), ("Almost certain", 5), ("Rare", 1),
                                          ("Likely", 4), ("4", 4), (2.0, 2), ("Medium", 3), ("Med", 3)])
def test_five_level_scheme_reads_labels_and_generic_words(value, level):
    assert default_5x5().parse_level(value, LIKELIHOOD) == level


@pytest.mark.parametrize("value", ["Highish", "7", 7, "0", "3.5", 2.5, "about 3", "very", True, "nan", "-1"])
def test_unreadable_levels_are_refused_with_a_sentence(value):
    with pytest.raises(LevelError, match="not a likelihood level on this 5-level scale"):
        default_5x5().parse_level(value, LIKELIHOOD)


def test_empty_cells_are_no_level():
    assert default_5x5().parse_level(None, IMPACT) is None
    assert default_5x5().parse_level("  ", IMPACT) is None


def test_impact_labels_are_their_own():
    assert default_5x5().parse_level("Catastrophic", IMPACT) == 5
    with pytest.raises(LevelError):
        default_5x5().parse_level("Catastrophic", LIKELIHOOD)


def test_bands_and_appetite():
    scheme = default_5x5()
    assert Rating(4, 5).score == 20
    assert known(scheme.band_for(4)).name == "Low"
    assert known(scheme.band_for(5)).name == "Medium"
    assert known(scheme.band_for(25)).name == "Very high"
    assert scheme.band_for(None) is None
    assert not scheme.above_appetite(9)
    assert scheme.above_appetite(10)


def test_three_by_three_bands():
    scheme = words_3x3()
    assert [known(scheme.band_for(s)).name for s in (1, 2, 3, 4, 6, 9)] == ["Low", "Low", "Medium", "Medium", "High",
                                                                           "High"]
    assert scheme.max_score == 9 and scheme.size == "3x3"


def test_scheme_round_trips_through_a_dict():
    for name in ("3x3", "5x5"):
        assert Scheme.from_dict(preset(name).to_dict()) == preset(name)


def test_four_by_three_scheme_is_allowed():
    scheme = Scheme(("A", "B", "C", "D"), ("x", "y", "z"), (Band("Low", 1, "#00FF00"),), "Low")
    assert scheme.size == "4x3" and scheme.max_score == 12
    assert scheme.parse_level("Very high", LIKELIHOOD) == 4


@pytest.mark.parametrize("change, message", [
    (dict(likelihood_labels=("a", "b")), "3 to 5 levels"),
    (dict(impact_labels=tuple("abcdef")), "3 to 5 levels"),
    (dict(bands=(Band("Low", 2, "#00FF00"),)), "start at score 1"),
    (dict(bands=(Band("Low", 1, "green"),)), "#RRGGBB"),
    (dict(appetite="Extreme"), "not one of the bands"),
    (dict(bands=(Band("Low", 1, "#00FF00"), Band("Off", 30, "#FF0000"))), "above the highest score"),
])
def test_inconsistent_schemes_are_refused(change, message):
    settings = dict(likelihood_labels=("L", "M", "H"), impact_labels=("L", "M", "H"),
                    bands=(Band("Low", 1, "#00FF00"), Band("High", 5, "#FF0000")), appetite="Low")
    with pytest.raises(SchemeError, match=message):
        Scheme(**{**settings, **change})


def test_incomplete_scheme_dict_is_a_scheme_error():
    with pytest.raises(SchemeError):
        Scheme.from_dict({"likelihood_labels": ["a", "b", "c"]})


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=5))
def test_every_cell_of_the_matrix_has_exactly_one_band(likelihood, impact):
    scheme = default_5x5()
    band = scheme.band_for(Rating(likelihood, impact).score)
    assert band in scheme.bands
    assert scheme.fits(Rating(likelihood, impact))


@given(st.one_of(st.text(max_size=30), st.floats(allow_nan=True), st.integers()))
def test_parse_level_returns_a_level_or_a_clear_error(value):
    try:
        level = words_3x3().parse_level(value, IMPACT)
    except LevelError as exc:
        assert "impact level" in str(exc)
    else:
        assert level is None or 1 <= level <= 3


def test_impact_errors_read_as_english():
    with pytest.raises(LevelError, match="'9' is not an impact level"):
        default_5x5().parse_level("9", IMPACT)
